using System.Globalization;
using ExcelDataReader;

namespace Assessments.Data.Tests;

/// <summary>
/// <see cref="ScoreRun"/> as an app uses it: the shipped example scores to its expected file, a workbook run gives the
/// same bytes twice with the CSV run's numbers as number cells, and <see cref="InterestProfileCsv"/> reads scores files.
/// </summary>
public sealed class ScoreRunTests : IDisposable
{
    private readonly string _temp = Directory.CreateTempSubdirectory("assess-data-tests-").FullName;

    static ScoreRunTests() => System.Text.Encoding.RegisterProvider(System.Text.CodePagesEncodingProvider.Instance);

    public void Dispose() => Directory.Delete(_temp, recursive: true);

    private static readonly Instrument Readiness = Instrument.Load(Path.Combine(TestPaths.Instruments, "career-readiness.json"));

    [Fact]
    public void The_shipped_example_scores_to_its_expected_file()
    {
        var examples = Path.Combine(TestPaths.Instruments, "examples");
        using var output = new StringWriter();
        var summary = new ScoreRun { Instrument = Readiness, ResponsesPath = Path.Combine(examples, "career-readiness.responses.csv"), Output = output }.Run();
        Assert.Equal((6L, 6L, 0L), (summary.Read, summary.Scored, summary.Rejected));
        Assert.Equal(File.ReadAllText(Path.Combine(examples, "career-readiness.expected.csv")).ReplaceLineEndings("\n"), output.ToString().ReplaceLineEndings("\n"));
    }

    [Theory]
    [InlineData(ReaderChoice.Auto)]
    [InlineData(ReaderChoice.General)]
    public void A_collector_keeps_each_rows_id_as_read_with_either_reader(ReaderChoice reader)
    {
        // Ids the fast reader stores raw (r1), one it must quote ("x, y"), one a spreadsheet could run as a formula (=2+2)
        // and a rejected row (r4, answer 9): the collector keeps the three scored rows' ids as they were read, in order.
        var examples = Path.Combine(TestPaths.Instruments, "examples");
        var lines = File.ReadAllLines(Path.Combine(examples, "career-readiness.responses.csv"));
        var header = lines[0];
        var answers = lines[1][(lines[1].IndexOf(',', StringComparison.Ordinal) + 1)..];
        var bad = "9" + answers[answers.IndexOf(',', StringComparison.Ordinal)..];
        var path = Path.Combine(_temp, "ids.csv");
        File.WriteAllLines(path, [header, "r1," + answers, "\"x, y\"," + answers, "=2+2," + answers, "r4," + bad]);
        var rows = new ResponseCollector(Readiness) { KeepIds = true };
        var summary = new ScoreRun { Instrument = Readiness, ResponsesPath = path, Collector = rows, Read = new ResponsesReadOptions { Reader = reader } }.Run();
        Assert.Equal((4L, 3L, 1L), (summary.Read, summary.Scored, summary.Rejected));
        Assert.Equal(["r1", "x, y", "=2+2"], rows.Ids);
        Assert.Equal(3, rows.Rows);

        // Without KeepIds nothing is kept.
        var plain = new ResponseCollector(Readiness);
        new ScoreRun { Instrument = Readiness, ResponsesPath = path, Collector = plain }.Run();
        Assert.Empty(plain.Ids);
    }

