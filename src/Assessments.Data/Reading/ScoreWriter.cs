using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Assessments.Responses;
using Assessments.Scoring;

namespace Assessments.Data;

/// <summary>
/// The one output writer of both readers: the scores file (CSV or JSON Lines), the rejects, the callbacks of the commands
/// that gather rows (<c>analyze</c>, <c>norms</c>, <c>demo</c>), and the facts a run is judged by at its end — rows read,
/// scored and rejected, whether any row got a scale value, and the respondent ids seen twice. Rows arrive in input order.
/// </summary>
internal sealed class ScoreWriter
{
    private char[] _line = new char[256];

    public required Instrument Instrument { get; init; }

    public TextWriter? Output { get; init; }

    /// <summary>"csv" or "jsonl".</summary>
    public string Format { get; init; } = "csv";

    public TextWriter? Rejects { get; init; }

    /// <summary>The output's separator: the input's.</summary>
    public char Separator { get; init; } = ',';

    public ScoreMatching? Matching { get; init; }

    /// <summary>Called with each scored row's full result, in input order (the demo uses it).</summary>
    public Action<InstrumentResult>? OnResult { get; init; }

    /// <summary>Called with each scored row's answers, in input order.</summary>
    public Action<Response>? OnResponse { get; init; }

    /// <summary>Gathers every scored row's answers (<c>assess analyze</c> and <c>norms</c>); either reader fills it.</summary>
    public ResponseCollector? Collector { get; init; }

    /// <summary>The ids seen so far; null with <c>--duplicate-ids allow</c>.</summary>
    public IdRegistry? Ids { get; init; }

    /// <summary>What a repeated id does.</summary>
    public DuplicateIds DuplicateIds { get; init; } = DuplicateIds.Warn;

    /// <summary>Whether some scored row got at least one scale value.</summary>
    public bool AnyValue { get; set; }

    /// <summary>Whether the scores need nothing but the CSV line of each row (no result object is built).</summary>
    public bool CsvOnly => Format == "csv" && OnResult is null && OnResponse is null && Instrument.KindHandler.SummaryColumns(Instrument).Count == 0;

    /// <summary>The output's header and the rejects' header.</summary>
    public void WriteHeaders(ResponsesLayout layout)
    {
        Rejects?.WriteLine(JsonLines.RejectsHeader);
        if (Output is null || Format != "csv")
        {
            return;
        }

        var header = new StringBuilder(CsvText.Escape(layout.Names[layout.IdColumn], Separator));
        foreach (var name in Instrument.Scales.Select(s => s.Id).Concat(Instrument.KindHandler.SummaryColumns(Instrument)).Concat(Matching?.ColumnNames ?? []))
        {
            header.Append(Separator).Append(CsvText.Escape(name, Separator));
        }

        Output.WriteLine(header.ToString());
    }

    /// <summary>
    /// Whether the row on <paramref name="line"/> is to be rejected for its id: with <c>--duplicate-ids error</c>, when an
    /// earlier row had the same id (the repeat is still counted in every mode but <c>allow</c>).
    /// </summary>
    public bool RejectsRepeat(string id, long line) =>
        Ids is not null && Ids.IsRepeat(id, line) && DuplicateIds == DuplicateIds.Error;

    /// <summary>The reason a repeated id is rejected with.</summary>
    public const string RepeatReason = "An earlier row has the same respondent id (--duplicate-ids error).";

    /// <summary>One scored row of the general reader: its CSV line or JSON object, and the callbacks.</summary>
    public void WriteScored(ResponseMatrix matrix, ScaleScoreBatch batch, string id, int row, ResponsesLayout layout)
    {
        if (!AnyValue)
        {
            for (var s = 0; s < Instrument.Scales.Count && !AnyValue; s++)
            {
                AnyValue = !double.IsNaN(batch.GetValues(s)[row]);
            }
        }

        Collector?.Add(matrix, row, id);
        var csv = Output is not null && Format == "csv";
        var summary = csv && Instrument.KindHandler.SummaryColumns(Instrument).Count > 0;
        if (csv && !summary)
        {
            WriteCsvLine(batch, id, row);
        }

        if (OnResult is null && OnResponse is null && !summary && (Output is null || Format != "jsonl"))
        {
            return;
        }

        var answers = new Dictionary<string, int?>(StringComparer.Ordinal);
        foreach (var item in layout.ItemOfColumn.Where(i => i >= 0))
        {
            var x = matrix[row, item];
            answers[Instrument.Items[item].Id] = x == ResponseMatrix.Missing ? null : x;
        }

        var response = new Response(id, answers);
        OnResponse?.Invoke(response);
        if (OnResult is null && !summary && (Output is null || Format != "jsonl"))
        {
            return;
        }

        var result = Instrument.KindHandler.Score(Instrument, response, batch.GetScores(row));
        OnResult?.Invoke(result);
        if (summary)
        {
            Output!.WriteLine(CsvLine(batch, id, row, result.SummaryValues()));
        }

        if (Output is not null && Format == "jsonl")
        {
            var buffer = new ArrayBufferWriter<byte>();
            using (var writer = new Utf8JsonWriter(buffer, JsonLinesOptions))
            {
                result.WriteJson(writer);
            }

            Output.WriteLine(Encoding.UTF8.GetString(buffer.WrittenSpan));
        }
    }

