using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Assessments.Cli.Tests;

/// <summary>
/// <c>assess score</c>, run in-process through <see cref="AssessCli.Run"/>: reference scores from R psych, the shipped worked
/// example, rejects, header and usage errors, output files, and independence from column order, threads and culture.
/// </summary>
/// <remarks>
/// xunit runs the classes of a test assembly in parallel but the methods of one class one after another. The culture test
/// below changes <see cref="CultureInfo.CurrentCulture"/>, which in .NET belongs to the current thread / async flow, not to
/// the process, so it cannot leak into tests running on other threads; it is restored in a <c>finally</c> all the same.
/// </remarks>
public sealed class ScoreCommandTests : IDisposable
{
    /// <summary>An unknown text in a cell of agree5 (instruments/career-readiness.json) lists the labels it accepts, CSV-quoted.</summary>
    private const string AbcReason = "\"'abc' is neither a number nor a label of the item's format. Accepted: en: Strongly disagree (1), Disagree (2), "
        + "Neither agree nor disagree (3), Agree (4), Strongly agree (5); fr: Pas du tout d'accord (1), Plutôt pas d'accord (2), "
        + "Ni d'accord ni pas d'accord (3), Plutôt d'accord (4), Tout à fait d'accord (5); or a whole number from 1 to 5.\"";

    private const string ExampleSummary = "career-readiness@1.0.0: rows read 6, scored 6, rejected 0";
    private const string BfiSummary = "bfi@1.0.0: rows read 2800, scored 2800, rejected 0";

    private readonly TempDirectory _temp = new();

    /// <summary>What stderr says first when the separator was detected (a comma) from the header and <paramref name="rows"/> rows.</summary>
    internal static string Note(int rows) => $"note: separator ',' detected from the header and {rows} row(s) (--separator sets it)\n";

    public void Dispose()
    {
        _temp.Dispose();
        GC.SuppressFinalize(this);
    }

    // ---------------------------------------------------------------- reference data and the worked example

    [Fact]
    public void ScoresBfiLikeRPsych()
    {
        Assert.True(File.Exists(TestPaths.BfiItems), $"The bfi reference data are missing: {TestPaths.BfiItems}");
        var instrument = BfiInstrument.WriteTo(_temp.FullName);
        var output = _temp.PathOf("bfi-scores.csv");

        var result = AssessRunner.Run("score", "--instrument", instrument, "--responses", TestPaths.BfiItems, "--out", output);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(Note(20) + BfiSummary + "\n", result.Stderr);
        var expected = AssessRunner.Lines(AssessRunner.ReadNormalized(TestPaths.BfiScores));
        var actual = AssessRunner.Lines(AssessRunner.ReadNormalized(output));
        Assert.Equal("rowname,agree,conscientious,extraversion,neuroticism,openness", actual[0]);
        Assert.Equal(expected[0], actual[0]);
        Assert.Equal(expected.Length, actual.Length);
        Assert.Equal(2801, actual.Length);

        var mismatches = new List<string>();
        for (var r = 1; r < expected.Length; r++)
        {
            var want = expected[r].Split(',');
            var got = actual[r].Split(',');
            if (want.Length != got.Length || want[0] != got[0])
            {
                mismatches.Add($"line {r + 1}: expected '{expected[r]}', got '{actual[r]}'");
                continue;
            }

            for (var c = 1; c < want.Length; c++)
            {
                if (want[c].Length == 0 || got[c].Length == 0)
                {
                    if (want[c].Length != got[c].Length)
                    {
                        mismatches.Add($"line {r + 1} ({want[0]}), {expected[0].Split(',')[c]}: expected '{want[c]}', got '{got[c]}'");
                    }

                    continue;
                }

                var difference = Math.Abs(ParseDouble(want[c]) - ParseDouble(got[c]));
                if (!(difference <= 1e-9))
                {
                    mismatches.Add($"line {r + 1} ({want[0]}), {expected[0].Split(',')[c]}: expected {want[c]}, got {got[c]}");
                }
            }
        }

        Assert.Empty(mismatches);
    }