    [Fact]
    public void A_workbook_run_gives_the_same_bytes_twice_and_the_CSV_runs_numbers_as_number_cells()
    {
        var responses = TestPaths.Export("google-forms-fr.csv");
        byte[] Book()
        {
            using var stream = new MemoryStream();
            using var rejects = new StringWriter();
            var summary = new ScoreRun { Instrument = Readiness, ResponsesPath = responses, Rejects = rejects }.RunToWorkbook(stream);
            Assert.Equal((12L, 12L, 0L), (summary.Read, summary.Scored, summary.Rejected));
            Assert.Equal(JsonLines.RejectsHeader + "\n", rejects.ToString().ReplaceLineEndings("\n"));
            return stream.ToArray();
        }

        var first = Book();
        Assert.Equal(first, Book());

        using var csv = new StringWriter();
        new ScoreRun { Instrument = Readiness, ResponsesPath = responses, Output = csv }.Run();
        var expected = csv.ToString().ReplaceLineEndings("\n").TrimEnd('\n').Split('\n').Skip(1).Select(l => l.Split(',')).ToList();

        using var reader = ExcelReaderFactory.CreateReader(new MemoryStream(first));
        Assert.Equal("scores", reader.Name);
        Assert.True(reader.Read()); // header
        var row = 0;
        while (reader.Read())
        {
            Assert.Equal(expected[row][0], reader.GetString(0));
            for (var s = 1; s < expected[row].Length; s++)
            {
                Assert.Equal(double.Parse(expected[row][s], CultureInfo.InvariantCulture), reader.GetDouble(s)); // a number cell, not text
            }

            row++;
        }

        Assert.Equal(12, row);
    }

    [Fact]
    public void Output_and_profiles_do_not_depend_on_a_comma_decimal_culture()
    {
        // Under fr-FR (decimal comma) the scores keep the point and profiles still read "1.5" as one and a half.
        var examples = Path.Combine(TestPaths.Instruments, "examples");
        var path = Path.Combine(_temp, "scores.csv");
        File.WriteAllText(path, "id,R,I,A,S,E,C\np1,1.5,2,2.5,3,4.5,5\n");
        var saved = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("fr-FR");
            using var output = new StringWriter(CultureInfo.CurrentCulture);
            new ScoreRun { Instrument = Readiness, ResponsesPath = Path.Combine(examples, "career-readiness.responses.csv"), Output = output }.Run();
            Assert.Equal(File.ReadAllText(Path.Combine(examples, "career-readiness.expected.csv")).ReplaceLineEndings("\n"), output.ToString().ReplaceLineEndings("\n"));
            Assert.Equal(new double[] { 1.5, 2, 2.5, 3, 4.5, 5 }, Assert.Single(InterestProfileCsv.Read(path, null, null, 1, 5)).Profile!.Scores);
        }
        finally
        {
            CultureInfo.CurrentCulture = saved;
        }
    }

    [Fact]
    public void A_scores_file_reads_as_profiles_and_each_bad_row_says_why()
    {
        // Hand-made: p1 and p3 are profiles; p2's R is 7 (beyond 1–5); p4's C is empty.
        var path = Path.Combine(_temp, "scores.csv");
        File.WriteAllText(path, "id,R,I,A,S,E,C,code\np1,2,4,3,5,2,1,SIA\np2,7,4,3,5,2,1,X\n\np3,1.5,2,2.5,3,4.5,5,CEA\np4,1,1,1,1,1,,X\n");
        var rows = InterestProfileCsv.Read(path, null, null, 1, 5).ToList();

        Assert.Equal([(1L, 2L), (2L, 3L), (3L, 5L), (4L, 6L)], rows.Select(r => (r.Row, r.Line))); // the blank line 4 is no row
        Assert.Equal(new double[] { 2, 4, 3, 5, 2, 1 }, rows[0].Profile!.Scores);
        Assert.Equal(new double[] { 1.5, 2, 2.5, 3, 4.5, 5 }, rows[2].Profile!.Scores);
        Assert.Null(rows[1].Profile);
        Assert.Equal("the R score is not a number from 1 to 5", rows[1].Problem);
        Assert.Equal("the C score is missing", rows[3].Problem);

        var noArea = Path.Combine(_temp, "no-area.csv");
        File.WriteAllText(noArea, "id,R,I,A,S,E\np1,1,2,3,4,5\n");
        Assert.Contains("C not found", Assert.Throws<InputFileException>(() => InterestProfileCsv.Read(noArea, null, null, 1, 5).ToList()).Message, StringComparison.Ordinal);
    }
}
