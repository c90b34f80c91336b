using System.Globalization;
using System.Text;
using nietras.SeparatedValues;

namespace Assessments.Data;

/// <summary>
/// The first bytes of a responses file, read once before either reader starts: the separator (given, or detected from the
/// header and the first data rows), the header's column names and how many lines the header spans. It refuses, with the
/// line named, the shapes that would otherwise make a run read nothing or everything into one cell: an empty file, a
/// blank first line, a header with a quote that never closes, and a header that is one column while it holds another
/// separator. It never shows the header's text: it may be a person's data (a file without its header row).
/// </summary>
internal sealed class CsvHead
{
    /// <summary>The most bytes read to inspect the head (a header longer than this is refused).</summary>
    public const int MaxHeadBytes = 1 << 20;

    /// <summary>The data rows sampled, after the header, to detect the separator.</summary>
    public const int SampledRows = 20;

    /// <summary>The separators detection chooses from, in the order that breaks remaining ties (PROJECT CHOICE).</summary>
    public static readonly char[] Candidates = [',', ';', '\t', '|'];

    private readonly List<Record> _records;

    private CsvHead(char separator, bool detected, string[] names, int headerLines, int sampled, bool wide, double bytesPerRow, List<Record> records, int headerRecords = 1)
    {
        _records = records;
        HeaderRecords = headerRecords;
        BytesPerRow = bytesPerRow;
        Separator = separator;
        Detected = detected;
        Names = names;
        HeaderLines = headerLines;
        Sampled = sampled;
        Wide = wide;
    }

    public char Separator { get; }

    /// <summary>Whether <see cref="Separator"/> was detected (not given).</summary>
    public bool Detected { get; }

    /// <summary>The header's column names as Sep reads them (unquoted), not yet trimmed.</summary>
    public string[] Names { get; }

    /// <summary>The lines the header records span (1 unless a quoted name holds a line break, or the header has several rows).</summary>
    public int HeaderLines { get; }

    /// <summary>The records that make the header: 1, or 3 for a Qualtrics export (names, question texts, import ids).</summary>
    public int HeaderRecords { get; }

    /// <summary>The data rows detection looked at.</summary>
    public int Sampled { get; }

    /// <summary>The mean length of the sampled rows in characters (0 without rows): sizes the repeated-id table.</summary>
    public double BytesPerRow { get; }

    /// <summary>Whether the file is UTF-16 or UTF-32 (a byte-order mark says so).</summary>
    public bool Wide { get; }

    /// <summary>The separator as messages show it.</summary>
    public static string Show(char separator) => separator switch
    {
        '\t' => "tab",
        ' ' => "space",
        _ => $"'{separator}'",
    };

