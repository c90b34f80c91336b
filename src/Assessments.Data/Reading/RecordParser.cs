using Assessments.Responses;
using nietras.SeparatedValues;

namespace Assessments.Data;

/// <summary>
/// Receives one respondent's record: its first line relative to the Sep row's, id, answers by column, the problems that
/// reject it (null when none) and the bad cells read as missing in a row that is not rejected (<c>--bad-cell missing</c>).
/// </summary>
internal delegate void RecordHandler(int lineOffset, string id, ReadOnlySpan<short> byColumn, List<(string Column, string Reason)>? problems, List<(string Column, string Reason)>? kept);

/// <summary>
/// The one cell parser and record rules of both readers: every record the fast reader cannot take in its simple shape goes
/// through here, as every record of the general reader does, so a row's answers and messages never depend on which reader
/// saw it.
/// </summary>
internal sealed class RecordParser(Instrument instrument, char separator, ResponsesLayout layout, AnswerReading reading = AnswerReading.Auto, bool badCellsAsMissing = false, AnswerCodes? codes = null)
{
    /// <summary>A decimal comma is read as one when the comma does not separate fields.</summary>
    private readonly bool _decimalComma = separator != ',';

    public AnswerReading Reading => reading;

    public bool BadCellsAsMissing => badCellsAsMissing;

    public ResponsesLayout Layout => layout;

    /// <summary>The answer codes read before labels (<c>--answer-codes</c>, LimeSurvey's <c>A1</c>…), or null.</summary>
    public AnswerCodes? Codes => codes;

    public char Separator => separator;

    /// <summary>A new Sep reader of <paramref name="text"/> with the settings both readers use.</summary>
    public SepReader FromText(string text) => Sep.New(separator).Reader(o => o with { HasHeader = false, Unescape = true, DisableColCountCheck = true }).FromText(text);

    /// <summary>
    /// Reads one record given by Sep and hands each respondent in it to <paramref name="handler"/>. Usually a record is one
    /// respondent; blank lines are none. PROJECT CHOICE, stray quotes: a record that runs over several lines — a quoted
    /// field with line breaks — is one respondent only when its quotes close, it has the header's number of fields, and no
    /// line break falls in the id or an item's answer (a comment column may hold them). Anything else is a quote opened by
    /// mistake that swallowed the lines after it: every line of the record is then read on its own, a line with an
    /// unmatched quote is rejected, and the others are scored or rejected as if the stray quote had never been there.
    /// </summary>
    public void ReadRecords(SepReader.Row row, Span<short> byColumn, RecordHandler handler)
    {
        if (unchecked(row.LineNumberToExcl - row.LineNumberFrom) > 1)
        {
            var raw = row.Span.ToString(); // before any cell is read: Sep unescapes cells in place
            if (!StandsOverLines(row, raw))
            {
                ReadLinesOnTheirOwn(raw, byColumn, handler);
                return;
            }
        }
        else if (row.Span.Contains('"') && (row.Span.Count('"') & 1) != 0)
        {
            // Only the file's last record can end inside quotes on one line; it too is a line with an unmatched quote.
            ReadLinesOnTheirOwn(row.Span.ToString(), byColumn, handler);
            return;
        }

        if (row.ColCount == 1 && row[0].Span.IsWhiteSpace())
        {
            return; // a blank line is not a respondent
        }

        var id = ReadRecord(row, byColumn, out var problems, out var kept);
        handler(0, id, byColumn, problems, kept);
    }

    private bool StandsOverLines(SepReader.Row row, string raw)
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

