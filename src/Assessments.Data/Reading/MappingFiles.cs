using System.Globalization;
using Assessments.Definitions;
using Assessments.Responses;
using nietras.SeparatedValues;

namespace Assessments.Data;

/// <summary>
/// <c>--columns FILE.csv</c>: which item each column of a responses file is, for exports whose headers name no item (codes a
/// survey tool generated). Header <c>column,item</c> (other columns, such as the <c>how</c> that <c>--save-mapping</c>
/// writes, are ignored); an empty item skips the column. Columns the file does not list follow the usual header rules.
/// A column written with the CSV formula guard (<c>'=Q1</c>, as <c>--save-mapping</c> writes a header that starts with
/// <c>=</c>, <c>+</c>, <c>-</c> or <c>@</c>) also matches the header without the apostrophe, so a saved mapping is reused as is.
/// </summary>
public sealed class ColumnMap
{
    private readonly Dictionary<string, (string Item, long Line)> _items;

    private ColumnMap(string path, Dictionary<string, (string Item, long Line)> items)
    {
        Path = path;
        _items = items;
    }

    /// <summary>The mapping file.</summary>
    public string Path { get; }

    /// <summary>The item id the file gives the column (empty: skip), with its line; false when the file does not list it.</summary>
    internal bool TryGet(string column, out string item, out long line)
    {
        var found = _items.TryGetValue(column, out var entry) || _items.TryGetValue(Guarded(column), out entry);
        (item, line) = entry;
        item ??= "";
        return found;
    }

    /// <summary>The columns the file lists that the header does not have, by line.</summary>
    internal IEnumerable<long> LinesNotIn(IReadOnlyCollection<string> header) =>
        _items.Where(e => !header.Contains(e.Key) && !(e.Key.StartsWith('\'') && header.Contains(e.Key[1..]) && CsvText.LooksLikeFormula(e.Key.AsSpan(1))))
            .Select(e => e.Value.Line).Order();

    /// <summary>A header as the CSV guard writes it: with an apostrophe before a leading formula character.</summary>
    private static string Guarded(string column) => CsvText.LooksLikeFormula(column) ? "'" + column : column;

    /// <summary>Reads the file.</summary>
    /// <exception cref="InputFileException">The file cannot be read, lacks a column, or lists a column twice.</exception>
    public static ColumnMap Load(string path)
    {
        var items = new Dictionary<string, (string, long)>(StringComparer.Ordinal);
        foreach (var (line, fields) in MappingCsv.Rows(path, "--columns", ["column", "item"]))
        {
            var column = fields[0].Trim();
            if (column.Length == 0)
            {
                throw new InputFileException($"{path}: line {line}: the column name is empty; each line names a column of the responses file, then its item id (empty to skip it).");
            }

            if (!items.TryAdd(column, (fields[1].Trim(), line)))
            {
                throw new InputFileException($"{path}: line {line}: the column is listed already on line {items[column].Item2}; give each column once.");
            }
        }

        return new ColumnMap(path, items);
    }
}

/// <summary>
/// Answer codes: cell text that stands for an answer of a format, such as LimeSurvey's <c>A1</c>…<c>A5</c>. Given by
/// <c>--answer-codes FILE.csv</c> (<c>format,code,value</c>), or by position in the format for a LimeSurvey export
/// (<c>A1</c> or <c>AO01</c> = the format's lowest answer, then up). Codes are compared once folded
/// (<see cref="TextFold"/>). A code given by the file wins over a position.
/// </summary>
public sealed class AnswerCodes
{
    private readonly Dictionary<(string Format, string Code), int> _codes;

    private AnswerCodes(Dictionary<(string, string), int> codes, bool positional)
    {
        _codes = codes;
        Positional = positional;
    }

    /// <summary>Whether <c>A</c>n and <c>AO</c>nn codes stand for the format's n-th answer.</summary>
    internal bool Positional { get; }

    /// <summary>How many codes the file gave.</summary>
    internal int Count => _codes.Count;

    /// <summary>The codes of a LimeSurvey export, by position (with the file's codes, if any).</summary>
    internal AnswerCodes WithPositions() => new(_codes, positional: true);

    internal static AnswerCodes ByPosition { get; } = new([], positional: true);

    /// <summary>The answer <paramref name="text"/> stands for in <paramref name="format"/>; false when it is no code.</summary>
    public bool TryGet(ResponseFormat format, ReadOnlySpan<char> text, out int value)
    {
        if (_codes.Count > 0 && _codes.TryGetValue((format.Id, TextFold.Fold(text)), out value))
        {
            return true;
        }

        value = 0;
        if (!Positional)
        {
            return false;
        }

        var t = text.Trim();
        var digits = t.Length > 2 && (t[1] is 'O' or 'o') && t[0] is 'A' or 'a' ? t[2..] : t.Length > 1 && t[0] is 'A' or 'a' ? t[1..] : default;
        if (digits.IsEmpty || !int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var position) || position < 1)
        {
            return false;
        }