    /// <summary>A rejected row's problem, as a line of the rejects file.</summary>
    public void WriteReject(long rowNumber, long lineNumber, string id, string column, string reason, bool keptAsMissing = false)
    {
        if (keptAsMissing)
        {
            CellsKeptAsMissing++;
        }

        Rejects?.WriteLine(string.Join(",",
            rowNumber.ToString(CultureInfo.InvariantCulture),
            lineNumber.ToString(CultureInfo.InvariantCulture),
            CsvText.Escape(id, ','),
            CsvText.Escape(column, ','),
            CsvText.Escape(reason, ','),
            keptAsMissing ? KeptAsMissing : RowRejected));
    }

    /// <summary>The rejects' status of a problem that kept its row out of the scores.</summary>
    public const string RowRejected = "row rejected";

    /// <summary>The rejects' status of a bad cell read as missing (<c>--bad-cell missing</c>): its row was scored.</summary>
    public const string KeptAsMissing = "kept as missing";

    /// <summary>Bad cells read as missing in rows that were scored (<c>--bad-cell missing</c>).</summary>
    public long CellsKeptAsMissing { get; private set; }

    /// <summary>Writes a row's problems: as the reasons it was rejected, or as cells kept as missing in a scored row.</summary>
    public void WriteProblems(long rowNumber, long lineNumber, string id, List<(string Column, string Reason)>? problems, bool keptAsMissing)
    {
        foreach (var (column, reason) in problems ?? [])
        {
            WriteReject(rowNumber, lineNumber, id, column, reason, keptAsMissing);
        }
    }

    /// <summary>The hot path of CSV output: the id and the scale values formatted straight into a reused buffer.</summary>
    private void WriteCsvLine(ScaleScoreBatch batch, string id, int row)
    {
        var escaped = CsvText.Escape(id, Separator);
        var needed = escaped.Length + (Instrument.Scales.Count * 26) + 1;
        if (_line.Length < needed)
        {
            _line = new char[needed * 2];
        }

        escaped.CopyTo(_line);
        var length = escaped.Length;
        for (var s = 0; s < Instrument.Scales.Count; s++)
        {
            _line[length++] = Separator;
            var value = batch.GetValues(s)[row];
            if (!double.IsNaN(value))
            {
                value.TryFormat(_line.AsSpan(length), out var written, "R", CultureInfo.InvariantCulture);
                length += written;
            }
        }

        if (Matching is not null)
        {
            var codes = MatchCodes(batch, row);
            if (_line.Length < length + codes.Sum(c => c.Length + 1))
            {
                Array.Resize(ref _line, (length + codes.Sum(c => c.Length + 1)) * 2);
            }

            foreach (var code in codes)
            {
                _line[length++] = Separator;
                code.CopyTo(_line.AsSpan(length));
                length += code.Length;
            }
        }

        Output!.WriteLine(_line.AsSpan(0, length));
    }

    /// <summary>The row's match columns: the top occupations' codes (CSV-escaped), or empty texts when an area is missing.</summary>
    private string[] MatchCodes(ScaleScoreBatch batch, int row)
    {
        var matching = Matching!;
        var candidates = new int[matching.Top];
        var scores = new double[matching.Top];
        if (!matching.TryRank(s => batch.GetValues(s)[row], candidates, scores))
        {
            candidates.AsSpan().Fill(-1);
        }

        return [.. candidates.Select(c => c < 0 ? "" : CsvText.Escape(matching.Matcher.Candidates[c].Code, Separator))];
    }

    private string CsvLine(ScaleScoreBatch batch, string id, int row, IReadOnlyList<string> summary)
    {
        var line = new StringBuilder(CsvText.Escape(id, Separator));
        for (var s = 0; s < Instrument.Scales.Count; s++)
        {
            line.Append(Separator).Append(CsvText.Number(batch.GetValues(s)[row]));
        }

        foreach (var value in summary)
        {
            line.Append(Separator).Append(CsvText.Escape(value, Separator));
        }

        if (Matching is not null)
        {
            foreach (var code in MatchCodes(batch, row))
            {
                line.Append(Separator).Append(code);
            }
        }

        return line.ToString();
    }

    // French texts stay readable in the file (é, not \u00E9); the output is a data file, never embedded in HTML.
    private static readonly JsonWriterOptions JsonLinesOptions = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
}