    [Fact]
    public void ScoresTheWorkedExampleExactlyAsDocumented()
    {
        var output = _temp.PathOf("career-readiness.scores.csv");

        var result = AssessRunner.Run("score", "--instrument", TestPaths.CareerReadiness, "--responses", TestPaths.ExampleResponses, "--out", output);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(AssessRunner.ReadNormalized(TestPaths.ExampleExpected), AssessRunner.ReadNormalized(output));
        Assert.Equal(Note(6) + ExampleSummary + "\n", result.Stderr);
        Assert.Equal("", result.Stdout);
    }

    [Fact]
    public void ScoresAShippedInstrumentNamedByItsId()
    {
        // No file is called "career-readiness": the id names the instrument embedded in the package, the same definition.
        Assert.False(File.Exists("career-readiness"));
        var result = AssessRunner.Run("score", "--instrument", "career-readiness", "--responses", TestPaths.ExampleResponses);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(AssessRunner.ReadNormalized(TestPaths.ExampleExpected), result.Stdout);
        Assert.Equal(Note(6) + ExampleSummary + "\n", result.Stderr);
    }

    [Fact]
    public void WritesToStandardOutputWithoutOut()
    {
        var result = AssessRunner.Run("score", "--instrument", TestPaths.CareerReadiness, "--responses", TestPaths.ExampleResponses);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(AssessRunner.ReadNormalized(TestPaths.ExampleExpected), result.Stdout);
        Assert.Equal(Note(6) + ExampleSummary + "\n", result.Stderr);
    }

    // ---------------------------------------------------------------- rejects

    [Fact]
    public void WritesRejectedRowsWithRowLineColumnAndReason()
    {
        var responses = _temp.Write("with-rejects.csv", ResponsesWithRejects());
        var output = _temp.PathOf("scores.csv");
        var rejects = _temp.PathOf("rejects.csv");

        var result = AssessRunner.Run("score", "--instrument", TestPaths.CareerReadiness, "--responses", responses,
            "--out", output, "--rejects", rejects);

        Assert.Equal(1, result.ExitCode);
        var expectedLines = AssessRunner.Lines(AssessRunner.ReadNormalized(TestPaths.ExampleExpected));
        string[] expectedOutput = [expectedLines[0], expectedLines[1], expectedLines[6]];
        Assert.Equal(expectedOutput, AssessRunner.Lines(AssessRunner.ReadNormalized(output)));

        // row = 1-based data row; line = file line, the header being line 1.
        string[] expectedRejects =
        [
            "row,line,respondent,column,reason,status",
            "2,3,p02,CO01,The answer 7 is outside the range 1\u20135 of format 'agree5'.,row rejected",
            "3,4,p03,EX01,'3.5' is not a whole number; answers are integers on the item's format.,row rejected",
            $"4,5,p04,SU01,{AbcReason},row rejected",
            "5,6,p05,,The row has 4 field(s); the header has 21.,row rejected",
        ];
        Assert.Equal(expectedRejects, AssessRunner.Lines(AssessRunner.ReadNormalized(rejects)));

        Assert.Equal(Note(6) + "career-readiness@1.0.0: rows read 6, scored 2, rejected 4\n", result.Stderr);
        var (read, scored, rejected) = ParseSummary(result.StderrLines[^1]);
        Assert.Equal(read, scored + rejected);
    }

    [Fact]
    public void ReadsABomCrLfAndBlankLinesLikeAPlainFile()
    {
        // The worked example as a spreadsheet might save it: UTF-8 BOM, CRLF line ends, a blank line in the middle and at the end.
        var lines = AssessRunner.Lines(AssessRunner.ReadNormalized(TestPaths.ExampleResponses));
        var text = "\uFEFF" + string.Join("\r\n", lines[..3]) + "\r\n\r\n" + string.Join("\r\n", lines[3..]) + "\r\n\r\n";
        var responses = _temp.Write("spreadsheet.csv", text);
        var output = _temp.PathOf("scores.csv");

        var result = AssessRunner.Run("score", "--instrument", TestPaths.CareerReadiness, "--responses", responses, "--out", output);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(AssessRunner.ReadNormalized(TestPaths.ExampleExpected), AssessRunner.ReadNormalized(output));
        Assert.Equal(Note(6) + ExampleSummary + "\n", result.Stderr);
    }

