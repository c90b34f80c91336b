using System.Globalization;
using Assessments.Responses;
using SpreadCheetah;

namespace Assessments.Data.Tests;

/// <summary>
/// <see cref="ResponseBlocks"/>: an app reads a table in bounded blocks with the CLI's header mapping, cell rules and
/// diagnostics. The expected answers are Exports/plain.csv's numbers, split by hand here (no library code): every survey
/// export holds the same 12 people's answers (Exports/NOTE.md), so each must give plain.csv's matrix, block by block.
/// </summary>
public sealed class ResponseBlocksTests : IDisposable
{
    private readonly string _temp = Directory.CreateTempSubdirectory("assess-data-tests-").FullName;

    private static readonly Instrument Readiness = Instrument.Load(Path.Combine(TestPaths.Instruments, "career-readiness.json"));

    public void Dispose() => Directory.Delete(_temp, recursive: true);

    /// <summary>plain.csv as the instrument's item order: row r, item j → the answer, or null when the cell is empty.</summary>
    private static int?[][] PlainAnswers()
    {
        var lines = File.ReadAllText(TestPaths.Export("plain.csv")).ReplaceLineEndings("\n").TrimEnd('\n').Split('\n');
        var header = lines[0].Split(',');
        return [.. lines.Skip(1).Select(line =>
        {
            var cells = line.Split(',');
            return Readiness.Items.Select(item => cells[Array.IndexOf(header, item.Id)] is { Length: > 0 } cell ? (int?)int.Parse(cell, CultureInfo.InvariantCulture) : null).ToArray();
        })];
    }

    private static int?[][] Answers(IEnumerable<ResponseBlock> blocks) =>
        [.. blocks.SelectMany(b => Enumerable.Range(0, b.Answers.RowCount).Select(r =>
            Enumerable.Range(0, Readiness.Items.Count).Select(j => b.Answers[r, j] == ResponseMatrix.Missing ? (int?)null : b.Answers[r, j]).ToArray()))];

    [Theory]
    [InlineData("plain.csv", "r01")]
    [InlineData("google-forms-fr.csv", "personne01@exemple.fr")]   // French labels, grid headers, e-mail as id
    [InlineData("google-forms-en-questions.csv", "personne01@exemple.fr")] // English question texts as headers
    [InlineData("qualtrics.csv", null)]                            // three header rows, ResponseId
    [InlineData("limesurvey-codes.csv", "1")]                     // CODE[SUB] headings, A1…A5 answer codes
    public void Every_export_reads_in_blocks_as_the_plain_numbers(string export, string? firstId)
    {
        var log = new StringWriter();
        var blocks = ResponseBlocks.Read(Readiness, TestPaths.Export(export), log: log, blockSize: 5).ToList();

        Assert.Equal([5, 5, 2], blocks.Select(b => b.Answers.RowCount)); // 12 people in blocks of at most 5
        Assert.Equal(PlainAnswers(), Answers(blocks));
        Assert.Equal(Enumerable.Range(1, 12).Select(r => (long)r), blocks.SelectMany(b => b.Rows));
        Assert.All(blocks, b => Assert.Empty(b.Problems));
        Assert.Equal(12, blocks.Sum(b => b.RowsAccountedFor));
        if (firstId is not null)
        {
            Assert.Equal(firstId, blocks[0].RespondentIds[0]);
        }

        if (export != "plain.csv")
        {
            Assert.Contains("export", log.ToString(), StringComparison.Ordinal); // the layout chosen is said
        }
    }

    [Fact]
    public void The_blocks_scored_give_the_scores_of_a_scoring_run()
    {
        var blocks = ResponseBlocks.Read(Readiness, TestPaths.Export("google-forms-fr.csv"), blockSize: 4).ToList();
        using var output = new StringWriter();
        new ScoreRun { Instrument = Readiness, ResponsesPath = TestPaths.Export("plain.csv"), Output = output }.Run();
        var expected = output.ToString().ReplaceLineEndings("\n").TrimEnd('\n').Split('\n').Skip(1).Select(l => l[(l.IndexOf(',') + 1)..]).ToList();

        var actual = new List<string>();
        foreach (var block in blocks)
        {
            var scores = Readiness.ScoreBatch(block.Answers);
            for (var r = 0; r < block.Answers.RowCount; r++)
            {
                actual.Add(string.Join(",", Readiness.Scales.Select((_, s) => CsvText.Number(scores.GetValues(s)[r]))));
            }
        }

        Assert.Equal(expected, actual);
    }

