namespace Assessments.Data;

/// <summary>
/// A read-only stream over an input file that stops a record from growing without bound: a CSV record (a line, or lines
/// joined by a quoted field) or a JSON line longer than <see cref="MaxRecordBytes"/> ends the run with an
/// <see cref="InputFileException"/> naming the line where it starts, before any reader has buffered it whole. Without it an
/// opening quote that is never closed would make the rest of a 2-million-row file one record in memory. It reads the
/// file once, front to back, so pipes work too (<c>--responses /dev/stdin</c>).
/// </summary>
internal sealed class RecordLengthGuard : ReadOnlyStream
{
    /// <summary>The longest record, in bytes without its line end (PROJECT CHOICE: far above any real respondent's line, and below the 16 M characters at which Sep gives up on a row).</summary>
    public const int MaxRecordBytes = 4 * 1024 * 1024;

    private readonly Stream _inner;
    private readonly string _path;
    private readonly byte[] _head;
    private int _headUsed;
    private RecordLengthTracker _tracker;

    private RecordLengthGuard(Stream inner, string path, bool quotes)
    {
        _inner = inner;
        _path = path;

        // The first bytes say whether the file is UTF-16 or UTF-32; they are kept and given back first (no seeking).
        _head = new byte[4];
        var n = 0;
        int read;
        while (n < _head.Length && (read = inner.Read(_head, n, _head.Length - n)) > 0)
        {
            n += read;
        }

        Array.Resize(ref _head, n);
        Wide = HasWideByteOrderMark(_head);
        _tracker = new RecordLengthTracker(quotes && !Wide);
    }

    /// <summary>
    /// Whether the file is UTF-16 or UTF-32 (a byte-order mark says so; the readers decode it). There a quote's or a line
    /// end's byte can be part of another character, so the guard bounds lines only, leaves quoted records to Sep's own
    /// limit, and names a byte offset instead of a line.
    /// </summary>
    public bool Wide { get; }

    /// <summary>Opens <paramref name="path"/> for sequential reading behind the guard.</summary>
    public static RecordLengthGuard Open(string path, bool quotes) =>
        new(new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan), path, quotes);

    /// <summary>Whether the bytes start with a UTF-16 or UTF-32 byte-order mark.</summary>
    public static bool HasWideByteOrderMark(ReadOnlySpan<byte> head) =>
        head.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]) || head.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) || head.StartsWith((ReadOnlySpan<byte>)[0, 0, 0xFE, 0xFF]);

    public override int Read(Span<byte> buffer)
    {
        var n = Wide ? Fill(buffer) : FillNormalized(buffer);
        if (!_tracker.Advance(buffer[..n]))
        {
            throw new InputFileException(
                $"{_path}: {(Wide ? $"byte {_tracker.RecordStart + 1:N0}" : $"line {_tracker.RecordStartLine}")}: the {(_tracker.Quotes ? "record" : "line")} that starts here is longer than {MaxRecordBytes / (1024 * 1024)} MiB, the limit. "
                + (_tracker.Quotes ? "A quote (\") opened on it and never closed makes every following line part of it: check the quotes on that line." : "Each line must hold one respondent."));
        }

        return n;
    }

    /// <summary>The file's next bytes, the first ones kept from the constructor, filling the buffer unless the file ends.</summary>
    private int Fill(Span<byte> buffer)
    {
        var total = 0;
        while (total < buffer.Length)
        {
            int n;
            if (_headUsed < _head.Length)
            {
                n = Math.Min(buffer.Length - total, _head.Length - _headUsed);
                _head.AsSpan(_headUsed, n).CopyTo(buffer[total..]);
                _headUsed += n;
            }
            else
            {
                n = _inner.Read(buffer[total..]);
            }

            if (n == 0)
            {
                break;
            }

            total += n;
        }

        return total;
    }

    private readonly byte[] _raw = new byte[1 << 16];
    private int _rawStart;
    private int _rawEnd;
    private bool _rawDone;

    /// <summary>
    /// As <see cref="Fill"/>, with every line end made a line feed: CRLF and a lone CR become LF (PROJECT CHOICE). Sep
    /// counts a CR that ends one of its reads differently from one in the middle (an empty line can vanish and line numbers
    /// shift), so both readers see line feeds only and number lines alike however the file is cut into reads. A CR inside a
    /// quoted field becomes a line feed too.
    /// </summary>
    private int FillNormalized(Span<byte> buffer)
    {
        var total = 0;
        while (total < buffer.Length)
        {
            if (_rawEnd - _rawStart < 2 && !_rawDone)
            {
                // Keep at least two bytes at hand, so that a CR always sees the byte after it.
                _raw.AsSpan(_rawStart, _rawEnd - _rawStart).CopyTo(_raw);
                _rawEnd -= _rawStart;
                _rawStart = 0;
                var n = Fill(_raw.AsSpan(_rawEnd));
                _rawEnd += n;
                _rawDone = n == 0;
                continue;
            }

            if (_rawStart == _rawEnd)
            {
                break; // the end of the file
            }

            var pending = _raw.AsSpan(_rawStart, _rawEnd - _rawStart);
            var cr = pending.IndexOf((byte)'\r');
            var plain = cr < 0 ? pending.Length : cr;
            if (cr >= 0 && cr == pending.Length - 1 && !_rawDone)
            {
                plain = cr; // the CR waits for the next byte
            }

            var copy = Math.Min(plain, buffer.Length - total);
            pending[..copy].CopyTo(buffer[total..]);
            total += copy;
            _rawStart += copy;
            if (copy < plain || cr < 0 || total == buffer.Length)
            {
                continue;
            }

            if (cr == pending.Length - 1 && !_rawDone)
            {
                continue; // the CR alone is left: the top of the loop reads the byte after it
            }

            // _raw[_rawStart] is a CR: drop it before an LF, turn it into an LF otherwise.
            if (_rawStart + 1 < _rawEnd && _raw[_rawStart + 1] == (byte)'\n')
            {
                _rawStart++;
            }
            else
            {
                buffer[total++] = (byte)'\n';
                _rawStart++;
            }
        }

        return total;
    }

    public override long Position { get => _tracker.Position; set => throw new NotSupportedException(); }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _inner.Dispose();
        }

        base.Dispose(disposing);
    }
}

