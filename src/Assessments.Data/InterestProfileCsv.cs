using System.Globalization;
using Assessments.Matching;
using Assessments.Data.Fast;
using nietras.SeparatedValues;

namespace Assessments.Data;

/// <summary>One data row of a scores CSV read as a RIASEC profile: the profile, or the reason it could not be read.</summary>
/// <param name="Row">The data row's number (1 = the first row after the header).</param>
/// <param name="Line">The file line the row starts on.</param>
/// <param name="RespondentId">The id cell ("" when the row has none).</param>
/// <param name="Profile">The six scores as a profile, or null when <paramref name="Problem"/> says why not.</param>
/// <param name="Problem">Why the row is not a profile (never quoting its cells), or null.</param>
public sealed record ProfileRow(long Row, long Line, string RespondentId, InterestProfile? Profile, string? Problem);

/// <summary>
/// Reads RIASEC profiles from a scores CSV, as <c>assess score</c> writes them for the interests instrument (an id column,
/// then columns <c>R</c>, <c>I</c>, <c>A</c>, <c>S</c>, <c>E</c> and <c>C</c>, among others): one <see cref="ProfileRow"/>
/// per data row, streamed, blank lines skipped. Numbers are read with a point, whatever the culture.
/// </summary>
public static class InterestProfileCsv
{
    /// <summary>Reads the profiles of <paramref name="path"/>, lazily.</summary>
    /// <param name="path">The scores CSV.</param>
    /// <param name="idColumn">The header of the id column; null takes the first column.</param>
    /// <param name="separator">The separator; null detects it (and says so to <paramref name="log"/>).</param>
    /// <param name="min">The lowest score of the scales.</param>
    /// <param name="max">The highest score of the scales.</param>
    /// <param name="log">Where the detected separator is noted, or null.</param>
    /// <exception cref="InputFileException">The file cannot be read, lacks the id or an area column, or has no data row.</exception>
    public static IEnumerable<ProfileRow> Read(string path, string? idColumn, char? separator, double min, double max, TextWriter? log = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        return ReadCore(path, idColumn, separator, min, max, log ?? TextWriter.Null);
    }

    private static IEnumerable<ProfileRow> ReadCore(string path, string? idColumn, char? separator, double min, double max, TextWriter log)
    {
        var input = new HeadRecordingStream(RecordLengthGuard.Open(path, quotes: true));
        using (input)
        {
            var head = CsvHead.Read(input, path, separator);
            input.Rewind();
            if (head.Detected)
            {
                log.WriteLine(head.Note());
            }

            var header = head.Names.Select(n => n.Trim().TrimStart('\uFEFF')).ToArray();
            var id = idColumn is null ? 0 : Array.IndexOf(header, idColumn);
            var areas = "RIASEC".Select(l => Array.IndexOf(header, l.ToString())).ToArray();
            if (id < 0 || areas.Any(a => a < 0))
            {
                var missing = string.Join(", ", "RIASEC".Where((_, k) => areas[k] < 0));
                throw new InputFileException($"{path}: the header needs {(id < 0 ? $"the id column '{idColumn}' and " : "")}the columns R, I, A, S, E and C (as `assess score` writes them for the interests instrument){(missing.Length > 0 ? $"; {missing} not found" : "")}.");
            }

            SepReader reader;
            try
            {
                reader = Sep.New(head.Separator).Reader(o => o with { HasHeader = false, Unescape = true, DisableColCountCheck = true }).From(input);
            }
            catch (NotSupportedException ex) when (ex.Source == "Sep")
            {
                throw GeneralCsvReader.SepRowLimit(path, ex);
            }

            using (reader)
            {
                var rows = reader.GetEnumerator();
                long read = 0;
                var nextLine = 1L + head.HeaderLines;
                var pastHeader = false;
                while (true)
                {
                    try
                    {
                        if (!rows.MoveNext())
                        {
                            break;
                        }
                    }
                    catch (NotSupportedException ex) when (ex.Source == "Sep")
                    {
                        throw GeneralCsvReader.SepRowLimit(path, ex);
                    }

                    if (!pastHeader)
                    {
                        pastHeader = true; // the header, read above (its lines are counted in nextLine)
                        continue;
                    }

                    var row = rows.Current;
                    var line = nextLine;
                    nextLine += unchecked(row.LineNumberToExcl - row.LineNumberFrom);

                    if (row.ColCount == 1 && row[0].Span.IsWhiteSpace())
                    {
                        continue;
                    }

                    read++;
                    yield return Profile(row, read, line, header.Length, id, areas, min, max);
                }

                if (read == 0)
                {
                    throw new InputFileException($"{path}: the file has a header but no data rows; nothing was matched.");
                }
            }
        }
    }

    private static ProfileRow Profile(SepReader.Row row, long read, long line, int width, int id, int[] areas, double min, double max)
    {
        var personId = row.ColCount > id ? row[id].ToString() : "";
        var values = new double[6];
        string? problem = row.ColCount != width ? string.Create(CultureInfo.InvariantCulture, $"the row has {row.ColCount} fields; the header has {width}") : null;
        for (var k = 0; k < 6 && problem is null; k++)
        {
            var cell = row[areas[k]].Span.Trim();
            if (cell.IsEmpty)
            {
                problem = $"the {"RIASEC"[k]} score is missing";
            }
            else if (!double.TryParse(cell, NumberStyles.Float, CultureInfo.InvariantCulture, out values[k]) || !double.IsFinite(values[k]) || values[k] < min || values[k] > max)
            {
                problem = string.Create(CultureInfo.InvariantCulture, $"the {"RIASEC"[k]} score is not a number from {min} to {max}");
            }
        }

        if (problem is null && !RecordParser.IsUsableId(personId))
        {
            problem = "the id is empty or holds a control character";
        }

        return new ProfileRow(read, line, personId, problem is null ? new InterestProfile(values, min, max) : null, problem);
    }
}
