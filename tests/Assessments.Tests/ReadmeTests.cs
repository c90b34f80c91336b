namespace Assessments.Tests;

/// <summary>Keeps the README's example compiling and true.</summary>
public class ReadmeTests
{
    [Fact]
    public void TheReadmeShowsTheCompiledExample()
    {
        var source = File.ReadAllLines(Path.Combine(TestPaths.RepoRoot, "tests", "Assessments.Tests", "ReadmeExample.cs"));
        var begin = Array.FindIndex(source, l => l.Contains("README-BEGIN", StringComparison.Ordinal));
        var end = Array.FindIndex(source, l => l.Contains("README-END", StringComparison.Ordinal));
        var indent = source[begin].IndexOf('/', StringComparison.Ordinal);
        var snippet = string.Join("\n", source[(begin + 1)..end].Select(l => l.Length >= indent ? l[indent..] : l.TrimStart()));
        var readme = File.ReadAllText(Path.Combine(TestPaths.RepoRoot, "README.md")).ReplaceLineEndings("\n");
        Assert.Contains(snippet, readme, StringComparison.Ordinal);
    }

    [Fact]
    public void TheReadmeExampleGivesTheValuesItsCommentsState()
    {
        var result = ReadmeExample.Run();
        Assert.Equal(4.4, result["clarity"].Value);
        Assert.Equal("Only 1 of 5 items were answered; the scale needs at least 60 % of them (minAnswered 0.6).", result["confidence"].MissingReason);
    }

    [Fact]
    public void TheReadmeInstrumentExampleLoadsAndScores()
    {
        var readme = File.ReadAllText(Path.Combine(TestPaths.RepoRoot, "docs", "instruments.md")).ReplaceLineEndings("\n"); // the JSON example of docs/instruments.md
        var start = readme.IndexOf("```json\n", StringComparison.Ordinal) + "```json\n".Length;
        var json = readme[start..readme.IndexOf("```", start, StringComparison.Ordinal)];
        var instrument = Instrument.Parse(json);

        // Q1 = 4, Q2 = 2 reversed to 4, Q3 = 5 with weight 2: (4 + 4 + 2·5) / (1 + 1 + 2) = 18 / 4 = 4.5.
        var score = instrument.Score(new Responses.Response("p", new Dictionary<string, int?> { ["Q1"] = 4, ["Q2"] = 2, ["Q3"] = 5 }))["team"];
        Assert.Equal(4.5, score.Value);
        // z = (4.5 − 3.1) / 0.7 = 2 (to rounding); the table's top score is 4, so PR = 100 and normalised T is undefined.
        Assert.Equal(2, score.Norms!.Z!.Value, 12);
        Assert.Equal(100, score.Norms.PercentileRank);
        Assert.Null(score.Norms.NormalizedT);
    }
}
