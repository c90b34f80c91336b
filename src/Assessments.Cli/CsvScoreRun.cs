using System.Buffers;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Assessments.Responses;
using Assessments.Scoring;
using nietras.SeparatedValues;

namespace Assessments.Cli;

/// <summary>
/// Streams a responses CSV through an instrument. Where it applies (plain Likert, one-digit answers, CSV out), the
/// byte-level <see cref="Fast.FastCsvScoreRun"/> does the work; otherwise — and with <see cref="GeneralReaderOnly"/> — rows are
/// read by Sep into a reusable <see cref="ResponseMatrix"/> chunk, scored in parallel, and written in input order. Either
/// way memory stays flat however long the file is, the output bytes are the same, and every data row is either written to
/// the output or to the rejects, with its row number, line, column and reason.
/// </summary>
internal sealed class CsvScoreRun
{
    public required Instrument Instrument { get; init; }

    public required string ResponsesPath { get; init; }

    public required TextWriter Log { get; init; }

    public TextWriter? Output { get; init; }

    public string Format { get; init; } = "csv";

    public TextWriter? Rejects { get; init; }

    public string? IdColumn { get; init; }

    public char Separator { get; init; } = ',';

    public bool IgnoreExtraColumns { get; init; }

    public bool ShowProgress { get; init; }

    public int ChunkSize { get; init; } = 16_384;

    public ScoringOptions Scoring { get; init; }

    /// <summary>Called with each scored row's full result, in input order (the demo uses it).</summary>
    public Action<InstrumentResult>? OnResult { get; init; }

    /// <summary>Called with each scored row's answers, in input order.</summary>
    public Action<Response>? OnResponse { get; init; }

    /// <summary>Called with the chunk's matrix and row of each scored row, in input order (<c>assess analyze</c> and <c>norms</c> copy them compactly).</summary>
    public Action<ResponseMatrix, int>? OnMatrixRow { get; init; }

    /// <summary>Gathers every scored row's answers (<c>assess analyze</c> and <c>norms</c>); either reader fills it.</summary>
    public MatrixCollector? Collector { get; init; }

    /// <summary>With <c>--match</c>: ranks each scored row's RIASEC profile and appends the top occupations' codes.</summary>
    public ScoreMatching? Matching { get; init; }

    /// <summary>Forces the general (Sep) reader even where the byte-level fast path applies (tests compare the two; <c>--reader general</c>).</summary>
    public bool GeneralReaderOnly { get; init; }

    public ScoreSummary Run()
    {
        Stream? rest = null; // what the fast path read before declining, and the rest of the file
        if (!GeneralReaderOnly && (Output is not null || Collector is not null) && Format == "csv" && OnResult is null && OnResponse is null && OnMatrixRow is null
            && Fast.FastCsvScoreRun.TryRun(this, out rest) is { } fast)
        {
            return fast;
        }

        SepReader reader;
        try
        {
            reader = Sep.New(Separator).Reader(o => o with { HasHeader = false, Unescape = true, DisableColCountCheck = true }).From(rest ?? RecordLengthGuard.Open(ResponsesPath, quotes: true));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            rest?.Dispose();
            throw new InputException($"{ResponsesPath}: cannot be read: {ex.Message}");
        }
        catch (NotSupportedException ex) when (ex.Source == "Sep")
        {
            rest?.Dispose();
            throw SepRowLimit(ResponsesPath, ex); // Sep reads the first row as it opens
        }

        using (reader)
        {
            try
            {
                return Run(reader);
            }
            catch (NotSupportedException ex) when (ex.Source == "Sep")
            {
                throw SepRowLimit(ResponsesPath, ex);
            }
        }
    }

    /// <summary>Sep's own row limit (16 M characters), met only where the guard cannot follow quotes (UTF-16 files).</summary>
    internal static InputException SepRowLimit(string path, NotSupportedException ex) =>
        new($"{path}: a record is longer than Sep can hold ({ex.Message.Split('.')[0]}); an opening quote (\") that is never closed is the usual cause.");