        value = format.Min + position - 1;
        return true; // beyond the format's range it is a bad answer, said by the caller
    }

    /// <summary>Reads the file and checks every format id and value against the instrument.</summary>
    /// <exception cref="InputFileException">The file cannot be read, a format is not the instrument's, a value is out of range, or a code repeats.</exception>
    public static AnswerCodes Load(string path, Instrument instrument)
    {
        var codes = new Dictionary<(string, string), int>();
        foreach (var (line, fields) in MappingCsv.Rows(path, "--answer-codes", ["format", "code", "value"]))
        {
            var formatId = fields[0].Trim();
            if (!instrument.ResponseFormats.TryGetValue(formatId, out var format))
            {
                throw new InputFileException($"{path}: line {line}: {instrument.Reference} has no response format '{formatId}'; its formats are {string.Join(", ", instrument.ResponseFormats.Keys.Order(StringComparer.Ordinal))}.");
            }

            var code = TextFold.Fold(fields[1]);
            if (code.Length == 0)
            {
                throw new InputFileException($"{path}: line {line}: the code is empty; an empty cell is a missing answer already.");
            }

            if (!int.TryParse(fields[2].Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) || !format.Contains(value))
            {
                throw new InputFileException($"{path}: line {line}: the value must be a whole number of format '{format.Id}' ({format.Min} to {format.Max}).");
            }

            if (!codes.TryAdd((format.Id, code), value) && codes[(format.Id, code)] != value)
            {
                throw new InputFileException($"{path}: line {line}: this code of format '{format.Id}' was given another value on an earlier line; a code stands for one answer.");
            }
        }

        return new AnswerCodes(codes, positional: false);
    }
}

/// <summary>The small CSV files of mappings, read with their header and every row's line.</summary>
internal static class MappingCsv
{
    /// <summary>The files are small: a longer one is refused rather than read into memory.</summary>
    public const long MaxBytes = 16 << 20;

    public static IEnumerable<(long Line, string[] Fields)> Rows(string path, string option, string[] columns)
    {
        var text = ReadText(path, option, $"a small CSV file ({string.Join(',', columns)})");
        var separator = text.Split('\n', 2)[0] is var first && first.Contains(';') && !first.Contains(',') ? ';' : first.Contains('\t') && !first.Contains(',') ? '\t' : ',';
        using var sep = Sep.New(separator).Reader(o => o with { HasHeader = false, Unescape = true, DisableColCountCheck = true }).FromText(text);
        var rows = new List<(long, string[])>();
        int[]? index = null;
        foreach (var row in sep)
        {
            long from = row.LineNumberFrom;
            var fields = new string[row.ColCount];
            for (var c = 0; c < fields.Length; c++)
            {
                fields[c] = row[c].ToString();
            }

            if (index is null)
            {
                var names = fields.Select(f => f.Trim().TrimStart('\uFEFF')).ToArray();
                index = [.. columns.Select(c => Array.FindIndex(names, n => string.Equals(n, c, StringComparison.OrdinalIgnoreCase)))];
                if (index.Any(i => i < 0))
                {
                    throw new InputFileException($"{path}: line 1: the header must name the columns {string.Join(", ", columns)} ({option}); missing: {string.Join(", ", columns.Where((_, k) => index[k] < 0))}.");
                }

                continue;
            }

            if (fields.Length == 1 && string.IsNullOrWhiteSpace(fields[0]))
            {
                continue;
            }

            if (index.Max() >= fields.Length)
            {
                throw new InputFileException($"{path}: line {from}: the row has {fields.Length} field(s); the header has {index.Max() + 1} or more.");
            }

            rows.Add((from, [.. index.Select(i => fields[i])]));
        }

        if (index is null)
        {
            throw new InputFileException($"{path}: the file is empty; {option} expects a header ({string.Join(',', columns)}) and one row per entry.");
        }

        return rows;
    }

    /// <summary>
    /// The whole text of a small input file, refused (with <paramref name="expects"/> in the message) when it is a folder
    /// or larger than <see cref="MaxBytes"/>, counted as it is read so that a FIFO or a growing file cannot exhaust memory.
    /// </summary>
    public static string ReadText(string path, string option, string expects)
    {
        string text;
        try
        {
            var info = new FileInfo(path);
            if (Directory.Exists(path))
            {
                throw new InputFileException($"{path}: is a folder; {option} expects a CSV file.");
            }

            if (info.Exists && info.Length > MaxBytes)
            {
                throw new InputFileException($"{path}: is larger than {MaxBytes >> 20} MiB; {option} expects {expects}.");
            }

            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 12);
            using var reader = new StreamReader(stream, detectEncodingFromByteOrderMarks: true);
            var built = new System.Text.StringBuilder();
            var buffer = new char[1 << 14];
            int n;
            while ((n = reader.Read(buffer, 0, buffer.Length)) > 0)
            {
                built.Append(buffer, 0, n);
                if (built.Length > MaxBytes)
                {
                    throw new InputFileException($"{path}: is larger than {MaxBytes >> 20} MiB; {option} expects {expects}.");
                }
            }

            text = built.ToString();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new InputFileException($"{path}: cannot be read ({option}): {ex.Message}");
        }

        return text;
    }
}
