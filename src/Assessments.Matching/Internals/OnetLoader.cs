using System.Globalization;
using System.Text.RegularExpressions;

namespace Assessments.Matching.Internals;

/// <summary>Reads O*NET's tab-separated text database files (docs/methods.md §5.7; ../shared/data/onet/SOURCE.md).</summary>
internal static partial class OnetLoader
{
    private const string Code = "O*NET-SOC Code";
    private const int MaxProblems = 100;

    public static OccupationCatalog Load(string folder, string? release, string? jobZonesFolder)
    {
        ArgumentNullException.ThrowIfNull(folder);
        var problems = new List<CatalogProblem>();
        release ??= ReleasePattern().IsMatch(Path.GetFileName(Path.TrimEndingDirectorySeparator(Path.GetFullPath(folder))))
            ? Path.GetFileName(Path.TrimEndingDirectorySeparator(Path.GetFullPath(folder)))
            : null;

        var occupationFile = Required(folder, "Occupation Data.txt", problems);
        var interestsFile = Required(folder, "Interests.txt", problems);
        if (problems.Count > 0)
        {
            throw new CatalogLoadException(problems);
        }

        var titles = new List<(string Code, string Title, string Description)>();
        var titleLines = new Dictionary<string, int>(StringComparer.Ordinal);
        var table = Table(occupationFile, [Code, "Title", "Description"], problems);
        foreach (var (line, f) in table)
        {
            if (FirstRow(titleLines, f[0], line, problems, occupationFile, $"The occupation {f[0]}"))
            {
                titles.Add((f[0], f[1], f[2]));
            }
        }

        var oi = new Dictionary<string, double?[]>(StringComparer.Ordinal);
        var ih = new Dictionary<string, char[]>(StringComparer.Ordinal);
        var interestLines = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (line, f) in Table(interestsFile, [Code, "Element ID", "Scale ID", "Data Value"], problems))
        {
            var element = f[1];
            if (!FirstRow(interestLines, $"{f[0]}\t{element}\t{f[2]}", line, problems, interestsFile, $"The {f[2]} value of element {element} for {f[0]}"))
            {
                continue;
            }

            if (!element.StartsWith("1.B.1.", StringComparison.Ordinal) || element.Length != 7 || element[6] is < 'a' or > 'i')
            {
                Add(problems, interestsFile, line, $"Unknown interest element '{element}'; expected 1.B.1.a to 1.B.1.i.");
                continue;
            }

            var slot = element[6] - 'a';
            if (!TryNumber(f[3], out var value))
            {
                Add(problems, interestsFile, line, $"'{f[3]}' is not a number (Data Value).");
                continue;
            }

            if (f[2] == "OI" && slot < 6)
            {
                if (value is < 1 or > 7)
                {
                    Add(problems, interestsFile, line, $"The OI level {f[3]} is outside 1–7.");
                    continue;
                }

                (oi.TryGetValue(f[0], out var levels) ? levels : oi[f[0]] = new double?[6])[slot] = value;
            }
            else if (f[2] == "IH" && slot >= 6)
            {
                if (value is < 0 or > 6 || value != Math.Floor(value))
                {
                    Add(problems, interestsFile, line, $"The high-point code {f[3]} is not 0–6 (0 none, 1 R … 6 C).");
                    continue;
                }

                (ih.TryGetValue(f[0], out var points) ? points : ih[f[0]] = new char[3])[slot - 6] = value == 0 ? ' ' : Interests.Holland.Letters[(int)value - 1];
            }
            else
            {
                Add(problems, interestsFile, line, $"The scale '{f[2]}' does not go with element {element} (OI for a–f, IH for g–i).");
            }
        }

        var workValues = ReadWorkValues(Path.Combine(folder, "Work Values.txt"), problems);
        var jobZonesFile = new[] { folder, jobZonesFolder }.Where(d => d is not null).Select(d => Path.Combine(d!, "Job Zones.txt")).FirstOrDefault(File.Exists);
        var jobZones = jobZonesFile is null ? [] : ReadJobZones(jobZonesFile, problems);

        var known = titles.Select(t => t.Code).ToHashSet(StringComparer.Ordinal);
        foreach (var code in oi.Keys.Where(c => !known.Contains(c)).Order(StringComparer.Ordinal))
        {
            Add(problems, interestsFile, 0, $"The occupation {code} has interest data but is not in Occupation Data.txt.");
        }

        var occupations = new List<Occupation>();
        foreach (var (code, title, description) in titles)
        {
            InterestProfile? profile = null;
            if (oi.TryGetValue(code, out var levels))
            {
                if (levels.Any(l => l is null))
                {
                    Add(problems, interestsFile, 0, $"The occupation {code} has {levels.Count(l => l is not null)} of 6 OI levels.");
                    continue;
                }

                profile = new InterestProfile([.. levels.Select(l => l!.Value)], 1, 7);
            }

            var highPoints = ih.TryGetValue(code, out var points) ? new string([.. points.Where(c => c is not ' ' and not '\0')]) : "";
            occupations.Add(new Occupation(code, new Dictionary<string, string> { ["en"] = title },
                new Dictionary<string, string> { ["en"] = description }, profile, highPoints,
                jobZones.TryGetValue(code, out var zone) ? zone : null,
                workValues.TryGetValue(code, out var values) && values.All(v => v is not null) ? [.. values.Select(v => v!.Value)] : null));
        }

        if (problems.Count > 0)
        {
            throw new CatalogLoadException([.. problems.OrderBy(p => p.File, StringComparer.Ordinal).ThenBy(p => p.Line == 0 ? int.MaxValue : p.Line)]);
        }

