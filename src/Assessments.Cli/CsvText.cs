using System.Globalization;

namespace Assessments.Cli;

/// <summary>CSV field quoting and invariant number formatting for output.</summary>
internal static class CsvText
{
    public static string Escape(string field, char separator) =>
        field.AsSpan().IndexOfAny([separator, '"', '\n', '\r']) < 0 ? field : "\"" + field.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    /// <summary>The shortest text that parses back to the same double, in the invariant culture; empty for NaN (missing).</summary>
    public static string Number(double value) => double.IsNaN(value) ? "" : value.ToString("R", CultureInfo.InvariantCulture);
}
