using System.Text;

namespace Assessments.Cli.Tests;

/// <summary>
/// Fuzzing <c>assess score</c>'s CSV reading for a bounded time with a fixed seed (<c>ASSESSMENTS_FUZZ_SEED</c>,
/// <c>ASSESSMENTS_FUZZ_SECONDS</c>): stray quotes, LF, CRLF and CR files (CRLF and bare CRs mixed into LF), ragged rows, long fields, NUL, invalid UTF-8, BOMs, header-only
/// and empty files, repeated or unknown columns. Only documented outcomes may come out (exit 0, 1 or 4, no exception);
/// rows read = scored + rejected; and the fast reader writes exactly what the general reader writes.
/// </summary>
public sealed class CsvFuzzTests : IDisposable
{
    private const string Definition = Assessments.Testing.ThreeItemLikert.Json;

    private static readonly string[] Cells = ["1", "2", "3", "4", "5", "", "", "0", "6", "x", "3.0", "\"4\"", "\"4", "4\"", "\"\"", " 3", "-1", "=1+1", "\t", "é"];
    private static readonly string[] Headers = ["id,I1,I2,I3", "id,I3,I1,I2", "\uFEFFid,I1,I2,I3", "id,I1,I2", "id,I1,I1,I3", "id,I1,I2,I3,X", "\"id\",\"I1\",I2,I3"];
    private static readonly string[] Newlines = ["\n", "\n", "\r\n", "\r"];
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void RandomFilesGiveOnlyDocumentedOutcomesAndBothReadersAgree()
    {
        var seed = int.TryParse(Environment.GetEnvironmentVariable("ASSESSMENTS_FUZZ_SEED"), out var s) ? s : 20261127;
        var seconds = double.TryParse(Environment.GetEnvironmentVariable("ASSESSMENTS_FUZZ_SECONDS"), System.Globalization.CultureInfo.InvariantCulture, out var t) ? t : 15;
        var random = new Random(seed);
        var instrument = _temp.Write("t.json", Definition);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        for (var iteration = 0; clock.Elapsed.TotalSeconds < seconds || iteration < 50; iteration++)
        {
            Check(instrument, RandomFile(random), $"seed {seed}, iteration {iteration}", $"{seed}-{iteration}");
        }
    }

    [Fact]
    public void EveryInputThatOnceFailedNowGivesDocumentedOutcomes()
    {
        var instrument = _temp.Write("t.json", Definition);
        foreach (var file in Directory.GetFiles(Path.Combine(TestPaths.RepoRoot, "tests", "Assessments.Cli.Tests", "Fuzz", "regressions")).Order(StringComparer.Ordinal))
        {
            Check(instrument, File.ReadAllBytes(file), Path.GetFileName(file), Path.GetFileNameWithoutExtension(file));
        }
    }

    private void Check(string instrument, byte[] bytes, string label, string name)
    {
        var input = _temp.PathOf("in.csv");
        File.WriteAllBytes(input, bytes);
        var outcomes = new List<(CliResult Result, string Rejects)>();
        foreach (var reader in new[] { "auto", "general" })
        {
            var rejects = _temp.PathOf($"rejects-{reader}.csv");
            File.Delete(rejects);
            CliResult result;
            try
            {
                result = AssessRunner.Run("score", "--instrument", instrument, "--responses", input, "--reader", reader, "--rejects", rejects);
            }
            catch (Exception ex)
            {
                Fail(label, name, bytes, $"{reader}: {ex.GetType().Name}: {ex.Message}");
                return;
            }

            if (result.ExitCode is not (0 or 1 or 4))
            {
                Fail(label, name, bytes, $"{reader}: exit {result.ExitCode}: {result.Stderr}");
            }

            if (result.ExitCode is 0 or 1)
            {
                var summary = result.Stderr.Trim().Split('\n')[^1];
                var n = System.Text.RegularExpressions.Regex.Matches(summary, @"\d+").Select(m => long.Parse(m.Value, System.Globalization.CultureInfo.InvariantCulture)).ToArray()[^3..];
                if (n[0] != n[1] + n[2])
                {
                    Fail(label, name, bytes, $"{reader}: counts do not add up: {summary}");
                }
            }

            outcomes.Add((result, File.Exists(rejects) ? File.ReadAllText(rejects) : ""));
        }

        if (outcomes[0].Result.ExitCode != outcomes[1].Result.ExitCode || outcomes[0].Result.Stdout != outcomes[1].Result.Stdout || outcomes[0].Rejects != outcomes[1].Rejects)
        {
            Fail(label, name, bytes, $"the readers disagree:\nauto {outcomes[0].Result.ExitCode}\n{outcomes[0].Result.Stdout}{outcomes[0].Rejects}\ngeneral {outcomes[1].Result.ExitCode}\n{outcomes[1].Result.Stdout}{outcomes[1].Rejects}");
        }
    }

    private static void Fail(string label, string name, byte[] bytes, string what)
    {
        var path = Path.Combine(Path.GetTempPath(), $"assess-csv-fuzz-{name}.csv");
        File.WriteAllBytes(path, bytes);
        Assert.Fail($"{label} (input saved to {path}; keep it under Fuzz/regressions once fixed): {what}");
    }

    private static byte[] RandomFile(Random random)
    {
        var kind = random.Next(20);
        if (kind == 0)
        {
            return [];
        }

        var text = new StringBuilder(Headers[random.Next(Headers.Length)]);
        var newline = Newlines[random.Next(Newlines.Length)];
        text.Append(newline);
        var rows = kind == 1 ? 0 : random.Next(1, 40);
        for (var r = 0; r < rows; r++)
        {
            text.Append(random.Next(10) == 0 ? "" : "p" + r.ToString(System.Globalization.CultureInfo.InvariantCulture));
            var fields = random.Next(10) == 0 ? random.Next(0, 6) : 3;
            for (var c = 0; c < fields; c++)
            {
                text.Append(',').Append(random.Next(3) == 0 ? Cells[random.Next(Cells.Length)] : Cells[random.Next(5)]);
                if (random.Next(60) == 0)
                {
                    text.Append('\r'); // a bare CR inside the line: a line end for both readers
                }
            }

            if (random.Next(30) == 0)
            {
                text.Append(new string('3', random.Next(1000, 1_100_000))); // a long field
            }

            // One line end per file (LF, CRLF or CR), CRLF mixed into LF files.
            text.Append(random.Next(8) == 0 && newline != "\r" ? "\r\n" : newline);
        }

        var bytes = new List<byte>(Encoding.UTF8.GetBytes(text.ToString()));
        for (var e = random.Next(3); e > 0 && bytes.Count > 0; e--)
        {
            bytes.Insert(random.Next(bytes.Count), random.Next(2) == 0 ? (byte)0 : (byte)random.Next(0x80, 0x100)); // NUL or invalid UTF-8
        }

        return [.. bytes];
    }
}
