using System.Diagnostics;
using System.Globalization;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Text;
using Assessments.Responses;
using nietras.SeparatedValues;

namespace Assessments.Data.Fast;

/// <summary>
/// The fast path of <c>assess score</c> for plain Likert instruments with one-digit answers and CSV output. It reads UTF-8
/// bytes in blocks cut at record boundaries; a line of the simple shape (one-digit or empty answers, no quotes, an id without
/// special characters) is parsed with vector compares and table lookups, without branching on its values; every other record
/// goes to Sep — the reference reader — and the same cell parser and messages as the general path. Answers are stored one
/// byte each in tiles of 64 rows; scales are summed a vector of respondents at a time; each (sum, answered) pair's output
/// text comes from a table filled by the reference arithmetic and formatter. Each thread takes the next block, parses,
/// scores and formats it; blocks are written strictly in input order. A pool of a few blocks is reused for the whole file,
/// so memory stays flat whatever its length. The output bytes are the general path's, which the tests check on random
/// files with odd lines.
/// </summary>
internal sealed class FastCsvScoreRun : IDisposable
{
    private const int BlockSize = 1 << 19;
    private readonly ReadContext _context;
    private readonly ScoreWriter _writer;
    private readonly FastScorePlan _plan;
    private readonly Stream _input;
    private readonly byte[] _newLine;
    private readonly Lock _readLock = new();
    private readonly Lock _writeLock = new();
    private readonly Dictionary<long, FastChunk> _finished = [];
    private byte[] _carry;
    private int _carryLength;
    private bool _eof;
    private bool _done;
    private long _nextSequence;
    private long _nextToWrite;
    private bool _writing; // a thread is writing chunks (guarded by _writeLock)
    private long _rowsWritten;
    private long _linesWritten;
    private Exception? _failure;
    private readonly CancellationTokenSource _cancel = new();

    private FastCsvScoreRun(ReadContext context, FastScorePlan plan, Stream input, long firstDataLine, byte[] newLine, byte[] carry)
    {
        _context = context;
        _writer = context.Writer;
        _plan = plan;
        _input = input;
        _linesWritten = firstDataLine - 1;
        _rowsWritten = context.Options.NumberingOffset;
        _newLine = newLine;
        _carry = carry;
    }

    /// <summary>
    /// The one place that says whether the fast reader can serve a run, and why not: null when it can. The run must write
    /// CSV scores (or gather rows for <c>analyze</c> and <c>norms</c>) and nothing else per row; the file must be UTF-8;
    /// repeated ids must not be rejected (that needs rows in order before their output is made); and the instrument and
    /// the header must fit the byte-level plan (<see cref="FastScorePlan.TryCreate"/>: one-digit answers, no weights, no
    /// summary columns).
    /// </summary>
    public static string? WhyNot(ReadContext context)
    {
        var writer = context.Writer;
        if (writer.Output is null && writer.Collector is null)
        {
            return "the run writes no CSV scores";
        }

        if (writer.Output is not null && writer.Format != "csv")
        {
            return "the output is JSON Lines (the fast reader writes CSV)";
        }

        if (writer.OnResult is not null || writer.OnResponse is not null)
        {
            return "the run builds a result for every row";
        }

        if (context.Head.Wide)
        {
            return "the file is UTF-16 or UTF-32 (the fast reader reads UTF-8)";
        }

        if (context.Head.HeaderRecords > 1)
        {
            return $"the header has {context.Head.HeaderRecords} rows (a survey tool's export), which the general reader skips";
        }

        if (context.Separator > 127)
        {
            return "the separator is not an ASCII character";
        }

        if (context.Options.Answers == Responses.AnswerReading.Labels)
        {
            return "--answers labels reads every cell as a label, which the general reader does";
        }

        if (writer.Ids is not null && writer.DuplicateIds == DuplicateIds.Error)
        {
            return "--duplicate-ids error rejects rows in input order, which the general reader does";
        }

        if (writer.Output is not null && context.Instrument.Scales.Any(s => s.Centring == Definitions.ScaleCentring.Mrat))
        {
            return "a scale is centred on each person's mean rating (MRAT), which the fast reader's tables of values cannot hold";
        }

        return FastScorePlan.TryCreate(context.Instrument, context.Layout, context.Separator, out var reason) is null ? reason : null;
    }

    /// <summary>The fast reader, as an <see cref="IResponsesReader"/>.</summary>
    public static IResponsesReader Reader { get; } = new FastReader();

    private sealed class FastReader : IResponsesReader
    {
        public string Name => "fast";

        public ScoreSummary Read(ReadContext context, Stream input)
        {
            using var run = Open(context, input);
            return run.Run() with { Reader = Name };
        }
    }

