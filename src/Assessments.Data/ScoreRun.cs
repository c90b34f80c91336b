using Assessments.Data.Fast;
using Assessments.Matching;
using Assessments.Responses;
using Assessments.Scoring;

namespace Assessments.Data;

/// <summary>
/// One scoring run: an instrument's responses file through its scorer, every row either written to the output or to the
/// rejects with its line and reason (rows read = scored + rejected, always), memory flat however long the file is.
/// <see cref="Run()"/> reads the file through the <see cref="ResponseInputs"/> registry, keyed by the instrument's kind: a
/// table (CSV or Excel workbook, any survey tool's layout) for item-based kinds, JSON Lines for card sorts and Ikigai.
/// </summary>
/// <remarks>
/// For a table: the head is read once (<see cref="CsvHead"/>: the separator, the header), the columns are mapped
/// (<see cref="ResponsesLayout"/>), and the byte-level <see cref="FastCsvScoreRun"/> reads where it can serve the run
/// (<see cref="FastCsvScoreRun.WhyNot"/> says why not), else the general <see cref="GeneralCsvReader"/>; both go through the
/// shared <see cref="RecordParser"/> and <see cref="ScoreWriter"/>, so the output bytes are the same. A run that reads no data
/// row, or scores rows without any scale value, ends with an <see cref="InputFileException"/>: never a silent success.
/// </remarks>
/// <example>
/// <code>
/// using var output = new StreamWriter("scores.csv");
/// using var rejects = new StreamWriter("rejects.csv");
/// var summary = new ScoreRun
/// {
///     Instrument = Instruments.Load("career-readiness"),
///     ResponsesPath = "answers.xlsx",
///     Output = output,
///     Rejects = rejects,
/// }.Run();
/// </code>
/// </example>
public sealed class ScoreRun
{
    /// <summary>The instrument the responses answer.</summary>
    public required Instrument Instrument { get; init; }

    /// <summary>The responses file: CSV, an Excel workbook (.xlsx), or JSON Lines for the kinds that take it.</summary>
    public required string ResponsesPath { get; init; }

    /// <summary>Where notes go (the separator detected, the layout chosen, columns matched loosely, warnings); none by default.</summary>
    public TextWriter Log { get; init; } = TextWriter.Null;

    /// <summary>How a table is read (separator, id column, layout, mapping files, answers, bad cells, readers, repeated ids…).</summary>
    public ResponsesReadOptions Read { get; init; } = new();

    /// <summary>Where the scores go (the format is <see cref="Format"/>), or null to keep only the callbacks.</summary>
    public TextWriter? Output { get; init; }

    /// <summary>The format of <see cref="Output"/>: CSV (the default) or JSON Lines.</summary>
    public ScoreFormat Format { get; init; } = ScoreFormat.Csv;

    /// <summary>Where rejected rows and bad cells go, as CSV (<c>row,line,respondent,column,reason,status</c>), or null.</summary>
    public TextWriter? Rejects { get; init; }

    /// <summary>Whether a progress counter is written to <see cref="Log"/> on long runs.</summary>
    public bool ShowProgress { get; init; }

    /// <summary>Where the mapping of columns to items actually used goes (<c>column,item,how</c>, reusable as <see cref="ResponsesReadOptions.Columns"/>), or null. Never the log: headers may be a person's data.</summary>
    public TextWriter? Mapping { get; init; }

    /// <summary>Called with each scored row's full result, in input order.</summary>
    public Action<InstrumentResult>? OnResult { get; init; }

    /// <summary>Called with each scored row's answers, in input order (item-based kinds).</summary>
    public Action<Response>? OnResponse { get; init; }

    /// <summary>Gathers every scored row's answers into one matrix (for reliability, ω, norms); either reader fills it.</summary>
    public ResponseCollector? Collector { get; init; }

    /// <summary>With a matcher: each scored row's RIASEC profile is ranked and the top occupations' codes are appended (CSV output).</summary>
    public OccupationMatcher? Matcher { get; init; }

    /// <summary>The registry the input is chosen from (default: <see cref="ResponseInputs.Default"/>).</summary>
    public ResponseInputs Inputs { get; init; } = ResponseInputs.Default;

