using System.Text;

namespace Assessments.Cli.Tests;

/// <summary>
/// No cell, respondent id or header text from a file reaches stderr, on any error path of any command: each scenario puts
/// a marked secret where a person's data would be (an e-mail address as id, a text answer, a question as header) and
/// checks that stderr never shows it, whatever the exit code. The data may appear only in the files the user asked for.
/// (<see cref="CommandFuzzTests"/> checks the same on random inputs.)
/// </summary>
public sealed class PrivacyTests : IDisposable
{
    private const string Secret = "Zq9SECRET";

    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    public static TheoryData<string> Scenarios => new(
        "headerless-with-id-column", "stray-quote-header", "unknown-header", "repeated-header", "bad-cells", "repeated-ids",
        "no-scale-value", "empty-ids", "record-too-long", "utf16-bad-cells", "analyze-constant-item", "analyze-one-row",
        "norms-flat-scale", "match-bad-rows", "match-missing-areas", "report-unknown-person", "report-broken-line",
        "card-sort-bad-lines", "ikigai-bad-lines", "card-sort-analyze");

    [Theory]
    [MemberData(nameof(Scenarios))]
    public void StderrNeverShowsThePersonsData(string scenario)
    {
        var likert = _temp.Write("t.json", Assessments.Testing.ThreeItemLikert.Json);
        var s = Secret;
        var (args, expectedExit) = scenario switch
        {
            "headerless-with-id-column" => (Score(likert, $"{s}@mail.example,4,{s} my answer,3\np2,1,2,3\n", "--id-column", "respondent"), 4),
            "stray-quote-header" => (Score(likert, $"\"id,I1,I2,I3\n{s}1,1,2,3\n{s}2,1,2,3\n"), 4),
            "unknown-header" => (Score(likert, $"id,I1,I2,I3,{s} what did you like?\np1,1,2,3,x\n"), 4),
            "repeated-header" => (Score(likert, $"id,I1,I2,I3,{s}q,{s}q\np1,1,2,3,x,y\n", "--extra-columns", "ignore"), 4),
            "bad-cells" => (Score(likert, $"id,I1,I2,I3\n{s}a,{s},2,3\n{s}b,1,\"{s}\n\",3\n{s}c,1,2\n{s}d,1,2,3\n"), 1),
            "repeated-ids" => (Score(likert, $"id,I1,I2,I3\n{s},1,2,3\n{s},1,2,3\n"), 0),
            "no-scale-value" => (Score(likert, $"id,I1,I2,I3\n{s},1,,\n"), 4),
            "empty-ids" => (Score(likert, $"id,I1,I2,I3\n,1,2,{s}\n"), 1),
            "record-too-long" => (Score(likert, $"id,I1,I2,I3\n\"{s}" + new string('x', 5 * 1024 * 1024) + "\n"), 4),
            "utf16-bad-cells" => (ScoreBytes(likert, Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes($"id,I1,I2,I3\r\n{s},{s},2,3\r\np2,1,2,3\r\n")).ToArray()), 1),
            "analyze-constant-item" => (["analyze", "--instrument", likert, "--responses", _temp.Write("a.csv", $"id,I1,I2,I3\n{s}1,3,2,1\n{s}2,3,4,5\n{s}3,3,1,2\n")], 0),
            "analyze-one-row" => (["analyze", "--instrument", likert, "--responses", _temp.Write("a.csv", $"id,I1,I2,I3\n{s}1,3,2,1\n{s}2,3,{s},1\n")], 4),
            "norms-flat-scale" => (["norms", "--instrument", likert, "--responses", _temp.Write("n.csv", $"id,I1,I2,I3\n{s}1,3,3,3\n{s}2,3,3,3\n"), "--out", _temp.PathOf("normed.json")], 4),
            "match-bad-rows" => (["match", "--catalog", Starter, "--scores", _temp.Write("m.csv", $"id,R,I,A,S,E,C\n{s}1,1,2,3,4,5,{s}\n{s}2,1,2,3,4,5,9\n{s}3,1,2,3,4,5,1\n")], 1),
            "match-missing-areas" => (["match", "--catalog", Starter, "--scores", _temp.Write("m.csv", $"id,R,I,A,{s}S,E,C\n{s}1,1,2,3,4,5,1\n")], 4),
            "report-unknown-person" => (["report", "--results", Results(), "--respondent", s + "-nobody"], 4),
            "report-broken-line" => (["report", "--results", _temp.Write("r.jsonl", File.ReadAllText(Results()) + $"{{\"respondent\":\"{s}\",\"kind\":{s}\n"), "--respondent", "p1"], 4),
            "card-sort-bad-lines" => (["score", "--instrument", "values-cards", "--responses", _temp.Write("c.jsonl", $"{{\"respondent\":\"{s}\",\"piles\":{{\"{s}\":\"{s}\"}}}}\n{{\"respondent\":\"{s}\",\"choices\":[null,[\"{s}\"]]}}\nnot json {s}\n")], 1),
            "ikigai-bad-lines" => (["score", "--instrument", "ikigai", "--responses", _temp.Write("k.jsonl", $"{{\"respondent\":\"{s}\",\"candidates\":[null,{{\"id\":\"{s}\",\"ratings\":{{\"{s}\":9}},\"derived\":{{\"love\":null}}}}]}}\n")], 1),
            "card-sort-analyze" => (["analyze", "--instrument", "values-cards", "--responses", _temp.Write("c.jsonl", $"{{\"respondent\":\"{s}\",\"piles\":{{\"{s}\":\"{s}\"}}}}\n")], 4),
            _ => throw new ArgumentOutOfRangeException(nameof(scenario)),
        };

        var result = AssessRunner.Run(args);

        Assert.True(expectedExit == result.ExitCode, $"{scenario}: exit {result.ExitCode}, expected {expectedExit}: {result.Stderr}");
        Assert.DoesNotContain(Secret, result.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("unexpected", result.Stderr, StringComparison.Ordinal);
    }

    private static string Starter => Path.Combine(TestPaths.Instruments, "catalogs", "starter-occupations.json");

    private string[] Score(string instrument, string csv, params string[] extra) =>
        ["score", "--instrument", instrument, "--responses", _temp.Write("in.csv", csv), "--out", _temp.PathOf("out.csv"), .. extra];

    private string[] ScoreBytes(string instrument, byte[] bytes)
    {
        var path = _temp.PathOf("in.csv");
        File.WriteAllBytes(path, bytes);
        return ["score", "--instrument", instrument, "--responses", path, "--out", _temp.PathOf("out.csv")];
    }

    /// <summary>One person's results, as <c>assess score --format jsonl</c> writes them.</summary>
    private string Results()
    {
        var output = _temp.PathOf("results.jsonl");
        var scored = AssessRunner.Run("score", "--instrument", "career-readiness", "--responses", TestPaths.ExampleResponses, "--format", "jsonl", "--out", output);
        Assert.Equal(0, scored.ExitCode);
        return output;
    }
}