    [Fact]
    public void ListsEveryBadCellOfARejectedRow()
    {
        // p02's row from the worked example with CL01 = "abc" (unparsable) and CO01 = 0 (outside 1–5): both are reported.
        var lines = AssessRunner.Lines(AssessRunner.ReadNormalized(TestPaths.ExampleResponses));
        var cells = lines[2].Split(',');
        cells[1] = "abc";
        cells[2] = "0";
        var responses = _temp.Write("two-bad-cells.csv", lines[0] + "\n" + string.Join(",", cells) + "\n");
        var rejects = _temp.PathOf("rejects.csv");

        var result = AssessRunner.Run("score", "--instrument", TestPaths.CareerReadiness, "--responses", responses,
            "--out", _temp.PathOf("scores.csv"), "--rejects", rejects);

        Assert.Equal(1, result.ExitCode);
        Assert.Equal(
        [
            "row,line,respondent,column,reason,status",
            $"1,2,p02,CL01,{AbcReason},row rejected",
            "1,2,p02,CO01,The answer 0 is outside the range 1\u20135 of format 'agree5'.,row rejected",
        ], AssessRunner.Lines(AssessRunner.ReadNormalized(rejects)));
        Assert.Equal(Note(1) + "career-readiness@1.0.0: rows read 1, scored 0, rejected 1\n", result.Stderr);
    }

    [Fact]
    public void SuggestsARejectsFileWhenRowsAreRejectedWithoutOne()
    {
        var responses = _temp.Write("with-rejects.csv", ResponsesWithRejects());
        var output = _temp.PathOf("scores.csv");

        var result = AssessRunner.Run("score", "--instrument", TestPaths.CareerReadiness, "--responses", responses, "--out", output);

        Assert.Equal(1, result.ExitCode);
        Assert.Equal(Note(6) + "career-readiness@1.0.0: rows read 6, scored 2, rejected 4 (pass --rejects FILE to keep them)\n", result.Stderr);
        Assert.Equal(3, AssessRunner.Lines(AssessRunner.ReadNormalized(output)).Length);
    }

    // ---------------------------------------------------------------- independence from layout, threads and culture

    [Fact]
    public void ColumnOrderDoesNotChangeTheOutput()
    {
        var original = AssessRunner.ReadNormalized(TestPaths.ExampleResponses);
        var shuffled = ShuffleColumns(original, seed: 20260101);
        Assert.NotEqual(AssessRunner.Lines(original)[0], AssessRunner.Lines(shuffled)[0]);

        var (plainOutput, shuffledOutput) = ScoreBoth(original, shuffled);

        Assert.Equal(AssessRunner.ReadNormalized(TestPaths.ExampleExpected), shuffledOutput);
        Assert.Equal(plainOutput, shuffledOutput);
    }

    [FsCheck.Xunit.Property(MaxTest = 20)]
    public void ColumnOrderNeverChangesTheOutput(int seed)
    {
        var original = AssessRunner.ReadNormalized(TestPaths.ExampleResponses);
        var (plainOutput, shuffledOutput) = ScoreBoth(original, ShuffleColumns(original, seed));

        Assert.Equal(plainOutput, shuffledOutput);
    }

    [Fact]
    public void TheIdColumnCanBeNamedAndPlacedLast()
    {
        // Move the respondent column from first to last and name it with --id-column.
        var lines = AssessRunner.Lines(AssessRunner.ReadNormalized(TestPaths.ExampleResponses));
        var moved = new StringBuilder();
        foreach (var line in lines)
        {
            var fields = line.Split(',');
            moved.AppendJoin(',', fields.Skip(1).Append(fields[0])).Append('\n');
        }

        var responses = _temp.Write("id-last.csv", moved.ToString());
        var output = _temp.PathOf("scores.csv");

        var result = AssessRunner.Run("score", "--instrument", TestPaths.CareerReadiness, "--responses", responses,
            "--out", output, "--id-column", "respondent");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(AssessRunner.ReadNormalized(TestPaths.ExampleExpected), AssessRunner.ReadNormalized(output));
    }

