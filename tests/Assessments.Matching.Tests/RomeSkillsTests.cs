namespace Assessments.Matching.Tests;

/// <summary>
/// ROME 4.0's skills, job titles and mobility links, read from the real v460 export (../shared/data/rome, never copied into the
/// repository). Expected counts are those of ../shared/data/rome/SOURCE.md; the fiche J1501 values were counted in its CSV files
/// (unix_coherence_item, unix_item, unix_referentiel_competence) and are quoted in each test.
/// </summary>
public sealed class RomeSkillsTests : IDisposable
{
    private static readonly Lazy<OccupationCatalog> Rome = new(() => OccupationCatalog.LoadRome(TestPaths.Rome));

    private readonly string _temp = Directory.CreateTempSubdirectory("assess-rome-tests-").FullName;

    public void Dispose() => Directory.Delete(_temp, recursive: true);

    [Fact]
    public void Every_fiche_has_its_skills_knowledge_and_work_contexts()
    {
        var skills = Rome.Value.Skills!;
        Assert.Empty(Rome.Value.Notes);
        // unix_item: 18,301 savoir-faire, 16 savoir-être, 15,354 savoirs.
        Assert.Equal(18_301, skills.Skills.Values.Count(s => s.Family == SkillFamily.KnowHow));
        Assert.Equal(16, skills.Skills.Values.Count(s => s.Family == SkillFamily.SoftSkill));
        Assert.Equal(15_354, skills.Skills.Values.Count(s => s.Family == SkillFamily.Knowledge));
        // unix_coherence_item: 1,584 fiches, 90,556 skill links (18,900 Principale, 1,731 Émergente) and 13,663 work contexts.
        Assert.Equal(1_584, skills.OccupationCodes.Count);
        var all = skills.OccupationCodes.Select(skills.Of).ToList();
        Assert.Equal(90_556, all.Sum(o => o!.Skills.Count));
        Assert.Equal(18_900, all.Sum(o => o!.Skills.Count(s => s.Core == SkillCore.Core)));
        Assert.Equal(1_731, all.Sum(o => o!.Skills.Count(s => s.Core == SkillCore.Emerging)));
        Assert.Equal(13_663, all.Sum(o => o!.WorkContexts.Count));
        Assert.DoesNotContain(all.SelectMany(o => o!.Skills), s => s.Skill.Family == SkillFamily.SoftSkill && s.Core == SkillCore.Core); // SOURCE.md: no savoir-être is Principale
    }

    [Fact]
    public void A_fiche_lists_its_skills_by_family_core_first()
    {
        // J1501 (aide-soignant): 13 core and 10 other savoir-faire, 4 savoir-être, 17 savoirs, 16 work contexts. Its first core
        // savoir-faire by code is 107740.
        var j1501 = Rome.Value.Skills!.Of("J1501")!;
        Assert.Equal(13, j1501.Of(SkillFamily.KnowHow).Count(s => s.Core == SkillCore.Core));
        Assert.Equal(10, j1501.Of(SkillFamily.KnowHow).Count(s => s.Core == SkillCore.None));
        Assert.Equal(4, j1501.Of(SkillFamily.SoftSkill).Count());
        Assert.Equal(17, j1501.Of(SkillFamily.Knowledge).Count());
        Assert.Equal(16, j1501.WorkContexts.Count);
        var first = j1501.Skills[0];
        Assert.Equal(("107740", SkillCore.Core), (first.Skill.Code, first.Core));
        Assert.Equal("Réaliser ou contrôler les soins d'hygiène, de confort et apporter une aide au patient", first.Skill.Label);
        Assert.Equal([SkillFamily.KnowHow, SkillFamily.SoftSkill, SkillFamily.Knowledge], j1501.Skills.Select(s => s.Skill.Family).Distinct());
    }

    [Fact]
    public void A_skill_carries_its_macro_skill_and_a_knowledge_item_its_category()
    {
        var skills = Rome.Value.Skills!;
        Assert.Equal(new Skill("100023", "Abattre un arbre", SkillFamily.KnowHow, "Technique", null, "300230", "Découper, tailler des matières premières"), skills.Find("100023"));
        Assert.Equal(new Skill("100003", "Fonctionnement des engins agricoles", SkillFamily.Knowledge, "Produits, outils et matières", "Outils, machines, équipement matériel", null, null), skills.Find("100003"));
    }

    [Theory]
    [InlineData("secrétaire médicale", "19397", "M1609")]
    [InlineData("SECRETAIRE MEDICALE", "19397", "M1609")]
    [InlineData("aide soignant", "10891", "J1501")]
    [InlineData("soignant, aide", "10891", "J1501")]
    [InlineData("aide-soignante", "10891", "J1501")]
    [InlineData("chef de choeur", "12105", "L1202")]   // the title writes "chœur": the ligature folds to "oe"
    public void A_job_title_is_found_as_a_person_types_it(string text, string title, string fiche)
    {
        var hit = Rome.Value.JobTitles!.Search(text)[0];
        Assert.Equal((title, fiche), (hit.Title.Code, hit.Title.OccupationCode));
    }