    [Fact]
    public void Bad_cells_are_the_rejects_of_a_scoring_run_and_kept_as_missing_on_request()
    {
        // plain.csv with two bad cells: r02's CO01 (column 3, line 3) is 3.5, r05's SU02 (column 9, line 6) is "Agre".
        var lines = File.ReadAllText(TestPaths.Export("plain.csv")).ReplaceLineEndings("\n").TrimEnd('\n').Split('\n');
        lines[2] = Replace(lines[2], 2, "3.5");
        lines[5] = Replace(lines[5], 8, "Agre");
        var path = Path.Combine(_temp, "bad.csv");
        File.WriteAllText(path, string.Join("\n", lines) + "\n");

        using var rejects = new StringWriter();
        var summary = new ScoreRun { Instrument = Readiness, ResponsesPath = path, Rejects = rejects }.Run();
        Assert.Equal(new ScoreSummary(12, 10, 2), summary with { Reader = "general", Separator = ',' });
        var cliLines = rejects.ToString().ReplaceLineEndings("\n").TrimEnd('\n').Split('\n').Skip(1).ToList();

        var blocks = ResponseBlocks.Read(Readiness, path).ToList();
        var problems = blocks.SelectMany(b => b.Problems).ToList();
        Assert.Equal([(2L, 3L, "r02", "CO01", false), (5L, 6L, "r05", "SU02", false)], problems.Select(p => (p.Row, p.Line, p.RespondentId, p.Column, p.KeptAsMissing)));
        Assert.Equal(cliLines, problems.Select(p => $"{p.Row},{p.Line},{p.RespondentId},{p.Column},{CsvText.Escape(p.Reason, ',')},row rejected"));
        Assert.Equal(10, blocks.Sum(b => b.Answers.RowCount));
        Assert.Equal(12, blocks.Sum(b => b.RowsAccountedFor));
        Assert.DoesNotContain("r02", blocks.SelectMany(b => b.RespondentIds));

        var kept = ResponseBlocks.Read(Readiness, path, new ResponsesReadOptions { BadCellsAsMissing = true }).ToList();
        var block = Assert.Single(kept);
        Assert.Equal(12, block.Answers.RowCount);
        Assert.All(block.Problems, p => Assert.True(p.KeptAsMissing));
        Assert.Equal(ResponseMatrix.Missing, block.Answers[1, Index("CO01")]);
        Assert.Equal(ResponseMatrix.Missing, block.Answers[4, Index("SU02")]);
        var expected = PlainAnswers();
        expected[1][Index("CO01")] = null;
        expected[4][Index("SU02")] = null;
        Assert.Equal(expected, Answers(kept));
    }

    [Fact]
    public void A_repeated_id_is_a_problem_only_when_asked_and_a_warning_otherwise()
    {
        var lines = File.ReadAllText(TestPaths.Export("plain.csv")).ReplaceLineEndings("\n").TrimEnd('\n').Split('\n');
        lines[3] = "r01" + lines[3][3..]; // row 3 repeats r01's id
        var path = Path.Combine(_temp, "repeat.csv");
        File.WriteAllText(path, string.Join("\n", lines) + "\n");

        var log = new StringWriter();
        Assert.Equal(12, ResponseBlocks.Read(Readiness, path, log: log).Sum(b => b.Answers.RowCount));
        Assert.Contains("1 row(s) repeat the respondent id of an earlier row (line(s) 4)", log.ToString(), StringComparison.Ordinal);

        var refused = ResponseBlocks.Read(Readiness, path, new ResponsesReadOptions { DuplicateIds = DuplicateIds.Error }).ToList();
        var problem = Assert.Single(refused.SelectMany(b => b.Problems));
        Assert.Equal((3L, 4L, "r01", "id"), (problem.Row, problem.Line, problem.RespondentId, problem.Column));
        Assert.Equal(11, refused.Sum(b => b.Answers.RowCount));
    }

    [Fact]
    public async Task A_workbook_reads_in_blocks_as_its_CSV()
    {
        // plain.csv typed into a workbook's first sheet, answers as number cells and empty cells as blanks.
        var lines = File.ReadAllText(TestPaths.Export("plain.csv")).ReplaceLineEndings("\n").TrimEnd('\n').Split('\n');
        var path = Path.Combine(_temp, "answers.xlsx");
        await using (var file = File.Create(path))
        await using (var book = await Spreadsheet.CreateNewAsync(file))
        {
            await book.StartWorksheetAsync("Réponses");
            foreach (var (line, r) in lines.Select((l, r) => (l, r)))
            {
                await book.AddRowAsync([.. line.Split(',').Select((c, j) => r == 0 || j == 0 ? new Cell(c) : c.Length == 0 ? default : new Cell(int.Parse(c, CultureInfo.InvariantCulture)))]);
            }

            await book.FinishAsync();
        }

        var blocks = ResponseBlocks.Read(Readiness, path, blockSize: 7).ToList();
        Assert.Equal([7, 5], blocks.Select(b => b.Answers.RowCount));
        Assert.Equal(PlainAnswers(), Answers(blocks));
        Assert.Equal(Enumerable.Range(2, 12).Select(l => (long)l), blocks.SelectMany(b => b.Lines)); // sheet rows 2…13
    }

    [Fact]
    public void A_file_with_no_item_column_or_no_data_row_is_an_input_file_error()
    {
        var noItems = Path.Combine(_temp, "no-items.csv");
        File.WriteAllText(noItems, "id,foo\nr1,3\n");
        var error = Assert.Throws<InputFileException>(() => ResponseBlocks.Read(Readiness, noItems, new ResponsesReadOptions { IgnoreExtraColumns = true }).ToList());
        Assert.Contains("no column of the header is an item of career-readiness@", error.Message, StringComparison.Ordinal);

        var empty = Path.Combine(_temp, "empty.csv");
        File.WriteAllText(empty, File.ReadAllLines(TestPaths.Export("plain.csv"))[0] + "\n");
        Assert.Contains("no data rows", Assert.Throws<InputFileException>(() => ResponseBlocks.Read(Readiness, empty).ToList()).Message, StringComparison.Ordinal);
    }

    private static int Index(string item) => Readiness.Items.Select(i => i.Id).ToList().IndexOf(item);

    private static string Replace(string line, int column, string value)
    {
        var cells = line.Split(',');
        cells[column] = value;
        return string.Join(",", cells);
    }
}
