using Assessments.Matching;
using Assessments.Matching.Skills;

namespace Assessments.Data.Tests;

/// <summary>
/// Skills portfolios in JSON Lines through the same entry point as every kind (ScoreRun and the registry), on the real ROME
/// v460 export: the shipped worked example (m01, computed by hand in SkillsKindTests: 8 held, 6 strengths, 1 to leave behind,
/// 17 proposed), a bad line in the rejects with its code, and table options refused.
/// </summary>
public sealed class SkillsInputTests : IDisposable
{
    private static readonly Lazy<Instrument> Portfolio = new(() => SkillsKind.LoadShipped(OccupationCatalog.LoadRome(TestPaths.Rome)));

    private static string Example => Path.Combine(TestPaths.Instruments, "examples", "skills-portfolio.responses.jsonl");

    private readonly string _temp = Directory.CreateTempSubdirectory("assess-data-tests-").FullName;

    public void Dispose() => Directory.Delete(_temp, recursive: true);

    [Fact]
    public void The_worked_example_scores_through_the_registry()
    {
        Assert.Same(ResponseInputs.SkillsLines, ResponseInputs.Default.For(Portfolio.Value));
        using var csv = new StringWriter();
        var summary = new ScoreRun { Instrument = Portfolio.Value, ResponsesPath = Example, Output = csv }.Run();
        Assert.Equal((2L, 2L, 0L, "json-lines"), (summary.Read, summary.Scored, summary.Rejected, summary.Reader));

        // m01: worked out in SkillsKindTests. m02 rates 27 skills, two of them (404565, 300426) at level 1, so 25 are held
        // (level 2 or more); 20 ratings say "yes", minus those two: 18 strengths; 3 say "no" (107740, 300147, 489901), all
        // held; her title "aide soignante en gériatrie" reads as J1501, whose 13 core skills she all rated, so the only
        // proposed skill is 514786, which story s2 cites without a rating: 1.
        Assert.Equal("respondent,held,strengths,leaveBehind,proposed\nm01,8,6,1,17\nm02,25,18,3,1\n", csv.ToString().ReplaceLineEndings("\n"));

        using var jsonl = new StringWriter();
        new ScoreRun { Instrument = Portfolio.Value, ResponsesPath = Example, Output = jsonl, Format = ScoreFormat.JsonLines }.Run();
        Assert.Contains("\"strengths\":[\"115845\",\"107201\",\"123905\",\"300447\",\"300412\",\"477076\"]", jsonl.ToString(), StringComparison.Ordinal);
        Assert.Contains("\"readAs\":\"Secrétaire médical / Secrétaire médicale\"", jsonl.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_bad_portfolio_goes_to_the_rejects_with_its_code_and_the_batch_goes_on()
    {
        var path = Path.Combine(_temp, "portfolios.jsonl");
        File.WriteAllText(path, "{\"respondent\":\"p0\",\"experiences\":[{\"id\":\"e1\",\"rome\":\"Z9999\"}],\"skills\":[]}\n\n" + File.ReadAllText(Example));
        using var rejects = new StringWriter();
        using var csv = new StringWriter();
        var summary = new ScoreRun { Instrument = Portfolio.Value, ResponsesPath = path, Output = csv, Rejects = rejects }.Run();
        Assert.Equal((3L, 2L, 1L), (summary.Read, summary.Scored, summary.Rejected));
        Assert.Equal(
            "row,line,respondent,column,reason,status\n1,1,p0,Z9999,Experience 'e1': Z9999 is not a fiche of ROME 4.0 v460.,row rejected\n",
            rejects.ToString().ReplaceLineEndings("\n"));
        Assert.EndsWith("m01,8,6,1,17\nm02,25,18,3,1\n", csv.ToString().ReplaceLineEndings("\n"));
    }

    [Fact]
    public void Table_options_are_refused_for_a_skills_portfolio()
    {
        var run = new ScoreRun { Instrument = Portfolio.Value, ResponsesPath = Example, Read = new ResponsesReadOptions { IdColumn = "id" } };
        Assert.Equal("IdColumn (--id-column) does not apply to skills-portfolio@1.0.0: its responses are JSON Lines, one skills portfolio per line, not a table.",
            Assert.Throws<UnsupportedOptionException>(run.Run).Message);
    }
}
