namespace Assessments.Cli;

/// <summary>
/// A read-only stream over an input file that stops a record from growing without bound: a CSV record (a line, or lines
/// joined by a quoted field) or a JSON line longer than <see cref="MaxRecordBytes"/> ends the run with an
/// <see cref="InputException"/> naming the line where it starts, before any reader has buffered it whole. Without it an
/// opening quote that is never closed would make the rest of a 2-million-row file one record in memory.
/// </summary>
internal sealed class RecordLengthGuard(Stream inner, string path, bool quotes) : Stream
{
    /// <summary>The longest record, in bytes without its line end (PROJECT CHOICE: far above any real respondent's line, and below the 16 M characters at which Sep gives up on a row).</summary>
    public const int MaxRecordBytes = 4 * 1024 * 1024;

    private RecordLengthTracker _tracker = new(quotes);

    /// <summary>
    /// Opens <paramref name="path"/> for sequential reading behind the guard. In a UTF-16 or UTF-32 file (a byte-order
    /// mark says so; the readers decode it) a quote's byte can be part of another character, so there the guard bounds
    /// lines only and leaves quoted records to Sep's own limit.
    /// </summary>
    public static RecordLengthGuard Open(string path, bool quotes)
    {
        var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        Span<byte> head = stackalloc byte[4];
        var n = file.Read(head);
        file.Position = 0;
        return new(file, path, quotes && !HasWideByteOrderMark(head[..n]));
    }

    /// <summary>Whether the bytes start with a UTF-16 or UTF-32 byte-order mark.</summary>
    public static bool HasWideByteOrderMark(ReadOnlySpan<byte> head) =>
        head.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]) || head.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) || head.StartsWith((ReadOnlySpan<byte>)[0, 0, 0xFE, 0xFF]);

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        var n = inner.Read(buffer);
        if (_tracker.Advance(buffer[..n]) is { } start)
        {
            throw TooLong(path, start, quotes);
        }

        return n;
    }

    /// <summary>The error for a record longer than the limit that starts at byte <paramref name="start"/> of the file.</summary>
    public static InputException TooLong(string path, long start, bool quotes) =>
        new($"{path}: line {LineAt(path, start)}: the {(quotes ? "record" : "line")} that starts here is longer than {MaxRecordBytes / (1024 * 1024)} MiB, the limit. "
            + (quotes ? "A quote (\") opened on it and never closed makes every following line part of it: check the quotes on that line." : "Each line must hold one respondent."));

    /// <summary>The 1-based line number of byte <paramref name="offset"/>, counting line ends as Sep does (LF, CRLF, or a lone CR).</summary>
    public static long LineAt(string path, long offset)
    {
        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        var buffer = new byte[1 << 16];
        long line = 1, position = 0;
        var previous = (byte)0;
        while (position < offset)
        {
            var n = file.Read(buffer, 0, (int)Math.Min(buffer.Length, offset - position));
            if (n == 0)
            {
                break;
            }

            foreach (var b in buffer.AsSpan(0, n))
            {
                if (b == (byte)'\n' ? previous != (byte)'\r' : b == (byte)'\r')
                {
                    line++;
                }

                previous = b;
            }

            position += n;
        }

        return line;
    }

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => _tracker.Position; set => throw new NotSupportedException(); }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
        }

        base.Dispose(disposing);
    }
}

/// <summary>
/// Follows a file's bytes in order and finds the first record longer than <see cref="RecordLengthGuard.MaxRecordBytes"/>,
/// whatever pieces the bytes come in (both CSV readers use it, so they stop at the same record). A record ends at a line
/// end (LF, CR) outside quotes; with <c>quotes</c> off (JSON lines) at any line end.
/// </summary>
internal struct RecordLengthTracker(bool quotes)
{
    private long _recordStart;
    private bool _inQuotes;

    /// <summary>Bytes seen so far.</summary>
    public long Position { get; private set; }

    /// <summary>The next bytes of the file; returns the start offset of a record that is too long, or null.</summary>
    public long? Advance(ReadOnlySpan<byte> bytes)
    {
        const int Max = RecordLengthGuard.MaxRecordBytes;
        if (bytes.Length <= Max && (!quotes || (!_inQuotes && !bytes.Contains((byte)'"'))))
        {
            // No quote: only the first and the last line ends matter, every record between them is shorter than the piece.
            var first = bytes.IndexOfAny((byte)'\n', (byte)'\r');
            if (first >= 0)
            {
                if (Position + first - _recordStart > Max)
                {
                    return _recordStart;
                }

                _recordStart = Position + bytes.LastIndexOfAny((byte)'\n', (byte)'\r') + 1;
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
                else if ((b == (byte)'\n' || b == (byte)'\r') && !_inQuotes)
                {
                    if (Position + i - _recordStart > Max)
                    {
                        return _recordStart;
                    }

                    _recordStart = Position + i + 1;
                }
            }
        }

        Position += bytes.Length;
        return Position - _recordStart > Max ? _recordStart : null;
    }
}
