using System.Diagnostics;
using System.Security.Cryptography;

namespace Assessments.Cli.Tests;

/// <summary>
/// Determinism under stress: the same input gives byte-identical output on 1, 2 and 8 threads, in processes running
/// under fr-FR, de-DE and tr-TR (comma decimals, Turkish casing), and over 100 repeated runs in one process.
/// </summary>
public sealed class DeterminismStressTests : IDisposable
{
    private static readonly string Riasec60 = Path.Combine(TestPaths.RepoRoot, "benchmarks", "data", "riasec60.json");
    private static readonly string Starter = Path.Combine(TestPaths.Instruments, "catalogs", "starter-occupations.json");
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void ThreadsAndCulturesChangeNoByte()
    {
        var input = _temp.PathOf("in.csv");
        Assert.Equal(0, AssessRunner.Run("generate", "--instrument", Riasec60, "--rows", "6000", "--seed", "21", "--missing", "0.1", "--out", input).ExitCode);
        var baseline = _temp.PathOf("baseline.csv");
        Assert.Equal(0, AssessRunner.Run("score", "--instrument", Riasec60, "--responses", input, "--out", baseline, "--threads", "1", "--match", Starter).ExitCode);
        var expected = SHA256.HashData(File.ReadAllBytes(baseline));

        foreach (var culture in new[] { "fr-FR", "de-DE", "tr-TR" })
        {
            foreach (var threads in new[] { "1", "2", "8" })
            {
                var output = _temp.PathOf($"out-{culture}-{threads}.csv");
                var (exit, stderr) = RunProcess(culture, "score", "--instrument", Riasec60, "--responses", input, "--out", output, "--threads", threads, "--match", Starter);
                Assert.True(exit == 0, stderr);
                Assert.True(expected.AsSpan().SequenceEqual(SHA256.HashData(File.ReadAllBytes(output))), $"{culture}, {threads} threads: the output differs");
            }
        }
    }

    [Fact]
    public void AHundredRunsGiveTheSameBytes()
    {
        var input = _temp.PathOf("in.csv");
        Assert.Equal(0, AssessRunner.Run("generate", "--instrument", Riasec60, "--rows", "400", "--seed", "4", "--missing", "0.2", "--out", input).ExitCode);
        var first = AssessRunner.Run("score", "--instrument", Riasec60, "--responses", input, "--threads", "4", "--format", "jsonl").Stdout;
        Assert.Equal(400, first.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        for (var run = 0; run < 100; run++)
        {
            Assert.Equal(first, AssessRunner.Run("score", "--instrument", Riasec60, "--responses", input, "--threads", (1 + (run % 8)).ToString(System.Globalization.CultureInfo.InvariantCulture), "--format", "jsonl").Stdout);
        }
    }

    /// <summary>The same build of <c>assess</c> in a process of its own, under a culture given by the environment.</summary>
    private static (int Exit, string Stderr) RunProcess(string culture, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(typeof(AssessCli).Assembly.Location);
        foreach (var a in args)
        {
            start.ArgumentList.Add(a);
        }

        var posix = culture.Replace('-', '_') + ".UTF-8";
        start.Environment["LANG"] = posix;
        start.Environment["LC_ALL"] = posix;
        start.Environment["DOTNET_SYSTEM_GLOBALIZATION_INVARIANT"] = "0";
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, stderr.Result);
    }
}
