using System.Globalization;
using System.Text;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Assessments.Cli.Tests;

/// <summary>
/// The byte-level fast path of <c>assess score</c> against the general (Sep) reader, which stays the reference: on random
/// files full of odd lines (quotes, multi-digit and bad answers, short and long rows, blank lines, CRLF, non-ASCII and
/// invalid UTF-8 ids, a missing final newline) both must write the same output bytes, the same rejects and the same summary.
/// </summary>
public sealed class FastReaderEquivalenceTests
{
    // Uniform layout (id first, then only items, one 1–5 format): the table-driven parser.
    private const string Uniform = """
        {
          "id": "fast-uniform", "version": "1.0.0", "kind": "likert", "languages": ["en"], "title": { "en": "Fast path, uniform" },
          "responseFormats": { "f": { "min": 1, "max": 5 } },
          "items": [
            { "id": "Q1", "format": "f", "text": { "en": "q1" } }, { "id": "Q2", "format": "f", "text": { "en": "q2" } },
            { "id": "Q3", "format": "f", "text": { "en": "q3" } }, { "id": "Q4", "format": "f", "text": { "en": "q4" } },
            { "id": "Q5", "format": "f", "text": { "en": "q5" } }, { "id": "Q6", "format": "f", "text": { "en": "q6" } },
            { "id": "Q7", "format": "f", "text": { "en": "q7" } }, { "id": "Q8", "format": "f", "text": { "en": "q8" } }
          ],
          "scales": [
            { "id": "A", "items": ["Q1", "-Q2", "Q3", "Q4"], "aggregate": "mean", "minAnswered": 0.5 },
            { "id": "B", "items": ["Q5", "Q6", "-Q7", "Q8"], "aggregate": "sum", "minAnswered": 0.75 },
            { "id": "C", "items": ["Q1", "Q2", "Q3", "Q4", "Q5", "Q6", "Q7", "Q8"], "aggregate": "mean", "minAnswered": 0 }
          ]
        }
        """;

    // Mixed formats (0–6 and 1–5), the id in the middle, an ignored column: the general byte parser.
    private const string Mixed = """
        {
          "id": "fast-mixed", "version": "1.0.0", "kind": "likert", "languages": ["en"], "title": { "en": "Fast path, mixed" },
          "responseFormats": { "f": { "min": 1, "max": 5 }, "g": { "min": 0, "max": 6 } },
          "items": [
            { "id": "X1", "format": "f", "text": { "en": "x1" } }, { "id": "X2", "format": "f", "text": { "en": "x2" } },
            { "id": "X3", "format": "f", "text": { "en": "x3" } }, { "id": "X4", "format": "g", "text": { "en": "x4" } },
            { "id": "X5", "format": "g", "text": { "en": "x5" } }
          ],
          "scales": [
            { "id": "P", "items": ["X1", "-X4", "X5"], "aggregate": "mean", "minAnswered": 0.5 },
            { "id": "Q", "items": ["-X2", "X3"], "aggregate": "sum", "minAnswered": 0.5 }
          ]
        }
        """;

    private static readonly string[] OddCells = ["10", " 3", "+3", "3.5", "abc", "\"4\"", "0", "6", "7", "-1", "\"\"", "9"];

    [Property(MaxTest = 60)]
    public void UniformLayoutWritesTheSameBytesAsTheGeneralReader(PositiveInt seed) =>
        AssertSame(Uniform, UniformFile(seed.Get, rows: 300), threads: 1 + (seed.Get % 2));

    [Property(MaxTest = 60)]
    public void MixedLayoutWritesTheSameBytesAsTheGeneralReader(PositiveInt seed) =>
        AssertSame(Mixed, MixedFile(seed.Get, rows: 300), threads: 1 + (seed.Get % 2), "--extra-columns", "ignore");

    [Fact]
    public void ManyBlocksWithOddRecordsAcrossBlockBoundariesWriteTheSameBytes()
    {
        // About 3 MB: several 512 KiB blocks, so quoted multi-line records and long lines fall across block cuts.
        AssertSame(Uniform, UniformFile(7, rows: 120_000), threads: 2);
    }

    [Fact]
    public void ARecordLongerThanABlockWritesTheSameBytes()
    {
        // A quoted id of 1.5 MB over many lines, between ordinary rows: the reader must grow its block and keep every byte.
        var huge = "\"" + string.Concat(Enumerable.Range(0, 60_000).Select(i => "line " + i.ToString(CultureInfo.InvariantCulture) + ",\n")) + "\"";
        var file = UniformFile(3, rows: 2_000);
        var cut = file.IndexOf("\np1000,", StringComparison.Ordinal);
        Assert.True(cut > 0);
        AssertSame(Uniform, file[..(cut + 1)] + huge + ",1,2,3,4,5,4,3,2\n" + file[(cut + 1)..], threads: 2);
    }

    [Fact]
    public void ATabSeparatedFileWritesTheSameBytes() =>
        AssertSame(Uniform, UniformFile(11, rows: 500).Replace(',', '\t'), threads: 2, "--separator", "tab");

