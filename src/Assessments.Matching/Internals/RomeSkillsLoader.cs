using System.Globalization;

namespace Assessments.Matching.Internals;

/// <summary>
/// The optional parts of a ROME 4.0 folder (../shared/data/rome/SOURCE.md): the skills referential of each fiche, the job
/// titles and the mobility links. A part whose files are missing is left out with a note (the catalog still matches
/// interests); a part whose rows are malformed is an error naming the file and line, as for the required files.
/// </summary>
internal static class RomeSkillsLoader
{
    private static readonly string[] SkillFiles =
    [
        "unix_coherence_item_v*_utf8.csv", "unix_item_v*_utf8.csv", "unix_referentiel_competence_v*_utf8.csv",
        "unix_referentiel_savoir_v*_utf8.csv", "unix_referentiel_contexte_travail_v*_utf8.csv",
    ];

    public static SkillCatalog? Skills(string folder, HashSet<string> fiches, List<CatalogProblem> problems, List<string> notes)
    {
        var paths = SkillFiles.Select(p => Optional(folder, p, problems)).ToArray();
        if (paths.Any(p => p is null))
        {
            notes.Add($"Skills not loaded: {string.Join(", ", SkillFiles.Where((_, i) => paths[i] is null))} not found in {folder}; the catalog has each fiche's interests, not its skills.");
            return null;
        }

        var (coherence, items, competences, savoirs, contexts) = (paths[0]!, paths[1]!, paths[2]!, paths[3]!, paths[4]!);
        var labels = new Dictionary<string, (string Label, string Rubrique)>(StringComparer.Ordinal);
        foreach (var (line, f) in Table(items, ["code_ogr", "libelle", "code_rubrique"], problems))
        {
            if (f[2] is not ("" or "1" or "2" or "3"))
            {
                problems.Add(new CatalogProblem(items, line, $"The rubric '{f[2]}' is not 1 (savoir-faire), 2 (savoir-être), 3 (savoir) or empty (work context)."));
            }
            else if (!labels.TryAdd(f[0], (f[1], f[2])))
            {
                problems.Add(new CatalogProblem(items, line, $"The item {f[0]} appears twice. Keep one row."));
            }
        }

        var macro = new Dictionary<string, string>(StringComparer.Ordinal);
        var skillInfo = new Dictionary<string, (string MacroCode, string SubCategory)>(StringComparer.Ordinal);
        foreach (var (_, f) in Table(competences, ["code_ogr", "nature", "libelle_competence", "code_ogr_macro_comp", "sous_cat_comp"], problems))
        {
            if (f[1] == "Macro-compétence")
            {
                macro[f[0]] = f[2];
            }
            else
            {
                skillInfo[f[0]] = (f[3], f[4]);
            }
        }

        var knowledge = new Dictionary<string, (string Category, string SubCategory)>(StringComparer.Ordinal);
        foreach (var (_, f) in Table(savoirs, ["code_ogr_savoir", "categorie_savoir", "sous_categorie_savoir"], problems))
        {
            knowledge[f[0]] = (f[1], f[2]);
        }

        var workContexts = new Dictionary<string, WorkContext>(StringComparer.Ordinal);
        foreach (var (line, f) in Table(contexts, ["code_ogr", "libelle_cont_travail", "libelle_type_cont_trav"], problems))
        {
            if (!workContexts.TryAdd(f[0], new WorkContext(f[0], f[1], f[2])))
            {
                problems.Add(new CatalogProblem(contexts, line, $"The work context {f[0]} appears twice. Keep one row."));
            }
        }

        var skills = new Dictionary<string, Skill>(StringComparer.Ordinal);
        foreach (var (code, (label, rubrique)) in labels)
        {
            var family = rubrique switch { "1" => SkillFamily.KnowHow, "2" => SkillFamily.SoftSkill, "3" => SkillFamily.Knowledge, _ => (SkillFamily?)null };
            if (family is not { } kind)
            {
                continue; // a work context
            }

            var info = skillInfo.GetValueOrDefault(code);
            var savoir = knowledge.GetValueOrDefault(code);
            var macroCode = kind == SkillFamily.KnowHow && info.MacroCode is { Length: > 0 } m ? m : null;
            skills[code] = kind == SkillFamily.Knowledge
                ? new Skill(code, label, kind, Empty(savoir.Category), Empty(savoir.SubCategory), null, null)
                : new Skill(code, label, kind, Empty(info.SubCategory), null, macroCode, macroCode is null ? null : macro.GetValueOrDefault(macroCode));
        }

        var lists = new Dictionary<string, (List<FicheSkill> Skills, List<WorkContext> Contexts)>(StringComparer.Ordinal);
        var seen = new HashSet<(string, string)>(capacity: 1 << 17);
        foreach (var (line, f) in Table(coherence, ["code_rome", "code_ogr", "coeur_metier"], problems))
        {
            var (fiche, code, flag) = (f[0], f[1], f[2]);
            SkillCore? core = flag switch { "" => SkillCore.None, "Principale" => SkillCore.Core, "Émergente" => SkillCore.Emerging, _ => null };
            if (!fiches.Contains(fiche))
            {
                problems.Add(new CatalogProblem(coherence, line, $"The fiche {fiche} is not in the fiches' file."));
            }
            else if (core is null)
            {
                problems.Add(new CatalogProblem(coherence, line, $"The core flag '{flag}' is not Principale, Émergente or empty."));
            }
            else if (!seen.Add((fiche, code)))
            {
                problems.Add(new CatalogProblem(coherence, line, $"The fiche {fiche} lists item {code} twice. Keep one row."));
            }
            else
            {
                if (!lists.TryGetValue(fiche, out var entry))
                {
                    lists[fiche] = entry = ([], []);
                }

                if (skills.TryGetValue(code, out var skill))
                {
                    entry.Skills.Add(new FicheSkill(skill, core.Value));
                }
                else if (workContexts.TryGetValue(code, out var context))
                {
                    entry.Contexts.Add(context);
                }
                else
                {
                    problems.Add(new CatalogProblem(coherence, line, $"The item {code} is neither a skill, a knowledge item nor a work context of the referential."));
                }
            }
        }

        var byOccupation = lists.ToDictionary(
            e => e.Key,
            e => new OccupationSkills(e.Key,
                [.. e.Value.Skills.OrderBy(s => s.Skill.Family).ThenBy(s => s.Core switch { SkillCore.Core => 0, SkillCore.Emerging => 1, _ => 2 }).ThenBy(s => s.Skill.Code, StringComparer.Ordinal)],
                [.. e.Value.Contexts.OrderBy(c => c.Type, StringComparer.Ordinal).ThenBy(c => c.Code, StringComparer.Ordinal)]),
            StringComparer.Ordinal);
        return new SkillCatalog(skills, byOccupation);
    }

