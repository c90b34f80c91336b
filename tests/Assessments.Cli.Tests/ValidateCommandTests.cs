using System.Globalization;
using System.Text.Json;

namespace Assessments.Cli.Tests;

/// <summary><c>assess validate FILE...</c>: shipped instruments are valid; every problem of a broken one is reported where it is.</summary>
public sealed class ValidateCommandTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose()
    {
        _temp.Dispose();
        GC.SuppressFinalize(this);
    }

    [Fact]
    public void EveryShippedInstrumentIsValid()
    {
        var files = Directory.GetFiles(TestPaths.Instruments, "*.json", SearchOption.TopDirectoryOnly);
        Assert.NotEmpty(files);
        foreach (var path in files)
        {
            var result = AssessRunner.Run("validate", path);

            Assert.Equal(0, result.ExitCode);
            Assert.Equal("", result.Stderr);
            using var document = JsonDocument.Parse(File.ReadAllText(path));
            var root = document.RootElement;
            var prefix = string.Create(CultureInfo.InvariantCulture,
                $"{path}: valid \u2014 {root.GetProperty("id").GetString()}@{root.GetProperty("version").GetString()}, kind {root.GetProperty("kind").GetString()}, {root.GetProperty("items").GetArrayLength()} items, {(root.TryGetProperty("scales", out var scales) ? scales.GetArrayLength() : 0)} scales, fingerprint ");
            var line = Assert.Single(result.StdoutLines);
            Assert.StartsWith(prefix, line, StringComparison.Ordinal);
            Assert.True(IsLowerHex64(line[prefix.Length..]), $"'{line}' does not end with a 64-digit lower-case hex fingerprint");
        }
    }

    [Fact]
    public void ValidatingCareerReadinessPrintsItsSummaryLine()
    {
        var path = TestPaths.CareerReadiness;

        var result = AssessRunner.Run("validate", path);

        Assert.Equal(0, result.ExitCode);
        var fingerprint = Instrument.Load(path).Fingerprint;
        Assert.True(IsLowerHex64(fingerprint));
        Assert.Equal($"{path}: valid \u2014 career-readiness@1.0.0, kind likert, 20 items, 4 scales, fingerprint {fingerprint}\n", result.Stdout);
        Assert.Equal("", result.Stderr);
    }

    [Fact]
    public void ReportsEveryMeaningProblemWithItsLineAndColumn()
    {
        var path = _temp.Write("broken.json", InvalidInstruments.MeaningJson);

        var result = AssessRunner.Run("validate", path);

        Assert.Equal(3, result.ExitCode);
        AssertReports(result, [.. InvalidInstruments.MeaningErrors(path), $"{path}: invalid \u2014 2 problem(s)"]);
    }

    [Fact]
    public void ReportsEveryShapeProblemWithItsLineAndColumn()
    {
        var path = _temp.Write("shapeless.json", InvalidInstruments.ShapeJson);

        var result = AssessRunner.Run("validate", path);

        Assert.Equal(3, result.ExitCode);
        AssertReports(result, [.. InvalidInstruments.ShapeErrors(path), $"{path}: invalid \u2014 2 problem(s)"]);
    }

    [Fact]
    public void ComputesLinesAndColumnsOneBased()
    {
        // A check of the test helper itself, so that a wrong expectation cannot hide behind it.
        Assert.Equal((1, 1), InvalidInstruments.PositionOf("{\n  \"a\": 1\n}", "{"));
        Assert.Equal((2, 3), InvalidInstruments.PositionOf("{\n  \"a\": 1\n}", "\"a\""));
        Assert.Equal((10, 19), InvalidInstruments.PositionOf(InvalidInstruments.MeaningJson, "\"format\": \"seven\""));
        Assert.Equal((13, 38), InvalidInstruments.PositionOf(InvalidInstruments.MeaningJson, "\"-Q9\""));
    }

    [Fact]
    public void ValidatesSeveralFilesAndExitsWithTheWorstCode()
    {
        var broken = _temp.Write("broken.json", InvalidInstruments.MeaningJson);

        var result = AssessRunner.Run("validate", TestPaths.CareerReadiness, broken);

        Assert.Equal(3, result.ExitCode);
        var all = result.StdoutLines.Concat(result.StderrLines).ToList();
        Assert.Contains(all, line => line.StartsWith($"{TestPaths.CareerReadiness}: valid \u2014 career-readiness@1.0.0", StringComparison.Ordinal));
        Assert.Contains($"{broken}: invalid \u2014 2 problem(s)", all);
    }

    [Fact]
    public void AMissingFileExitsWith4()
    {
        var path = _temp.PathOf("does-not-exist.json");

        var result = AssessRunner.Run("validate", path);

        Assert.Equal(4, result.ExitCode);
        Assert.StartsWith($"error: {path}: cannot be read: ", result.Stderr, StringComparison.Ordinal);
        Assert.Equal("", result.Stdout);
    }

    [Fact]
    public void ValidateWithoutFilesIsAUsageError()
    {
        var result = AssessRunner.Run("validate");

        Assert.Equal(2, result.ExitCode);
        Assert.Equal(["error: Required argument 'FILE' missing for command: 'validate'. See 'assess validate --help'."], result.StderrLines);
        Assert.Equal("", result.Stdout);
    }

    /// <summary>
    /// Asserts that every expected line was printed. validate prints the diagnostics of an invalid file on standard output
    /// (unlike score, which prints them on standard error), so both streams are searched.
    /// </summary>
    private static void AssertReports(CliResult result, string[] expected)
    {
        var printed = result.StdoutLines.Concat(result.StderrLines).ToList();
        foreach (var line in expected)
        {
            Assert.Contains(line, printed);
        }

        Assert.Equal(expected.Length, printed.Count);
    }

    private static bool IsLowerHex64(string? text) =>
        text is { Length: 64 } && text.All(c => c is (>= '0' and <= '9') or (>= 'a' and <= 'f'));
}
