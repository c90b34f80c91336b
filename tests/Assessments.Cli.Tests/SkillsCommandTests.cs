namespace Assessments.Cli.Tests;

/// <summary>
/// <c>assess score</c> for the skills kind: the shipped portfolio with the real ROME v460 folder (--catalog), its worked example
/// (m01: 8 held, 6 strengths, 1 to leave behind, 17 proposed, computed by hand in SkillsKindTests; m02: 25, 18, 3, 1, computed
/// by hand in SkillsInputTests), and the usage errors.
/// </summary>
public sealed class SkillsCommandTests
{
    private static readonly string Rome = "rome:" + Path.GetFullPath(Path.Combine(TestPaths.RepoRoot, "..", "shared", "data", "rome", "v460"));

    private static string Example => Path.Combine(TestPaths.Instruments, "examples", "skills-portfolio.responses.jsonl");

    [Fact]
    public void The_shipped_portfolio_scores_its_worked_example_with_the_ROME_folder()
    {
        var result = AssessRunner.Run("score", "--instrument", "skills-portfolio", "--catalog", Rome, "--responses", Example);
        Assert.Equal(0, result.ExitCode);
        Assert.Equal("respondent,held,strengths,leaveBehind,proposed\nm01,8,6,1,17\nm02,25,18,3,1\n", result.Stdout);
        Assert.Contains("skills-portfolio@1.0.0: rows read 2, scored 2, rejected 0", result.Stderr);
    }

    [Fact]
    public void Without_the_catalog_or_with_it_on_another_kind_the_run_is_a_usage_error()
    {
        var none = AssessRunner.Run("score", "--instrument", "skills-portfolio", "--responses", Example);
        Assert.Equal(2, none.ExitCode);
        Assert.Contains("skills-portfolio@1.0.0 reads ROME's fiches and skills: pass --catalog rome:DIR", none.Stderr);

        var other = AssessRunner.Run("score", "--instrument", TestPaths.CareerReadiness, "--catalog", Rome, "--responses", TestPaths.ExampleResponses);
        Assert.Equal(2, other.ExitCode);
        Assert.Contains("--catalog gives a skills instrument its ROME catalog", other.Stderr);

        var table = AssessRunner.Run("score", "--instrument", "skills-portfolio", "--catalog", Rome, "--responses", Example, "--separator", ";");
        Assert.Equal(2, table.ExitCode);
        Assert.Contains("--separator does not apply here: skills-portfolio@1.0.0 takes JSON Lines, one skills portfolio per line, not a table.", table.Stderr);
    }

    [Fact]
    public void Assess_skills_ranks_the_fiches_a_job_title_opens_as_the_library_does()
    {
        var title = AssessRunner.Run("skills", "--catalog", Rome, "--title", "aide soignant", "--top", "5", "--lang", "fr");
        Assert.Equal(0, title.ExitCode);
        Assert.Contains("note: the title is read as 'Aide-soignant / Aide-soignante' (J1501)", title.Stderr);
        Assert.StartsWith("Métiers accessibles depuis J1501 Aide-soignant / Aide-soignante\n(toutes les compétences de ces fiches sont comptées comme acquises)\n", title.Stdout);
        Assert.Contains("Source : France Travail", title.Stdout);

        // The CSV gives the library's ranking (TransitionMatcher.FromOccupations), passerelles beside the score.
        var csv = AssessRunner.Run("skills", "--catalog", Rome, "--from", "J1501", "--top", "5", "--format", "csv");
        Assert.Equal(0, csv.ExitCode);
        var rome = Matching.OccupationCatalog.LoadRome(Rome[5..]);
        var expected = new Matching.Skills.TransitionMatcher(rome, new Matching.Skills.TransitionOptions { Top = 5 }).FromOccupations(["J1501"]);
        var lines = AssessRunner.Lines(csv.Stdout);
        Assert.Equal("respondent,rank,occupation,title,transferability,passerelle,transferable,gaps,coreGaps,interestFit,score", lines[0]);
        Assert.Equal(expected.Select(t => t.Occupation.Code), lines.Skip(1).Select(l => l.Split(',')[2]));
        Assert.Equal(expected.Select(t => t.Passerelle ? "true" : "false"), lines.Skip(1).Select(l => l.Split(',')[^6]));
        Assert.Equal(csv.Stdout, AssessRunner.Run("skills", "--catalog", Rome, "--title", "aide soignant", "--top", "5", "--format", "csv").Stdout);
    }