    /// <summary>
    /// Skips the header and prepares the run (<see cref="WhyNot"/> must have said yes). The benchmarks use it to time the
    /// stages (<see cref="NextBlock"/>, <see cref="Parse"/>, <see cref="ScoreVertically"/>, <see cref="Match"/>,
    /// <see cref="Format"/>) one by one. Lines must end in LF only, as <see cref="RecordLengthGuard"/> gives them (it turns
    /// CRLF and lone CRs into LF); a lone CR here would not end a line.
    /// </summary>
    internal static FastCsvScoreRun Open(ReadContext context, Stream input)
    {
        var plan = FastScorePlan.TryCreate(context.Instrument, context.Layout, context.Separator, out var reason)
            ?? throw new InvalidOperationException("The fast reader cannot serve this run: " + reason);
        var head = new byte[BlockSize];
        var length = ReadFully(input, head, 0, head.Length);
        var start = head.AsSpan(0, length).StartsWith("\uFEFF"u8) ? 3 : 0;
        int headerEnd;
        while ((headerEnd = RecordEnd(head, start, length)) < 0 && length == head.Length)
        {
            Array.Resize(ref head, head.Length * 2);
            length += ReadFully(input, head, length, head.Length - length);
        }

        var headerStop = headerEnd < 0 ? length : headerEnd + 1;
        var newLine = Encoding.UTF8.GetBytes(context.Writer.Output?.NewLine ?? "\n");
        var firstDataLine = context.Options.NumberingOffset + 1 + head.AsSpan(start, headerStop - start).Count((byte)'\n');
        head.AsSpan(headerStop, length - headerStop).CopyTo(head);
        return new FastCsvScoreRun(context, plan, input, firstDataLine, newLine, head)
        {
            _carryLength = length - headerStop,
            _eof = length < head.Length,
        };
    }

    /// <summary>The plan in force (the benchmarks allocate chunks with it).</summary>
    internal FastScorePlan Plan => _plan;

    public void Dispose() => _cancel.Dispose();

    private ScoreSummary Run()
    {
        _writer.WriteHeaders(_context.Layout);
        using var sink = _writer.Output is null ? null : ByteSink.For(_writer.Output);
        var threads = _context.Options.MaxDegreeOfParallelism > 0 ? _context.Options.MaxDegreeOfParallelism : Environment.ProcessorCount;
        var progress = new Progress(_context);
        using var free = new System.Collections.Concurrent.BlockingCollection<FastChunk>();
        for (var i = 0; i < threads + 2; i++)
        {
            free.Add(new FastChunk(_plan, BlockSize));
        }

        var workers = new Thread[threads - 1];
        for (var t = 0; t < workers.Length; t++)
        {
            workers[t] = new Thread(() => Work(free, sink, progress)) { IsBackground = true, Name = "assess score" };
            workers[t].Start();
        }

        Work(free, sink, progress);
        foreach (var worker in workers)
        {
            worker.Join();
        }

        if (_failure is not null)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(_failure);
        }