    [Theory]
    [InlineData(";")]
    [InlineData("tab")]
    public void ReadsAndWritesTheGivenSeparator(string option)
    {
        var separator = option == "tab" ? '\t' : option[0];
        var responses = _temp.Write("separated.csv", AssessRunner.ReadNormalized(TestPaths.ExampleResponses).Replace(',', separator));
        var output = _temp.PathOf("scores.csv");

        var result = AssessRunner.Run("score", "--instrument", TestPaths.CareerReadiness, "--responses", responses,
            "--out", output, "--separator", option);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(AssessRunner.ReadNormalized(TestPaths.ExampleExpected).Replace(',', separator), AssessRunner.ReadNormalized(output));
    }

    [Fact]
    public void OneThreadAndEveryThreadGiveByteIdenticalOutput()
    {
        var instrument = BfiInstrument.WriteTo(_temp.FullName);
        var single = _temp.PathOf("threads-1.csv");
        var every = _temp.PathOf("threads-default.csv");

        var one = AssessRunner.Run("score", "--instrument", instrument, "--responses", TestPaths.BfiItems, "--out", single, "--threads", "1");
        var all = AssessRunner.Run("score", "--instrument", instrument, "--responses", TestPaths.BfiItems, "--out", every);

        Assert.Equal(0, one.ExitCode);
        Assert.Equal(0, all.ExitCode);
        Assert.Equal(File.ReadAllBytes(single), File.ReadAllBytes(every));
        Assert.Equal(one.Stderr, all.Stderr);
    }

    [Fact]
    public void OutputDoesNotDependOnTheCurrentCulture()
    {
        var instrument = BfiInstrument.WriteTo(_temp.FullName);
        var invariant = ScoreBfiUnder(instrument, CultureInfo.InvariantCulture, "invariant.csv");
        var french = ScoreBfiUnder(instrument, CultureInfo.GetCultureInfo("fr-FR"), "fr-FR.csv");
        var german = ScoreBfiUnder(instrument, CultureInfo.GetCultureInfo("de-DE"), "de-DE.csv");

        Assert.Equal(invariant.Bytes, french.Bytes);
        Assert.Equal(invariant.Bytes, german.Bytes);
        Assert.Equal(invariant.Stderr, french.Stderr);
        Assert.Equal(invariant.Stderr, german.Stderr);

        // A decimal comma would add fields to the comma-separated output; every value uses '.'.
        var lines = AssessRunner.Lines(Encoding.UTF8.GetString(french.Bytes));
        Assert.All(lines, line => Assert.Equal(6, line.Split(',').Length));
        Assert.Equal("61617,4,2.8,3.8,2.8,3", lines[1]);
    }

    // ---------------------------------------------------------------- JSON Lines