    public static JobTitleIndex? Titles(string folder, HashSet<string> fiches, List<CatalogProblem> problems, List<string> notes)
    {
        const string Pattern = "unix_referentiel_appellation_v*_utf8.csv";
        if (Optional(folder, Pattern, problems) is not { } path)
        {
            notes.Add($"Job titles not loaded: {Pattern} not found in {folder}; fiches are found by code only.");
            return null;
        }

        var titles = new List<JobTitle>();
        var codes = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (line, f) in Table(path, ["code_ogr", "libelle_appellation_long", "code_rome"], problems))
        {
            if (!fiches.Contains(f[2]))
            {
                problems.Add(new CatalogProblem(path, line, $"The fiche {f[2]} of job title {f[0]} is not in the fiches' file."));
            }
            else if (!codes.Add(f[0]))
            {
                problems.Add(new CatalogProblem(path, line, $"The job title {f[0]} appears twice. Keep one row."));
            }
            else
            {
                titles.Add(new JobTitle(f[0], f[1], f[2]));
            }
        }

        return new JobTitleIndex(titles);
    }

    public static Passerelles? Mobility(string folder, HashSet<string> fiches, List<CatalogProblem> problems, List<string> notes)
    {
        const string Pattern = "unix_rubrique_mobilite_v*_utf8.csv";
        if (Optional(folder, Pattern, problems) is not { } path)
        {
            notes.Add($"Mobility links not loaded: {Pattern} not found in {folder}; no passerelle is shown.");
            return null;
        }

        var links = new Dictionary<string, List<(int Order, string Target)>>(StringComparer.Ordinal);
        foreach (var (line, f) in Table(path, ["code_rome", "code_rome_cible", "numero_ordre"], problems))
        {
            if (!fiches.Contains(f[0]) || !fiches.Contains(f[1]))
            {
                problems.Add(new CatalogProblem(path, line, $"The link {f[0]} → {f[1]} names a fiche that is not in the fiches' file."));
            }
            else if (!int.TryParse(f[2], NumberStyles.None, CultureInfo.InvariantCulture, out var order))
            {
                problems.Add(new CatalogProblem(path, line, $"The order '{f[2]}' is not a whole number."));
            }
            else
            {
                if (!links.TryGetValue(f[0], out var list))
                {
                    links[f[0]] = list = [];
                }

                list.Add((order, f[1]));
            }
        }

        return new Passerelles(links.ToDictionary(
            e => e.Key,
            e => e.Value.OrderBy(l => l.Order).ThenBy(l => l.Target, StringComparer.Ordinal).Select(l => l.Target).Distinct(StringComparer.Ordinal).ToArray(),
            StringComparer.Ordinal));
    }

    private static string? Empty(string? text) => string.IsNullOrEmpty(text) ? null : text;

    /// <summary>The one file matching <paramref name="pattern"/>, null when there is none; several are a problem.</summary>
    private static string? Optional(string folder, string pattern, List<CatalogProblem> problems)
    {
        var matches = Directory.GetFiles(folder, pattern).Order(StringComparer.Ordinal).ToList();
        if (matches.Count > 1)
        {
            problems.Add(new CatalogProblem(Path.Combine(folder, pattern), 0, $"Several files match '{pattern}' in {folder}: {string.Join(", ", matches.Select(Path.GetFileName))}; keep one version."));
        }

        return matches.Count == 1 ? matches[0] : null;
    }

    private static List<(int Line, string[] Fields)> Table(string path, string[] wanted, List<CatalogProblem> problems) =>
        DelimitedFile.ReadTable(path, ',', quoted: true, wanted, problems);
}