    private ScoreSummary Run(SepReader reader)
    {
        var rows = reader.GetEnumerator();
        if (!rows.MoveNext())
        {
            throw new InputException($"{ResponsesPath}: the file is empty; expected a header row with an id column and item ids.");
        }

        var layout = ReadHeader(rows.Current);
        var matrix = new ResponseMatrix(Instrument.Items.Count, ChunkSize);
        var batch = ScaleScoreBatch.Create(Instrument, ChunkSize);
        var chunk = new Chunk(ChunkSize);
        WriteOutputHeader(layout);
        Rejects?.WriteLine("row,line,respondent,column,reason");
        long read = 0, scored = 0, rejected = 0;
        var clock = Stopwatch.StartNew();
        var lastProgress = TimeSpan.Zero;
        var byColumn = new short[layout.Names.Length];
        var lineFrom = 0;
        RecordHandler add = (lineOffset, id, answers, problems) =>
        {
            read++;
            var r = chunk.Count++;
            chunk.RowNumbers[r] = read;
            chunk.Lines[r] = lineFrom + lineOffset;
            chunk.Ids[r] = id;
            chunk.Problems[r] = problems;
            for (var c = 0; c < layout.ItemOfColumn.Length; c++)
            {
                if (layout.ItemOfColumn[c] >= 0 && answers[c] != ResponseMatrix.Missing)
                {
                    matrix[r, layout.ItemOfColumn[c]] = answers[c];
                }
            }

            if (chunk.Count == ChunkSize)
            {
                (scored, rejected) = Flush(matrix, batch, chunk, layout, scored, rejected);
                if (ShowProgress && clock.Elapsed - lastProgress > TimeSpan.FromSeconds(0.5))
                {
                    lastProgress = clock.Elapsed;
                    Log.Write(string.Create(CultureInfo.InvariantCulture, $"\rscored {read:N0} rows…"));
                }
            }
        };
        while (rows.MoveNext())
        {
            var row = rows.Current;
            lineFrom = row.LineNumberFrom;
            ReadRecords(row, layout, byColumn, add);
        }

        (scored, rejected) = Flush(matrix, batch, chunk, layout, scored, rejected);
        if (ShowProgress && lastProgress > TimeSpan.Zero)
        {
            Log.Write('\r');
        }

        return new ScoreSummary(read, scored, rejected);
    }

    private Layout ReadHeader(SepReader.Row header)
    {
        var names = new string[header.ColCount];
        for (var c = 0; c < names.Length; c++)
        {
            names[c] = header[c].ToString();
        }

        return ReadHeader(names);
    }

    /// <summary>Maps the header's column names to the id column, items and ignored columns (shared by both readers).</summary>
    internal Layout ReadHeader(string[] names)
    {
        for (var c = 0; c < names.Length; c++)
        {
            names[c] = names[c].Trim().TrimStart('\uFEFF');
        }

        var idColumn = 0;
        if (IdColumn is not null)
        {
            idColumn = Array.IndexOf(names, IdColumn);
            if (idColumn < 0)
            {
                throw new InputException($"{ResponsesPath}: the header has no column '{IdColumn}' (given by --id-column). Columns: {string.Join(", ", names.Take(10).Select(n => CsvText.HeaderName(n, quoted: false)))}{(names.Length > 10 ? ", …" : "")}.");
            }
        }

        var itemOfColumn = new int[names.Length];
        var firstColumn = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var c = 0; c < names.Length; c++)
        {
            itemOfColumn[c] = -1;
            if (!firstColumn.TryAdd(names[c], c))
            {
                throw new InputException($"{ResponsesPath}: header column {c + 1} {CsvText.HeaderName(names[c])} repeats column {firstColumn[names[c]] + 1}; each column name must be unique.");
            }

            if (c == idColumn)
            {
                continue;
            }

            if (Instrument.FindItem(names[c]) is { FreeText: not null } story)
            {
                if (!IgnoreExtraColumns)
                {
                    throw new InputException($"{ResponsesPath}: header column {c + 1} '{story.Id}' is a free-text item of {Instrument.Reference}; the CSV path scores rated answers only and does not carry free text. Give the texts through the library (Response texts), or pass --extra-columns ignore to skip the column.");
                }
            }
            else if (Instrument.FindItem(names[c]) is { } item)
            {
                itemOfColumn[c] = item.Index;
            }
            else if (!IgnoreExtraColumns)
            {
                throw new InputException($"{ResponsesPath}: header column {c + 1} {CsvText.HeaderName(names[c])} is not an item of {Instrument.Reference}. Pass --extra-columns ignore to skip columns that are not items.");
            }
        }

        var absent = Instrument.Items.Where(i => i.Format is not null && Array.IndexOf(itemOfColumn, i.Index) < 0).Select(i => i.Id).ToList();
        if (absent.Count > 0 && !_headerWarned)
        {
            _headerWarned = true;
            Log.WriteLine($"warning: {ResponsesPath}: no column for {absent.Count} item(s) of {Instrument.Reference} ({string.Join(", ", absent.Take(10))}{(absent.Count > 10 ? ", …" : "")}); their answers count as missing.");
        }

