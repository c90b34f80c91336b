namespace Assessments.Cli.Tests;

/// <summary><c>assess generate</c>: deterministic synthetic responses that <c>assess score</c> reads back.</summary>
public sealed class GenerateCommandTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose()
    {
        _temp.Dispose();
        GC.SuppressFinalize(this);
    }

    [Fact]
    public void GivesTheSameBytesForTheSameSeedAndScoresBackWithoutRejects()
    {
        string Generate(string name, string seed)
        {
            var path = _temp.PathOf(name);
            var result = AssessRunner.Run("generate", "--instrument", TestPaths.CareerReadiness, "--rows", "500", "--seed", seed, "--missing", "0.1", "--out", path);
            Assert.Equal(0, result.ExitCode);
            return File.ReadAllText(path);
        }

        var a = Generate("a.csv", "7");
        Assert.Equal(a, Generate("b.csv", "7"));
        Assert.NotEqual(a, Generate("c.csv", "8"));
        var lines = AssessRunner.Lines(a);
        Assert.Equal(501, lines.Length);
        Assert.StartsWith("id,CL01,CO01,EX01,SU01", lines[0], StringComparison.Ordinal);
        var cells = lines.Skip(1).SelectMany(l => l.Split(',').Skip(1)).ToList();
        Assert.Equal(500 * 20, cells.Count);
        Assert.All(cells, c => Assert.True(c.Length == 0 || c is "1" or "2" or "3" or "4" or "5"));
        Assert.InRange(cells.Count(c => c.Length == 0) / (double)cells.Count, 0.07, 0.13); // about 10 % missing

        var scored = AssessRunner.Run("score", "--instrument", TestPaths.CareerReadiness, "--responses", _temp.PathOf("a.csv"), "--out", _temp.PathOf("s.csv"));
        Assert.Equal(0, scored.ExitCode);
        Assert.Equal(ScoreCommandTests.Note(20) + "career-readiness@1.0.0: rows read 500, scored 500, rejected 0\n", scored.Stderr);
    }
}
