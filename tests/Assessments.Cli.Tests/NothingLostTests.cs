using System.Text;

namespace Assessments.Cli.Tests;

/// <summary>
/// Nothing lost: on a generated file with 10 % of its rows corrupted in every way a survey export can be, every good row
/// is scored, every bad row is in the rejects file with its row number, column and reason (stray quotes included), and the counts add up; a run
/// that fails leaves the previous output untouched under its name.
/// </summary>
public sealed class NothingLostTests : IDisposable
{
    private static readonly string Riasec60 = Path.Combine(TestPaths.RepoRoot, "benchmarks", "data", "riasec60.json");
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    /// <summary>
    /// Ways to break a data row (the id is r{n}; 61 fields: id then Q00–Q59). A stray quote joins the lines after it into
    /// one record up to the next quote under RFC 4180: the readers then read those lines one by one, so only the rows with
    /// the stray quotes are lost to rejects (the last one's record runs to the end of the file).
    /// </summary>
    private static readonly Func<string[], string>[] Corruptions =
    [
        f => Join(f, 5, "9"),                        // out of range
        f => Join(f, 7, "x"),                        // not a number
        f => Join(f, 9, "3.5"),                      // not a whole number
        f => Join(f, 11, "3,5"),                     // a decimal comma: one field too many
        f => string.Join(",", f[..^1]),              // one field too few
        f => string.Join(",", f) + ",5",             // one field too many
        f => Join(f, 15, "4\u00005"),                // a NUL byte
        f => Join(f, 17, new string('4', 100_000)),  // a 100 kB field
        f => Join(f, 19, "-1"),                      // negative
        f => Join(f, 21, "\"4"),                     // a stray opening quote
        f => Join(f, 23, "4\""),                     // a stray closing quote
    ];

    private static string Join(string[] fields, int at, string value)
    {
        var copy = (string[])fields.Clone();
        copy[at] = value;
        return string.Join(",", copy);
    }

    [Fact]
    public void EveryRowIsScoredOrRejectedWithItsReason()
    {
        var clean = _temp.PathOf("clean.csv");
        Assert.Equal(0, AssessRunner.Run("generate", "--instrument", Riasec60, "--rows", "2000", "--seed", "11", "--missing", "0.05", "--out", clean).ExitCode);
        var lines = File.ReadAllLines(clean);
        var corrupted = new StringBuilder(lines[0]).Append('\n');
        var bad = new HashSet<string>();
        for (var i = 1; i < lines.Length; i++)
        {
            var fields = lines[i].Split(',');
            if (i % 10 == 3 && i != lines.Length - 1)
            {
                corrupted.Append(Corruptions[(i / 10) % Corruptions.Length](fields)).Append('\n');
                bad.Add(fields[0]);
            }
            else
            {
                corrupted.Append(lines[i]).Append('\n');
            }
        }

        var input = _temp.Write("corrupted.csv", corrupted.ToString());
        var output = _temp.PathOf("scores.csv");
        var rejects = _temp.PathOf("rejects.csv");
        var result = AssessRunner.Run("score", "--instrument", Riasec60, "--responses", input, "--out", output, "--rejects", rejects);

        Assert.Equal(1, result.ExitCode);
        var summary = result.Stderr.Trim().Split('\n')[^1];
        var numbers = System.Text.RegularExpressions.Regex.Matches(summary, @"\d+").Select(m => long.Parse(m.Value, System.Globalization.CultureInfo.InvariantCulture)).ToArray()[^3..];
        var (read, scored, rejected) = (numbers[0], numbers[1], numbers[2]);
        Assert.Equal(read, scored + rejected);

        var scoredIds = File.ReadAllLines(output).Skip(1).Select(l => l.Split(',')[0]).ToArray();
        var rejectLines = File.ReadAllLines(rejects).Skip(1).ToArray();
        var rejectedRows = rejectLines.Select(l => l.Split(',')[0]).Distinct().ToArray();
        Assert.Equal(scored, scoredIds.Length);
        Assert.Equal(rejected, rejectedRows.Length);
        Assert.Empty(scoredIds.Intersect(bad)); // no corrupted row was scored
        Assert.All(rejectLines, l => Assert.True(l.Split(',').Length >= 5, l)); // row, line, respondent, column, reason
        var goodIds = lines.Skip(1).Select(l => l.Split(',')[0]).Where(id => !bad.Contains(id)).ToArray();
        Assert.Equal(goodIds, scoredIds); // every good row scored, in input order
        Assert.Equal(lines.Length - 1, read);
        Assert.Equal(bad.Count, rejected);
    }