        var min = itemOfColumn.Select(i => i < 0 ? 1 : Instrument.Items[i].Format?.Min ?? 1).ToArray();
        var max = itemOfColumn.Select(i => i < 0 ? 0 : Instrument.Items[i].Format?.Max ?? 0).ToArray();
        return new Layout(names, idColumn, itemOfColumn, min, max);
    }

    /// <summary>Receives one respondent's record: its first line relative to the Sep row's, id, answers by column and problems.</summary>
    internal delegate void RecordHandler(int lineOffset, string id, ReadOnlySpan<short> byColumn, List<(string Column, string Reason)>? problems);

    /// <summary>
    /// Reads one record given by Sep and hands each respondent in it to <paramref name="handler"/> (both readers call this, so
    /// the rows, lines and messages never depend on which reader saw them). Usually a record is one respondent; blank lines
    /// are none. PROJECT CHOICE, stray quotes: a record that runs over several lines — a quoted field with line breaks — is
    /// one respondent only when its quotes close, it has the header's number of fields, and no line break falls in the id
    /// or an item's answer (a comment column may hold them). Anything else is a quote opened by mistake that swallowed the
    /// lines after it: every line of the record is then read on its own, a line with an unmatched quote is rejected, and
    /// the others are scored or rejected as if the stray quote had never been there.
    /// </summary>
    internal void ReadRecords(SepReader.Row row, Layout layout, Span<short> byColumn, RecordHandler handler)
    {
        if (row.LineNumberToExcl - row.LineNumberFrom > 1)
        {
            var raw = row.Span.ToString(); // before any cell is read: Sep unescapes cells in place
            if (!StandsOverLines(row, raw, layout))
            {
                ReadLinesOnTheirOwn(raw, layout, byColumn, handler);
                return;
            }
        }
        else if (row.Span.Contains('"') && (row.Span.Count('"') & 1) != 0)
        {
            // Only the file's last record can end inside quotes on one line; it too is a line with an unmatched quote.
            ReadLinesOnTheirOwn(row.Span.ToString(), layout, byColumn, handler);
            return;
        }

        if (row.ColCount == 1 && row[0].Span.IsWhiteSpace())
        {
            return; // a blank line is not a respondent
        }

        var id = ReadRecord(row, layout, byColumn, out var problems);
        handler(0, id, byColumn, problems);
    }

    private static bool StandsOverLines(SepReader.Row row, string raw, Layout layout)
    {
        if ((raw.AsSpan().Count('"') & 1) != 0 || row.ColCount != layout.Names.Length || row[layout.IdColumn].Span.ContainsAny('\r', '\n'))
        {
            return false;
        }

        for (var c = 0; c < layout.ItemOfColumn.Length; c++)
        {
            if (layout.ItemOfColumn[c] >= 0 && row[c].Span.ContainsAny('\r', '\n'))
            {
                return false;
            }
        }

        return true;
    }

    private void ReadLinesOnTheirOwn(string raw, Layout layout, Span<short> byColumn, RecordHandler handler)
    {
        var offset = 0;
        var rest = raw.AsSpan();
        while (true)
        {
            var end = rest.IndexOfAny('\r', '\n');
            var line = end < 0 ? rest : rest[..end];
            if ((line.Count('"') & 1) != 0)
            {
                byColumn.Fill(ResponseMatrix.Missing);
                handler(offset, IdBeforeQuote(line, layout), byColumn, [("", "The line has an unmatched quote (\"), so its fields cannot be told apart; the lines after it were read on their own.")]);
            }
            else
            {
                using var reader = Sep.New(Separator).Reader(o => o with { HasHeader = false, Unescape = true, DisableColCountCheck = true }).FromText(line.ToString());
                if (reader.MoveNext() && !(reader.Current.ColCount == 1 && reader.Current[0].Span.IsWhiteSpace()))
                {
                    var id = ReadRecord(reader.Current, layout, byColumn, out var problems);
                    handler(offset, id, byColumn, problems);
                }
            }

            if (end < 0)
            {
                return;
            }

            rest = rest[(end + (rest[end] == '\r' && end + 1 < rest.Length && rest[end + 1] == '\n' ? 2 : 1))..];
            offset++;
        }
    }

    /// <summary>The id of a line with an unmatched quote when the id column ends before the first quote, else empty.</summary>
    private string IdBeforeQuote(ReadOnlySpan<char> line, Layout layout)
    {
        var before = line[..line.IndexOf('"')];
        var column = 0;
        foreach (var range in before.Split(Separator))
        {
            if (column++ == layout.IdColumn)
            {
                return range.End.GetOffset(before.Length) < before.Length ? before[range].ToString() : "";
            }
        }

        return "";
    }

    /// <summary>
    /// One record read by Sep: its id, its answers by column (<see cref="ResponseMatrix.Missing"/> where empty, bad or not an
    /// item) and every problem. Both readers call this for the records they give to Sep, so a row's answers and messages
    /// never depend on which reader saw it.
    /// </summary>
    internal string ReadRecord(SepReader.Row row, Layout layout, Span<short> byColumn, out List<(string Column, string Reason)>? problems)
    {
        var id = row.ColCount > layout.IdColumn ? row[layout.IdColumn].ToString() : "";
        problems = null;
        byColumn.Fill(ResponseMatrix.Missing);
        if (row.ColCount != layout.Names.Length)
        {
            problems = [("", $"The row has {row.ColCount} field(s); the header has {layout.Names.Length}.")];
            return id;
        }

        for (var c = 0; c < layout.ItemOfColumn.Length; c++)
        {
            if (layout.ItemOfColumn[c] >= 0)
            {
                byColumn[c] = ParseCell(row[c].Span, c, layout, ref problems);
            }
        }

        return id;
    }

    /// <summary>One item cell: its answer, or <see cref="ResponseMatrix.Missing"/> when empty or bad (a bad cell adds its problem).</summary>
    private short ParseCell(ReadOnlySpan<char> span, int column, Layout layout, ref List<(string Column, string Reason)>? problems)
    {
        if (span.IsEmpty)
        {
            return ResponseMatrix.Missing;
        }

        // Fast path for the common one-digit answer; anything else goes through the full parser and its messages.
        if (span.Length == 1 && unchecked((uint)(span[0] - '0')) <= 9)
        {
            var digit = span[0] - '0';
            if (digit >= layout.Min[column] && digit <= layout.Max[column])
            {
                return (short)digit;
            }
        }

        var item = layout.ItemOfColumn[column];
        if (!AnswerText.TryParse(span, out var answer, out var error))
        {
            (problems ??= []).Add((layout.Names[column], error!));
        }
        else if (answer is { } x)
        {
            // Checked here as well as in ScoreBatch so that a row with several bad cells lists every one of them.
            var definition = Instrument.Items[item];
            if (definition.Format?.Contains(x) != true)
            {
                (problems ??= []).Add((layout.Names[column], Instrument.DescribeBadAnswer(definition, x)));
            }
            else
            {
                return (short)x;
            }
        }

        return ResponseMatrix.Missing;
    }

    private (long Scored, long Rejected) Flush(ResponseMatrix matrix, ScaleScoreBatch batch, Chunk chunk, Layout layout, long scored, long rejected)
    {
        if (chunk.Count == 0)
        {
            return (scored, rejected);
        }

        matrix.RowCount = chunk.Count;
        Instrument.ScoreBatch(matrix, batch, Scoring);
        var batchRejections = batch.Rejections.ToLookup(x => x.Row);
        for (var r = 0; r < chunk.Count; r++)
        {
            if (chunk.Problems[r] is { } problems)
            {
                rejected++;
                foreach (var (column, reason) in problems)
                {
                    WriteReject(chunk, r, column, reason);
                }
            }
            else if (batch.IsRejected(r))
            {
                rejected++;
                foreach (var rejection in batchRejections[r])
                {
                    WriteReject(chunk, r, rejection.ItemId, rejection.Reason);
                }
            }
            else
            {
                scored++;
                OnMatrixRow?.Invoke(matrix, r);
                Collector?.Add(matrix, r);
                WriteScored(matrix, batch, chunk.Ids[r], r, layout);
            }
        }

        matrix.Clear();
        chunk.Count = 0;
        return (scored, rejected);
    }

    internal void WriteOutputHeader(Layout layout)
    {
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

    private void WriteScored(ResponseMatrix matrix, ScaleScoreBatch batch, string id, int row, Layout layout)
    {
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

    private bool _headerWarned;

    private char[] _line = new char[256];

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

    private void WriteReject(Chunk chunk, int r, string column, string reason) =>
        WriteReject(Rejects, chunk.RowNumbers[r], chunk.Lines[r], chunk.Ids[r], column, reason);

    internal static void WriteReject(TextWriter? rejects, long rowNumber, long lineNumber, string id, string column, string reason) =>
        rejects?.WriteLine(string.Join(",",
            rowNumber.ToString(CultureInfo.InvariantCulture),
            lineNumber.ToString(CultureInfo.InvariantCulture),
            CsvText.Escape(id, ','),
            CsvText.Escape(column, ','),
            CsvText.Escape(reason, ',')));

    // French texts stay readable in the file (é, not \u00E9); the output is a data file, never embedded in HTML.
    private static readonly JsonWriterOptions JsonLinesOptions = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    internal sealed record Layout(string[] Names, int IdColumn, int[] ItemOfColumn, int[] Min, int[] Max);

    private sealed class Chunk(int size)
    {
        public int Count { get; set; }

        public long[] RowNumbers { get; } = new long[size];

        public int[] Lines { get; } = new int[size];

        public string[] Ids { get; } = new string[size];

        public List<(string Column, string Reason)>?[] Problems { get; } = new List<(string, string)>?[size];
    }
}
