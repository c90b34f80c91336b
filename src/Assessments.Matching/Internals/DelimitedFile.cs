using System.Text;

namespace Assessments.Matching.Internals;

/// <summary>
/// Reads a delimited text file record by record: tab-separated O*NET files (no quoting) and ROME's comma-separated files
/// (every field quoted, RFC 4180 doubling, line breaks allowed inside quotes). Empty lines are skipped; a missing final
/// newline is accepted.
/// </summary>
internal static class DelimitedFile
{
    public static IEnumerable<(int Line, string[] Fields)> Read(string path, char separator, bool quoted, ColumnMask? mask = null)
    {
        var simple = new List<string>();
        CatalogLimits.CheckFileSize(path, new FileInfo(path).Length);
        using var reader = new StreamReader(path, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        var line = 0;
        string? text;
        while ((text = reader.ReadLine()) is not null)
        {
            line++;
            var start = line;
            long recordLength = text.Length;
            if (CatalogLimits.IsRecordTooLong(recordLength))
            {
                throw TooLong(reader, path, start, quoted ? 0 : recordLength, quoted ? text : null, inQuotes: false);
            }

            if (text.Length == 0)
            {
                continue;
            }

            if (!quoted)
            {
                yield return (start, text.Split(separator));
                continue;
            }

            if (SplitSimple(text, separator, mask?.Keep, simple))
            {
                if (mask?.Columns is { } columns)
                {
                    // Straight to the wanted columns (ReadTable), without the whole record's array in between.
                    var projected = new string[columns.Length];
                    for (var k = 0; k < columns.Length; k++)
                    {
                        projected[k] = columns[k] < simple.Count ? simple[columns[k]].Trim() : "";
                    }

                    mask.Width = simple.Count;
                    mask.Projected = true;
                    yield return (start, projected);
                }
                else
                {
                    yield return (start, simple.ToArray());
                }

                continue;
            }

            if (mask is not null)
            {
                mask.Projected = false;
            }

            var fields = new List<string>();
            var field = new StringBuilder();
            var inQuotes = false;
            var i = 0;
            while (true)
            {
                if (i == text.Length)
                {
                    if (!inQuotes)
                    {
                        fields.Add(field.ToString());
                        break;
                    }

                    var next = reader.ReadLine() ?? throw new CatalogLoadException([new CatalogProblem(path, start, "A quoted field is not closed before the end of the file.")]);
                    line++;
                    field.Append('\n');
                    if (CatalogLimits.IsRecordTooLong(recordLength + 1 + next.Length))
                    {
                        throw TooLong(reader, path, start, recordLength + 1, next, inQuotes: true);
                    }

                    recordLength += 1 + next.Length;
                    text = next;
                    i = 0;
                    continue;
                }

                var c = text[i++];
                if (inQuotes)
                {
                    if (c == '"' && i < text.Length && text[i] == '"')
                    {
                        field.Append('"');
                        i++;
                    }
                    else if (c == '"')
                    {
                        inQuotes = false;
                    }
                    else
                    {
                        field.Append(c);
                    }
                }
                else if (c == '"')
                {
                    inQuotes = true;
                }
                else if (c == separator)
                {
                    fields.Add(field.ToString());
                    field.Clear();
                }
                else
                {
                    field.Append(c);
                }
            }

            yield return (start, fields.ToArray());
        }
    }

    /// <summary>
    /// The common record of a quoted file, read without copying character by character: on one line, each field quoted
    /// without a doubled quote, or not quoted. Fields that <paramref name="keep"/> leaves out become empty strings (they are
    /// not needed, so not allocated). False, with nothing to use, for any other record (the general parser reads it).
    /// </summary>
    private static bool SplitSimple(string text, char separator, bool[]? keep, List<string> fields)
    {
        fields.Clear();
        var pos = 0;
        while (true)
        {
            var index = fields.Count;
            var wanted = keep is null || (index < keep.Length && keep[index]);
            int end;
            if (pos < text.Length && text[pos] == '"')
            {
                var close = text.IndexOf('"', pos + 1);
                if (close < 0 || (close + 1 < text.Length && text[close + 1] == '"'))
                {
                    return false; // a field over several lines, or a doubled quote
                }

                fields.Add(wanted ? text.Substring(pos + 1, close - pos - 1) : "");
                end = close + 1;
                if (end < text.Length && text[end] != separator)
                {
                    return false; // text after the closing quote
                }
            }
            else
            {
                end = text.IndexOf(separator, pos);
                end = end < 0 ? text.Length : end;
                var field = text.AsSpan(pos, end - pos);
                if (field.Contains('"'))
                {
                    return false;
                }

                fields.Add(wanted ? field.ToString() : "");
            }

            if (end >= text.Length)
            {
                return true;
            }

            pos = end + 1;
        }
    }

    /// <summary>
    /// The problem for a record over the limit, with its whole length: the characters before <paramref name="text"/>, then
    /// <paramref name="text"/> (a line whose quote state at its start is <paramref name="inQuotes"/>) and, while a quoted
    /// field stays open, the lines after it — counted, not kept. A null <paramref name="text"/> means the record is complete.
    /// </summary>
    private static CatalogLoadException TooLong(StreamReader reader, string path, int line, long before, string? text, bool inQuotes)
    {
        var length = before;
        while (text is not null)
        {
            length += text.Length;
            foreach (var c in text)
            {
                inQuotes ^= c == '"'; // a doubled quote toggles twice: the state after it is right
            }

            if (!inQuotes)
            {
                break;
            }

            text = reader.ReadLine();
            length += text is null ? 0 : 1;
        }

        return CatalogLimits.RecordTooLong(path, line, length, unclosed: inQuotes);
    }

    /// <summary>The index of each wanted column in the header, or a problem naming the missing ones.</summary>
    public static int[] Columns(string path, int line, string[] header, IReadOnlyList<string> wanted, List<CatalogProblem> problems)
    {
        var indexes = wanted.Select(w => Array.IndexOf(header, w)).ToArray();
        var missing = wanted.Where((w, k) => indexes[k] < 0).ToList();
        if (missing.Count > 0)
        {
            problems.Add(new CatalogProblem(path, line,
                $"The header lacks the column(s) {string.Join(", ", missing.Select(m => "'" + m + "'"))}; expected {string.Join(", ", wanted)}."));
        }

        return indexes;
    }

    /// <summary>
    /// The data rows of a file with a header, reduced to the <paramref name="wanted"/> columns in that order. A missing
    /// column, a row of the wrong width or an empty file becomes a problem; the rows that can be read are returned.
    /// </summary>
    public static List<(int Line, string[] Fields)> ReadTable(string path, char separator, bool quoted, string[] wanted, List<CatalogProblem> problems)
    {
        var rows = new List<(int, string[])>();
        int[]? columns = null;
        var width = 0;
        var mask = new ColumnMask();
        foreach (var (line, fields) in Read(path, separator, quoted, mask))
        {
            if (columns is null)
            {
                width = fields.Length;
                columns = Columns(path, line, fields, wanted, problems);
                if (columns.Any(c => c < 0))
                {
                    return rows;
                }

                mask.Keep = new bool[width];
                foreach (var c in columns)
                {
                    mask.Keep[c] = true;
                }

                mask.Columns = columns;
                continue;
            }

            if (mask.Projected)
            {
                if (mask.Width != width)
                {
                    problems.Add(new CatalogProblem(path, line, $"The row has {mask.Width} fields; the header has {width}."));
                }
                else
                {
                    rows.Add((line, fields));
                }

                continue;
            }

            if (fields.Length != width)
            {
                problems.Add(new CatalogProblem(path, line, $"The row has {fields.Length} fields; the header has {width}."));
                continue;
            }

            rows.Add((line, [.. columns.Select(c => fields[c].Trim())]));
        }

        if (columns is null)
        {
            problems.Add(new CatalogProblem(path, 0, "The file is empty; expected a header row."));
        }

        return rows;
    }
}

/// <summary>Which columns of a file's records are needed (the others are read as empty strings); null keeps all.</summary>
internal sealed class ColumnMask
{
    public bool[]? Keep { get; set; }

    /// <summary>When set, records read by the fast path are yielded already reduced to these columns, trimmed.</summary>
    public int[]? Columns { get; set; }

    /// <summary>Whether the last record yielded was reduced (<see cref="Columns"/>), and its width before that.</summary>
    public bool Projected { get; set; }

    public int Width { get; set; }
}
