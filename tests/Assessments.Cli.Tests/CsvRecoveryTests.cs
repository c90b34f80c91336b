using System.Text;

namespace Assessments.Cli.Tests;

/// <summary>
/// Broken CSV that RFC 4180 reading alone would turn into lost rows or unbounded memory: stray quotes, bare carriage
/// returns inside lines, a record that never ends; and what reaches stderr (never an answer). Both readers must agree.
/// </summary>
public sealed class CsvRecoveryTests : IDisposable
{
    private const string Definition = Assessments.Testing.ThreeItemLikert.Json;

    private static readonly string[] Readers = ["auto", "general"];
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void StrayQuotesLoseNoRow()
    {
        var instrument = _temp.Write("t.json", Definition);
        var input = _temp.Write("in.csv",
            "id,I1,I2,I3,note\n" +                  // line 1
            "p1,1,2,3,ok\n" +                        // 2: scored (1 + 4 + 3) / 3
            "p2,\"1,2,3,x\n" +                       // 3: stray quote, closed by the one on line 5 → lines 3–5 read one by one
            "p3,1,2,3,fine\r\n" +                    // 4: scored
            "p4,2,2,2,\"multi\n" +                   // 5: its quote closes line 3's: unmatched on its own
            "line comment\"\n" +                     // 6: opens again, closed on line 8
            "p5,1,1,1,y\r" +                         // 7: scored (1 + 5 + 1) / 3, bare CR
            "p6,3,3,3,a\"b\n" +                      // 8: unmatched
            "p7,4,4,4,z\n" +                         // 9: scored (4 + 2 + 4) / 3
            "p8,9,1,1,\"bad\nlong\"\n" +             // 10–11: a real multi-line comment: one record, rejected for its answer
            "p9,\"5\n\",1,1,q\n");                   // 12–13: a line break inside an answer: each line read on its own
        foreach (var reader in Readers)
        {
            var rejects = _temp.PathOf($"rejects-{reader}.csv");
            var result = AssessRunner.Run("score", "--instrument", instrument, "--responses", input, "--extra-columns", "ignore", "--reader", reader, "--rejects", rejects);
            Assert.Equal(1, result.ExitCode);
            Assert.Equal("id,s\np1,2.6666666666666665\np3,2.6666666666666665\np5,2.3333333333333335\np7,3.3333333333333335\n", result.Stdout);
            const string Unmatched = "\"The line has an unmatched quote (\"\"), so its fields cannot be told apart; the lines after it were read on their own.\"";
            Assert.Equal(
            [
                "row,line,respondent,column,reason,status",
                $"2,3,p2,,{Unmatched},row rejected",
                $"4,5,p4,,{Unmatched},row rejected",
                $"5,6,,,{Unmatched},row rejected",
                $"7,8,p6,,{Unmatched},row rejected",
                "9,10,p8,I1,The answer 9 is outside the range 1–5 of format 'f'.,row rejected",
                $"10,12,p9,,{Unmatched},row rejected",
                $"11,13,,,{Unmatched},row rejected",
            ], File.ReadAllLines(rejects));
            Assert.EndsWith("rows read 11, scored 4, rejected 7\n", result.Stderr, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void BareCarriageReturnsInsideAnLfFileCountAsLineEndsForBothReaders()
    {
        // Line 3 holds a bare CR: Sep (and so both readers) ends a line there, so "p2,1,2" is line 3 and "3,x" line 4.
        var instrument = _temp.Write("t.json", Definition);
        var input = _temp.Write("in.csv", "id,I1,I2,I3\np1,1,1,1\np2,1,2\r3,x\np3,2,2,9\np4,5,5,5\n");
        foreach (var reader in Readers)
        {
            var rejects = _temp.PathOf($"rejects-{reader}.csv");
            var result = AssessRunner.Run("score", "--instrument", instrument, "--responses", input, "--reader", reader, "--rejects", rejects);
            Assert.Equal("id,s\np1,2.3333333333333335\np4,3.6666666666666665\n", result.Stdout);
            Assert.Equal(
            [
                "row,line,respondent,column,reason,status",
                "2,3,p2,,The row has 3 field(s); the header has 4.,row rejected",
                "3,4,3,,The row has 2 field(s); the header has 4.,row rejected",
                "4,5,p3,I3,The answer 9 is outside the range 1–5 of format 'f'.,row rejected",
            ], File.ReadAllLines(rejects));
        }
    }

    [Fact]
    public void AQuoteThatNeverClosesStopsTheRunAtFourMiBNamingItsLine()
    {
        // Line 4 opens a quote that nothing closes; 5 MB of rows follow. Without a bound the readers would hold them all
        // as one record; with it the run stops once the record passes 4 MiB, leaves no output, and says where to look.
        var instrument = _temp.Write("t.json", Definition);
        var text = new StringBuilder("id,I1,I2,I3\np1,1,1,1\np2,2,2,2\np3,\"3,3,3\n");
        while (text.Length < 5_000_000)
        {
            text.Append("p,1,2,3\n");
        }

        var input = _temp.Write("in.csv", text.ToString());
        foreach (var reader in Readers)
        {
            var output = _temp.PathOf($"out-{reader}.csv");
            var result = AssessRunner.Run("score", "--instrument", instrument, "--responses", input, "--reader", reader, "--out", output);
            Assert.Equal(4, result.ExitCode);
            Assert.Contains($"{input}: line 4: the record that starts here is longer than 4 MiB, the limit. A quote (\") opened on it and never closed", result.Stderr, StringComparison.Ordinal);
            Assert.False(File.Exists(output));
        }
    }

    [Fact]
    public void AUtf16FileSavedAsUnicodeTextIsDecoded()
    {
        // Excel's "Unicode text" export: UTF-16 LE with a byte-order mark, tab-separated. Same scores as the UTF-8 file.
        var instrument = _temp.Write("t.json", Definition);
        const string Text = "id\tI1\tI2\tI3\r\nélodie\t1\t2\t3\r\np2\t\"5\"\t1\t5\r\n";
        var utf16 = _temp.PathOf("unicode.txt");
        File.WriteAllText(utf16, Text, new UnicodeEncoding(bigEndian: false, byteOrderMark: true));
        var utf8 = _temp.Write("utf8.txt", Text);
        foreach (var reader in Readers)
        {
            var expected = AssessRunner.Run("score", "--instrument", instrument, "--responses", utf8, "--separator", "tab", "--reader", reader);
            var result = AssessRunner.Run("score", "--instrument", instrument, "--responses", utf16, "--separator", "tab", "--reader", reader);
            Assert.Equal(0, result.ExitCode);
            Assert.Equal("id\ts\nélodie\t2.6666666666666665\np2\t5\n", result.Stdout); // (1 + 4 + 3) / 3; (5 + 5 + 5) / 3
            Assert.Equal(expected.Stdout, result.Stdout);
        }
    }

    [Fact]
    public async Task AResponsesFileCanBeAPipe()
    {
        // The guard peeks at the first bytes for a byte-order mark without seeking, so a FIFO (or /dev/stdin) reads.
        Assert.True(OperatingSystem.IsLinux(), "the CI runs on Linux, where mkfifo exists");
        var instrument = _temp.Write("t.json", Definition);
        foreach (var reader in Readers)
        {
            var fifo = _temp.PathOf($"pipe-{reader}");
            using (var mkfifo = System.Diagnostics.Process.Start("mkfifo", fifo))
            {
                mkfifo.WaitForExit();
                Assert.Equal(0, mkfifo.ExitCode);
            }

            var writer = Task.Run(() => File.WriteAllText(fifo, "id,I1,I2,I3\np1,1,2,3\np2,5,1,5\n"));
            var result = AssessRunner.Run("score", "--instrument", instrument, "--responses", fifo, "--reader", reader);
            await writer;
            Assert.Equal("id,s\np1,2.6666666666666665\np2,5\n", result.Stdout);
        }

        // Lines ending in lone CRs: the fast reader reads the head, declines, and hands what it read to the general reader
        // (reopening a pipe would have lost those bytes: here, every row).
        var crFifo = _temp.PathOf("pipe-cr");
        using (var mkfifo = System.Diagnostics.Process.Start("mkfifo", crFifo))
        {
            mkfifo.WaitForExit();
        }

        var crWriter = Task.Run(() => File.WriteAllText(crFifo, "id,I1,I2,I3\rp1,1,2,3\rp2,5,1,5\r"));
        var cr = AssessRunner.Run("score", "--instrument", instrument, "--responses", crFifo);
        await crWriter;
        Assert.Equal("id,s\np1,2.6666666666666665\np2,5\n", cr.Stdout);
    }

    [Fact]
    public void LinesEndingInLoneCarriageReturnsAfterTheFirstBlockAreReadInBoundedBlocks()
    {
        // 700 kB of LF lines, then 1.2 MB of lines ending in a lone CR (two exports joined): both readers give the same
        // bytes, and the fast reader does not grow one block to the end of the file.
        var instrument = _temp.Write("t.json", Definition);
        var text = new StringBuilder("id,I1,I2,I3\n");
        var r = 0;
        while (text.Length < 700_000)
        {
            text.Append(System.Globalization.CultureInfo.InvariantCulture, $"p{r++},1,2,3\n");
        }

        while (text.Length < 1_900_000)
        {
            text.Append(System.Globalization.CultureInfo.InvariantCulture, $"p{r},{r % 5 + 1},{r % 7},3\r"); // r % 7 = 0 or 6: rejected
            r++;
        }

        var input = _temp.Write("mixed.csv", text.ToString());
        var outcomes = Readers.Select(reader =>
        {
            var rejects = _temp.PathOf($"rejects-{reader}.csv");
            var result = AssessRunner.Run("score", "--instrument", instrument, "--responses", input, "--reader", reader, "--rejects", rejects);
            return (result.ExitCode, result.Stdout, Rejects: File.ReadAllText(rejects), Summary: result.Stderr);
        }).ToList();
        Assert.Equal(1, outcomes[0].ExitCode);
        Assert.Equal(outcomes[1], outcomes[0]);
        Assert.EndsWith(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"rows read {r}, scored {r - outcomes[0].Rejects.Split('\n').Count(l => l.Contains(",I2,", StringComparison.Ordinal))}"),
            outcomes[0].Summary[..outcomes[0].Summary.IndexOf(", rejected", StringComparison.Ordinal)], StringComparison.Ordinal);

        // The fast reader's blocks stay within their 512 KiB: its input comes through the guard, which makes every line end
        // an LF (read raw, the CR part came as one 1.2 MB block).
        var owner = new ScoreRun { Instrument = Instrument.Load(instrument), ResponsesPath = input, Log = TextWriter.Null, Output = TextWriter.Null };
        using var run = owner.OpenFast(out var stream);
        using var _ = stream;
        var blocks = new List<int>();
        for (var chunk = new FastChunk(run.Plan, 1 << 19); run.NextBlock(chunk);)
        {
            blocks.Add(chunk.InputLength);
        }

        Assert.Equal(text.Length - "id,I1,I2,I3\n".Length, blocks.Sum()); // every byte after the header (each CR now an LF)
        Assert.All(blocks, length => Assert.InRange(length, 1, 1 << 19));
    }

    [Fact]
    public void AFileWithoutAHeaderRowDoesNotPutTheFirstAnswersOnStderr()
    {
        var instrument = _temp.Write("t.json", Definition);
        var input = _temp.Write("in.csv", "p1,4,3,2\np2,1,1,1\n");
        var result = AssessRunner.Run("score", "--instrument", instrument, "--responses", input);
        Assert.Equal(4, result.ExitCode);
        Assert.Equal(ScoreCommandTests.Note(1) + $"error: {input}: header column 2 is not an item of t@1.0.0 (its name is a number or empty: is the header row missing?). Map it with --columns FILE.csv (column,item), or pass --extra-columns ignore to skip columns that are not items.\n", result.Stderr);
    }

    [Theory]
    [InlineData("5")]
    [InlineData("-")]
    [InlineData("\"")]
    public void ASeparatorThatCouldBePartOfAnAnswerIsRefused(string separator)
    {
        var instrument = _temp.Write("t.json", Definition);
        var input = _temp.Write("in.csv", "id5I15I25I3\np55152\n");
        var result = AssessRunner.Run("score", "--instrument", instrument, "--responses", input, "--separator", separator);
        Assert.Equal(2, result.ExitCode);
        Assert.Equal($"error: --separator must be one of , ; | : tab (or \\t) or space; found '{separator}'. See 'assess score --help'.\n", result.Stderr);
    }

    [Fact]
    public void AHeaderOfThousandsOfColumnsIsReadByTheGeneralReader()
    {
        // 5,000 extra columns: past the fast parser's 4,096, whose separators sit on a thread's stack.
        var instrument = _temp.Write("t.json", Definition);
        var extra = string.Concat(Enumerable.Range(0, 5000).Select(i => string.Create(System.Globalization.CultureInfo.InvariantCulture, $",x{i}")));
        var blanks = new string(',', 5000);
        var input = _temp.Write("wide.csv", $"id,I1,I2,I3{extra}\np1,1,2,3{blanks}\n");
        var result = AssessRunner.Run("score", "--instrument", instrument, "--responses", input, "--extra-columns", "ignore");
        Assert.Equal(0, result.ExitCode);
        Assert.Equal("id,s\np1,2.6666666666666665\n", result.Stdout);
    }

    [Fact]
    public void AnswersNeverReachStderrOnlyTheRejectsFileAskedFor()
    {
        var instrument = _temp.Write("t.json", Definition);
        var input = _temp.Write("in.csv", "id,I1,I2,I3\np1,9191,1,1\np2,1,secretword,1\np3,1,1,1\n");
        foreach (var reader in Readers)
        {
            var quiet = AssessRunner.Run("score", "--instrument", instrument, "--responses", input, "--reader", reader);
            Assert.Equal(1, quiet.ExitCode);
            Assert.Equal(ScoreCommandTests.Note(3) + "t@1.0.0: rows read 3, scored 1, rejected 2 (pass --rejects FILE to keep them)\n", quiet.Stderr);

            var rejects = _temp.PathOf($"rejects-{reader}.csv");
            var asked = AssessRunner.Run("score", "--instrument", instrument, "--responses", input, "--reader", reader, "--rejects", rejects);
            Assert.DoesNotContain("9191", asked.Stderr, StringComparison.Ordinal);
            Assert.DoesNotContain("secretword", asked.Stderr, StringComparison.Ordinal);
            var kept = File.ReadAllText(rejects);
            Assert.Contains("9191", kept, StringComparison.Ordinal); // the file the user asked for says what was wrong
            Assert.Contains("secretword", kept, StringComparison.Ordinal);
        }
    }
}