    [Fact]
    public void AFileWhoseLinesEndInBareCarriageReturnsIsReadWhole()
    {
        // 12,000 rows (about 1.4 MB, more than the fast reader's first block) with old Mac line ends.
        var lf = _temp.PathOf("lf.csv");
        Assert.Equal(0, AssessRunner.Run("generate", "--instrument", Riasec60, "--rows", "12000", "--seed", "3", "--missing", "0", "--out", lf).ExitCode);
        var cr = _temp.Write("cr.csv", File.ReadAllText(lf).Replace('\n', '\r'));
        var expected = AssessRunner.Run("score", "--instrument", Riasec60, "--responses", lf);
        foreach (var reader in new[] { "auto", "general" })
        {
            var result = AssessRunner.Run("score", "--instrument", Riasec60, "--responses", cr, "--reader", reader);
            Assert.Equal(0, result.ExitCode);
            Assert.Equal(expected.Stdout, result.Stdout);
            Assert.EndsWith("rows read 12000, scored 12000, rejected 0\n", result.Stderr, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("TERM")] // a polite kill or Ctrl+C: the temporary file is removed too
    [InlineData("KILL")] // no chance to clean up: the temporary file stays, hidden; the output's name is untouched
    public void AnInterruptedRunLeavesThePreviousOutputUnderItsName(string signal)
    {
        var input = _temp.PathOf("big.csv");
        Assert.Equal(0, AssessRunner.Run("generate", "--instrument", Riasec60, "--rows", "1000000", "--seed", "5", "--missing", "0.05", "--out", input).ExitCode);
        var output = _temp.Write("scores.csv", "previous results\n");
        // The run's temporary file: hidden, beside the output, named after it with a part of its own (unique per run).
        string? Partial() => Directory.GetFiles(_temp.FullName, ".scores.csv.*.partial").SingleOrDefault();

        // The general reader takes several seconds on a million rows: the signal comes while it writes.
        var start = new System.Diagnostics.ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in new[] { typeof(AssessCli).Assembly.Location, "score", "--instrument", Riasec60, "--responses", input, "--out", output, "--reader", "general" })
        {
            start.ArgumentList.Add(a);
        }

        using var process = System.Diagnostics.Process.Start(start)!;
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (Partial() is not { } partial || new FileInfo(partial).Length < 100_000)
        {
            Assert.False(process.HasExited, "the run ended before it could be interrupted");
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(60), "the run never started writing");
            Thread.Sleep(20);
        }

        using (var kill = System.Diagnostics.Process.Start("kill", ["-" + signal, process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            kill.WaitForExit();
        }

        process.WaitForExit();
        Assert.NotEqual(0, process.ExitCode);
        Assert.Equal("previous results\n", File.ReadAllText(output));
        Assert.Equal(signal == "KILL", Partial() is not null);
    }

    [Fact]
    public void AFailedRunLeavesThePreviousOutputUnderItsName()
    {
        var output = _temp.Write("scores.csv", "previous results\n");
        var responses = _temp.Write("r.csv", "id,Q00,Q00\nr1,3,4\n"); // a repeated column fails the run after the output is opened
        var result = AssessRunner.Run("score", "--instrument", Riasec60, "--responses", responses, "--out", output);
        Assert.Equal(4, result.ExitCode);
        Assert.Contains("header columns 2 and 3 have the same name (item Q00)", result.Stderr, StringComparison.Ordinal);
        Assert.Equal("previous results\n", File.ReadAllText(output));
        Assert.Equal(["scores.csv", "r.csv"], Directory.GetFiles(_temp.FullName).Select(Path.GetFileName).Order().Reverse());
    }
}
