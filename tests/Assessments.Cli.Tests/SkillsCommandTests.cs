namespace Assessments.Cli.Tests;

/// <summary>
/// <c>assess score</c> for the skills kind: the shipped portfolio with the real ROME v460 folder (--catalog), its worked example
/// (m01: 8 held, 6 strengths, 1 to leave behind, 17 proposed, computed by hand in SkillsKindTests), and the usage errors.
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
        Assert.Equal("respondent,held,strengths,leaveBehind,proposed\nm01,8,6,1,17\n", result.Stdout);
        Assert.Contains("skills-portfolio@1.0.0: rows read 1, scored 1, rejected 0", result.Stderr);
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
}