    private void ReadLinesOnTheirOwn(string raw, Span<short> byColumn, RecordHandler handler)
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
                handler(offset, IdBeforeQuote(line), byColumn, [("", "The line has an unmatched quote (\"), so its fields cannot be told apart; the lines after it were read on their own.")], null);
            }
            else
            {
                using var reader = FromText(line.ToString());
                if (reader.MoveNext() && !(reader.Current.ColCount == 1 && reader.Current[0].Span.IsWhiteSpace()))
                {
                    var id = ReadRecord(reader.Current, byColumn, out var problems, out var kept);
                    handler(offset, id, byColumn, problems, kept);
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
    private string IdBeforeQuote(ReadOnlySpan<char> line)
    {
        var before = line[..line.IndexOf('"')];
        var column = 0;
        foreach (var range in before.Split(separator))
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
    /// item) and every problem: a wrong field count, an empty id or one holding a control character, a bad answer. With
    /// <c>--bad-cell missing</c> bad answers go to <paramref name="kept"/> instead, unless the row is rejected anyway.
    /// </summary>
    public string ReadRecord(SepReader.Row row, Span<short> byColumn, out List<(string Column, string Reason)>? problems, out List<(string Column, string Reason)>? kept)
    {
        var id = row.ColCount > layout.IdColumn ? row[layout.IdColumn].ToString() : "";
        problems = null;
        kept = null;
        byColumn.Fill(ResponseMatrix.Missing);
        if (row.ColCount != layout.Names.Length)
        {
            problems = [("", $"The row has {row.ColCount} field(s); the header has {layout.Names.Length}.")];
            return id;
        }

        if (string.IsNullOrWhiteSpace(id))
        {
            (problems ??= []).Add((layout.Names[layout.IdColumn], "The respondent id is empty; every row needs one."));
        }
        else if (HasControl(id))
        {
            (problems ??= []).Add((layout.Names[layout.IdColumn], "The respondent id holds a control character (a NUL byte, say); ids are text."));
        }

        var cells = badCellsAsMissing ? null : problems;
        for (var c = 0; c < layout.ItemOfColumn.Length; c++)
        {
            if (layout.ItemOfColumn[c] >= 0)
            {
                byColumn[c] = ParseCell(row[c].Span, c, ref cells);
            }
        }

        if (!badCellsAsMissing)
        {
            problems = cells;
        }
        else if (problems is not null)
        {
            problems.AddRange(cells ?? []); // the row is rejected for its id: its bad cells are reasons too
        }
        else
        {
            kept = cells;
        }

        return id;
    }

    /// <summary>Whether an id can name a respondent: not empty, not white space alone, no control character.</summary>
    public static bool IsUsableId(string id) => !string.IsNullOrWhiteSpace(id) && !HasControl(id);

    /// <summary>Whether the text holds a control character other than a tab (C0, DEL or C1).</summary>
    public static bool HasControl(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            if (char.IsControl(c) && c != '\t')
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>One item cell: its answer, or <see cref="ResponseMatrix.Missing"/> when empty or bad (a bad cell adds its problem).</summary>
    private short ParseCell(ReadOnlySpan<char> span, int column, ref List<(string Column, string Reason)>? problems)
    {
        if (span.IsEmpty)
        {
            return ResponseMatrix.Missing;
        }

        // Fast path for the common one-digit answer; anything else goes through the full parser and its messages.
        if (span.Length == 1 && unchecked((uint)(span[0] - '0')) <= 9 && reading != AnswerReading.Labels)
        {
            var digit = span[0] - '0';
            if (digit >= layout.Min[column] && digit <= layout.Max[column])
            {
                return (short)digit;
            }
        }

        var item = layout.ItemOfColumn[column];
        if (codes is not null && instrument.Items[item].Format is { } format && codes.TryGet(format, span, out var coded))
        {
            if (format.Contains(coded))
            {
                return (short)coded;
            }

            (problems ??= []).Add((layout.Names[column], $"The answer code stands for {coded.ToString(System.Globalization.CultureInfo.InvariantCulture)} (by its position in format '{format.Id}') and is outside {format.Min} to {format.Max}."));
            return ResponseMatrix.Missing;
        }

        if (!AnswerText.TryParse(span, instrument.Items[item].Format, reading, _decimalComma, out var answer, out var error))
        {
            (problems ??= []).Add((layout.Names[column], error!));
        }
        else if (answer is { } x)
        {
            // Checked here as well as in ScoreBatch so that a row with several bad cells lists every one of them.
            var definition = instrument.Items[item];
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
}
