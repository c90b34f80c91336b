using Assessments.Cli.Fast;
using Assessments.Cli.Reading;
using Assessments.Matching;
using Assessments.Responses;
using Assessments.Scoring;

namespace Assessments.Cli;

/// <summary>
/// Streams a responses CSV through an instrument: reads the head once (<see cref="CsvHead"/>: the separator, the header),
/// maps the columns (<see cref="ResponsesLayout"/>), chooses the reader — the byte-level <see cref="FastCsvScoreRun"/>
/// where it can serve the run (<see cref="FastCsvScoreRun.WhyNot"/> says why not), else the general
/// <see cref="GeneralCsvReader"/> — and lets it score every row through the shared <see cref="RecordParser"/> and
/// <see cref="ScoreWriter"/>. Either way memory stays flat, the output bytes are the same, and every data row is either
/// written to the output or to the rejects. A run that reads no data row, or scores rows without any scale value, ends
/// with an <see cref="InputException"/>: never a silent success.
/// </summary>
internal sealed class CsvScoreRun
{
    public required Instrument Instrument { get; init; }

    public required string ResponsesPath { get; init; }

    public required TextWriter Log { get; init; }

    /// <summary>How the file is read (separator, id column, readers, repeated ids…).</summary>
    public CsvReadOptions Read { get; init; } = new();

    public TextWriter? Output { get; init; }

    public string Format { get; init; } = "csv";

    public TextWriter? Rejects { get; init; }

    public bool ShowProgress { get; init; }

    /// <summary>Where <c>--save-mapping</c> writes the columns' mapping, or null.</summary>
    public TextWriter? Mapping { get; init; }

    /// <summary>Called with each scored row's full result, in input order (the demo uses it).</summary>
    public Action<InstrumentResult>? OnResult { get; init; }

    /// <summary>Called with each scored row's answers, in input order.</summary>
    public Action<Response>? OnResponse { get; init; }

    /// <summary>Called with the chunk's matrix and row of each scored row, in input order.</summary>
    public Action<ResponseMatrix, int>? OnMatrixRow { get; init; }

    /// <summary>Gathers every scored row's answers (<c>assess analyze</c> and <c>norms</c>); either reader fills it.</summary>
    public MatrixCollector? Collector { get; init; }

    /// <summary>With <c>--match</c>: ranks each scored row's RIASEC profile and appends the top occupations' codes.</summary>
    public OccupationMatcher? Matcher { get; init; }

    public ScoreSummary Run()
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
            throw new InputException($"{ResponsesPath}: cannot be read: {ex.Message}");
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
            throw new InputException(
                $"{ResponsesPath}: no column of the header is an item of {Instrument.Reference}, so nothing could be scored; check the instrument, the header row and the separator (read as {CsvHead.Show(head.Separator)}).");
        }

        var writer = new ScoreWriter
        {
            Instrument = Instrument,
            Output = Output,
            Format = Format,
            Rejects = Rejects,
            Separator = head.Separator,
            Matching = Matcher is null ? null : ScoreMatching.Create(Instrument, Matcher, head.Separator),
            OnResult = OnResult,
            OnResponse = OnResponse,
            OnMatrixRow = OnMatrixRow,
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
    /// <exception cref="UsageException"><c>--reader fast</c> on a run the fast reader cannot serve (with the reason).</exception>
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
            ? throw new UsageException($"--reader fast cannot read this run: {reason}. Leave --reader out (or use --reader general).")
            : new GeneralCsvReader();
    }

    /// <summary>Refuses a run that read or scored nothing; warns about repeated ids.</summary>
    private void Judge(ScoreSummary summary, ScoreWriter writer)
    {
        if (summary.Read == 0)
        {
            throw new InputException($"{ResponsesPath}: the file has a header but no data rows; nothing was scored.");
        }

        if (summary.Scored > 0 && !writer.AnyValue)
        {
            throw new InputException(
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
