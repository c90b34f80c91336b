using System.Text.Json;

namespace Assessments.Cli.Tests;

/// <summary><c>assess score</c> and <c>assess demo</c> on the shipped Ikigai exercise.</summary>
public sealed class IkigaiCommandTests : IDisposable
{
    private static readonly string Exercise = Path.Combine(TestPaths.Instruments, "ikigai.json");
    private static readonly string Responses = Path.Combine(TestPaths.Instruments, "examples", "ikigai.responses.jsonl");
    private readonly TempDirectory _temp = new();

    public void Dispose()
    {
        _temp.Dispose();
        GC.SuppressFinalize(this);
    }

    [Fact]
    public void ScoreWritesJsonLinesByDefault()
    {
        var result = AssessRunner.Run("score", "--instrument", Exercise, "--responses", Responses);

        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(Assert.Single(result.StdoutLines));
        var ikigai = json.RootElement.GetProperty("ikigai");
        Assert.Equal("minimum", ikigai.GetProperty("tNorm").GetString());
        var first = ikigai.GetProperty("candidates")[0];
        // adult-trainer: ratings 5, 4, 4, 3 → memberships 1, .75, .75, .5; min = .5; every circle reaches α = .5.
        Assert.Equal("adult-trainer", first.GetProperty("id").GetString());
        Assert.Equal(0.5, first.GetProperty("ikigai").GetDouble());
        Assert.Equal("ikigai", first.GetProperty("regionName").GetString());
        Assert.Equal("rating 5 on 1–5", first.GetProperty("memberships").GetProperty("love").GetProperty("source").GetString());
    }

    [Fact]
    public void ScoreWritesOneCsvRowPerCandidateAndRejectsBrokenLines()
    {
        var lines = File.ReadAllLines(Responses);
        var input = _temp.Write("k.jsonl", string.Join("\n",
            lines[0],
            "{\"respondent\":\"k02\",\"candidates\":[{\"id\":\"a\",\"ratings\":{\"love\":5,\"goodAt\":4,\"needs\":4}},{\"id\":\"a\",\"ratings\":{\"love\":1,\"goodAt\":1,\"needs\":1,\"paid\":9}}]}") + "\n");
        var output = _temp.PathOf("k.csv");
        var rejects = _temp.PathOf("rejects.csv");

        var result = AssessRunner.Run("score", "--instrument", Exercise, "--responses", input, "--format", "csv", "--out", output, "--rejects", rejects);

        Assert.Equal(1, result.ExitCode);
        var rows = AssessRunner.Lines(AssessRunner.ReadNormalized(output));
        Assert.Equal("respondent,rank,candidate,label,love,goodAt,needs,paid,passion,mission,profession,vocation,ikigai,region,weakest,gap", rows[0]);
        Assert.Equal("k01,1,adult-trainer,Adult trainer,1,0.75,0.75,0.5,0.75,0.75,0.5,0.5,0.5,ikigai,paid,0", rows[1]);
        Assert.Equal(6, rows.Length);
        Assert.Equal(
        [
            "row,line,respondent,column,reason,status",
            "2,2,k02,a,The circle 'paid' has no rating.,row rejected",
            "2,2,k02,a,The candidate 'a' appears more than once.,row rejected",
        ], AssessRunner.Lines(AssessRunner.ReadNormalized(rejects)));
    }

    [Fact]
    public void DemoRanksTheCandidatesAndNamesTheGapToClose()
    {
        var result = AssessRunner.Run("demo", "--instruments", TestPaths.Instruments);
        Assert.Equal(0, result.ExitCode);
        var lines = result.StdoutLines;
        Assert.Contains("k01  (t-norm minimum, α = 0.5)", lines);
        Assert.Contains("     3  Social worker              0.75  0.50   1.00   0.25    0.25  passion + mission (missing: paid)", lines);
        Assert.Contains("        → to work on: 'what I can be paid for', 0.25 below the threshold", lines);
    }
}