    [Fact]
    public void Title_search_ranks_closest_titles_first_and_deterministically()
    {
        var titles = Rome.Value.JobTitles!;
        Assert.Equal(13_120, titles.Titles.Count);
        // "Aide-soignant / Aide-soignante": both query words are whole words, and every title word begins with a query word
        // ("soignante" with "soignant"), so nothing is left over; the other titles of J1501 leave words over ("domicile"…).
        var hits = titles.Search("aide soignant", top: 3);
        Assert.Equal("Aide-soignant / Aide-soignante", hits[0].Title.Label);
        Assert.Equal((2, 0), (hits[0].ExactWords, hits[0].ExtraWords));
        Assert.All(hits.Skip(1), h => Assert.True(h.ExtraWords > 0));
        Assert.Equal(hits, titles.Search("soignant aide", top: 3));
        Assert.All(titles.Search("compta", top: 20), h => Assert.Contains(JobTitleIndex.Words(h.Title.Label), w => w.StartsWith("compta", StringComparison.Ordinal)));
        Assert.Empty(titles.Search("zzzz"));
        Assert.Empty(titles.Search(" - "));
    }

    [Fact]
    public void The_passerelles_are_roms_own_in_its_order()
    {
        var links = Rome.Value.Passerelles!;
        Assert.Equal(14_912, links.Count);
        // unix_rubrique_mobilite, A1101 by numero_ordre 1…11.
        Assert.Equal(["A1414", "A1205", "A1416", "A1202", "A1201", "A1102", "N1104", "F1302", "N4101", "I1603", "I1604"], links.From("A1101"));
        Assert.True(links.Contains("A1101", "N1104"));
        Assert.False(links.Contains("A1101", "A1101")); // no fiche links to itself (SOURCE.md)
        Assert.Empty(links.From("ZZZZZ"));
    }

    [Fact]
    public void A_folder_without_the_optional_files_loads_interests_only_with_notes()
    {
        foreach (var file in Directory.GetFiles(TestPaths.Rome, "unix_referentiel_code_rome*_utf8.csv"))
        {
            File.Copy(file, Path.Combine(_temp, Path.GetFileName(file)));
        }

        var catalog = OccupationCatalog.LoadRome(_temp);
        Assert.Equal(1_584, catalog.Occupations.Count);
        Assert.Null(catalog.Skills);
        Assert.Null(catalog.JobTitles);
        Assert.Null(catalog.Passerelles);
        Assert.Equal(3, catalog.Notes.Count);
        Assert.StartsWith("Skills not loaded: unix_coherence_item_v*_utf8.csv, unix_item_v*_utf8.csv,", catalog.Notes[0]);
    }

    [Fact]
    public void Malformed_skill_rows_are_reported_with_file_and_line()
    {
        foreach (var file in Directory.GetFiles(TestPaths.Rome, "unix_referentiel_code_rome*_utf8.csv"))
        {
            File.Copy(file, Path.Combine(_temp, Path.GetFileName(file)));
        }

        // Hand-made skill files: line 3 names a fiche that does not exist, line 4 a core flag ROME does not have, line 5 an
        // item that is in no referential, line 6 repeats line 2.
        File.WriteAllText(Path.Combine(_temp, "unix_coherence_item_v460_utf8.csv"),
            "\"code_rome\",\"code_ogr\",\"coeur_metier\"\n\"A1101\",\"1\",\"Principale\"\n\"Z9999\",\"1\",\"\"\n\"A1101\",\"2\",\"Secondaire\"\n\"A1101\",\"3\",\"\"\n\"A1101\",\"1\",\"\"\n");
        File.WriteAllText(Path.Combine(_temp, "unix_item_v460_utf8.csv"), "\"code_ogr\",\"libelle\",\"code_rubrique\"\n\"1\",\"Faire\",\"1\"\n\"2\",\"Savoir\",\"3\"\n");
        File.WriteAllText(Path.Combine(_temp, "unix_referentiel_competence_v460_utf8.csv"), "\"code_ogr\",\"nature\",\"libelle_competence\",\"code_ogr_macro_comp\",\"sous_cat_comp\"\n\"1\",\"Compétence\",\"Faire\",\"\",\"Technique\"\n");
        File.WriteAllText(Path.Combine(_temp, "unix_referentiel_savoir_v460_utf8.csv"), "\"code_ogr_savoir\",\"categorie_savoir\",\"sous_categorie_savoir\"\n\"2\",\"Domaines\",\"\"\n");
        File.WriteAllText(Path.Combine(_temp, "unix_referentiel_contexte_travail_v460_utf8.csv"), "\"code_ogr\",\"libelle_cont_travail\",\"libelle_type_cont_trav\"\n");

        var error = Assert.Throws<CatalogLoadException>(() => OccupationCatalog.LoadRome(_temp));
        var coherence = Path.Combine(_temp, "unix_coherence_item_v460_utf8.csv");
        Assert.Equal([3, 4, 5, 6], error.Problems.Where(p => p.File == coherence).Select(p => p.Line));
        Assert.Contains(error.Problems, p => p.Line == 4 && p.Reason.Contains("'Secondaire'", StringComparison.Ordinal));
    }
}