    [Fact]
    public void Assess_skills_reads_portfolios_and_refuses_what_it_cannot_honour()
    {
        var jsonl = AssessRunner.Run("skills", "--catalog", Rome, "--responses", Example, "--format", "jsonl", "--top", "3");
        Assert.Equal(0, jsonl.ExitCode);
        Assert.StartsWith("{\"respondent\":\"m01\",\"sources\":[\"J1501\",\"M1609\"],\"sourceSkillsAssumedHeld\":false,", jsonl.Stdout);
        Assert.Contains("\n{\"respondent\":\"m02\",\"sources\":[\"J1501\"],", jsonl.Stdout);
        Assert.Contains("ROME 4.0 v460: portfolios read 2, ranked 2, rejected 0", jsonl.Stderr);

        Assert.Equal(2, AssessRunner.Run("skills", "--catalog", Rome, "--from", "J1501", "--title", "aide soignant").ExitCode);
        Assert.Equal(2, AssessRunner.Run("skills", "--catalog", Rome).ExitCode);
        var unknown = AssessRunner.Run("skills", "--catalog", Rome, "--from", "Z9999");
        Assert.Equal(2, unknown.ExitCode);
        Assert.Contains("--from: Z9999 is not a fiche of ROME 4.0 v460.", unknown.Stderr);
        Assert.Equal(2, AssessRunner.Run("skills", "--catalog", "onet:/nowhere", "--from", "J1501").ExitCode);
    }

    [Fact]
    public void With_a_profile_assess_skills_ranks_on_skills_and_interests_each_part_shown()
    {
        // The library's RankWithInterests for J1501's items and S 5, I 4, A 3, R 2, E 2, C 1, half and half.
        var csv = AssessRunner.Run("skills", "--catalog", Rome, "--from", "J1501", "--profile", "R=2,I=4,A=3,S=5,E=2,C=1", "--top", "5", "--format", "csv");
        Assert.Equal(0, csv.ExitCode);
        var rome = Matching.OccupationCatalog.LoadRome(Rome[5..]);
        var held = rome.Skills!.Of("J1501")!.Skills.Select(s => s.Skill.Code).ToHashSet(StringComparer.Ordinal);
        var expected = new Matching.Skills.TransitionMatcher(rome, new Matching.Skills.TransitionOptions { Top = 5 })
            .RankWithInterests(held, ["J1501"], new Matching.InterestProfile([2, 4, 3, 5, 2, 1], 1, 5));
        var rows = AssessRunner.Lines(csv.Stdout).Skip(1).Select(l => l.Split(',')).ToList();
        Assert.Equal(expected.Select(c => c.Transition.Occupation.Code), rows.Select(r => r[2]));
        Assert.Equal(expected.Select(c => c.Score.ToString("R", System.Globalization.CultureInfo.InvariantCulture)), rows.Select(r => r[^1]));

        var table = AssessRunner.Run("skills", "--catalog", Rome, "--from", "J1501", "--profile", "R=2,I=4,A=3,S=5,E=2,C=1", "--top", "2", "--lang", "fr");
        Assert.Contains("le ROME ne décrit pas de valeurs professionnelles", table.Stdout);
        Assert.Contains(" · intérêts ", table.Stdout);
        Assert.Equal(2, AssessRunner.Run("skills", "--catalog", Rome, "--responses", Example, "--profile", "R=2,I=4,A=3,S=5,E=2,C=1").ExitCode);
        Assert.Equal(2, AssessRunner.Run("skills", "--catalog", Rome, "--from", "J1501", "--skills-weight", "0.7").ExitCode);
    }

