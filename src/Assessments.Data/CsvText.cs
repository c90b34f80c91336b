using System.Globalization;

namespace Assessments.Data;

/// <summary>CSV field quoting and invariant number formatting for output.</summary>
public static class CsvText
{
    private static readonly AsyncLocal<bool> AllowFormulasFlag = new();

    /// <summary>
    /// A header cell as messages show it: quoted, unless it is a number. A number where a column name belongs means the
    /// file probably lacks its header row, so the "name" is someone's answer, and answers never go to stderr.
    /// </summary>
    public static string HeaderName(string name) => HeaderName(name, quoted: true);

    /// <summary>As <see cref="HeaderName(string)"/>, in a list of names (unquoted).</summary>
    public static string HeaderName(string name, bool quoted) =>
        double.TryParse(name, NumberStyles.Float, CultureInfo.InvariantCulture, out _) ? "(a number, not shown: is the header row missing?)" : quoted ? $"'{name}'" : name;

    /// <summary>
    /// Whether cells that came from input text keep a leading <c>=</c>, <c>+</c>, <c>-</c>, <c>@</c>, tab or carriage return
    /// as is (<c>--allow-formulas</c>); by default such a cell, unless it is a number, is written with a leading apostrophe
    /// so that spreadsheets show it as text instead of running it as a formula (CSV injection). Set per <c>assess</c> run.
    /// </summary>
    public static bool AllowFormulas
    {
        get => AllowFormulasFlag.Value;
        set => AllowFormulasFlag.Value = value;
    }

    /// <summary>A field as CSV text: guarded against formulas (see <see cref="AllowFormulas"/>), then quoted when needed.</summary>
    public static string Escape(string field, char separator)
    {
        if (!AllowFormulas && LooksLikeFormula(field))
        {
            field = "'" + field;
        }

        return field.AsSpan().IndexOfAny([separator, '"', '\n', '\r']) < 0 ? field : "\"" + field.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
    }

    /// <summary>True when a spreadsheet could take the text for a formula: it starts with = + - @ tab or CR and is not a number.</summary>
    internal static bool LooksLikeFormula(ReadOnlySpan<char> field) =>
        field.Length > 0 && field[0] is '=' or '+' or '-' or '@' or '\t' or '\r'
        && !double.TryParse(field, NumberStyles.Float, CultureInfo.InvariantCulture, out _);

    /// <summary>The first byte of a UTF-8 field that may start a formula (the field then goes through <see cref="Escape"/>).</summary>
    internal static bool MayStartFormula(byte first) => first is (byte)'=' or (byte)'+' or (byte)'-' or (byte)'@' or (byte)'\t' or (byte)'\r';

    /// <summary>The shortest text that parses back to the same double, in the invariant culture; empty for NaN (missing).</summary>
    public static string Number(double value) => double.IsNaN(value) ? "" : value.ToString("R", CultureInfo.InvariantCulture);
}