    internal string FormatName => Format == ScoreFormat.JsonLines ? "jsonl" : "csv";

    /// <summary>Reads and scores every row of the file through the instrument kind's input.</summary>
    /// <returns>Rows read, scored and rejected.</returns>
    /// <exception cref="InputFileException">The file cannot be read, has no item column or no data row, or no row got a scale value.</exception>
    /// <exception cref="UnsupportedOptionException">An option that the kind's input cannot honour.</exception>
    public ScoreSummary Run() => Inputs.For(Instrument).Score(this);

    /// <summary>Whether <paramref name="path"/> names an Excel workbook (.xlsx, .xlsm or .xls), which is read as a table (first sheet, or <see cref="ResponsesReadOptions.Sheet"/>).</summary>
    /// <param name="path">A responses file's path.</param>
    public static bool IsWorkbook(string path) => XlsxCsvStream.IsWorkbook(path);

    /// <summary>Checks, before any file is read, that <paramref name="instrument"/> has the six RIASEC scales on one range that <see cref="Matcher"/> ranks.</summary>
    /// <param name="instrument">The instrument of the run.</param>
    /// <param name="matcher">The matcher of the run.</param>
    /// <exception cref="UnsupportedOptionException">The instrument has no RIASEC profile to match.</exception>
    public static void CheckMatchable(Instrument instrument, OccupationMatcher matcher) => _ = ScoreMatching.Create(instrument, matcher, ',');

    /// <summary>
    /// Scores into an Excel workbook written to <paramref name="workbook"/>: a scores sheet (numbers as number cells, text as
    /// string cells, never formulas), a rejects sheet and a run sheet (instrument, version, fingerprint, counts). The run goes
    /// through CSV in a private temporary folder (created 0700, removed in every case), so memory stays flat; the same run
    /// gives the same bytes. <see cref="Output"/> must be null (the workbook is the output); <see cref="Rejects"/>, when set,
    /// also gets the rejects as CSV. Table inputs only.
    /// </summary>
    /// <param name="workbook">Where the .xlsx bytes go.</param>
    /// <returns>Rows read, scored and rejected.</returns>
    /// <exception cref="InputFileException">As <see cref="Run()"/>; or the temporary folder cannot be made.</exception>
    public ScoreSummary RunToWorkbook(Stream workbook)
    {
        ArgumentNullException.ThrowIfNull(workbook);
        if (Output is not null)
        {
            throw new InvalidOperationException("RunToWorkbook writes the workbook as the output: leave Output null.");
        }

        if (!Inputs.For(Instrument).IsTable)
        {
            throw new UnsupportedOptionException($"An Excel workbook output holds a table's scores; {Instrument.Reference} is not read as a table.");
        }

        string scratch;
        try
        {
            scratch = Directory.CreateTempSubdirectory("assess-xlsx-").FullName; // 0700: the answers stay private
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new InputFileException($"{Path.GetTempPath()}: cannot create a temporary folder for the workbook: {ex.Message}");
        }

        var guard = CsvText.AllowFormulas;
        try
        {
            var scoresCsv = Path.Combine(scratch, "scores.csv");
            var rejectsCsv = Path.Combine(scratch, "rejects.csv");
            ScoreSummary summary;
            CsvText.AllowFormulas = true; // string cells are never evaluated: the CSV guard's apostrophe would only be noise
            using (var scores = new StreamWriter(scoresCsv, false, new System.Text.UTF8Encoding(false), 1 << 16) { NewLine = "\n" })
            using (var rejects = new StreamWriter(rejectsCsv, false, new System.Text.UTF8Encoding(false), 1 << 16) { NewLine = "\n" })
            {
                summary = new ScoreRun
                {
                    Instrument = Instrument, ResponsesPath = ResponsesPath, Log = Log, Read = Read, Output = scores, Format = ScoreFormat.Csv,
                    Rejects = rejects, ShowProgress = ShowProgress, Mapping = Mapping, OnResult = OnResult, OnResponse = OnResponse,
                    Collector = Collector, Matcher = Matcher, Inputs = Inputs,
                }.RunTable();
            }

            CsvText.AllowFormulas = guard;
            XlsxOutput.Write(workbook, scoresCsv, rejectsCsv, summary.Separator,
            [
                ("instrument", Instrument.Id),
                ("version", Instrument.Version),
                ("fingerprint", Instrument.Fingerprint),
                ("responses", Path.GetFileName(ResponsesPath)),
                ("rows read", summary.Read),
                ("rows scored", summary.Scored),
                ("rows rejected", summary.Rejected),
                ("bad cells kept as missing", summary.CellsKeptAsMissing),
                ("Assessments.Data", typeof(ScoreRun).Assembly.GetName().Version?.ToString(3) ?? ""),
            ], scratch);
            if (Rejects is not null)
            {
                XlsxOutput.CopyCsv(rejectsCsv, summary.Separator, Rejects);
            }

            return summary;
        }
        finally
        {
            CsvText.AllowFormulas = guard;
            try
            {
                Directory.Delete(scratch, recursive: true);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                Log.WriteLine($"warning: could not remove the temporary folder {scratch}: {ex.Message}");
            }
        }
    }