    [Fact]
    public void With_a_scores_file_each_portfolio_found_in_it_is_ranked_with_that_persons_interests()
    {
        // m02's interests (R 1.5, I 2.5, A 3, S 4.75, E 2, C 2.25) in a scores CSV as `assess score` writes it; m01 has no
        // row, so m01 is ranked on skills alone. Each m02 row equals the library's RankWithInterests for her held skills.
        using var temp = new TempDirectory();
        var scores = temp.Write("interests.csv", "respondent,R,I,A,S,E,C,code\nm02,1.5,2.5,3,4.75,2,2.25,SAI\n");
        var csv = AssessRunner.Run("skills", "--catalog", Rome, "--responses", Example, "--scores", scores, "--skills-weight", "0.6", "--top", "4", "--format", "csv");
        Assert.Equal(0, csv.ExitCode);
        Assert.Contains("interests: 1 of 2 portfolio(s) ranked with the interests of --scores; the others on skills alone (no row with their id)", csv.Stderr);

        var rome = Matching.OccupationCatalog.LoadRome(Rome[5..]);
        var instrument = Matching.Skills.SkillsKind.LoadShipped(rome);
        var rows = AssessRunner.Lines(csv.Stdout).Skip(1).Select(l => l.Split(',')).ToList();
        var m01 = rows.Where(r => r[0] == "m01").ToList();
        Assert.Equal(4, m01.Count);
        Assert.All(m01, r => Assert.Equal(("", ""), (r[^2], r[^1])));

        var matcher = new Matching.Skills.TransitionMatcher(rome, new Matching.Skills.TransitionOptions { Top = 4 });
        var held = new[] { "107740", "107747", "115845", "300147", "300446", "300447", "300448", "483082", "487074", "489898", "489901", "489902", "489904",
            "120684", "120690", "404317", "489951", "300412", "300465", "300473", "300490", "514781", "514783", "514785", "477625" }; // m02's 25 held (level ≥ 2)
        var expected = matcher.RankWithInterests(held, ["J1501"], new Matching.InterestProfile([1.5, 2.5, 3, 4.75, 2, 2.25], 1, 5), 0.6);
        var m02 = rows.Where(r => r[0] == "m02").ToList();
        Assert.Equal(expected.Select(c => c.Transition.Occupation.Code), m02.Select(r => r[2]));
        Assert.Equal(expected.Select(c => c.Score.ToString("R", System.Globalization.CultureInfo.InvariantCulture)), m02.Select(r => r[^1]));
        Assert.Equal(expected.Select(c => c.InterestFit.ToString("R", System.Globalization.CultureInfo.InvariantCulture)), m02.Select(r => r[^2]));

        Assert.Equal(2, AssessRunner.Run("skills", "--catalog", Rome, "--from", "J1501", "--scores", scores).ExitCode);
        var repeated = AssessRunner.Run("skills", "--catalog", Rome, "--responses", Example, "--scores", temp.Write("twice.csv", "respondent,R,I,A,S,E,C\nm02,1,2,3,4,5,1\nm02,1,2,3,4,5,1\n"));
        Assert.Equal(4, repeated.ExitCode);
        Assert.Contains("line 3 repeats the id of an earlier row", repeated.Stderr);
        var bad = AssessRunner.Run("skills", "--catalog", Rome, "--responses", Example, "--scores", temp.Write("bad.csv", "respondent,R,I,A,S,E,C\nm02,1,2,3,4,9,1\n"));
        Assert.Equal(4, bad.ExitCode);
        Assert.Contains("line 2:", bad.Stderr);
    }
}
