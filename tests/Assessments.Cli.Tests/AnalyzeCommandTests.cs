using System.Globalization;
using System.Text.Json;

namespace Assessments.Cli.Tests;

/// <summary><c>assess analyze</c> on the real bfi responses, against psych 2.2.9's alpha() (../shared/reference/bfi).</summary>
public sealed class AnalyzeCommandTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose()
    {
        _temp.Dispose();
        GC.SuppressFinalize(this);
    }

    [Fact]
    public void ReportsAlphaG6AndAverageRLikePsych()
    {
        var instrument = BfiInstrument.WriteTo(_temp.FullName);
        var result = AssessRunner.Run("analyze", "--instrument", instrument, "--responses", TestPaths.BfiItems, "--format", "json");

        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(result.Stdout);
        var scales = json.RootElement.GetProperty("scales").EnumerateArray().ToDictionary(s => s.GetProperty("scale").GetString()!);
        var reference = File.ReadAllLines(Path.Combine(TestPaths.SharedReference, "scale_stats_alpha.csv")).Skip(1).Select(l => l.Split(','));
        foreach (var row in reference)
        {
            var s = scales[row[0]];
            Assert.Equal(Parse(row[1]), s.GetProperty("alpha").GetDouble(), 1e-9);
            Assert.Equal(Parse(row[2]), s.GetProperty("alphaStd").GetDouble(), 1e-9);
            Assert.Equal(Parse(row[3]), s.GetProperty("g6Alpha").GetDouble(), 1e-9);
            Assert.Equal(Parse(row[4]), s.GetProperty("averageR").GetDouble(), 1e-9);
        }

        var table = AssessRunner.Run("analyze", "--instrument", instrument, "--responses", TestPaths.BfiItems);
        Assert.StartsWith("bfi@1.0.0: 2800 people analysed", table.Stdout, StringComparison.Ordinal);
    }

    private static double Parse(string text) => double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);
}
