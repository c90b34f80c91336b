using System.Globalization;
using System.Text;

namespace Assessments.Cli.Tests;

/// <summary>
/// Never silently empty, never a guess: the separator is detected (and said) from the header and the first rows; a header
/// that cannot be read, a file of blank lines, a file without data rows and a run that gives no scale value at all end
/// with exit 4 and the line named; empty ids, ids and cells with control characters are rejected; repeated ids are
/// counted; and line and row numbers are 64-bit in both readers.
/// </summary>
public sealed class InputShapeTests : IDisposable
{
    private const string Scored = "id,s\np1,2.6666666666666665\np2,3.3333333333333335\n"; // (1 + 4 + 3)/3, (5 + 2 + 3)/3

    private readonly TempDirectory _temp = new();
    private readonly string _instrument;

    public InputShapeTests() => _instrument = _temp.Write("t.json", Assessments.Testing.ThreeItemLikert.Json);

    public void Dispose() => _temp.Dispose();

    private CliResult Score(string csv, params string[] extra) =>
        AssessRunner.Run(["score", "--instrument", _instrument, "--responses", _temp.Write("in.csv", csv), .. extra]);

    [Theory]
    [InlineData(";", "';'")]
    [InlineData("\t", "tab")]
    [InlineData("|", "'|'")]
    public void TheSeparatorIsDetectedAndSaid(string separator, string shown)
    {
        var result = Score($"id{separator}I1{separator}I2{separator}I3\np1{separator}1{separator}2{separator}3\np2{separator}5{separator}4{separator}3\n");
        Assert.Equal(0, result.ExitCode);
        Assert.Equal(Scored.Replace(",", separator, StringComparison.Ordinal), result.Stdout);
        Assert.Equal($"note: separator {shown} detected from the header and 2 row(s) (--separator sets it)", result.StderrLines[0]);
    }

    [Fact]
    public void AFrenchSpreadsheetExportWithCommasInItsQuestionTextsIsReadBySemicolons()
    {
        // As French Excel saves "CSV (séparateur : point-virgule)": a BOM, CRLF, ';' and question texts with commas as headers
        // of columns that are not items (kept apart with --extra-columns ignore). A comma splits the header into 3 fields but
        // the rows into 5 or 1; the semicolon gives 6 fields on every line.
        var csv = "\uFEFFid;Horodatage, heure de Paris;I1;I2;I3;Commentaire, libre\r\n"
            + "p1;05/12/2026 10:02;1;2;3;bien, merci\r\np2;05/12/2026 10:05;5;4;3;\r\n";
        var result = Score(csv, "--extra-columns", "ignore");
        Assert.Equal(0, result.ExitCode);
        Assert.Equal(Scored.Replace(',', ';'), result.Stdout);
        Assert.Equal("note: separator ';' detected from the header and 2 row(s) (--separator sets it)", result.StderrLines[0]);
    }

    [Fact]
    public void AStrayQuoteInTheHeaderIsAnErrorNamingLineOneAndShowingNothing()
    {
        var rows = string.Concat(Enumerable.Range(0, 1000).Select(i => string.Create(CultureInfo.InvariantCulture, $"secret{i}@mail.example,1,2,3\n")));
        var result = Score("\"id,I1,I2,I3\n" + rows);
        Assert.Equal(4, result.ExitCode);
        Assert.Equal($"error: {_temp.PathOf("in.csv")}: line 1: the header holds a quote (\") that is never closed, so the whole file would be read as one header cell; fix the quotes of the header line.\n", result.Stderr);
        Assert.Equal("", result.Stdout);
    }

    [Fact]
    public void ASemicolonFileReadWithCommasIsAnErrorThatNamesTheLikelySeparator()
    {
        var result = Score("id;I1;I2;I3\np1;1;2;3\n", "--separator", ",");
        Assert.Equal(4, result.ExitCode);
        Assert.Equal($"error: {_temp.PathOf("in.csv")}: line 1: with the separator ',' the header is a single column, but it holds ';': is the file separated by ';'? Pass --separator ;.\n", result.Stderr);
    }

    [Fact]
    public void AFileOfBlankLinesIsAnError()
    {
        var result = Score("\n   \n\t\n\n");
        Assert.Equal(4, result.ExitCode);
        Assert.Equal($"error: {_temp.PathOf("in.csv")}: line 1 is blank; the header row (an id column, then item ids) must come first.\n", result.Stderr);
    }