/// <summary>
/// Follows a file's bytes in order and finds the first record longer than <see cref="RecordLengthGuard.MaxRecordBytes"/>,
/// whatever pieces the bytes come in. A record ends at a line end (LF, CR) outside quotes; with <c>quotes</c> off (JSON
/// lines, UTF-16 files) at any line end. Lines are counted as Sep counts them: LF, CRLF or a lone CR.
/// </summary>
internal struct RecordLengthTracker(bool quotes)
{
    private bool _inQuotes;
    private long _lineBreaks;
    private byte _previous;

    /// <summary>Whether quotes are followed.</summary>
    public readonly bool Quotes => quotes;

    /// <summary>Bytes seen so far.</summary>
    public long Position { get; private set; }

    /// <summary>The byte offset where the current record starts.</summary>
    public long RecordStart { get; private set; }

    /// <summary>The 1-based line where the current record starts.</summary>
    public long RecordStartLine { get; private set; } = 1;

    /// <summary>Takes the next bytes of the file; false when the current record has grown past the limit.</summary>
    public bool Advance(ReadOnlySpan<byte> bytes)
    {
        const int Max = RecordLengthGuard.MaxRecordBytes;
        if (bytes.IsEmpty)
        {
            return true;
        }

        if (bytes.Length <= Max && (!quotes || (!_inQuotes && !bytes.Contains((byte)'"'))))
        {
            // No quote: only the first and the last line ends matter, every record between them is shorter than the piece.
            var first = bytes.IndexOfAny((byte)'\n', (byte)'\r');
            if (first >= 0)
            {
                if (Position + first - RecordStart > Max)
                {
                    return false;
                }

                _lineBreaks += bytes.Count((byte)'\r') + bytes.Count((byte)'\n') - bytes.Count("\r\n"u8)
                    - (_previous == (byte)'\r' && bytes[0] == (byte)'\n' ? 1 : 0);
                RecordStart = Position + bytes.LastIndexOfAny((byte)'\n', (byte)'\r') + 1;
                RecordStartLine = _lineBreaks + 1;
            }
        }
        else
        {
            for (var i = 0; i < bytes.Length; i++)
            {
                var b = bytes[i];
                if (b == (byte)'"' && quotes)
                {
                    _inQuotes = !_inQuotes;
                }
                else if (b == (byte)'\n' || b == (byte)'\r')
                {
                    if (b == (byte)'\r' || (i > 0 ? bytes[i - 1] : _previous) != (byte)'\r')
                    {
                        _lineBreaks++;
                    }

                    if (!_inQuotes)
                    {
                        if (Position + i - RecordStart > Max)
                        {
                            return false;
                        }

                        RecordStart = Position + i + 1;
                        RecordStartLine = _lineBreaks + 1;
                    }
                }
            }
        }

        Position += bytes.Length;
        _previous = bytes[^1];
        return Position - RecordStart <= Max;
    }
}
