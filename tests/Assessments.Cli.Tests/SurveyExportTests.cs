namespace Assessments.Cli.Tests;

/// <summary>
/// Survey tools' exports scored end to end on the first try: Exports/NOTE.md describes each file and where its shape comes
/// from. Every export holds the same 12 people's answers as Exports/plain.csv (make_exports.py, checked by
/// check_exports.py), so each must give the plain file's scores row by row. Also the mapping files (<c>--columns</c>,
/// <c>--answer-codes</c>, <c>--save-mapping</c>) and the messages for headers that name no item.
/// </summary>
public sealed class SurveyExportTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    private static string Exports => Path.Combine(TestPaths.RepoRoot, "tests", "Assessments.Cli.Tests", "Exports");

    public void Dispose() => _temp.Dispose();

    private static string[] Scores(string output) => [.. AssessRunner.Lines(output).Select(l => l[l.IndexOf(',')..])];

    private static CliResult Plain() =>
        AssessRunner.Run("score", "--instrument", TestPaths.CareerReadiness, "--responses", Path.Combine(Exports, "plain.csv"));

    [Theory]
    [InlineData("google-forms-fr.csv", "google-forms", "Adresse e-mail", 2, 1)]          // one grid "Titre [texte]", French labels, e-mail collected
    [InlineData("google-forms-en-questions.csv", "google-forms", "Email Address", 2, 1)] // one question per item, its English text as title
    [InlineData("qualtrics.csv", "qualtrics", "ResponseId", 9, 16)]                      // three header rows, "Prompt - statement" labels, choice text
    [InlineData("limesurvey-codes.csv", "limesurvey", "id", 1, 4)]                       // BOM, every field quoted, CR[CL01] headings, A1…A5 codes
    public void A_survey_export_scores_as_the_same_answers_given_as_numbers_with_no_option(string export, string tool, string idName, int idColumn, int metadata)
    {
        var expected = Plain();
        var actual = AssessRunner.Run("score", "--instrument", TestPaths.CareerReadiness, "--responses", Path.Combine(Exports, export));
        Assert.Equal(0, actual.ExitCode);
        Assert.Contains($"read as a {tool} export (detected from its head; --layout sets it): the id is column {idColumn}, {metadata} metadata column(s) of the tool skipped", actual.Stderr);
        Assert.Contains("rows read 12, scored 12, rejected 0", actual.Stderr);
        Assert.Equal(Scores(expected.Stdout), Scores(actual.Stdout));
        Assert.StartsWith(idName + ",clarity,", actual.Stdout);

        // Forcing the layout the file has gives the same bytes, without the word "detected".
        var forced = AssessRunner.Run("score", "--instrument", TestPaths.CareerReadiness, "--responses", Path.Combine(Exports, export), "--layout", tool);
        Assert.Equal(actual.Stdout, forced.Stdout);
        Assert.Contains($"read as a {tool} export: the id is column {idColumn}", forced.Stderr);
    }

    [Fact]
    public void A_Qualtrics_export_skips_its_three_header_rows_and_counts_lines_from_the_file()
    {
        // A bad cell in the first data row of qualtrics.csv is on line 4 of the file (after the three header rows), and is
        // the file's first data row (row 1). "Agree" is 4: replace the first matrix cell of respondent 1 by "Agre".
        var lines = AssessRunner.ReadNormalized(Path.Combine(Exports, "qualtrics.csv")).Split('\n');
        var cells = lines[3].Split(',');
        cells[17] = "Agre";
        lines[3] = string.Join(',', cells);
        var csv = _temp.Write("qualtrics-bad.csv", string.Join('\n', lines));
        var rejects = _temp.PathOf("rejects.csv");
        var result = AssessRunner.Run("score", "--instrument", TestPaths.CareerReadiness, "--responses", csv, "--rejects", rejects);
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("rows read 12, scored 11, rejected 1", result.Stderr);
        var reject = File.ReadAllLines(rejects)[1];
        Assert.StartsWith($"1,4,{cells[8]},Q1_1,\"'Agre' is neither a number nor a label of the item's format.", reject);

        var fast = AssessRunner.Run("score", "--instrument", TestPaths.CareerReadiness, "--responses", csv, "--reader", "fast");
        Assert.Equal(2, fast.ExitCode);
        Assert.Contains("--reader fast cannot read this run: the header has 3 rows (a survey tool's export), which the general reader skips", fast.Stderr);
    }

    [Fact]
    public void A_saved_mapping_with_a_guarded_header_is_reused_as_is()
    {
        // plain.csv with CL01's header renamed "=Q1": --save-mapping writes it with the CSV formula guard ('=Q1), so that a
        // spreadsheet never runs it; given back as --columns, '=Q1 must still name the header =Q1.
        var lines = AssessRunner.ReadNormalized(Path.Combine(Exports, "plain.csv")).Split('\n');
        lines[0] = lines[0].Replace(",CL01,", ",=Q1,", StringComparison.Ordinal);
        var csv = _temp.Write("guarded.csv", string.Join('\n', lines));
        var columns = _temp.Write("columns.csv", "column,item\n=Q1,CL01\n");
        var saved = _temp.PathOf("saved.csv");
        var first = AssessRunner.Run("score", "--instrument", TestPaths.CareerReadiness, "--responses", csv, "--columns", columns, "--save-mapping", saved);
        Assert.Equal(0, first.ExitCode);
        Assert.Contains("'=Q1,CL01,mapping file", File.ReadAllLines(saved));

        var reused = AssessRunner.Run("score", "--instrument", TestPaths.CareerReadiness, "--responses", csv, "--columns", saved);
        Assert.Equal(0, reused.ExitCode);
        Assert.Equal(Scores(Plain().Stdout), Scores(reused.Stdout));
        Assert.DoesNotContain("not in the header", reused.Stderr);
    }

    [Fact]
    public void Generated_codes_map_through_a_columns_file_and_the_saved_mapping_is_reused_as_is()
    {
        // limesurvey-codes-other.csv: G01Q01[SQ001]…[SQ020] headings that name no item; columns.csv maps them (SQ001 = CL01…).
        var expected = Plain();
        var saved = _temp.PathOf("mapping.csv");
        var mapped = AssessRunner.Run("score", "--instrument", TestPaths.CareerReadiness, "--responses", Path.Combine(Exports, "limesurvey-codes-other.csv"),
            "--columns", Path.Combine(Exports, "columns.csv"), "--save-mapping", saved);
        Assert.Equal(0, mapped.ExitCode);
        Assert.Equal(Scores(expected.Stdout), Scores(mapped.Stdout));
        var mapping = File.ReadAllLines(saved);
        Assert.Equal(26, mapping.Length); // header + 25 columns
        Assert.Equal(["column,item,how", "id,,id", "submitdate,,skipped (limesurvey metadata)"], mapping[..3]);
        Assert.Equal("G01Q01[SQ001],CL01,mapping file", mapping[6]);
        Assert.Equal("G01Q01[SQ020],SU05,mapping file", mapping[25]);
        Assert.DoesNotContain("G01Q01", mapped.Stderr); // headers stay out of stderr

        var again = AssessRunner.Run("score", "--instrument", TestPaths.CareerReadiness, "--responses", Path.Combine(Exports, "limesurvey-codes-other.csv"), "--columns", saved);
        Assert.Equal(mapped.Stdout, again.Stdout);

        // Without the mapping, the first heading is refused, by position, and nothing is dropped silently.
        var refused = AssessRunner.Run("score", "--instrument", TestPaths.CareerReadiness, "--responses", Path.Combine(Exports, "limesurvey-codes-other.csv"));
        Assert.Equal(4, refused.ExitCode);
        Assert.Contains("header column 6 is not an item of career-readiness@1.0.0. Map it with --columns FILE.csv (column,item)", refused.Stderr);
        Assert.Equal("", refused.Stdout);
    }

    [Fact]
    public void The_mapping_saved_from_a_Qualtrics_export_names_each_column_by_its_first_header_row()
    {
        var saved = _temp.PathOf("qualtrics-mapping.csv");
        var first = AssessRunner.Run("score", "--instrument", TestPaths.CareerReadiness, "--responses", Path.Combine(Exports, "qualtrics.csv"), "--save-mapping", saved);
        Assert.Equal(0, first.ExitCode);
        var mapping = File.ReadAllLines(saved);
        Assert.Equal("ResponseId,,id", mapping[9]);
        Assert.Equal("Q1_1,CL01,folded id or question text", mapping[18]);
        Assert.Equal("Q1_20,SU05,folded id or question text", mapping[37]);
        var again = AssessRunner.Run("score", "--instrument", TestPaths.CareerReadiness, "--responses", Path.Combine(Exports, "qualtrics.csv"), "--columns", saved);
        Assert.Equal(first.Stdout, again.Stdout);
    }

    [Fact]
    public void Answer_codes_come_from_a_file_and_LimeSurvey_codes_from_their_position()
    {
        // agree5 is 1..5. The codes file says SA = 5, A = 4, N = 3, D = 2, SD = 1. p1 answers CL01..CL05 = SA, A, N, D, SD:
        // clarity = CL01, -CL02, CL03, -CL04, CL05 (a reversed answer a counts 6 - a): (5 + (6-4) + 3 + (6-2) + 1) / 5 = 3.
        var codes = _temp.Write("codes.csv", "format,code,value\nagree5,SA,5\nagree5,A,4\nagree5,N,3\nagree5,D,2\nagree5,SD,1\n");
        var csv = _temp.Write("coded.csv", "id,CL01,CL02,CL03,CL04,CL05\np1,SA,A,N,D,SD\np2,sa,a,n,d,X\n");
        var rejects = _temp.PathOf("rejects.csv");
        var result = AssessRunner.Run("score", "--instrument", TestPaths.CareerReadiness, "--responses", csv, "--answer-codes", codes, "--rejects", rejects);
        Assert.Equal(1, result.ExitCode);
        Assert.Equal("id,clarity,confidence,exploration,support\np1,3,,,\n", result.Stdout);
        Assert.StartsWith("2,3,p2,CL05,\"'X' is neither a number nor a label", File.ReadAllLines(rejects)[1]);

        // LimeSurvey's A1…A5 (and AO01…) are the format's answers by position: A1 = 1 … A5 = 5; A6 is outside 1..5.
        // Person 1: (1 + (6-2) + 3 + (6-4) + 5) / 5 = 3.
        var lime = _temp.Write("lime.csv", "id,submitdate,lastpage,startlanguage,CR[CL01],CR[CL02],CR[CL03],CR[CL04],CR[CL05]\n1,,1,fr,A1,A2,AO03,A4,A5\n2,,1,fr,A1,A2,A3,A4,A6\n");
        var byPosition = AssessRunner.Run("score", "--instrument", TestPaths.CareerReadiness, "--responses", lime, "--rejects", rejects);
        Assert.Equal(1, byPosition.ExitCode);
        Assert.Equal("id,clarity,confidence,exploration,support\n1,3,,,\n", byPosition.Stdout);
        Assert.Equal("2,3,2,CR[CL05],The answer code stands for 6 (by its position in format 'agree5') and is outside 1 to 5.,row rejected", File.ReadAllLines(rejects)[1]);
    }

    [Theory]
    [InlineData("format,code,value\nagree7,SA,5\n", "codes.csv: line 2: career-readiness@1.0.0 has no response format 'agree7'; its formats are agree5.")]
    [InlineData("format,code,value\nagree5,SA,6\n", "codes.csv: line 2: the value must be a whole number of format 'agree5' (1 to 5).")]
    [InlineData("format,code,value\nagree5,SA,5\nagree5,sa,4\n", "codes.csv: line 3: this code of format 'agree5' was given another value on an earlier line")]
    [InlineData("format,value\nagree5,5\n", "codes.csv: line 1: the header must name the columns format, code, value (--answer-codes); missing: code.")]
    public void A_bad_answer_codes_file_is_refused_with_its_line(string content, string message)
    {
        var codes = _temp.Write("codes.csv", content);
        var csv = _temp.Write("r.csv", "id,CL01\np1,SA\n");
        var result = AssessRunner.Run("score", "--instrument", TestPaths.CareerReadiness, "--responses", csv, "--answer-codes", codes);
        Assert.Equal(4, result.ExitCode);
        Assert.Contains(message, result.Stderr);
        Assert.Equal("", result.Stdout);
    }

    [Theory]
    [InlineData("column,item\nQ1,CL1\n", "columns.csv: line 2: career-readiness@1.0.0 has no item 'CL1' (did you mean CL01?); the item column holds item ids exactly.")]
    [InlineData("column,item\nQ1,CL01\nQ9,CL02\n", "columns.csv: line(s) 3: the column is not in the header of")]
    [InlineData("column,item\nQ1,CL01\nQ1,CL02\n", "columns.csv: line 3: the column is listed already on line 2")]
    public void A_bad_columns_file_is_refused_with_its_line(string content, string message)
    {
        var columns = _temp.Write("columns.csv", content);
        var csv = _temp.Write("r.csv", "id,Q1\np1,3\n");
        var result = AssessRunner.Run("score", "--instrument", TestPaths.CareerReadiness, "--responses", csv, "--columns", columns);
        Assert.Equal(4, result.ExitCode);
        Assert.Contains(message, result.Stderr);
    }

    [Fact]
    public void A_near_miss_header_gets_a_did_you_mean_without_its_text_shown()
    {
        // "CL0l" (a lower-case L for the 1) is one edit from CL01; a French item text with one typo is near CL02's text.
        var csv = _temp.Write("near.csv", "id,CL0l\np1,3\n");
        var result = AssessRunner.Run("score", "--instrument", TestPaths.CareerReadiness, "--responses", csv);
        Assert.Equal(4, result.ExitCode);
        Assert.Contains("header column 2 is not an item of career-readiness@1.0.0 (did you mean CL01?).", result.Stderr);
        Assert.DoesNotContain("CL0l", result.Stderr);

        var instrument = Assessments.Instrument.Load(TestPaths.CareerReadiness);
        var text = instrument.Items.Single(i => i.Id == "CL02").Text!["fr"];
        var typo = _temp.Write("typo.csv", $"id,\"{text[..^2] + "x" + text[^1]}\"\np1,3\n");
        var near = AssessRunner.Run("score", "--instrument", TestPaths.CareerReadiness, "--responses", typo);
        Assert.Equal(4, near.ExitCode);
        Assert.Contains("header column 2 is not an item of career-readiness@1.0.0 (did you mean CL02?).", near.Stderr);
    }
}