        CatalogLimits.CheckOccupations(folder, occupations.Count);
        var name = release is null ? "O*NET" : "O*NET " + release;
        return new OccupationCatalog(name, Attribution(release), occupations)
        {
            Attributions = new Dictionary<string, string>(StringComparer.Ordinal) { ["en"] = Attribution(release), ["fr"] = FrenchAttribution(release) },
        };
    }

    /// <summary>O*NET's requested credit for modified information (the matcher rescales profiles and completes codes).</summary>
    public static string Attribution(string? release) =>
        $"This page includes information from the {(release is null ? "O*NET Database" : $"O*NET {release} Database")} by the U.S. Department of Labor, Employment and Training Administration (USDOL/ETA). Used under the CC BY 4.0 license. O*NET® is a trademark of USDOL/ETA. The Assessments project has modified all or some of this information (profiles rescaled to 0–1, codes completed from OI levels). USDOL/ETA has not approved, endorsed, or tested these modifications.";

    /// <summary>
    /// The same credit in French, followed by the O*NET Center's wording quoted as it asks for it (a French report keeps the
    /// credit the licensor wrote, and says it in the reader's language).
    /// </summary>
    public static string FrenchAttribution(string? release) =>
        $"Cette page contient des informations de la base {(release is null ? "O*NET" : $"O*NET {release}")} du ministère du Travail des États-Unis (U.S. Department of Labor, Employment and Training Administration, USDOL/ETA), utilisées sous licence CC BY 4.0 ; O*NET® est une marque de l'USDOL/ETA. Le projet Assessments a modifié tout ou partie de ces informations (profils ramenés à 0–1, codes complétés à partir des niveaux OI) ; l'USDOL/ETA n'a ni approuvé, ni cautionné, ni testé ces modifications. Crédit demandé par le centre O*NET : « {Attribution(release)} »";

    private static Dictionary<string, double?[]> ReadWorkValues(string path, List<CatalogProblem> problems)
    {
        var result = new Dictionary<string, double?[]>(StringComparer.Ordinal);
        if (!File.Exists(path))
        {
            return result;
        }

        var firstLines = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (line, f) in Table(path, [Code, "Element ID", "Scale ID", "Data Value"], problems))
        {
            if (f[2] != "EX" || !FirstRow(firstLines, $"{f[0]}\t{f[1]}", line, problems, path, $"The EX value of element {f[1]} for {f[0]}"))
            {
                continue;
            }

            var element = f[1];
            if (!element.StartsWith("1.B.2.", StringComparison.Ordinal) || element.Length != 7 || element[6] is < 'a' or > 'f')
            {
                Add(problems, path, line, $"Unknown work-value element '{element}' for scale EX; expected 1.B.2.a to 1.B.2.f.");
            }
            else if (!TryNumber(f[3], out var value) || value is < 1 or > 7)
            {
                Add(problems, path, line, $"'{f[3]}' is not an Extent level from 1 to 7.");
            }
            else
            {
                (result.TryGetValue(f[0], out var v) ? v : result[f[0]] = new double?[6])[element[6] - 'a'] = value;
            }
        }

        return result;
    }

    private static Dictionary<string, int> ReadJobZones(string path, List<CatalogProblem> problems)
    {
        var result = new Dictionary<string, int>(StringComparer.Ordinal);
        var firstLines = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (line, f) in Table(path, [Code, "Job Zone"], problems))
        {
            if (!FirstRow(firstLines, f[0], line, problems, path, $"The Job Zone of {f[0]}"))
            {
                continue;
            }

            // The 29.3 copy was re-saved from Excel, so a zone may read "3.0".
            if (TryNumber(f[1], out var zone) && zone == Math.Floor(zone) && zone is >= 1 and <= 5)
            {
                result[f[0]] = (int)zone;
            }
            else
            {
                Add(problems, path, line, $"'{f[1]}' is not a Job Zone from 1 to 5.");
            }
        }

        return result;
    }

    /// <summary>The rows of a tab-separated file, reduced to the wanted columns in the wanted order.</summary>
    private static List<(int Line, string[] Fields)> Table(string path, string[] wanted, List<CatalogProblem> problems) =>
        DelimitedFile.ReadTable(path, '\t', quoted: false, wanted, problems);

    private static string Required(string folder, string file, List<CatalogProblem> problems)
    {
        var path = Path.Combine(folder, file);
        if (!File.Exists(path))
        {
            problems.Add(new CatalogProblem(path, 0, $"The O*NET file '{file}' is missing from {folder}."));
        }

        return path;
    }

    /// <summary>
    /// Records the first line of <paramref name="key"/>; for a later row with the same key, adds a problem naming both lines
    /// and returns false (the row is skipped: a database lists each fact once, and which copy to trust is not ours to guess).
    /// </summary>
    private static bool FirstRow(Dictionary<string, int> firstLines, string key, int line, List<CatalogProblem> problems, string file, string what)
    {
        if (firstLines.TryAdd(key, line))
        {
            return true;
        }

        Add(problems, file, line, string.Create(CultureInfo.InvariantCulture,
            $"{what} is given twice: this row repeats line {firstLines[key]}. Keep one row."));
        return false;
    }

    private static bool TryNumber(string text, out double value) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value) && double.IsFinite(value);

    private static void Add(List<CatalogProblem> problems, string file, int line, string reason)
    {
        if (problems.Count < MaxProblems)
        {
            problems.Add(new CatalogProblem(file, line, reason));
        }
    }

    [GeneratedRegex(@"^\d+\.\d+$", RegexOptions.CultureInvariant)]
    private static partial Regex ReleasePattern();
}