        sink?.Flush();
        return progress.Finish();
    }

    /// <summary>One thread's loop: take the next block, parse, score and format it, hand it to the in-order writer.</summary>
    private void Work(System.Collections.Concurrent.BlockingCollection<FastChunk> free, ByteSink? sink, Progress progress)
    {
        try
        {
            while (true)
            {
                FastChunk chunk;
                try
                {
                    chunk = free.Take(_cancel.Token);
                }
                catch (OperationCanceledException)
                {
                    return; // another thread failed
                }

                if (!NextBlock(chunk))
                {
                    free.Add(chunk);
                    return;
                }

                Parse(chunk);
                ScoreVertically(chunk);
                if (_writer.Matching is not null)
                {
                    Match(chunk, _writer.Matching);
                }

                if (sink is not null)
                {
                    Format(chunk);
                }

                if (_writer.Collector is not null)
                {
                    _writer.Collector.Prepare(chunk, _plan);
                }

                Write(chunk, sink, progress, free);
            }
        }
        catch (Exception ex)
        {
            lock (_readLock)
            {
                _failure ??= ex;
                _done = true;
            }

            _cancel.Cancel(); // wakes anyone waiting for a chunk
        }
    }

    /// <summary>Gives the chunk the next block of the file, cut after the last complete record, and its sequence number.</summary>
    internal bool NextBlock(FastChunk chunk)
    {
        lock (_readLock)
        {
            if (_done)
            {
                return false;
            }

            chunk.Reset();
            chunk.EnsureInput(Math.Max(BlockSize, _carryLength));
            _carry.AsSpan(0, _carryLength).CopyTo(chunk.Input);
            var length = _carryLength;
            int cut;
            while (true)
            {
                if (!_eof && length < chunk.Input.Length - chunk.Padding)
                {
                    var read = ReadFully(_input, chunk.Input, length, chunk.Input.Length - chunk.Padding - length);
                    length += read;
                    _eof = length < chunk.Input.Length - chunk.Padding;
                }

                if (_eof)
                {
                    if (length > 0 && chunk.Input[length - 1] != (byte)'\n')
                    {
                        chunk.InputLength = length; // what EnsureInput keeps
                        chunk.EnsureInput(length + 1);
                        chunk.Input[length++] = (byte)'\n'; // the last line needs no newline in the file
                    }

                    cut = length;
                    break;
                }

                cut = LastRecordEnd(chunk.Input.AsSpan(0, length)) + 1;
                if (cut > 0)
                {
                    break;
                }

                chunk.InputLength = length; // what EnsureInput keeps
                chunk.EnsureInput(chunk.Input.Length * 2); // one record longer than the block: read on
            }

            chunk.InputLength = cut;
            _carryLength = length - cut;
            if (_carry.Length < _carryLength)
            {
                _carry = new byte[Math.Max(_carryLength, BlockSize)];
            }

            chunk.Input.AsSpan(cut, _carryLength).CopyTo(_carry);
            chunk.Input.AsSpan(cut, chunk.Padding).Clear();
            _done = _eof && _carryLength == 0;
            if (cut == 0)
            {
                return false; // nothing left: no sequence number is spent, so the writer never waits for one
            }

            chunk.Sequence = _nextSequence++;
            return true;
        }
    }

    /// <summary>
    /// The index of the block's last newline that ends a record (an even number of quotes before it), or −1. Line ends are
    /// all LF here: the input comes through <see cref="RecordLengthGuard"/>, which turns CRLF and lone CRs into LF.
    /// </summary>
    private static int LastRecordEnd(ReadOnlySpan<byte> block)
    {
        if (!block.Contains((byte)'"'))
        {
            return block.LastIndexOf((byte)'\n');
        }

        var quotes = 0;
        var last = -1;
        for (var i = 0; i < block.Length; i++)
        {
            if (block[i] == (byte)'"')
            {
                quotes++;
            }
            else if (block[i] == (byte)'\n' && (quotes & 1) == 0)
            {
                last = i;
            }
        }

        return last;
    }

    /// <summary>
    /// Hands a finished chunk to the in-order writer. Only one thread writes at a time, outside the lock that guards the
    /// finished chunks: a thread that finds another writing leaves its chunk for it and goes back to work instead of waiting
    /// for the write to end; the writing thread writes every chunk that is next in order, numbering rows and lines as it goes.
    /// </summary>
    private void Write(FastChunk chunk, ByteSink? sink, Progress progress, System.Collections.Concurrent.BlockingCollection<FastChunk> free)
    {
        lock (_writeLock)
        {
            _finished.Add(chunk.Sequence, chunk);
            if (_writing)
            {
                return;
            }

            _writing = true;
        }

        while (true)
        {
            FastChunk? next;
            lock (_writeLock)
            {
                if (!_finished.Remove(_nextToWrite, out next))
                {
                    _writing = false;
                    return;
                }
            }

            try
            {
                sink?.Write(next.Output.AsSpan(0, next.OutputLength));
                _writer.Collector?.Add(next);
                if (next.Kept.Count == 0)
                {
                    foreach (var (row, line, id, problems) in next.Rejected)
                    {
                        _writer.WriteProblems(_rowsWritten + 1 + row, _linesWritten + line, id, problems, keptAsMissing: false);
                    }
                }
                else
                {
                    // Both lists are in row order: merge them so the rejects stay in input order.
                    foreach (var (row, line, id, problems, kept) in next.Rejected.Select(x => (x.Row, x.Line, x.Id, x.Problems, false))
                        .Concat(next.Kept.Select(x => (x.Row, x.Line, x.Id, x.Cells, true))).OrderBy(x => x.Item1))
                    {
                        _writer.WriteProblems(_rowsWritten + 1 + row, _linesWritten + line, id, problems, kept);
                    }
                }

                if (_writer.Ids is { } ids)
                {
                    ids.RecordAll(next.IdHash.AsSpan(0, next.Rows), next.LineOf.AsSpan(0, next.Rows), _linesWritten);
                }

                if (!_writer.AnyValue)
                {
                    _writer.AnyValue = AnyValue(next);
                }

                _rowsWritten += next.Rows;
                _linesWritten += next.Lines;
                progress.Add(next.Rows, next.Rejected.Count);
            }
            catch
            {
                lock (_writeLock)
                {
                    _writing = false; // the failure stops the run; nobody else may take over a half-written chunk
                }

                throw;
            }

            lock (_writeLock)
            {
                _nextToWrite++;
            }

            free.Add(next);
        }
    }

    /// <summary>Whether some scored row of the chunk got a scale value (from the value tables, as the output shows it).</summary>
    private bool AnyValue(FastChunk chunk)
    {
        for (var r = 0; r < chunk.Rows; r++)
        {
            if (chunk.IdLength[r] == int.MinValue)
            {
                continue; // rejected
            }

            for (var s = 0; s < _plan.Scales.Length; s++)
            {
                var scale = _plan.Scales[s];
                if (!double.IsNaN(scale.Values[(chunk.Counts[s][r] * scale.Width) + chunk.Sums[s][r]]))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>Parses every record of the chunk: simple lines here, anything else through Sep.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal void Parse(FastChunk chunk)
    {
        var buffer = chunk.Input;
        var end = chunk.InputLength;
        var rows = 0;
        var lines = 0;
        var pos = 0;
        var uniform = _plan.Uniform is not null;
        while (pos < end)
        {
            chunk.EnsureRows(rows + 1);
            var lineEnd = pos + buffer.AsSpan(pos, end - pos).IndexOf((byte)'\n');
            var contentEnd = lineEnd > pos && buffer[lineEnd - 1] == (byte)'\r' ? lineEnd - 1 : lineEnd;
            if (contentEnd == pos)
            {
                pos = lineEnd + 1; // a blank line is not a respondent
                lines++;
                continue;
            }

            int idStart = pos, idLength;
            if (uniform ? TryParseUniform(buffer, pos, contentEnd, chunk.Cells, rows, out idLength)
                        : TryParseSimple(buffer, pos, contentEnd, chunk.Cells, rows, out idStart, out idLength))
            {
                if (idLength == contentEnd - pos && IsWhiteSpace(buffer.AsSpan(pos, idLength)))
                {
                    pos = lineEnd + 1; // a line of white space alone is blank, as Sep's reading of it is
                    lines++;
                    continue;
                }

                // An empty id, one of white space alone or one with a control character is rejected: the general way says why.
                if (IsUsableId(buffer.AsSpan(idStart, idLength)))
                {
                    chunk.IdHash[rows] = _writer.Ids is null ? 0 : IdRegistry.Hash(buffer.AsSpan(idStart, idLength));
                    chunk.LineOf[rows] = lines + 1;
                    if (CsvText.MayStartFormula(buffer[idStart]) && !CsvText.AllowFormulas)
                    {
                        // Rare: an id a spreadsheet could run as a formula is written escaped, as the general reader writes it.
                        var text = Encoding.UTF8.GetString(buffer, idStart, idLength);
                        chunk.IdTexts[rows] = text;
                        var escaped = Encoding.UTF8.GetBytes(CsvText.Escape(text, _context.Separator));
                        idStart = chunk.GeneralIds.Count;
                        idLength = -1 - escaped.Length;
                        chunk.GeneralIds.AddRange(escaped);
                    }

                    chunk.IdStart[rows] = idStart;
                    chunk.IdLength[rows] = idLength;
                    rows++;
                    pos = lineEnd + 1;
                    lines++;
                    continue;
                }
            }

            var recordEnd = lineEnd;
            if (buffer.AsSpan(pos, contentEnd - pos).Contains((byte)'"'))
            {
                recordEnd = RecordEnd(buffer, pos, end);
                if (recordEnd < 0)
                {
                    recordEnd = end - 1; // an unclosed quote runs to the end of the file, as Sep reads it
                }
            }

            var record = buffer.AsSpan(pos, recordEnd + 1 - pos);
            rows = ParseGeneral(chunk, rows, record, lines + 1);
            lines += record.Count((byte)'\n');
            pos = recordEnd + 1;
        }

        chunk.Rows = rows;
        chunk.Lines = lines;
    }

    /// <summary>
    /// The common layout (id, then only items on one format). Vector compares give the separators of 32 bytes at a time; the
    /// items part must alternate separators with at most one other byte (checked on the whole block with two shifts); then,
    /// for each separator, the byte just before it is checked and converted by one table lookup (a digit of the format gives
    /// d + 1, the previous separator of an empty field 0, anything else 0x80). No branch depends on the answers.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private bool TryParseUniform(byte[] buffer, int start, int contentEnd, byte[] cells, int row, out int idLength)
    {
        unchecked
        {
            idLength = -1;
            ref var input = ref MemoryMarshal.GetArrayDataReference(buffer);
            ref var cell = ref MemoryMarshal.GetArrayDataReference(cells);
            ref var lut = ref MemoryMarshal.GetArrayDataReference(_plan.Uniform!);
            ref var offset = ref MemoryMarshal.GetArrayDataReference(_plan.CellOffset);
            var cellBase = _plan.CellBase(row);
            var columns = _plan.ColumnCount;
            var length = contentEnd - start;
            uint error = 0, bad = 0, carry = 0;
            var k = 0;
            for (var block = 0; block < length; block += 32)
            {
                var valid = length - block >= 32 ? uint.MaxValue : (1u << (length - block)) - 1;
                uint mask, special;
                if (Vector256.IsHardwareAccelerated)
                {
                    var v = Vector256.LoadUnsafe(ref input, (nuint)(start + block));
                    mask = Vector256.Equals(v, Vector256.Create(_plan.Separator)).ExtractMostSignificantBits();
                    special = block == 0 ? (Vector256.Equals(v, Vector256.Create((byte)'"')) | Vector256.Equals(v, Vector256.Create((byte)'\r'))).ExtractMostSignificantBits() | v.ExtractMostSignificantBits() : 0;
                }
                else
                {
                    var separator = Vector128.Create(_plan.Separator);
                    var v0 = Vector128.LoadUnsafe(ref input, (nuint)(start + block));
                    var v1 = Vector128.LoadUnsafe(ref input, (nuint)(start + block + 16));
                    mask = Vector128.Equals(v0, separator).ExtractMostSignificantBits() | (Vector128.Equals(v1, separator).ExtractMostSignificantBits() << 16);
                    special = 0;
                    if (block == 0)
                    {
                        var quote = Vector128.Create((byte)'"');
                        var cr = Vector128.Create((byte)'\r');
                        special = (Vector128.Equals(v0, quote) | Vector128.Equals(v0, cr)).ExtractMostSignificantBits() | v0.ExtractMostSignificantBits()
                            | (((Vector128.Equals(v1, quote) | Vector128.Equals(v1, cr)).ExtractMostSignificantBits() | v1.ExtractMostSignificantBits()) << 16);
                    }
                }

                mask &= valid;
                var others = ~mask & valid;
                var region = valid;
                if (block == 0)
                {
                    if (mask == 0)
                    {
                        return TryParseSimple(buffer, start, contentEnd, cells, row, out _, out idLength); // an id of 32 bytes or more
                    }

                    idLength = BitOperations.TrailingZeroCount(mask);
                    mask &= mask - 1;
                    region &= ~((2u << idLength) - 1);
                    if ((special & ((1u << idLength) - 1)) != 0 && !IsPlainId(buffer.AsSpan(start, idLength)))
                    {
                        return false;
                    }
                }

                bad |= others & region & ((others << 1) | carry);
                carry = others >> 31;
                if (k + BitOperations.PopCount(mask) >= columns - 1)
                {
                    return false;
                }

                while (mask != 0)
                {
                    var e = start + block + BitOperations.TrailingZeroCount(mask);
                    mask &= mask - 1;
                    var value = Unsafe.Add(ref lut, Unsafe.Add(ref input, e - 1));
                    error |= value;
                    k++;
                    Unsafe.Add(ref cell, cellBase + Unsafe.Add(ref offset, k)) = value;
                }
            }

            if (k != columns - 2 || bad != 0)
            {
                return false;
            }

            var last = Unsafe.Add(ref lut, Unsafe.Add(ref input, contentEnd - 1));
            Unsafe.Add(ref cell, cellBase + Unsafe.Add(ref offset, k + 1)) = last;
            return ((error | last) & 0x80) == 0;
        }
    }

    /// <summary>Whether an id can be copied to the output as it is: no quote or carriage return (the output would quote it), valid UTF-8.</summary>
    private static bool IsPlainId(ReadOnlySpan<byte> id) =>
        id.IndexOfAny((byte)'"', (byte)'\r') < 0 && (System.Text.Ascii.IsValid(id) || System.Text.Unicode.Utf8.IsValid(id));

    /// <summary>
    /// One line of the simple shape, parsed without branching on its values. Vector compares find every separator (and any
    /// quote, carriage return or non-ASCII byte) of the line at once; then each field is checked independently of the
    /// others: an item field is empty or one digit within the item's format. Returns false, leaving the row to the general
    /// reader, for any line that is not of that shape.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private bool TryParseSimple(byte[] buffer, int start, int contentEnd, byte[] cells, int row, out int idStart, out int idLength)
    {
        unchecked
        {
            idStart = start;
            idLength = 0;
            var columns = _plan.ColumnCount;
            Span<int> separators = stackalloc int[columns + 1];
            var found = 0;
            var nonAscii = false;
            ref var input = ref MemoryMarshal.GetArrayDataReference(buffer);
            var length = contentEnd - start;
            if (Vector256.IsHardwareAccelerated)
            {
                var separator = Vector256.Create(_plan.Separator);
                var quote = Vector256.Create((byte)'"');
                var cr = Vector256.Create((byte)'\r');
                for (var block = 0; block < length; block += 32)
                {
                    var v = Vector256.LoadUnsafe(ref input, (nuint)(start + block));
                    var valid = length - block >= 32 ? uint.MaxValue : (1u << (length - block)) - 1;
                    if (((Vector256.Equals(v, quote) | Vector256.Equals(v, cr)).ExtractMostSignificantBits() & valid) != 0)
                    {
                        return false;
                    }

                    nonAscii |= (v.ExtractMostSignificantBits() & valid) != 0;
                    var mask = Vector256.Equals(v, separator).ExtractMostSignificantBits() & valid;
                    if (found + BitOperations.PopCount(mask) >= columns)
                    {
                        return false;
                    }

                    while (mask != 0)
                    {
                        separators[found++] = start + block + BitOperations.TrailingZeroCount(mask);
                        mask &= mask - 1;
                    }
                }
            }
            else
            {
                var separator = Vector128.Create(_plan.Separator);
                var quote = Vector128.Create((byte)'"');
                var cr = Vector128.Create((byte)'\r');
                for (var block = 0; block < length; block += 16)
                {
                    var v = Vector128.LoadUnsafe(ref input, (nuint)(start + block));
                    var valid = length - block >= 16 ? 0xFFFFu : (1u << (length - block)) - 1;
                    if (((Vector128.Equals(v, quote) | Vector128.Equals(v, cr)).ExtractMostSignificantBits() & valid) != 0)
                    {
                        return false;
                    }

                    nonAscii |= (v.ExtractMostSignificantBits() & valid) != 0;
                    var mask = Vector128.Equals(v, separator).ExtractMostSignificantBits() & valid;
                    if (found + BitOperations.PopCount(mask) >= columns)
                    {
                        return false;
                    }

                    while (mask != 0)
                    {
                        separators[found++] = start + block + BitOperations.TrailingZeroCount(mask);
                        mask &= mask - 1;
                    }
                }
            }

            if (found != columns - 1)
            {
                return false;
            }

            separators[found] = contentEnd;
            ref var cell = ref MemoryMarshal.GetArrayDataReference(cells);
            var cellBase = _plan.CellBase(row);
            var offsets = _plan.CellOffset;
            var mins = _plan.Min;
            var ranges = _plan.Range;
            uint error = 0;
            var fieldStart = start;
            for (var c = 0; c < columns; c++)
            {
                var fieldEnd = separators[c];
                var offset = offsets[c];
                if (offset >= 0)
                {
                    var fieldLength = (uint)(fieldEnd - fieldStart);
                    var digit = (uint)(Unsafe.Add(ref input, fieldStart) - '0');
                    error |= fieldLength > 1 ? 1u : 0u;
                    error |= fieldLength == 1 && digit - mins[c] > ranges[c] ? 1u : 0u;
                    Unsafe.Add(ref cell, offset + cellBase) = fieldLength == 0 ? (byte)0 : (byte)(digit + 1);
                }
                else if (offset == -2)
                {
                    idStart = fieldStart;
                    idLength = fieldEnd - fieldStart;
                }

                fieldStart = fieldEnd + 1;
            }

            // The id is copied to the output as it is; Sep would have decoded invalid UTF-8 differently, so that goes the general way.
            return error == 0 && (!nonAscii || System.Text.Unicode.Utf8.IsValid(buffer.AsSpan(idStart, idLength)));
        }
    }

    /// <summary>A record the simple parser declined, read by Sep with the general path's record rules, cell parser and messages.</summary>
    private int ParseGeneral(FastChunk chunk, int rows, ReadOnlySpan<byte> record, int line)
    {
        var layout = _plan.Layout;

        // A blank first line: Sep gives the first row of a text a wrong line number, and the rows after it right ones.
        var text = "\n" + Encoding.UTF8.GetString(record);
        using var reader = _context.Parser.FromText(text);
        var byColumn = new short[layout.Names.Length]; // rare records: a small allocation each is fine
        var rowLine = 0;
        RecordHandler add = (lineOffset, id, answers, problems, kept) =>
        {
            chunk.EnsureRows(rows + 1);
            var r = rows++;
            chunk.LineOf[r] = rowLine + lineOffset;
            chunk.IdHash[r] = _writer.Ids is not null && RecordParser.IsUsableId(id) ? IdRegistry.Hash(id) : 0;
            var offsets = _plan.CellOffset;
            var cellBase = _plan.CellBase(r);
            for (var c = 0; c < offsets.Length; c++)
            {
                if (offsets[c] >= 0)
                {
                    chunk.Cells[cellBase + offsets[c]] = answers[c] == ResponseMatrix.Missing ? (byte)0 : (byte)(answers[c] + 1);
                }
            }

            if (problems is not null)
            {
                chunk.Rejected.Add((r, rowLine + lineOffset, id, problems));
                chunk.IdLength[r] = int.MinValue;
                return;
            }

            if (kept is not null)
            {
                chunk.Kept.Add((r, rowLine + lineOffset, id, kept));
            }

            chunk.IdTexts[r] = id;
            var escaped = Encoding.UTF8.GetBytes(CsvText.Escape(id, _context.Separator));
            chunk.IdStart[r] = chunk.GeneralIds.Count;
            chunk.IdLength[r] = -1 - escaped.Length;
            chunk.GeneralIds.AddRange(escaped);
        };
        var first = true;
        foreach (var row in reader)
        {
            if (first)
            {
                first = false;
                continue; // the blank line put in front
            }

            rowLine = line + row.LineNumberFrom - 2;
            _context.Parser.ReadRecords(row, byColumn, add);
        }

        return rows;
    }

    /// <summary>
    /// Whether an id the simple parsers found can go to the output as it is: not empty, not white space alone, no control
    /// character (C0 but tab, DEL, or C1 — encoded C2 80 to C2 9F). Any other goes to the general way, which rejects it.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static bool IsUsableId(ReadOnlySpan<byte> id)
    {
        if (id.IsEmpty)
        {
            return false;
        }

        if (id.IndexOfAny(SuspiciousIdBytes) >= 0)
        {
            // Rare: a control character, or a C2 lead byte (C1 controls and the no-break space start with it).
            for (var i = 0; i < id.Length; i++)
            {
                var b = id[i];
                if ((b < 0x20 && b != (byte)'\t') || b == 0x7F || (b == 0xC2 && i + 1 < id.Length && id[i + 1] is >= 0x80 and <= 0x9F))
                {
                    return false;
                }
            }
        }

        return !(id[0] is (byte)' ' or (byte)'\t' or 0xC2 or 0xE1 or 0xE2 or 0xE3) || !IsWhiteSpace(id);
    }

    private static readonly System.Buffers.SearchValues<byte> SuspiciousIdBytes = System.Buffers.SearchValues.Create(
        [0, 1, 2, 3, 4, 5, 6, 7, 8, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 0x7F, 0xC2]);

    /// <summary>Whether UTF-8 bytes are only white space (as <see cref="char.IsWhiteSpace(char)"/> says of each character).</summary>
    private static bool IsWhiteSpace(ReadOnlySpan<byte> bytes)
    {
        while (!bytes.IsEmpty)
        {
            if (Rune.DecodeFromUtf8(bytes, out var rune, out var consumed) != System.Buffers.OperationStatus.Done || !Rune.IsWhiteSpace(rune))
            {
                return false;
            }

            bytes = bytes[consumed..];
        }

        return true;
    }

    /// <summary>
    /// Every scale's answered count and (recoded) sum for every row of the chunk, a vector of rows at a time: answered =
    /// cell ≠ 0; a forward answer is cell − 1, a reverse-keyed one (min + max + 1) − cell; bytes are widened to 16 bits before
    /// they can overflow. The sums are integers, so the order of additions cannot change them.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal void ScoreVertically(FastChunk chunk)
    {
        var width = Vector<byte>.Count;
        var half = Vector<ushort>.Count;
        var cells = chunk.Cells;
        var one = Vector<byte>.One;
        for (var s = 0; s < _plan.Scales.Length; s++)
        {
            var scale = _plan.Scales[s];
            var sums = chunk.Sums[s];
            var counts = chunk.Counts[s];
            for (var r0 = 0; r0 < chunk.Rows; r0 += width)
            {
                var tileBase = _plan.CellBase(r0);
                Vector<ushort> low = default, high = default;
                Vector<byte> answered = default, partial = default;
                var inPartial = 0;
                for (var p = 0; p < scale.Items.Length; p++)
                {
                    var v = new Vector<byte>(cells, tileBase + (scale.Items[p] * FastScorePlan.Tile));
                    var mask = ~Vector.Equals(v, Vector<byte>.Zero);
                    var reverse = scale.ReversePlusOne[p];
                    var x = reverse == 0 ? (v - one) & mask : (new Vector<byte>(reverse) - v) & mask;
                    partial += x;
                    answered -= mask;
                    if (++inPartial == 28)
                    {
                        Vector.Widen(partial, out var a, out var b);
                        low += a;
                        high += b;
                        partial = default;
                        inPartial = 0;
                    }
                }

                Vector.Widen(partial, out var lo, out var hi);
                (low + lo).CopyTo(sums, r0);
                (high + hi).CopyTo(sums, r0 + half);
                answered.CopyTo(counts, r0);
            }
        }
    }

    /// <summary>With <c>--match</c>: each scored row's six RIASEC values (from the value tables), ranked by the lean matcher.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal void Match(FastChunk chunk, ScoreMatching matching)
    {
        var top = matching.Top;
        if (chunk.Matches.Length < chunk.Rows * top)
        {
            chunk.Matches = new int[chunk.Capacity * top];
        }

        Span<double> profile = stackalloc double[6];
        Span<double> scores = stackalloc double[top];
        for (var r = 0; r < chunk.Rows; r++)
        {
            var output = chunk.Matches.AsSpan(r * top, top);
            output.Fill(-1);
            if (chunk.IdLength[r] == int.MinValue)
            {
                continue; // rejected
            }

            var complete = true;
            for (var k = 0; k < 6; k++)
            {
                var s = matching.ScaleIndexes[k];
                var scale = _plan.Scales[s];
                profile[k] = scale.Values[(chunk.Counts[s][r] * scale.Width) + chunk.Sums[s][r]];
                complete &= !double.IsNaN(profile[k]);
            }

            if (complete)
            {
                matching.Matcher.Rank(profile, matching.Min, matching.Max, output, scores);
            }
        }
    }

    /// <summary>Each scored row's output line: its id, then per scale the table entry for its (answered, sum).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal void Format(FastChunk chunk)
    {
        var scales = _plan.Scales;
        var matching = _writer.Matching;
        var matchBytes = matching is null ? 0 : matching.Top * (1 + matching.Codes.Max(c => c.Length));
        long needed = chunk.GeneralIds.Count + 64;
        for (var r = 0; r < chunk.Rows; r++)
        {
            var idLength = chunk.IdLength[r];
            needed += (idLength >= 0 ? idLength : 0) + (scales.Length * 32) + _newLine.Length + 32 + matchBytes;
        }

        if (chunk.Output.Length < needed)
        {
            chunk.Output = new byte[checked((int)needed * 5 / 4)];
        }

        var output = chunk.Output;
        ref var o = ref MemoryMarshal.GetArrayDataReference(output);
        var input = chunk.Input;
        var generalIds = CollectionsMarshal.AsSpan(chunk.GeneralIds);
        var length = 0;
        unchecked
        {
            for (var r = 0; r < chunk.Rows; r++)
            {
                var idLength = chunk.IdLength[r];
                if (idLength == int.MinValue)
                {
                    continue; // rejected
                }

                if ((uint)idLength <= 32)
                {
                    // Input and output both have room past their data, so a short id is copied as one 32-byte block.
                    Unsafe.CopyBlockUnaligned(ref Unsafe.Add(ref o, length), ref input[chunk.IdStart[r]], 32);
                    length += idLength;
                }
                else if (idLength > 0)
                {
                    input.AsSpan(chunk.IdStart[r], idLength).CopyTo(output.AsSpan(length));
                    length += idLength;
                }
                else
                {
                    generalIds.Slice(chunk.IdStart[r], -1 - idLength).CopyTo(output.AsSpan(length));
                    length += -1 - idLength;
                }

                for (var s = 0; s < scales.Length; s++)
                {
                    var scale = scales[s];
                    var index = (chunk.Counts[s][r] * scale.Width) + chunk.Sums[s][r];
                    Unsafe.CopyBlockUnaligned(ref Unsafe.Add(ref o, length), ref scale.Text[scale.Offsets[index]], 32);
                    length += scale.Lengths[index];
                }

                if (matching is { CodeSlots: { } slots, CodeSlotLengths: { } slotLengths })
                {
                    // The output has room past its data (the estimate above allows 32 bytes a row and the longest code
                    // for every match), so each slot is copied whole.
                    var top = matching.Top;
                    ref var matches = ref chunk.Matches[r * top];
                    for (var k = 0; k < top; k++)
                    {
                        var slot = Unsafe.Add(ref matches, k) + 1;
                        Unsafe.CopyBlockUnaligned(ref Unsafe.Add(ref o, length), ref slots[slot * ScoreMatching.SlotWidth], ScoreMatching.SlotWidth);
                        length += slotLengths[slot];
                    }
                }
                else if (matching is not null)
                {
                    for (var k = 0; k < matching.Top; k++)
                    {
                        output[length++] = _plan.Separator;
                        var candidate = chunk.Matches[(r * matching.Top) + k];
                        if (candidate >= 0)
                        {
                            var code = matching.Codes[candidate];
                            code.CopyTo(output.AsSpan(length));
                            length += code.Length;
                        }
                    }
                }

                foreach (var b in _newLine)
                {
                    output[length++] = b;
                }
            }
        }

        chunk.OutputLength = length;
    }

    /// <summary>The end (index of the newline) of the record starting at <paramref name="start"/>: the first newline after an even number of quotes.</summary>
    private static int RecordEnd(byte[] buffer, int start, int end)
    {
        var quotes = 0;
        for (var i = start; i < end; i++)
        {
            var b = buffer[i];
            if (b == (byte)'"')
            {
                quotes++;
            }
            else if (b == (byte)'\n' && (quotes & 1) == 0)
            {
                return i;
            }
        }

        return -1;
    }

    private static int ReadFully(Stream stream, byte[] buffer, int offset, int count)
    {
        var total = 0;
        while (total < count)
        {
            var n = stream.Read(buffer, offset + total, count - total);
            if (n == 0)
            {
                break;
            }

            total += n;
        }

        return total;
    }

    private sealed class Progress(ReadContext owner)
    {
        private readonly Stopwatch _clock = Stopwatch.StartNew();
        private TimeSpan _last = TimeSpan.Zero;
        private long _read;
        private long _rejected;

        public void Add(int rows, int rejected)
        {
            _read += rows;
            _rejected += rejected;
            if (owner.ShowProgress && _clock.Elapsed - _last > TimeSpan.FromSeconds(0.5))
            {
                _last = _clock.Elapsed;
                owner.Log.Write(string.Create(CultureInfo.InvariantCulture, $"\rscored {_read:N0} rows…"));
            }
        }

        public ScoreSummary Finish()
        {
            if (owner.ShowProgress && _last > TimeSpan.Zero)
            {
                owner.Log.Write('\r');
            }

            return new ScoreSummary(_read, _read - _rejected, _rejected);
        }
    }
}