    [Fact]
    public void WritesOneJsonObjectPerRespondentInJsonLines()
    {
        var output = _temp.PathOf("scores.jsonl");

        var result = AssessRunner.Run("score", "--instrument", TestPaths.CareerReadiness, "--responses", TestPaths.ExampleResponses,
            "--out", output, "--format", "jsonl");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(Note(6) + ExampleSummary + "\n", result.Stderr);
        var lines = AssessRunner.Lines(AssessRunner.ReadNormalized(output));
        Assert.Equal(6, lines.Length);
        var fingerprint = Instrument.Load(TestPaths.CareerReadiness).Fingerprint;
        for (var i = 0; i < lines.Length; i++)
        {
            using var document = JsonDocument.Parse(lines[i]);
            var root = document.RootElement;
            Assert.Equal(string.Create(CultureInfo.InvariantCulture, $"p{i + 1:00}"), root.GetProperty("respondent").GetString());
            Assert.Equal("career-readiness", root.GetProperty("instrument").GetString());
            Assert.Equal("1.0.0", root.GetProperty("version").GetString());
            Assert.Equal("likert", root.GetProperty("kind").GetString());
            var hex = root.GetProperty("fingerprint").GetString();
            Assert.True(IsLowerHex64(hex), $"fingerprint '{hex}' is not 64 lower-case hex digits");
            Assert.Equal(fingerprint, hex);
        }

        using (var p02 = JsonDocument.Parse(lines[1]))
        {
            var clarity = p02.RootElement.GetProperty("scales").GetProperty("clarity");
            Assert.Equal(4.4, clarity.GetProperty("score").GetDouble());
            Assert.Equal(5, clarity.GetProperty("answered").GetInt32());
            Assert.False(clarity.TryGetProperty("missingReason", out _));
        }

        using (var p05 = JsonDocument.Parse(lines[4]))
        {
            var exploration = p05.RootElement.GetProperty("scales").GetProperty("exploration");
            Assert.Equal(JsonValueKind.Null, exploration.GetProperty("score").ValueKind);
            Assert.Equal(2, exploration.GetProperty("answered").GetInt32());
            Assert.Equal(
                "Only 2 of 5 items were answered; the scale needs at least 60 % of them (minAnswered 0.6).",
                exploration.GetProperty("missingReason").GetString());
        }
    }

    // ---------------------------------------------------------------- header and input errors (exit 4)

    [Fact]
    public void RejectsADuplicateColumn()
    {
        var lines = AssessRunner.Lines(AssessRunner.ReadNormalized(TestPaths.ExampleResponses));
        var header = lines[0].Split(',');
        header[2] = "CL01";
        var responses = _temp.Write("duplicate.csv", string.Join(',', header) + "\n" + lines[1] + "\n");

        var result = ScoreExample(responses);

        Assert.Equal(4, result.ExitCode);
        Assert.Equal(Note(1) + $"error: {responses}: header columns 2 and 3 have the same name (item CL01); each column name must be unique.\n", result.Stderr);
    }

    [Fact]
    public void RejectsAnUnknownColumnUnlessExtraColumnsAreIgnored()
    {
        var responses = _temp.Write("extra.csv", WithExtraColumn(AssessRunner.ReadNormalized(TestPaths.ExampleResponses)));

        var strict = ScoreExample(responses);

        Assert.Equal(4, strict.ExitCode);
        Assert.Equal(
            Note(6) + $"error: {responses}: header column 22 is not an item of career-readiness@1.0.0. Map it with --columns FILE.csv (column,item), or pass --extra-columns ignore to skip columns that are not items.\n",
            strict.Stderr);

        var output = _temp.PathOf("scores.csv");
        var lenient = AssessRunner.Run("score", "--instrument", TestPaths.CareerReadiness, "--responses", responses,
            "--out", output, "--extra-columns", "ignore");

        Assert.Equal(0, lenient.ExitCode);
        Assert.Equal(Note(6) + ExampleSummary + "\n", lenient.Stderr);
        Assert.Equal(AssessRunner.ReadNormalized(TestPaths.ExampleExpected), AssessRunner.ReadNormalized(output));
    }

    [Fact]
    public void RejectsAnIdColumnThatIsNotInTheHeader()
    {
        var result = AssessRunner.Run("score", "--instrument", TestPaths.CareerReadiness, "--responses", TestPaths.ExampleResponses,
            "--id-column", "person");

        Assert.Equal(4, result.ExitCode);
        Assert.Equal(
            Note(6) + $"error: {TestPaths.ExampleResponses}: the header has no column 'person' (given by --id-column) among its 21 column(s); " +
            "names are compared exactly, case and spaces included.\n",
            result.Stderr);
        Assert.Equal("", result.Stdout);
    }

    [Fact]
    public void RejectsAnEmptyFile()
    {
        var responses = _temp.Write("empty.csv", "");

        var result = ScoreExample(responses);

        Assert.Equal(4, result.ExitCode);
        Assert.Equal($"error: {responses}: the file is empty; expected a header row with an id column and item ids.\n", result.Stderr);
    }

