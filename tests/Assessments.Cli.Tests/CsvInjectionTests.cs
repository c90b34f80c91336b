namespace Assessments.Cli.Tests;

/// <summary>
/// CSV injection: output cells that came from input text and could run as spreadsheet formulas (leading = + - @ or tab)
/// get a leading apostrophe by default, on both readers; numbers are unaffected; --allow-formulas turns the guard off.
/// </summary>
public sealed class CsvInjectionTests : IDisposable
{
    private const string Definition = """
        { "id": "t", "version": "1.0.0", "kind": "likert", "languages": ["en"], "title": { "en": "T" },
          "responseFormats": { "f": { "min": 1, "max": 5 } },
          "items": [ { "id": "I1", "format": "f", "text": { "en": "1" } }, { "id": "I2", "format": "f", "text": { "en": "2" } } ],
          "scales": [ { "id": "s", "items": ["I1", "I2"] } ] }
        """;

    private const string Responses = "id,I1,I2\n=SUM(A1:A2),3,4\n+1,3,4\n-x,3,4\n@cmd,3,4\n-5,3,4\n\ttab,3,4\nplain,3,4\n=HYPERLINK(\"x\"),9,4\n";

    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Theory]
    [InlineData("auto")]
    [InlineData("general")]
    public void FormulaLikeIdsAreWrittenAsTextAndNumbersAreNot(string reader)
    {
        var instrument = _temp.Write("t.json", Definition);
        var responses = _temp.Write("r.csv", Responses);
        var rejects = _temp.PathOf("rejects.csv");
        var result = AssessRunner.Run("score", "--instrument", instrument, "--responses", responses, "--reader", reader, "--rejects", rejects);

        Assert.Equal(1, result.ExitCode); // one row rejected (answer 9)
        Assert.Equal("id,s\n'=SUM(A1:A2),3.5\n+1,3.5\n'-x,3.5\n'@cmd,3.5\n-5,3.5\n'\ttab,3.5\nplain,3.5\n", result.Stdout);
        var rejected = File.ReadAllLines(rejects);
        Assert.StartsWith("8,9,\"'=HYPERLINK(\"\"x\"\")\",I1,", rejected[1], StringComparison.Ordinal);
    }

    [Fact]
    public void AllowFormulasWritesTheIdsAsTheyCame()
    {
        var instrument = _temp.Write("t.json", Definition);
        var responses = _temp.Write("r.csv", Responses);
        var result = AssessRunner.Run("score", "--instrument", instrument, "--responses", responses, "--allow-formulas");
        Assert.Equal("id,s\n=SUM(A1:A2),3.5\n+1,3.5\n-x,3.5\n@cmd,3.5\n-5,3.5\n\ttab,3.5\nplain,3.5\n", result.Stdout);
    }
}