    /// <summary>The table path (CSV or workbook), the one <see cref="ResponseInputs.Table"/> takes.</summary>
    internal ScoreSummary RunTable()
    {
        using var input = Open();
        var context = Prepare(input);
        var reader = Choose(context);
        var summary = reader.Read(context, input) with { Separator = context.Separator, CellsKeptAsMissing = context.Writer.CellsKeptAsMissing };
        Judge(summary, context.Writer);
        return summary;
    }

    /// <summary>The fast reader set up on the file, for tests and benchmarks that drive its stages one by one.</summary>
    internal FastCsvScoreRun OpenFast(out Stream input)
    {
        var head = Open();
        input = head;
        return FastCsvScoreRun.Open(Prepare(head), head);
    }

    /// <summary>The file behind the record-length guard, keeping its head so that it can be read again.</summary>
    internal HeadRecordingStream Open()
    {
        if (XlsxCsvStream.IsWorkbook(ResponsesPath))
        {
            return new HeadRecordingStream(XlsxCsvStream.Open(ResponsesPath, Read.Sheet));
        }

        try
        {
            return new HeadRecordingStream(RecordLengthGuard.Open(ResponsesPath, quotes: true));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new InputFileException($"{ResponsesPath}: cannot be read: {ex.Message}");
        }
    }

    /// <summary>Reads the head, maps the columns and sets up the writer; the stream is rewound for the reader.</summary>
    internal ReadContext Prepare(HeadRecordingStream input)
    {
        var head = CsvHead.Read(input, ResponsesPath, XlsxCsvStream.IsWorkbook(ResponsesPath) ? ',' : Read.Separator);
        input.Rewind();
        if (head.Detected)
        {
            Log.WriteLine(head.Note());
        }

        var tool = Read.Layout;
        if (tool == SurveyTool.Auto)
        {
            tool = SurveyTools.Detect(head);
        }

        var labels = (string[]?)null;
        if (SurveyTools.HeaderRecords(tool, head) is > 1 and var headerRecords)
        {
            labels = head.FieldsOf(1);
            head = head.WithHeaderRecords(headerRecords, ResponsesPath);
        }

        var layout = ResponsesLayout.Map(head.Names, labels, Instrument, Read, tool, ResponsesPath, Log);
        var codes = tool == SurveyTool.LimeSurvey ? Read.AnswerCodes?.WithPositions() ?? AnswerCodes.ByPosition : Read.AnswerCodes;
        if (Mapping is not null)
        {
            WriteMapping(layout, Mapping);
        }

        if (!layout.HasItems)
        {
            throw new InputFileException(
                $"{ResponsesPath}: no column of the header is an item of {Instrument.Reference}, so nothing could be scored; check the instrument, the header row and the separator (read as {CsvHead.Show(head.Separator)}).");
        }

        var writer = new ScoreWriter
        {
            Instrument = Instrument,
            Output = Output,
            Format = FormatName,
            Rejects = Rejects,
            Separator = head.Separator,
            Matching = Matcher is null ? null : ScoreMatching.Create(Instrument, Matcher, head.Separator),
            OnResult = OnResult,
            OnResponse = OnResponse,
            Collector = Collector,
            Ids = Read.DuplicateIds == DuplicateIds.Allow ? null : new IdRegistry(ExpectedRows(head), exact: Read.DuplicateIds == DuplicateIds.Error),
            DuplicateIds = Read.DuplicateIds,
        };
        return new ReadContext(Instrument, ResponsesPath, Read, head, new RecordParser(Instrument, head.Separator, layout, Read.Answers, Read.BadCellsAsMissing, codes), writer, Log, ShowProgress);
    }