    [Fact]
    public void RejectsAMissingResponsesFile()
    {
        var responses = _temp.PathOf("does-not-exist.csv");

        var result = ScoreExample(responses);

        Assert.Equal(4, result.ExitCode);
        Assert.Equal($"error: {responses}: file not found.\n", result.Stderr);
    }

    [Fact]
    public void RejectsAMissingInstrumentFile()
    {
        var instrument = _temp.PathOf("does-not-exist.json");

        var result = AssessRunner.Run("score", "--instrument", instrument, "--responses", TestPaths.ExampleResponses);

        Assert.Equal(4, result.ExitCode);
        Assert.Equal($"error: {instrument}: no such file, and not the id of a shipped instrument (career-readiness, ikigai, interests-riasec, type-indicator, values-cards).\n", result.Stderr);
    }

    [Fact]
    public void AHeaderOnlyFileIsAnErrorAndWritesNothing()
    {
        // Never a silent success: a file with a header and no data row scores nothing, so the run says so (exit 4) and the
        // previous output stays as it was.
        var header = AssessRunner.Lines(AssessRunner.ReadNormalized(TestPaths.ExampleResponses))[0];
        var responses = _temp.Write("header-only.csv", header + "\n\n  \n");
        var output = _temp.Write("scores.csv", "previous\n");

        var result = AssessRunner.Run("score", "--instrument", TestPaths.CareerReadiness, "--responses", responses, "--out", output);

        Assert.Equal(4, result.ExitCode);
        Assert.Equal(Note(0) + $"error: {responses}: the file has a header but no data rows; nothing was scored.\n", result.Stderr);
        Assert.Equal("previous\n", File.ReadAllText(output));
        Assert.Equal(["scores.csv"], Directory.GetFiles(_temp.FullName, "*scores*").Select(Path.GetFileName));
    }

    // ---------------------------------------------------------------- usage errors (exit 2)

    [Fact]
    public void AnUnknownCommandIsAUsageError()
    {
        var result = AssessRunner.Run("frobnicate");

        AssertUsageError(result, "error: Unrecognized command or argument 'frobnicate'. See 'assess --help'.");
    }

