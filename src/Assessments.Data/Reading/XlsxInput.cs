using System.Globalization;
using System.IO.Compression;
using System.Text;
using ExcelDataReader;

namespace Assessments.Data;

/// <summary>
/// A sheet of an Excel workbook given as CSV text, so that it goes through exactly the readers, layouts, answer rules and
/// rejects of a CSV file. ExcelDataReader reads the sheet row by row (only the workbook's shared strings, each distinct text
/// once, are held in memory); each sheet row becomes one line of comma-separated text, so the rejects' line numbers are the
/// sheet's row numbers. Cells: numbers in invariant form (a whole number without decimals, so 4.0 is 4), dates as
/// <c>yyyy-MM-dd HH:mm:ss</c>, booleans as TRUE/FALSE, formulas as their last computed value, text as is but for line
/// breaks, which become spaces (PROJECT CHOICE: one row is one line). The header row sets the width: empty cells past its
/// last name are dropped, and a row with a value past it keeps that value, so it has more fields than the header and is
/// rejected with the reason.
/// </summary>
internal sealed class XlsxCsvStream : Stream
{
    /// <summary>The largest shared-strings part read (uncompressed): it is the one part held in memory.</summary>
    public const long MaxSharedStringsBytes = 256L << 20;

    /// <summary>The longest row, as text: longer is refused (Excel allows 16,384 cells of 32,767 characters).</summary>
    public const int MaxRowBytes = 16 << 20;

    private static readonly string[] Extensions = [".xlsx", ".xlsm", ".xls"];

    private readonly string _path;
    private readonly FileStream _file;
    private readonly IExcelDataReader _reader;
    private readonly StringBuilder _line = new();
    private byte[] _bytes = new byte[1 << 16];
    private int _position;
    private int _length;
    private int _width = -1;
    private long _row;
    private bool _done;

    static XlsxCsvStream() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance); // ExcelDataReader needs it, even for xlsx

    private XlsxCsvStream(string path, FileStream file, IExcelDataReader reader)
    {
        _path = path;
        _file = file;
        _reader = reader;
    }

    /// <summary>Whether the path names a workbook (by its extension: .xlsx, .xlsm, .xls).</summary>
    public static bool IsWorkbook(string path) => Extensions.Any(e => path.EndsWith(e, StringComparison.OrdinalIgnoreCase));

    /// <summary>Opens the workbook at the sheet named <paramref name="sheet"/> (null: the first).</summary>
    /// <exception cref="InputFileException">The file is not a workbook, its shared strings are too large, or it has no such sheet.</exception>
    public static XlsxCsvStream Open(string path, string? sheet)
    {
        CheckSharedStrings(path);
        FileStream? file = null;
        IExcelDataReader? reader = null;
        try
        {
            file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
            reader = ExcelReaderFactory.CreateReader(file);
            if (sheet is not null)
            {
                var names = new List<string>();
                while (reader.Name != sheet)
                {
                    names.Add(reader.Name);
                    if (!reader.NextResult())
                    {
                        throw new InputFileException($"{path}: the workbook has no sheet '{sheet}' (--sheet); its sheets are {string.Join(", ", names.Select(n => $"'{n}'"))}. Names are compared exactly.");
                    }
                }
            }

            var stream = new XlsxCsvStream(path, file, reader);
            (file, reader) = (null, null);
            return stream;
        }
        catch (Exception ex) when (ex is not InputFileException and not OutOfMemoryException)
        {
            throw new InputFileException($"{path}: cannot be read as an Excel workbook: {ex.Message}");
        }
        finally
        {
            reader?.Dispose();
            file?.Dispose();
        }
    }

    /// <summary>Refuses a workbook whose shared strings would take too much memory (read from the zip's directory only).</summary>
    private static void CheckSharedStrings(string path)
    {
        if (!path.EndsWith(".xls", StringComparison.OrdinalIgnoreCase))
        {
            try
            {
                using var zip = ZipFile.OpenRead(path);
                var strings = zip.Entries.Where(e => e.FullName.EndsWith("sharedStrings.xml", StringComparison.OrdinalIgnoreCase)).Sum(e => e.Length);
                if (strings > MaxSharedStringsBytes)
                {
                    throw new InputFileException($"{path}: the workbook's shared texts take {strings >> 20} MiB once unpacked, more than the {MaxSharedStringsBytes >> 20} MiB assess holds in memory; save the sheet as CSV (UTF-8) and score that.");
                }
            }
            catch (InvalidDataException ex)
            {
                throw new InputFileException($"{path}: is not an xlsx workbook (not a zip archive: {ex.Message}); save it from Excel as .xlsx, or as CSV.");
            }
        }
    }

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        while (_position == _length && !_done)
        {
            NextRow();
        }

        var n = Math.Min(buffer.Length, _length - _position);
        _bytes.AsSpan(_position, n).CopyTo(buffer);
        _position += n;
        return n;
    }

    private void NextRow()
    {
        try
        {
            if (!_reader.Read())
            {
                _done = true;
                return;
            }
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            throw new InputFileException($"{_path}: the workbook cannot be read after row {_row}: {ex.Message}");
        }

        _row++;
        _line.Clear();
        var count = _reader.FieldCount;
        var texts = new string[count];
        var last = -1;
        for (var c = 0; c < count; c++)
        {
            texts[c] = Text(_reader.GetValue(c));
            if (texts[c].Length > 0)
            {
                last = c;
            }
        }

        if (_width < 0)
        {
            _width = last + 1; // the header row
        }

        if (last >= 0)
        {
            var fields = Math.Max(_width, last + 1);
            for (var c = 0; c < fields; c++)
            {
                if (c > 0)
                {
                    _line.Append(',');
                }

                _line.Append(c < count ? Escape(texts[c]) : "");
            }
        }

        _line.Append('\n');
        var bytes = Encoding.UTF8.GetMaxByteCount(_line.Length);
        if (bytes > MaxRowBytes && Encoding.UTF8.GetByteCount(_line.ToString()) > MaxRowBytes)
        {
            throw new InputFileException($"{_path}: sheet row {_row} is longer than {MaxRowBytes >> 20} MiB as text; a row holds one person's answers.");
        }

        if (_bytes.Length < bytes)
        {
            _bytes = new byte[Math.Max(bytes, _bytes.Length * 2)];
        }

        _length = Encoding.UTF8.GetBytes(_line.ToString(), _bytes);
        _position = 0;
    }

    /// <summary>A cell's value as CSV text meant for the answer rules (invariant numbers, one line).</summary>
    internal static string Text(object? value) => value switch
    {
        null => "",
        string s => s.Contains('\n') || s.Contains('\r') ? s.Replace("\r\n", " ", StringComparison.Ordinal).Replace('\n', ' ').Replace('\r', ' ') : s,
        double d when double.IsFinite(d) && d == Math.Floor(d) && Math.Abs(d) < 1e15 => ((long)d).ToString(CultureInfo.InvariantCulture),
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        bool b => b ? "TRUE" : "FALSE",
        DateTime t => t.TimeOfDay == TimeSpan.Zero ? t.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : t.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
        TimeSpan t => t.ToString("c", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    private static string Escape(string text) =>
        text.AsSpan().IndexOfAny(',', '"') < 0 ? text : "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _reader.Dispose();
            _file.Dispose();
        }

        base.Dispose(disposing);
    }
}