    [Fact]
    public void AHeaderWithoutAnyItemIsAnErrorBeforeAnyRowIsRead()
    {
        var result = Score("respondent;question 1;question 2\np1;4;5\n", "--extra-columns", "ignore");
        Assert.Equal(4, result.ExitCode);
        Assert.EndsWith(": no column of the header is an item of t@1.0.0, so nothing could be scored; check the instrument, the header row and the separator (read as ';').\n", result.Stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("auto")]
    [InlineData("general")]
    public void ARunInWhichNoRowGetsAScaleValueFailsAndWritesNothing(string reader)
    {
        // The scale needs half of its three items: one answer each is not enough, so every row is scored but empty.
        var output = _temp.Write("out.csv", "previous\n");
        var result = Score("id,I1,I2,I3\np1,1,,\np2,,4,\n", "--reader", reader, "--out", output);
        Assert.Equal(4, result.ExitCode);
        Assert.EndsWith(": none of the 2 scored row(s) got a scale value (too few answers for every scale of t@1.0.0); check that the item columns hold the answers. Nothing was written.\n", result.Stderr, StringComparison.Ordinal);
        Assert.Equal("previous\n", File.ReadAllText(output));
    }

    [Fact]
    public void ControlCharactersInACellOrAnIdAndEmptyIdsAreRejectedAlikeByBothReaders()
    {
        // "3\0" used to be scored as 3 (.NET's integer parser ignores trailing NULs).
        var csv = "id,I1,I2,I3\np1,3\0,2,3\np\u00012,1,2,3\n,1,2,3\n  ,1,2,3\np5,1,2,3\np\u00856,1,2,3\n";
        string[] readers = ["fast", "general"];
        var outcomes = readers.Select(reader =>
        {
            var rejects = _temp.PathOf($"rejects-{reader}.csv");
            var result = Score(csv, "--reader", reader, "--rejects", rejects, "--separator", ",");
            Assert.Equal(1, result.ExitCode);
            Assert.Equal("t@1.0.0: rows read 6, scored 1, rejected 5\n", result.Stderr);
            Assert.Equal("id,s\np5,2.6666666666666665\n", result.Stdout);
            return File.ReadAllText(rejects);
        }).ToList();
        Assert.Equal(outcomes[0], outcomes[1]);
        Assert.Equal(
            "row,line,respondent,column,reason,status\n"
            + "1,2,p1,I1,The cell holds a control character (U+0000); an answer is a whole number.,row rejected\n"
            + "2,3,p\u00012,id,\"The respondent id holds a control character (a NUL byte, say); ids are text.\",row rejected\n"
            + "3,4,,id,The respondent id is empty; every row needs one.,row rejected\n"
            + "4,5,  ,id,The respondent id is empty; every row needs one.,row rejected\n"
            + "6,7,p\u00856,id,\"The respondent id holds a control character (a NUL byte, say); ids are text.\",row rejected\n",
            outcomes[0]);
    }

    [Theory]
    [InlineData("fast")]
    [InlineData("general")]
    public void RepeatedIdsAreCountedWithTheirLines(string reader)
    {
        var csv = "id,I1,I2,I3\np1,1,2,3\np2,5,4,3\np1,2,2,2\n\np2,1,1,1\np1,3,3,3\n";
        var warned = Score(csv, "--reader", reader, "--separator", ",");
        Assert.Equal(0, warned.ExitCode);
        Assert.Equal(
            $"warning: {_temp.PathOf("in.csv")}: 3 row(s) repeat the respondent id of an earlier row (line(s) 4, 6, 7); --duplicate-ids error rejects them, --duplicate-ids allow accepts them silently.",
            warned.StderrLines[0]);
        Assert.Equal(6, warned.StdoutLines.Length); // every row scored

        var allowed = Score(csv, "--reader", reader, "--separator", ",", "--duplicate-ids", "allow");
        Assert.Equal(0, allowed.ExitCode);
        Assert.Equal(["t@1.0.0: rows read 5, scored 5, rejected 0"], allowed.StderrLines);
        Assert.Equal(warned.Stdout, allowed.Stdout);
    }

    [Fact]
    public void RepeatedIdsCanBeRejectedInInputOrder()
    {
        var rejects = _temp.PathOf("rejects.csv");
        var result = Score("id,I1,I2,I3\np1,1,2,3\np2,5,4,3\np1,2,2,2\n", "--separator", ",", "--duplicate-ids", "error", "--rejects", rejects);
        Assert.Equal(1, result.ExitCode);
        Assert.Equal(Scored, result.Stdout);
        Assert.Equal("row,line,respondent,column,reason,status\n3,4,p1,id,An earlier row has the same respondent id (--duplicate-ids error).,row rejected\n", File.ReadAllText(rejects));

        // The fast reader cannot reject in input order before formatting: asked for, it says so.
        var fast = Score("id,I1,I2,I3\np1,1,2,3\n", "--separator", ",", "--duplicate-ids", "error", "--reader", "fast");
        Assert.Equal(2, fast.ExitCode);
        Assert.Contains("--reader fast cannot read this run: --duplicate-ids error rejects rows in input order, which the general reader does.", fast.Stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("fast")]
    [InlineData("general")]
    public void LineAndRowNumbersAre64Bit(string readerName)
    {
        var reader = readerName == "fast" ? ReaderChoice.Fast : ReaderChoice.General;
        // Numbering starts just below 2³¹: a 32-bit counter would wrap to negative numbers on the second row.
        var input = _temp.Write("big-numbers.csv", "id,I1,I2,I3\np1,1,2,3\np2,9,2,3\n\np3,1,x,3\np4,1,2,3\n");
        var rejects = new StringWriter(CultureInfo.InvariantCulture) { NewLine = "\n" };
        var output = new StringWriter(CultureInfo.InvariantCulture) { NewLine = "\n" };
        const long Offset = int.MaxValue - 1L;
        var summary = new ScoreRun
        {
            Instrument = Instrument.Parse(Assessments.Testing.ThreeItemLikert.Json),
            ResponsesPath = input,
            Log = TextWriter.Null,
            Output = output,
            Rejects = rejects,
            Read = new ResponsesReadOptions { Reader = reader, NumberingOffset = Offset },
        }.Run();
        Assert.Equal(readerName, summary.Reader);
        Assert.Equal((4L, 2L, 2L), (summary.Read, summary.Scored, summary.Rejected));
        Assert.Equal(
            "row,line,respondent,column,reason,status\n"
            + $"{Offset + 2},{Offset + 3},p2,I1,The answer 9 is outside the range 1\u20135 of format 'f'.,row rejected\n"
            + $"{Offset + 3},{Offset + 5},p3,I2,'x' is not a number.,row rejected\n",
            rejects.ToString());
        Assert.True(Offset + 2 > int.MaxValue);
    }

    [Fact]
    public void QueriesACatalogCannotAnswerAreErrorsNamingWhatIsMissing()
    {
        var rome = "rome:" + Path.Combine(TestPaths.RepoRoot, "..", "shared", "data", "rome", "v460");
        var zone = AssessRunner.Run("match", "--catalog", rome, "--code", "SIA", "--job-zone", "3");
        Assert.Equal(2, zone.ExitCode);
        Assert.StartsWith("error: --job-zone filters on Job Zones, but the catalog ", zone.Stderr, StringComparison.Ordinal);
        Assert.Contains("has none (O*NET keeps them in Job Zones.txt;", zone.Stderr, StringComparison.Ordinal);
        Assert.Equal("", zone.Stdout);

        var values = AssessRunner.Run("match", "--catalog", rome, "--values", "Achievement=0.5,WorkingConditions=0.4,Recognition=0.3,Relationships=0.9,Support=0.6,Independence=0.3");
        Assert.Equal(2, values.ExitCode);
        Assert.Contains("has none (O*NET keeps them in Work Values.txt; ROME 4.0 publishes no work values).", values.Stderr, StringComparison.Ordinal);

        var nan = AssessRunner.Run("match", "--catalog", rome, "--profile", "R=NaN,I=2,A=3,S=4,E=5,C=1");
        Assert.Equal(2, nan.ExitCode);
        Assert.Equal("error: --profile: 'R=NaN' is not AREA=NUMBER (e.g. R=2.5), with AREA one of R, I, A, S, E, C. See 'assess match --help'.\n", nan.Stderr);
    }

    [Fact]
    public void OptionsARunCannotHonourAreRefusedNotIgnored()
    {
        var sorts = Path.Combine(TestPaths.Instruments, "examples", "values-cards.responses.jsonl");
        var result = AssessRunner.Run("score", "--instrument", "values-cards", "--responses", sorts, "--separator", ";");
        Assert.Equal(2, result.ExitCode);
        Assert.Equal("error: --separator does not apply here: values-cards@1.0.0 takes JSON Lines, one card sort per line, not a table. See 'assess score --help'.\n", result.Stderr);

        var match = AssessRunner.Run("score", "--instrument", "values-cards", "--responses", sorts, "--match", "catalog.json");
        Assert.Equal(2, match.ExitCode);
        Assert.StartsWith("error: --match does not apply here", match.Stderr, StringComparison.Ordinal);
    }
}