    /// <summary>
    /// Reads the head of <paramref name="input"/> (which keeps what it reads, so the reader chosen next reads it again).
    /// </summary>
    /// <exception cref="InputFileException">The file is empty, starts with a blank line, or its header cannot be read.</exception>
    public static CsvHead Read(Stream input, string path, char? separator)
    {
        var bytes = new byte[MaxHeadBytes];
        var length = 0;
        int n;
        while (length < bytes.Length && (n = input.Read(bytes, length, bytes.Length - length)) > 0)
        {
            length += n;
        }

        var atEnd = length < bytes.Length;
        var wide = RecordLengthGuard.HasWideByteOrderMark(bytes.AsSpan(0, length));
        string text;
        if (wide)
        {
            using var reader = new StreamReader(new MemoryStream(bytes, 0, length), Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
            text = reader.ReadToEnd();
        }
        else
        {
            var start = bytes.AsSpan(0, length).StartsWith("\uFEFF"u8) ? 3 : 0;
            text = Encoding.UTF8.GetString(bytes, start, length - start);
        }

        if (text.Length == 0)
        {
            throw new InputFileException($"{path}: the file is empty; expected a header row with an id column and item ids.");
        }

        var records = Records(text, atEnd, SampledRows + 1);
        var header = records[0];
        if (!header.Complete)
        {
            throw new InputFileException(atEnd || header.Quotes % 2 == 1
                ? $"{path}: line 1: the header holds a quote (\") that is never closed, so the whole file would be read as one header cell; fix the quotes of the header line."
                : $"{path}: line 1: the header is longer than {MaxHeadBytes / 1024} KiB without ending; a header row names the id column and the items.");
        }

        if (string.IsNullOrWhiteSpace(header.Text))
        {
            throw new InputFileException($"{path}: line 1 is blank; the header row (an id column, then item ids) must come first.");
        }

        var data = records.Skip(1).Where(r => r.Complete && !string.IsNullOrWhiteSpace(r.Text)).ToList();
        var detected = separator is null;
        var chosen = separator ?? Detect(header, data);
        var columns = header.Fields(chosen);
        if (columns == 1 && Candidates.Where(c => c != chosen && header.Fields(c) > 1).ToList() is [var other, ..])
        {
            throw new InputFileException(
                $"{path}: line 1: with the separator {Show(chosen)} the header is a single column, but it holds {Show(other)}: is the file separated by {Show(other)}? Pass --separator {(other == '\t' ? "tab" : other.ToString())}.");
        }

        var names = Split(header.Text, chosen);
        return new CsvHead(chosen, detected, names, header.Lines, data.Count, wide, data.Count == 0 ? 0 : data.Average(r => r.Text.Length + 1.0), records);
    }

    /// <summary>
    /// The fields of the head's record <paramref name="record"/> (0 is the header), unquoted; null when the head does not
    /// hold it complete. Survey layouts read their extra header rows with it.
    /// </summary>
    public string[]? FieldsOf(int record) =>
        record < _records.Count && _records[record].Complete ? Split(_records[record].Text, Separator) : null;

    /// <summary>The same head with a header of <paramref name="records"/> records: data starts after them.</summary>
    /// <exception cref="InputFileException">The head does not hold that many complete records.</exception>
    public CsvHead WithHeaderRecords(int records, string path)
    {
        if (records > _records.Count || _records.Take(records).Any(r => !r.Complete))
        {
            throw new InputFileException($"{path}: the layout has {records} header rows, but the file ends (or a quote stays open) before row {records}.");
        }

        var data = _records.Skip(records).Where(r => r.Complete && !string.IsNullOrWhiteSpace(r.Text)).ToList();
        return new CsvHead(Separator, Detected, Names, _records.Take(records).Sum(r => r.Lines), data.Count, Wide, data.Count == 0 ? 0 : data.Average(r => r.Text.Length + 1.0), _records, records);
    }

    private static string[] Split(string text, char separator)
    {
        using var reader = Sep.New(separator).Reader(o => o with { HasHeader = false, Unescape = true, DisableColCountCheck = true }).FromText(text);
        return reader.MoveNext() ? [.. Enumerable.Range(0, reader.Current.ColCount).Select(c => reader.Current[c].ToString())] : [""];
    }

    /// <summary>
    /// The candidate that splits the header into more than one field and every sampled row into as many; when no candidate
    /// does, the one that agrees with the header on the most rows. Remaining ties go to more fields, then to the order of
    /// <see cref="Candidates"/> (PROJECT CHOICE). A header with no candidate at all is one column, separated by commas.
    /// </summary>
    private static char Detect(Record header, List<Record> data)
    {
        var best = ',';
        (int Agreeing, int Fields) score = (-1, 0);
        foreach (var candidate in Candidates)
        {
            var fields = header.Fields(candidate);
            if (fields < 2)
            {
                continue;
            }

            var agreeing = data.Count(r => r.Fields(candidate) == fields);
            if (agreeing > score.Agreeing || (agreeing == score.Agreeing && fields > score.Fields))
            {
                (best, score) = (candidate, (agreeing, fields));
            }
        }

        return best;
    }

    /// <summary>The first <paramref name="max"/> records of the text: a record ends at a line end outside quotes.</summary>
    private static List<Record> Records(string text, bool atEnd, int max)
    {
        var records = new List<Record>();
        var start = 0;
        var quotes = 0;
        var lines = 1;
        Span<int> separators = stackalloc int[Candidates.Length];
        separators.Clear();
        for (var i = 0; i < text.Length && records.Count < max; i++)
        {
            var c = text[i];
            if (c == '"')
            {
                quotes++;
            }
            else if (c is '\n' or '\r')
            {
                if (quotes % 2 == 1)
                {
                    if (c == '\n' || i + 1 == text.Length || text[i + 1] != '\n')
                    {
                        lines++;
                    }

                    continue;
                }

                records.Add(new Record(text[start..i], true, quotes, lines, separators.ToArray()));
                if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
                {
                    i++;
                }

                start = i + 1;
                quotes = 0;
                lines = 1;
                separators.Clear();
            }
            else if (quotes % 2 == 0)
            {
                var k = Array.IndexOf(Candidates, c);
                if (k >= 0)
                {
                    separators[k]++;
                }
            }
        }

        if (records.Count < max && start < text.Length)
        {
            // The last record of the head: complete only when the file ends there with its quotes closed.
            records.Add(new Record(text[start..], atEnd && quotes % 2 == 0, quotes, lines, separators.ToArray()));
        }

        if (records.Count == 0)
        {
            records.Add(new Record("", true, 0, 1, new int[Candidates.Length]));
        }

        return records;
    }

    private sealed record Record(string Text, bool Complete, int Quotes, int Lines, int[] Separators)
    {
        public int Fields(char separator)
        {
            var k = Array.IndexOf(Candidates, separator);
            return k >= 0 ? Separators[k] + 1 : Text.Count(c => c == separator) + 1;
        }
    }

    /// <summary>What stderr says when the separator was detected.</summary>
    public string Note() => string.Create(CultureInfo.InvariantCulture,
        $"note: separator {Show(Separator)} detected from the header and {Sampled} row(s) (--separator sets it)");
}
