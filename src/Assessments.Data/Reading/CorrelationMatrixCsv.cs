using System.Globalization;
using nietras.SeparatedValues;

namespace Assessments.Data;

/// <summary>
/// Reads a correlation matrix from a CSV file as R's <c>write.csv(cor(x))</c> writes it, or as one is typed from a paper's
/// table: a header row (a first cell for the row names, then one name per variable) and one row per variable (its name,
/// then its correlations, in the header's order). Empty cells (or <c>NA</c>) take the value across the diagonal, so a lower
/// or an upper triangle is enough; an empty diagonal cell is 1. The separator is a comma, a semicolon or a tab (detected
/// from the header); numbers are read with a point, and also with a decimal comma when the separator is not a comma
/// (a French spreadsheet's export). Symmetry, the diagonal and the range are checked where the matrix is used
/// (<see cref="Psychometrics.Omega.FromCorrelations"/>).
/// </summary>
public static class CorrelationMatrixCsv
{
    /// <summary>Reads the matrix of <paramref name="path"/>.</summary>
    /// <param name="path">The CSV file (at most 16 MiB).</param>
    /// <param name="option">The command-line option that named the file, for messages (for example <c>--correlations</c>).</param>
    /// <returns>The variables' names (from the header) and the full square matrix.</returns>
    /// <exception cref="InputFileException">The file cannot be read or is not a correlation matrix laid out as above; the
    /// message names the file, the line and the column.</exception>
    public static (IReadOnlyList<string> Names, double[,] Matrix) Read(string path, string option = "--correlations")
    {
        ArgumentNullException.ThrowIfNull(path);
        var text = MappingCsv.ReadText(path, option, "a correlation matrix as CSV (a header of names, then one named row per variable)");
        var firstLine = text.Split('\n', 2)[0];
        var separator = firstLine.Contains('\t') ? '\t' : firstLine.Contains(';') ? ';' : ',';
        using var reader = Sep.New(separator).Reader(o => o with { HasHeader = false, Unescape = true, DisableColCountCheck = true }).FromText(text);
        string[]? names = null;
        var rows = new List<(long Line, string[] Cells)>();
        foreach (var row in reader)
        {
            var fields = new string[row.ColCount];
            for (var c = 0; c < fields.Length; c++)
            {
                fields[c] = row[c].ToString().Trim();
            }

            if (fields.All(string.IsNullOrEmpty))
            {
                continue;
            }

            if (names is null)
            {
                names = [.. fields.Skip(1).Select(f => f.TrimStart('\uFEFF'))];
                if (names.Length < 2 || names.Any(string.IsNullOrEmpty))
                {
                    throw new InputFileException($"{path}: line {row.LineNumberFrom}: the header must be a first cell for the row names, then the name of each variable (at least two, none empty).");
                }

                if (names.Distinct(StringComparer.Ordinal).Count() != names.Length)
                {
                    throw new InputFileException($"{path}: line {row.LineNumberFrom}: the header names '{names.GroupBy(n => n, StringComparer.Ordinal).First(g => g.Count() > 1).Key}' twice; each variable has one column.");
                }

                continue;
            }

            rows.Add((row.LineNumberFrom, fields));
        }

        if (names is null)
        {
            throw new InputFileException($"{path}: the file is empty; {option} expects a header of names and one row per variable.");
        }

        var k = names.Length;
        if (rows.Count != k)
        {
            throw new InputFileException($"{path}: the header names {k} variables but the file has {rows.Count} row(s); a correlation matrix has one row per variable.");
        }

        var matrix = new double[k, k];
        var given = new bool[k, k];
        for (var i = 0; i < k; i++)
        {
            var (line, cells) = rows[i];
            if (!string.Equals(cells[0], names[i], StringComparison.Ordinal))
            {
                throw new InputFileException($"{path}: line {line}: the row is named '{cells[0]}'; row {i + 1} must be '{names[i]}', the header's column {i + 1}, so that the matrix is square in the same order.");
            }

            if (cells.Length - 1 > k)
            {
                throw new InputFileException($"{path}: line {line}: the row has {cells.Length - 1} values; the header names {k} variables.");
            }

            for (var j = 0; j < k; j++)
            {
                var cell = j + 1 < cells.Length ? cells[j + 1] : "";
                if (cell.Length == 0 || cell.Equals("NA", StringComparison.OrdinalIgnoreCase))
                {
                    continue;
                }

                if (!TryParse(cell, separator, out var value))
                {
                    throw new InputFileException($"{path}: line {line}, column '{names[j]}': '{Shorten(cell)}' is not a number (a correlation is written with a point, as 0.35).");
                }

                matrix[i, j] = value;
                given[i, j] = true;
            }
        }

        for (var i = 0; i < k; i++)
        {
            for (var j = 0; j < k; j++)
            {
                if (given[i, j])
                {
                    continue;
                }

                if (i == j)
                {
                    matrix[i, j] = 1;
                }
                else if (given[j, i])
                {
                    matrix[i, j] = matrix[j, i];
                }
                else
                {
                    throw new InputFileException($"{path}: line {rows[i].Line}, column '{names[j]}': empty on both sides of the diagonal (row '{names[i]}', column '{names[j]}' and row '{names[j]}', column '{names[i]}'); every pair needs its correlation.");
                }
            }
        }

        return (names, matrix);
    }

    private static bool TryParse(string cell, char separator, out double value) =>
        double.TryParse(cell, NumberStyles.Float, CultureInfo.InvariantCulture, out value)
        || (separator != ',' && double.TryParse(cell.Replace(',', '.'), NumberStyles.Float, CultureInfo.InvariantCulture, out value));

    private static string Shorten(string cell) => cell.Length <= 20 ? cell : cell[..20] + "…";
}
