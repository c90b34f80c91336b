using System.Text.RegularExpressions;

namespace Assessments.Matching.Internals;

/// <summary>
/// Reads ROME 4.0's open-data CSV export (../shared/data/rome/SOURCE.md): titles and RIASEC letters per fiche (required), and
/// when present each fiche's skills, the job titles and the mobility links (<see cref="RomeSkillsLoader"/>).
/// </summary>
internal static partial class RomeLoader
{
    public static OccupationCatalog Load(string folder)
    {
        ArgumentNullException.ThrowIfNull(folder);
        var problems = new List<CatalogProblem>();
        var titlesFile = Find(folder, "unix_referentiel_code_rome_v*_utf8.csv", problems);
        var riasecFile = Find(folder, "unix_referentiel_code_rome_riasec_v*_utf8.csv", problems);
        if (problems.Count > 0)
        {
            throw new CatalogLoadException(problems);
        }

        var version = VersionPattern().Match(Path.GetFileName(titlesFile!)).Groups[1].Value;
        var titles = new List<(int Line, string Code, string Title)>();
        var titleLines = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (line, f) in Table(titlesFile!, ["code_rome", "libelle_rome"], problems))
        {
            if (titleLines.TryAdd(f[0], line))
            {
                titles.Add((line, f[0], f[1]));
            }
            else
            {
                problems.Add(new CatalogProblem(titlesFile!, line, string.Create(System.Globalization.CultureInfo.InvariantCulture,
                    $"The fiche {f[0]} appears twice: this row repeats line {titleLines[f[0]]}. Keep one row.")));
            }
        }

        var letters = new Dictionary<string, string>(StringComparer.Ordinal);
        var letterLines = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (line, f) in Table(riasecFile!, ["code_rome", "riasec_majeur", "riasec_mineur"], problems))
        {
            var major = f[1];
            var minor = f[2];
            if (major.Length != 1 || !Interests.Holland.Letters.Contains(major[0], StringComparison.Ordinal))
            {
                problems.Add(new CatalogProblem(riasecFile!, line, $"The major RIASEC code '{major}' is not one of R, I, A, S, E, C."));
            }
            else if (minor.Length > 1 || (minor.Length == 1 && (!Interests.Holland.Letters.Contains(minor[0], StringComparison.Ordinal) || minor == major)))
            {
                problems.Add(new CatalogProblem(riasecFile!, line, $"The minor RIASEC code '{minor}' is not empty or a RIASEC letter other than the major '{major}'."));
            }
            else if (!letters.TryAdd(f[0], major + minor))
            {
                problems.Add(new CatalogProblem(riasecFile!, line, string.Create(System.Globalization.CultureInfo.InvariantCulture,
                    $"The fiche {f[0]} appears twice: this row repeats line {letterLines[f[0]]}. Keep one row.")));
            }
            else
            {
                letterLines[f[0]] = line;
            }
        }

        var occupations = new List<Occupation>();
        foreach (var (line, code, title) in titles)
        {
            if (!letters.TryGetValue(code, out var holland))
            {
                problems.Add(new CatalogProblem(titlesFile!, line, $"The fiche {code} has no row in {Path.GetFileName(riasecFile)}."));
                continue;
            }

            var profile = new double[6];
            profile[Interests.Holland.Position(holland[0])] = 1;
            if (holland.Length > 1)
            {
                profile[Interests.Holland.Position(holland[1])] = 0.5;
            }

            occupations.Add(new Occupation(code, new Dictionary<string, string> { ["fr"] = title }, null,
                new InterestProfile(profile, 0, 1), holland, null, null, completeCode: false));
        }

        var fiches = new HashSet<string>(titles.Select(t => t.Code), StringComparer.Ordinal);
        var notes = new List<string>();
        var skills = RomeSkillsLoader.Skills(folder, fiches, problems, notes);
        var jobTitles = RomeSkillsLoader.Titles(folder, fiches, problems, notes);
        var passerelles = RomeSkillsLoader.Mobility(folder, fiches, problems, notes);
        if (problems.Count > 0)
        {
            throw new CatalogLoadException([.. problems.Take(100)]);
        }

        CatalogLimits.CheckOccupations(folder, occupations.Count);
        return new OccupationCatalog("ROME 4.0 v" + version, Attribution(version), occupations)
        {
            Attributions = new Dictionary<string, string>(StringComparer.Ordinal) { ["fr"] = Attribution(version), ["en"] = EnglishAttribution(version) },
            Skills = skills,
            JobTitles = jobTitles,
            Passerelles = passerelles,
            Notes = notes,
        };
    }

    public static string Attribution(string version) =>
        $"Source : France Travail — Répertoire Opérationnel des Métiers et des Emplois (ROME 4.0), référentiel v{version}, data.gouv.fr, Licence Ouverte / Open Licence (Etalab). Données modifiées par le projet Assessments : profils RIASEC dérivés des codes majeur et mineur (majeur = 1, mineur = 0,5).";

    /// <summary>The same credit in English, for a report or a table written in English.</summary>
    public static string EnglishAttribution(string version) =>
        $"Source: France Travail — Répertoire Opérationnel des Métiers et des Emplois (ROME 4.0), référentiel v{version}, data.gouv.fr, Licence Ouverte / Open Licence (Etalab). Data modified by the Assessments project: RIASEC profiles derived from the major and minor codes (major = 1, minor = 0.5).";

    private static string? Find(string folder, string pattern, List<CatalogProblem> problems)
    {
        if (!Directory.Exists(folder))
        {
            problems.Add(new CatalogProblem(folder, 0, "The ROME folder does not exist."));
            return null;
        }

        var matches = Directory.GetFiles(folder, pattern).Where(f => !f.Contains("_riasec_", StringComparison.Ordinal) || pattern.Contains("_riasec_", StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToList();
        if (matches.Count != 1)
        {
            problems.Add(new CatalogProblem(Path.Combine(folder, pattern), 0, matches.Count == 0
                ? $"No file matching '{pattern}' in {folder}; expected the ROME 4.0 open-data export."
                : $"Several files match '{pattern}' in {folder}: {string.Join(", ", matches.Select(Path.GetFileName))}; keep one version."));
            return null;
        }

        return matches[0];
    }

    private static List<(int Line, string[] Fields)> Table(string path, string[] wanted, List<CatalogProblem> problems) =>
        DelimitedFile.ReadTable(path, ',', quoted: true, wanted, problems);

    [GeneratedRegex(@"_v(\d+)_utf8\.csv$", RegexOptions.CultureInvariant)]
    private static partial Regex VersionPattern();
}
