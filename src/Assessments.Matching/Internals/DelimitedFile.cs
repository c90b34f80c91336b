using System.Text;

namespace Assessments.Matching.Internals;

/// <summary>
/// Reads a delimited text file record by record: tab-separated O*NET files (no quoting) and ROME's comma-separated files
/// (every field quoted, RFC 4180 doubling, line breaks allowed inside quotes). Empty lines are skipped; a missing final
/// newline is accepted.
/// </summary>
internal static class DelimitedFile
{
    public static IEnumerable<(int Line, string[] Fields)> Read(string path, char separator, bool quoted)
    {
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
        foreach (var (line, fields) in Read(path, separator, quoted))
        {
            if (columns is null)
            {
                width = fields.Length;
                columns = Columns(path, line, fields, wanted, problems);
                if (columns.Any(c => c < 0))
                {
                    return rows;
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
