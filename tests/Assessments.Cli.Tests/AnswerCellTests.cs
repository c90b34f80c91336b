namespace Assessments.Cli.Tests;

/// <summary>
/// Answer cells as people's files hold them: labels in French or English (the answers of Exports/google-forms-fr.csv under
/// item-id headers), a decimal comma, and bad cells the user chooses to read as missing (<c>--bad-cell missing</c>).
/// </summary>
public sealed class AnswerCellTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    private static string Exports => Path.Combine(TestPaths.RepoRoot, "tests", "Assessments.Cli.Tests", "Exports");

    public void Dispose() => _temp.Dispose();

    [Theory]
    [InlineData("fast")]
    [InlineData("general")]
    public void French_labels_score_as_the_same_answers_given_as_numbers(string reader)
    {
        // Exports/plain.csv and Exports/google-forms-fr.csv hold the same 12 people's answers (make_exports.py), the first
        // as numbers, the second as the French labels clicked. Under plain item-id headers, with one cell of each row
        // written in the "value - label" form, the labels must give the plain file's scores byte for byte.
        var plain = AssessRunner.ReadNormalized(Path.Combine(Exports, "plain.csv")).TrimEnd('\n').Split('\n');
        var labelled = AssessRunner.ReadNormalized(Path.Combine(Exports, "google-forms-fr.csv")).TrimEnd('\n').Split('\n');
        var lines = new List<string> { plain[0] };
        for (var r = 1; r < plain.Length; r++)
        {
            var cells = labelled[r].Split(',')[^20..];
            var numbers = plain[r].Split(',');
            var k = r % 20;
            if (cells[k].Length > 0)
            {
                cells[k] = $"{numbers[k + 1]} - {cells[k]}";
            }

            lines.Add(numbers[0] + "," + string.Join(",", cells));
        }

        var labels = _temp.Write("labels.csv", string.Join("\n", lines) + "\n");
        var expected = AssessRunner.Run("score", "--instrument", TestPaths.CareerReadiness, "--responses", Path.Combine(Exports, "plain.csv"), "--reader", reader);
        var actual = AssessRunner.Run("score", "--instrument", TestPaths.CareerReadiness, "--responses", labels, "--reader", reader == "fast" ? "auto" : reader);
        Assert.Equal(0, expected.ExitCode);
        Assert.Equal(0, actual.ExitCode);
        Assert.Equal(expected.Stdout, actual.Stdout);
        Assert.Contains("rows read 12, scored 12, rejected 0", actual.Stderr);

        var numbersOnly = AssessRunner.Run("score", "--instrument", TestPaths.CareerReadiness, "--responses", labels, "--answers", "numbers");
        Assert.Equal(1, numbersOnly.ExitCode);
        Assert.Contains("rows read 12, scored 0, rejected 12", numbersOnly.Stderr);
    }

    [Fact]
    public void Labels_only_refuses_the_fast_reader_and_bare_numbers()
    {
        var csv = _temp.Write("mixed.csv", "id,CL01,CL02\np1,Agree,4\n");
        var fast = AssessRunner.Run("score", "--instrument", TestPaths.CareerReadiness, "--responses", csv, "--answers", "labels", "--reader", "fast");
        Assert.Equal(2, fast.ExitCode);
        Assert.Contains("--answers labels reads every cell as a label", fast.Stderr);

        var rejects = _temp.PathOf("rejects.csv");
        var labels = AssessRunner.Run("score", "--instrument", TestPaths.CareerReadiness, "--responses", csv, "--answers", "labels", "--rejects", rejects);
        Assert.Equal(1, labels.ExitCode);
        Assert.Equal(
            "row,line,respondent,column,reason,status\n1,2,p1,CL02,\"'4' is a number, and --answers labels reads labels only (auto reads both).\",row rejected\n",
            AssessRunner.ReadNormalized(rejects));
    }

    [Fact]
    public void A_decimal_comma_is_read_in_a_semicolon_file()
    {
        // "3,0" is 3 when ';' separates fields; "3,5" is not a whole number. clarity = mean(CL01…CL05) with CL02 and CL04
        // reverse keyed on 1–5 (x' = 6 − x): p1 answers 3,0 / 2 / 4 / 4 / 5 → 3, 4, 4, 2, 5 → 18 / 5 = 3.6.
        var csv = _temp.Write("fr.csv", "id;CL01;CL02;CL03;CL04;CL05\np1;3,0;2;4;4;5\np2;3,5;2;4;4;5\n");
        var rejects = _temp.PathOf("rejects.csv");
        var result = AssessRunner.Run("score", "--instrument", TestPaths.CareerReadiness, "--responses", csv, "--rejects", rejects);
        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith("id;clarity;confidence;exploration;support\np1;3.6;;;\n", result.Stdout);
        Assert.Contains("'3,5' is not a whole number", File.ReadAllText(rejects));
    }

    [Theory]
    [InlineData("fast")]
    [InlineData("general")]
    public void A_bad_cell_kept_as_missing_scores_the_row_and_is_listed(string reader)
    {
        // p2's CL01 is 3.5: with --bad-cell missing p2 scores as if CL01 were empty (p3), clarity = mean of CL02…CL05 keyed
        // 6−2, 4, 6−4, 5 = 4, 4, 2, 5 → 15 / 4 = 3.75 (p1, complete: 18 / 5 = 3.6); the cell is in the rejects as "kept as missing"; p4's empty id
        // still rejects its row.
        var csv = _temp.Write("bad.csv", "id,CL01,CL02,CL03,CL04,CL05\np1,3,2,4,4,5\np2,3.5,2,4,4,5\np3,,2,4,4,5\n,1,2,x,4,5\n");
        var rejects = _temp.PathOf($"rejects-{reader}.csv");
        var result = AssessRunner.Run("score", "--instrument", TestPaths.CareerReadiness, "--responses", csv, "--rejects", rejects,
            "--bad-cell", "missing", "--reader", reader == "fast" ? "auto" : reader);
        Assert.Equal(1, result.ExitCode);
        Assert.Equal("id,clarity,confidence,exploration,support\np1,3.6,,,\np2,3.75,,,\np3,3.75,,,\n", result.Stdout);
        Assert.Contains("bad cells kept as missing: 1 (--bad-cell missing; listed in the rejects)", result.Stderr);
        Assert.Contains("rows read 4, scored 3, rejected 1", result.Stderr);
        var lines = AssessRunner.ReadNormalized(rejects).TrimEnd('\n').Split('\n');
        Assert.Equal(4, lines.Length);
        Assert.Equal("row,line,respondent,column,reason,status", lines[0]);
        Assert.Equal("2,3,p2,CL01,'3.5' is not a whole number; answers are integers on the item's format.,kept as missing", lines[1]);
        Assert.Equal("4,5,,id,The respondent id is empty; every row needs one.,row rejected", lines[2]);
        Assert.StartsWith("4,5,,CL03,\"'x' is neither a number nor a label of the item's format. Accepted: en: Strongly disagree (1)", lines[3]);
        Assert.EndsWith("from 1 to 5.\",row rejected", lines[3]);
    }

    [Fact]
    public void A_header_that_is_an_item_id_but_for_case_and_spaces_maps_to_it_and_is_said()
    {
        // "cl 01" and "Cl02" are CL01 and CL02; the scores equal those under exact ids (p1: 18 / 5 = 3.6, as above).
        var csv = _temp.Write("folded.csv", "id,cl 01,Cl02,CL03,CL04,CL05\np1,3,2,4,4,5\n");
        var result = AssessRunner.Run("score", "--instrument", TestPaths.CareerReadiness, "--responses", csv);
        Assert.Equal(0, result.ExitCode);
        Assert.Equal("id,clarity,confidence,exploration,support\np1,3.6,,,\n", result.Stdout);
        Assert.Contains("2 header column(s) read as items by their id or question text (case, accents and spaces ignored; grid, matrix and code[item] forms): column 2 as CL01, column 3 as CL02", result.Stderr);

        var twice = _temp.Write("twice.csv", "id,CL01,cl01\np1,3,3\n");
        var refused = AssessRunner.Run("score", "--instrument", TestPaths.CareerReadiness, "--responses", twice);
        Assert.Equal(4, refused.ExitCode);
        Assert.Contains("header columns 2 and 3 are both item CL01", refused.Stderr);
    }
}
