namespace Assessments.Cli.Tests;

/// <summary><c>assess score</c> on scales centred on the person's mean rating (<c>"centring": "mrat"</c>), values by hand.</summary>
public sealed class MratScoreCommandTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose()
    {
        _temp.Dispose();
        GC.SuppressFinalize(this);
    }

    [Fact]
    public void ScoresCentredValuesThroughTheGeneralReaderAndSaysWhyNotTheFastOne()
    {
        var instrument = Path.Combine(_temp.FullName, "values.json");
        File.WriteAllText(instrument, """
            { "id": "two-values", "version": "1.0.0", "kind": "likert", "languages": ["en"], "title": { "en": "Two values (test)" },
              "responseFormats": { "like": { "min": 1, "max": 6 } },
              "items": [ { "id": "A1", "format": "like", "text": { "en": "a1" } }, { "id": "A2", "format": "like", "text": { "en": "a2" } },
                         { "id": "B1", "format": "like", "text": { "en": "b1" } }, { "id": "B2", "format": "like", "text": { "en": "b2" } } ],
              "scales": [ { "id": "A", "items": ["A1", "A2"], "minAnswered": 0.5, "centring": "mrat" },
                          { "id": "B", "items": ["B1", "B2"], "minAnswered": 0.5, "centring": "mrat" } ] }
            """);
        var responses = Path.Combine(_temp.FullName, "answers.csv");

        // p1: A mean 4, B mean 2, MRAT (5 + 3 + 2 + 2)/4 = 3: A = 1, B = −1. p2: all 6: 0 and 0.
        // p3: A2 missing: A mean 4, B mean 1, MRAT (4 + 1 + 1)/3 = 2: A = 2, B = −1.
        File.WriteAllText(responses, "id,A1,A2,B1,B2\np1,5,3,2,2\np2,6,6,6,6\np3,4,,1,1\n");
        var result = AssessRunner.Run("score", "--instrument", instrument, "--responses", responses);
        Assert.Equal(0, result.ExitCode);
        Assert.Equal(["id,A,B", "p1,1,-1", "p2,0,0", "p3,2,-1"], result.StdoutLines);

        var json = AssessRunner.Run("score", "--instrument", instrument, "--responses", responses, "--format", "jsonl");
        Assert.Contains("\"A\":{\"score\":1,\"mean\":4,", json.StdoutLines[0], StringComparison.Ordinal);
        Assert.Contains("\"mrat\":3", json.StdoutLines[0], StringComparison.Ordinal);

        // Commands that only gather the answers (quality, analyze) read it with the fast reader, whose tables hold each
        // scale's uncentred value: every scale here is centred, and each row still counts as scored.
        Assert.Equal(0, AssessRunner.Run("quality", "--instrument", instrument, "--responses", responses).ExitCode);
        Assert.Equal(0, AssessRunner.Run("analyze", "--instrument", instrument, "--responses", responses).ExitCode);

        var fast = AssessRunner.Run("score", "--instrument", instrument, "--responses", responses, "--reader", "fast");
        Assert.NotEqual(0, fast.ExitCode);
        Assert.Contains("mean rating (MRAT)", fast.Stderr, StringComparison.Ordinal);
    }
}
