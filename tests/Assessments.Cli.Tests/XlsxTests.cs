using System.Globalization;
using ExcelDataReader;
using SpreadCheetah;

namespace Assessments.Cli.Tests;

/// <summary>
/// Excel workbooks in and out: a counsellor's workbook (answers as number cells and as French labels, an instructions sheet
/// first, a blank row) scores as Exports/plain.csv does; <c>--out FILE.xlsx</c> holds numbers as numbers, text never as a
/// formula, the rejects and the run's counts, and the same run gives the same bytes.
/// </summary>
public sealed class XlsxTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    private static string Exports => Path.Combine(TestPaths.RepoRoot, "tests", "Assessments.Cli.Tests", "Exports");

    static XlsxTests() => System.Text.Encoding.RegisterProvider(System.Text.CodePagesEncodingProvider.Instance);

    public void Dispose() => _temp.Dispose();

    /// <summary>Writes a workbook with SpreadCheetah: each sheet a name and rows of cells (string, int, double or null).</summary>
    private string Workbook(string name, params (string Sheet, object?[][] Rows)[] sheets)
    {
        var path = _temp.PathOf(name);
        using var file = File.Create(path);
        using var book = Spreadsheet.CreateNewAsync(file).AsTask().GetAwaiter().GetResult();
        foreach (var (sheet, rows) in sheets)
        {
            book.StartWorksheetAsync(sheet).AsTask().GetAwaiter().GetResult();
            foreach (var row in rows)
            {
                book.AddRowAsync([.. row.Select(v => v switch
                {
                    null => default,
                    int n => new Cell(n),
                    double d => new Cell(d),
                    _ => new Cell((string)v),
                })]).AsTask().GetAwaiter().GetResult();
            }
        }

        book.FinishAsync().AsTask().GetAwaiter().GetResult();
        return path;
    }

    /// <summary>Every sheet of a workbook: its name and its rows of cell values as ExcelDataReader gives them.</summary>
    private static List<(string Name, List<object?[]> Rows)> ReadBook(string path)
    {
        using var stream = File.OpenRead(path);
        using var reader = ExcelReaderFactory.CreateReader(stream);
        var sheets = new List<(string, List<object?[]>)>();
        do
        {
            var rows = new List<object?[]>();
            while (reader.Read())
            {
                rows.Add([.. Enumerable.Range(0, reader.FieldCount).Select(reader.GetValue)]);
            }

            sheets.Add((reader.Name, rows));
        }
        while (reader.NextResult());
        return sheets;
    }

    private static string[] Scores(string output) => [.. AssessRunner.Lines(output).Select(l => l[l.IndexOf(',')..])];

    [Fact]
    public void Quality_screens_a_workbook_and_a_French_Google_Forms_export_as_it_screens_the_plain_CSV()
    {
        // The same twelve people three ways: the plain CSV, a workbook of it (numbers as number cells, empty cells missing)
        // and the Google Forms export with French answer labels and e-mail ids. The indices are the same, id aside.
        var plain = Path.Combine(Exports, "plain.csv");
        var rows = File.ReadAllLines(plain).Select((line, i) => line.Split(',').Select((cell, c) =>
            i == 0 || c == 0 ? cell : cell.Length == 0 ? null : (object?)int.Parse(cell, System.Globalization.CultureInfo.InvariantCulture)).ToArray()).ToArray();
        var book = Workbook("answers.xlsx", ("Réponses", rows));

        string[] Indices(CliResult result)
        {
            Assert.Equal(0, result.ExitCode);
            return [.. result.StdoutLines.Skip(1).Select(l => l[(l.IndexOf(',', StringComparison.Ordinal) + 1)..])];
        }

        var fromCsv = Indices(AssessRunner.Run("quality", "--instrument", "career-readiness", "--responses", plain));
        Assert.Equal(12, fromCsv.Length);
        Assert.Equal(fromCsv, Indices(AssessRunner.Run("quality", "--instrument", "career-readiness", "--responses", book)));
        var forms = AssessRunner.Run("quality", "--instrument", "career-readiness", "--responses", Path.Combine(Exports, "google-forms-fr.csv"), "--lang", "fr");
        Assert.Equal(fromCsv, Indices(forms));
        Assert.StartsWith("respondent,answered,longstring", forms.StdoutLines[0], StringComparison.Ordinal);
        Assert.Contains("La cohérence pair-impair porte sur 4 échelle(s)", forms.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void A_counsellors_workbook_scores_as_the_same_answers_in_a_CSV()
    {
        // Exports/plain.csv's 12 people, typed into a workbook: an instructions sheet first, the answers on "Réponses"
        // with a French id header, every third person's answers as the French labels (from google-forms-fr.csv, the
        // same answers), the others as number cells (4.0 as a double for person 2), and a blank row after person 5.
        var plain = AssessRunner.ReadNormalized(Path.Combine(Exports, "plain.csv")).TrimEnd('\n').Split('\n');
        var labelled = AssessRunner.ReadNormalized(Path.Combine(Exports, "google-forms-fr.csv")).TrimEnd('\n').Split('\n');
        var rows = new List<object?[]>();
        rows.Add(["Prénom ou code", .. plain[0].Split(',')[1..]]);
        for (var r = 1; r < plain.Length; r++)
        {
            var numbers = plain[r].Split(',');
            var labels = labelled[r].Split(',')[^20..];
            rows.Add([numbers[0], .. numbers[1..].Select((n, k) => n.Length == 0 ? null : r % 3 == 0 ? labels[k] : r == 2 ? (object)double.Parse(n, CultureInfo.InvariantCulture) : int.Parse(n, CultureInfo.InvariantCulture))]);
            if (r == 5)
            {
                rows.Add([]);
            }
        }

        var book = Workbook("bilan.xlsx", ("Consignes", [["Merci de remplir une ligne par personne."]]), ("Réponses", [.. rows]));
        var expected = AssessRunner.Run("score", "--instrument", TestPaths.CareerReadiness, "--responses", Path.Combine(Exports, "plain.csv"));
        var actual = AssessRunner.Run("score", "--instrument", TestPaths.CareerReadiness, "--responses", book, "--sheet", "Réponses");
        Assert.Equal(0, actual.ExitCode);
        Assert.Contains("rows read 12, scored 12, rejected 0", actual.Stderr);
        Assert.Equal(Scores(expected.Stdout), Scores(actual.Stdout));
        Assert.StartsWith("Prénom ou code,clarity,", actual.Stdout);

        // The first sheet is the instructions: its one "column" is not an item, and the run says so instead of guessing.
        var first = AssessRunner.Run("score", "--instrument", TestPaths.CareerReadiness, "--responses", book);
        Assert.Equal(4, first.ExitCode);
        Assert.Contains("no column of the header is an item", first.Stderr);
    }

    [Fact]
    public void Analyze_and_norms_read_a_named_sheet_as_they_read_the_CSV()
    {
        // plain.csv's 12 people as number cells on a second sheet "Réponses": item statistics and norms must equal the CSV's.
        var plain = AssessRunner.ReadNormalized(Path.Combine(Exports, "plain.csv")).TrimEnd('\n').Split('\n');
        object?[][] rows = [.. plain.Select((line, r) => line.Split(',').Select((c, j) => r == 0 || j == 0 ? c : c.Length == 0 ? null : (object)int.Parse(c, CultureInfo.InvariantCulture)).ToArray())];
        var book = Workbook("sample.xlsx", ("Consignes", [["Une ligne par personne."]]), ("Réponses", rows));

        var expected = AssessRunner.Run("analyze", "--instrument", TestPaths.CareerReadiness, "--responses", Path.Combine(Exports, "plain.csv"), "--format", "csv");
        var actual = AssessRunner.Run("analyze", "--instrument", TestPaths.CareerReadiness, "--responses", book, "--sheet", "Réponses", "--format", "csv");
        Assert.Equal(0, actual.ExitCode);
        Assert.Equal(expected.Stdout, actual.Stdout);

        var fromCsv = _temp.PathOf("norms-csv.json");
        var fromBook = _temp.PathOf("norms-xlsx.json");
        Assert.Equal(0, AssessRunner.Run("norms", "--instrument", TestPaths.CareerReadiness, "--responses", Path.Combine(Exports, "plain.csv"), "--out", fromCsv).ExitCode);
        Assert.Equal(0, AssessRunner.Run("norms", "--instrument", TestPaths.CareerReadiness, "--responses", book, "--sheet", "Réponses", "--out", fromBook).ExitCode);
        Assert.Equal(File.ReadAllText(fromCsv).Replace("(plain.csv, ", "(sample.xlsx, ", StringComparison.Ordinal), File.ReadAllText(fromBook)); // the norms name their sample file

        var sheetOnCsv = AssessRunner.Run("analyze", "--instrument", TestPaths.CareerReadiness, "--responses", Path.Combine(Exports, "plain.csv"), "--sheet", "Réponses");
        Assert.Equal(2, sheetOnCsv.ExitCode);
        Assert.Contains("--sheet does not apply here", sheetOnCsv.Stderr);
        var separatorOnBook = AssessRunner.Run("norms", "--instrument", TestPaths.CareerReadiness, "--responses", book, "--separator", ";", "--out", fromBook);
        Assert.Equal(2, separatorOnBook.ExitCode);
    }

    [Fact]
    public void Rejects_from_a_workbook_name_the_sheet_row_and_the_column()
    {
        // Row 1 header, row 2 p1, row 3 blank, row 4 p2 with "beaucoup" in CL02 (no label of agree5), row 5 p3 with 3.5.
        var book = Workbook("r.xlsx", ("Feuil1", [["id", "CL01", "CL02", "CL03", "CL04", "CL05"], ["p1", 3, 2, 4, 4, 5], [], ["p2", 1, "beaucoup", 1, 1, 1], ["p3", 3.5, 3, 3, 3, 3]]));
        var rejects = _temp.PathOf("rejects.csv");
        var result = AssessRunner.Run("score", "--instrument", TestPaths.CareerReadiness, "--responses", book, "--rejects", rejects);
        Assert.Equal(1, result.ExitCode);
        Assert.Equal("id,clarity,confidence,exploration,support\np1,3.6,,,\n", result.Stdout); // (3 + (6-2) + 4 + (6-4) + 5) / 5
        var lines = File.ReadAllLines(rejects);
        Assert.StartsWith("2,4,p2,CL02,\"'beaucoup' is neither a number nor a label of the item's format.", lines[1]);
        Assert.Equal("3,5,p3,CL01,'3.5' is not a whole number; answers are integers on the item's format.,row rejected", lines[2]);
        Assert.Contains("rows read 3, scored 1, rejected 2", result.Stderr);
    }

    [Fact]
    public void A_missing_sheet_a_file_that_is_no_workbook_and_options_a_workbook_cannot_take_are_refused()
    {
        var book = Workbook("b.xlsx", ("Feuil1", [["id", "CL01"], ["p1", 3]]), ("Feuil2", [["x"]]));
        var noSheet = AssessRunner.Run("score", "--instrument", TestPaths.CareerReadiness, "--responses", book, "--sheet", "Réponses");
        Assert.Equal(4, noSheet.ExitCode);
        Assert.Contains($"{book}: the workbook has no sheet 'Réponses' (--sheet); its sheets are 'Feuil1', 'Feuil2'.", noSheet.Stderr);

        var fake = _temp.Write("fake.xlsx", "id,CL01\np1,3\n");
        var notBook = AssessRunner.Run("score", "--instrument", TestPaths.CareerReadiness, "--responses", fake);
        Assert.Equal(4, notBook.ExitCode);
        Assert.Contains($"{fake}: is not an xlsx workbook (not a zip archive", notBook.Stderr);

        var separator = AssessRunner.Run("score", "--instrument", TestPaths.CareerReadiness, "--responses", book, "--separator", ";");
        Assert.Equal(2, separator.ExitCode);
        Assert.Contains("--separator does not apply here: a workbook's cells are read as they are", separator.Stderr);

        var csv = _temp.Write("r.csv", "id,CL01\np1,3\n");
        var sheet = AssessRunner.Run("score", "--instrument", TestPaths.CareerReadiness, "--responses", csv, "--sheet", "Feuil1");
        Assert.Equal(2, sheet.ExitCode);
        Assert.Contains("--sheet does not apply here", sheet.Stderr);

        var toStdout = AssessRunner.Run("score", "--instrument", TestPaths.CareerReadiness, "--responses", csv, "--format", "xlsx");
        Assert.Equal(2, toStdout.ExitCode);
        Assert.Contains("--format xlsx writes a workbook, which needs --out FILE.xlsx", toStdout.Stderr);
    }

    [Fact]
    public void The_workbook_output_holds_numbers_as_numbers_text_as_text_the_rejects_and_the_run()
    {
        // clarity = CL01, -CL02, CL03, -CL04, CL05 on 1..5 (a reversed answer a counts 6 - a).
        // p1: (3 + 4 + 4 + 2 + 5) / 5 = 3.6; "=1+1" is a respondent id that must stay the text "=1+1" (a string cell, no apostrophe);
        // p3 is rejected for 'x'. Read under a comma-decimal culture too: the cell is the number 3.6, not the text "3.6".
        var csv = _temp.Write("r.csv", "id,CL01,CL02,CL03,CL04,CL05\np1,3,2,4,4,5\n=1+1,1,1,1,1,2\np3,x,1,1,1,1\n");
        var output = _temp.PathOf("résultats.xlsx");
        var rejects = _temp.PathOf("rejects.csv");
        var result = AssessRunner.Run("score", "--instrument", TestPaths.CareerReadiness, "--responses", csv, "--out", output, "--rejects", rejects);
        Assert.Equal(1, result.ExitCode);
        Assert.Equal("", result.Stdout);
        Assert.Contains("rows read 3, scored 2, rejected 1", result.Stderr);

        var book = ReadBook(output);
        Assert.Equal(["scores", "rejects", "run"], book.Select(s => s.Name));
        var scores = book[0].Rows;
        Assert.Equal(["id", "clarity", "confidence", "exploration", "support"], scores[0]);
        Assert.Equal(["p1", 3.6, null, null, null], scores[1]);
        Assert.Equal(["=1+1", 2.8, null, null, null], scores[2]); // (1 + 5 + 1 + 5 + 2) / 5
        var rejected = book[1].Rows;
        Assert.Equal(["row", "line", "respondent", "column", "reason", "status"], rejected[0]);
        Assert.Equal(3.0, rejected[1][0]);
        Assert.Equal(4.0, rejected[1][1]);
        Assert.Equal("p3", rejected[1][2]);
        var run = book[2].Rows.ToDictionary(r => (string)r[0]!, r => r[1]);
        Assert.Equal("career-readiness", run["instrument"]);
        Assert.Equal(Assessments.Instrument.Load(TestPaths.CareerReadiness).Fingerprint, run["fingerprint"]);
        Assert.Equal(3.0, run["rows read"]);
        Assert.Equal(2.0, run["rows scored"]);
        Assert.Equal(1.0, run["rows rejected"]);

        // The CSV rejects beside the workbook keep the CSV guard; the workbook's text cells never need it.
        Assert.StartsWith("row,line,respondent,column,reason,status\n3,4,p3,CL01,", File.ReadAllText(rejects).ReplaceLineEndings("\n"));
        var again = _temp.PathOf("again.xlsx");
        AssessRunner.Run("score", "--instrument", TestPaths.CareerReadiness, "--responses", csv, "--out", again);
        Assert.Equal(File.ReadAllBytes(output), File.ReadAllBytes(again));
        var guarded = AssessRunner.Run("score", "--instrument", TestPaths.CareerReadiness, "--responses", csv);
        Assert.Contains("\n'=1+1,2.8,,,\n", guarded.Stdout);
    }
}