    /// <summary>
    /// <c>--save-mapping</c>: the mapping actually used, one row per column (<c>column,item,how</c>), ready for
    /// <c>--columns</c>. Written to a file, never to stderr: headers may be a person's data.
    /// </summary>
    private void WriteMapping(ResponsesLayout layout, TextWriter mapping)
    {
        mapping.WriteLine("column,item,how");
        for (var c = 0; c < layout.Names.Length; c++)
        {
            var item = layout.ItemOfColumn[c] >= 0 ? Instrument.Items[layout.ItemOfColumn[c]].Id : "";
            mapping.WriteLine($"{CsvText.Escape(layout.Names[c], ',')},{CsvText.Escape(item, ',')},{CsvText.Escape(layout.How[c], ',')}");
        }
    }

    /// <summary>About how many rows the file holds, from its length and the head's lines (0 when it cannot be known: a pipe).</summary>
    private long ExpectedRows(CsvHead head)
    {
        try
        {
            var info = new FileInfo(ResponsesPath);
            return info.Exists && head.BytesPerRow > 0 ? (long)(info.Length / head.BytesPerRow) : 0;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return 0;
        }
    }

    /// <summary>The reader for the run: <c>--reader</c>'s choice, or the fast one wherever it can serve.</summary>
    /// <exception cref="UnsupportedOptionException"><c>--reader fast</c> on a run the fast reader cannot serve (with the reason).</exception>
    internal static IResponsesReader Choose(ReadContext context)
    {
        if (context.Options.Reader == ReaderChoice.General)
        {
            return new GeneralCsvReader();
        }

        var reason = FastCsvScoreRun.WhyNot(context);
        if (reason is null)
        {
            return FastCsvScoreRun.Reader;
        }

        return context.Options.Reader == ReaderChoice.Fast
            ? throw new UnsupportedOptionException($"--reader fast cannot read this run: {reason}. Leave --reader out (or use --reader general).")
            : new GeneralCsvReader();
    }

    /// <summary>Refuses a run that read or scored nothing; warns about repeated ids.</summary>
    private void Judge(ScoreSummary summary, ScoreWriter writer)
    {
        if (summary.Read == 0)
        {
            throw new InputFileException($"{ResponsesPath}: the file has a header but no data rows; nothing was scored.");
        }

        if (summary.Scored > 0 && !writer.AnyValue)
        {
            throw new InputFileException(
                $"{ResponsesPath}: none of the {summary.Scored} scored row(s) got a scale value (too few answers for every scale of {Instrument.Reference}); check that the item columns hold the answers. Nothing was written.");
        }

        if (writer.CellsKeptAsMissing > 0)
        {
            Log.WriteLine(string.Create(System.Globalization.CultureInfo.InvariantCulture,
                $"bad cells kept as missing: {writer.CellsKeptAsMissing} (--bad-cell missing; {(Rejects is null ? "pass --rejects FILE to list them" : "listed in the rejects")})"));
        }

        if (writer.Ids is { Repeats: > 0 } ids && writer.DuplicateIds == DuplicateIds.Warn)
        {
            Log.WriteLine(string.Create(System.Globalization.CultureInfo.InvariantCulture,
                $"warning: {ResponsesPath}: {ids.Repeats} row(s) repeat the respondent id of an earlier row (line(s) {string.Join(", ", ids.FirstLines)}{(ids.Repeats > ids.FirstLines.Count ? ", …" : "")}); --duplicate-ids error rejects them, --duplicate-ids allow accepts them silently."));
        }
    }
}