    [Fact]
    public void NoArgumentsIsAUsageErrorAndHelpIsNot()
    {
        var none = AssessRunner.Run();
        Assert.Equal(2, none.ExitCode);
        Assert.Equal("", none.Stdout);
        Assert.Equal("error: no command given; the commands are validate, score, match, skills, analyze, quality, norms, generate, report, demo. See 'assess --help'.\n", none.Stderr);

        var help = AssessRunner.Run("--help");
        Assert.Equal(0, help.ExitCode);
        Assert.Equal("", help.Stderr);
        Assert.StartsWith("Description:\n  Score career-assessment instruments", help.Stdout.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.Contains($"\nUsage:\n  {System.CommandLine.RootCommand.ExecutableName} [command] [options]\n", help.Stdout.ReplaceLineEndings("\n"), StringComparison.Ordinal); // "assess" once installed
    }

    [Fact]
    public void AnUnknownOptionIsAUsageError()
    {
        var result = AssessRunner.Run("score", "--instrument", TestPaths.CareerReadiness, "--responses", TestPaths.ExampleResponses,
            "--bogus", "1");

        AssertUsageError(result,
            "error: Unrecognized command or argument '--bogus'. See 'assess score --help'.");
    }

    [Fact]
    public void AMissingInstrumentOptionIsAUsageError()
    {
        var result = AssessRunner.Run("score", "--responses", TestPaths.ExampleResponses);

        AssertUsageError(result, "error: Option '--instrument' is required. See 'assess score --help'.");
    }

    [Fact]
    public void AnUnknownFormatIsAUsageError()
    {
        var result = AssessRunner.Run("score", "--instrument", TestPaths.CareerReadiness, "--responses", TestPaths.ExampleResponses,
            "--format", "xml");

        AssertUsageError(result, "error: --format must be one of csv, jsonl, xlsx; found 'xml'. See 'assess score --help'.");
    }

    [Fact]
    public void ZeroThreadsIsAUsageError()
    {
        var result = AssessRunner.Run("score", "--instrument", TestPaths.CareerReadiness, "--responses", TestPaths.ExampleResponses,
            "--threads", "0");

        AssertUsageError(result, "error: --threads must be a whole number from 1 to 256; found '0'. See 'assess score --help'.");
    }

    // ---------------------------------------------------------------- invalid instrument (exit 3)

    [Fact]
    public void AnInvalidInstrumentExitsWith3AndPrintsEveryDiagnostic()
    {
        var instrument = _temp.Write("broken.json", InvalidInstruments.MeaningJson);
        var output = _temp.PathOf("scores.csv");

        var result = AssessRunner.Run("score", "--instrument", instrument, "--responses", TestPaths.ExampleResponses, "--out", output);

        Assert.Equal(3, result.ExitCode);
        Assert.Equal(InvalidInstruments.MeaningErrors(instrument), result.StderrLines);
        Assert.Equal("", result.Stdout);
        Assert.False(File.Exists(output));
    }

    // ---------------------------------------------------------------- output files of a failed run

    [Fact]
    public void AFailedRunLeavesNoOutputFileBehind()
    {
        // The outputs are opened (as hidden .partial files) before the header is read; the unknown column then fails the run.
        var responses = _temp.Write("extra.csv", WithExtraColumn(AssessRunner.ReadNormalized(TestPaths.ExampleResponses)));
        var output = _temp.PathOf("scores.csv");
        var rejects = _temp.PathOf("rejects.csv");

        var result = AssessRunner.Run("score", "--instrument", TestPaths.CareerReadiness, "--responses", responses,
            "--out", output, "--rejects", rejects);

        Assert.Equal(4, result.ExitCode);
        Assert.False(File.Exists(output));
        Assert.False(File.Exists(rejects));
        Assert.False(File.Exists(_temp.PathOf(".scores.csv.partial")));
        Assert.False(File.Exists(_temp.PathOf(".rejects.csv.partial")));
        Assert.Empty(Directory.GetFiles(_temp.FullName, "*.partial"));
        string[] remaining = [responses];
        Assert.Equal(remaining, Directory.GetFiles(_temp.FullName));
    }

    [Fact]
    public void AFailedRunKeepsAnExistingOutputFileUntouched()
    {
        var responses = _temp.Write("extra.csv", WithExtraColumn(AssessRunner.ReadNormalized(TestPaths.ExampleResponses)));
        var output = _temp.Write("scores.csv", "the previous run's scores\n");

        var result = AssessRunner.Run("score", "--instrument", TestPaths.CareerReadiness, "--responses", responses, "--out", output);

        Assert.Equal(4, result.ExitCode);
        Assert.Equal("the previous run's scores\n", File.ReadAllText(output));
        Assert.Empty(Directory.GetFiles(_temp.FullName, "*.partial"));
    }

    // ---------------------------------------------------------------- helpers

    private static CliResult ScoreExample(string responses) =>
        AssessRunner.Run("score", "--instrument", TestPaths.CareerReadiness, "--responses", responses);

    /// <summary>Scores <paramref name="plain"/> and <paramref name="shuffled"/> with career-readiness; returns both outputs.</summary>
    private (string Plain, string Shuffled) ScoreBoth(string plain, string shuffled)
    {
        var plainPath = _temp.Write("plain.csv", plain);
        var shuffledPath = _temp.Write("shuffled.csv", shuffled);
        var plainOutput = _temp.PathOf("plain.scores.csv");
        var shuffledOutput = _temp.PathOf("shuffled.scores.csv");

        var first = AssessRunner.Run("score", "--instrument", TestPaths.CareerReadiness, "--responses", plainPath, "--out", plainOutput);
        var second = AssessRunner.Run("score", "--instrument", TestPaths.CareerReadiness, "--responses", shuffledPath, "--out", shuffledOutput);

        Assert.Equal(0, first.ExitCode);
        Assert.Equal(0, second.ExitCode);
        Assert.Equal(first.Stderr, second.Stderr);
        return (AssessRunner.ReadNormalized(plainOutput), AssessRunner.ReadNormalized(shuffledOutput));
    }

    /// <summary>Scores the bfi with <paramref name="culture"/> as the current (UI) culture, restoring the previous one after.</summary>
    private (byte[] Bytes, string Stderr) ScoreBfiUnder(string instrument, CultureInfo culture, string outputName)
    {
        var output = _temp.PathOf(outputName);
        var (previousCulture, previousUiCulture) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        try
        {
            CultureInfo.CurrentCulture = culture;
            CultureInfo.CurrentUICulture = culture;
            var result = AssessRunner.Run("score", "--instrument", instrument, "--responses", TestPaths.BfiItems, "--out", output);
            Assert.Equal(0, result.ExitCode);
            return (File.ReadAllBytes(output), result.Stderr);
        }
        finally
        {
            CultureInfo.CurrentCulture = previousCulture;
            CultureInfo.CurrentUICulture = previousUiCulture;
        }
    }

    /// <summary>
    /// The worked example with bad rows: p01 and p06 are good; p02 answers 7 to CO01, p03 answers "3.5" to EX01, p04 answers
    /// "abc" to SU01, and p05's row is cut short to 4 fields.
    /// </summary>
    private static string ResponsesWithRejects()
    {
        var lines = AssessRunner.Lines(AssessRunner.ReadNormalized(TestPaths.ExampleResponses));
        var header = lines[0].Split(',');
        string Replace(string line, string column, string value)
        {
            var fields = line.Split(',');
            fields[Array.IndexOf(header, column)] = value;
            return string.Join(',', fields);
        }

        string[] rows =
        [
            lines[0],
            lines[1],
            Replace(lines[2], "CO01", "7"),
            Replace(lines[3], "EX01", "3.5"),
            Replace(lines[4], "SU01", "abc"),
            "p05,2,4,4",
            lines[6],
        ];
        return string.Join('\n', rows) + "\n";
    }

    /// <summary>Adds a <c>comment</c> column, which is not an item, at the end of every row.</summary>
    private static string WithExtraColumn(string csv)
    {
        var lines = AssessRunner.Lines(csv);
        var result = new StringBuilder(lines[0]).Append(",comment\n");
        foreach (var line in lines.Skip(1))
        {
            result.Append(line).Append(",hello\n");
        }

        return result.ToString();
    }

    /// <summary>Shuffles every column but the first (the id) with <see cref="Random"/>(<paramref name="seed"/>).</summary>
    private static string ShuffleColumns(string csv, int seed)
    {
        var lines = AssessRunner.Lines(csv);
        var width = lines[0].Split(',').Length;
        var order = Enumerable.Range(1, width - 1).ToArray();
        new Random(seed).Shuffle(order);
        int[] columns = [0, .. order];
        var result = new StringBuilder();
        foreach (var line in lines)
        {
            var fields = line.Split(',');
            result.AppendJoin(',', columns.Select(c => fields[c])).Append('\n');
        }

        return result.ToString();
    }

    private static void AssertUsageError(CliResult result, string firstLine)
    {
        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("error: ", result.Stderr, StringComparison.Ordinal);
        Assert.Equal([firstLine], result.StderrLines); // one line, pointing to the command's help
        Assert.Equal("", result.Stdout);
    }

    /// <summary>The three counts of a summary line "id@version: rows read R, scored S, rejected J".</summary>
    private static (long Read, long Scored, long Rejected) ParseSummary(string summary)
    {
        var counts = summary[(summary.IndexOf(": ", StringComparison.Ordinal) + 2)..]
            .Split(", ")
            .Select(part => long.Parse(part.AsSpan(part.LastIndexOf(' ') + 1), NumberStyles.None, CultureInfo.InvariantCulture))
            .ToArray();
        Assert.Equal(3, counts.Length);
        return (counts[0], counts[1], counts[2]);
    }

    private static double ParseDouble(string text) => double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);

    private static bool IsLowerHex64(string? text) =>
        text is { Length: 64 } && text.All(c => c is (>= '0' and <= '9') or (>= 'a' and <= 'f'));
}