    [Fact]
    public void TheFastReaderRefusesARunItCannotServeAndSaysWhy()
    {
        using var temp = new TempDirectory();
        var instrument = temp.Write("instrument.json", Mixed.Replace("\"max\": 6", "\"max\": 12", StringComparison.Ordinal));
        var responses = temp.Write("responses.csv", "X1,X4,note,X2,id,X3,X5\n1,2,n,3,p1,4,5\n");
        var result = AssessRunner.Run("score", "--instrument", instrument, "--responses", responses, "--separator", ",", "--extra-columns", "ignore", "--id-column", "id", "--reader", "fast");
        Assert.Equal(2, result.ExitCode);
        Assert.Equal(
            "error: --reader fast cannot read this run: item 'X4' (column 2) takes answers beyond one digit. Leave --reader out (or use --reader general). See 'assess score --help'.\n",
            result.Stderr);

        var jsonl = AssessRunner.Run("score", "--instrument", instrument, "--responses", responses, "--separator", ",", "--extra-columns", "ignore", "--id-column", "id", "--reader", "fast", "--format", "jsonl");
        Assert.Equal(2, jsonl.ExitCode);
        Assert.Contains("the output is JSON Lines (the fast reader writes CSV)", jsonl.Stderr, StringComparison.Ordinal);

        // Left to choose, the same run is read by the general reader and scored.
        var auto = AssessRunner.Run("score", "--instrument", instrument, "--responses", responses, "--separator", ",", "--extra-columns", "ignore", "--id-column", "id");
        Assert.Equal(0, auto.ExitCode);
        // P = mean(X1, reversed X4, X5) = (1 + (0 + 12 − 2) + 5) / 3 = 16/3; Q = (1 + 5 − 3) + 4 = 7.
        Assert.Equal("id,P,Q\np1,5.333333333333333,7\n", auto.Stdout);
    }

    private static string UniformFile(int seed, int rows)
    {
        var random = new Random(seed);
        var text = new StringBuilder("id,Q1,Q2,Q3,Q4,Q5,Q6,Q7,Q8\n");
        for (var r = 0; r < rows; r++)
        {
            var cells = new List<string> { Id(random, r) };
            for (var i = 0; i < 8; i++)
            {
                cells.Add(Cell(random, 1, 5));
            }

            AppendRow(random, text, cells);
        }

        return Ending(random, text);
    }

    private static string MixedFile(int seed, int rows)
    {
        var random = new Random(seed);
        var text = new StringBuilder("X1,X4,note,X2,id,X3,X5\n");
        for (var r = 0; r < rows; r++)
        {
            var cells = new List<string> { Cell(random, 1, 5), Cell(random, 0, 6), random.Next(3) == 0 ? "\"a, b\"" : "n" + r, Cell(random, 1, 5), Id(random, r), Cell(random, 1, 5), Cell(random, 0, 6) };
            AppendRow(random, text, cells);
        }

        return Ending(random, text);
    }

    private static string Id(Random random, int r) => random.Next(40) switch
    {
        0 => "\"p," + r + "\"",                       // quoted, with the separator
        1 => "\"line\nbreak " + r + "\"",           // quoted over two lines
        2 => "é" + r,                                 // non-ASCII
        3 => new string('x', 40) + r,                 // longer than one vector
        4 => "",                                      // empty id
        5 => "say \"\"hi\"\" " + r,                   // stray quotes inside an unquoted field
        _ => "p" + r.ToString(CultureInfo.InvariantCulture),
    };

    private static string Cell(Random random, int min, int max) => random.Next(100) switch
    {
        < 8 => "",
        < 11 => OddCells[random.Next(OddCells.Length)],
        _ => random.Next(min, max + 1).ToString(CultureInfo.InvariantCulture),
    };

    private static void AppendRow(Random random, StringBuilder text, List<string> cells)
    {
        switch (random.Next(60))
        {
            case 0:
                cells.RemoveAt(cells.Count - 1); // too few fields
                break;
            case 1:
                cells.Add("3"); // too many
                break;
            case 2:
                text.Append('\n'); // a blank line first
                break;
            case 3:
                text.Append("   \n"); // white space only
                break;
            default:
                break;
        }

        text.Append(string.Join(',', cells)).Append(random.Next(10) == 0 ? "\r\n" : "\n");
    }

    private static string Ending(Random random, StringBuilder text) =>
        random.Next(3) == 0 ? text.ToString().TrimEnd('\n') : text.ToString();

    private static void AssertSame(string instrumentJson, string csv, int threads, params string[] extra)
    {
        using var temp = new TempDirectory();
        var instrument = temp.Write("instrument.json", instrumentJson);
        var responses = temp.PathOf("responses.csv");
        var bytes = Encoding.UTF8.GetBytes(csv);
        if (csv.Contains("é7", StringComparison.Ordinal))
        {
            // One id with a byte that is not UTF-8: Sep decodes it to U+FFFD, and the fast path must leave it to Sep.
            var at = Array.IndexOf(bytes, (byte)0xC3);
            bytes[at] = 0xFF;
        }

        File.WriteAllBytes(responses, bytes);
        string[] common = ["score", "--instrument", instrument, "--responses", responses, "--threads", threads.ToString(CultureInfo.InvariantCulture), .. extra];
        // --reader fast fails (exit 2, with the reason) rather than quietly using the general reader: the comparison below is
        // always between the two readers, never the general reader with itself.
        var fast = AssessRunner.Run([.. common, "--out", temp.PathOf("fast.csv"), "--rejects", temp.PathOf("fast-rejects.csv"), "--reader", "fast"]);
        var general = AssessRunner.Run([.. common, "--out", temp.PathOf("general.csv"), "--rejects", temp.PathOf("general-rejects.csv"), "--reader", "general"]);
        Assert.Equal(general.ExitCode, fast.ExitCode);
        Assert.Equal(general.Stderr, fast.Stderr);
        Assert.Equal(File.ReadAllBytes(temp.PathOf("general.csv")), File.ReadAllBytes(temp.PathOf("fast.csv")));
        Assert.Equal(File.ReadAllBytes(temp.PathOf("general-rejects.csv")), File.ReadAllBytes(temp.PathOf("fast-rejects.csv")));

        // The files are not trivially equal: both paths scored rows and rejected rows.
        Assert.Contains("scored", fast.Stderr, StringComparison.Ordinal);
        Assert.True(File.ReadAllLines(temp.PathOf("fast.csv")).Length > 10);
    }
}
