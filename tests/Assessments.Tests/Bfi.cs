using System.Globalization;
using System.Text;

namespace Assessments.Tests;

/// <summary>
/// psychTools' bfi as an instrument (25 items, 1–6, keys from ../shared/reference/bfi/README.md) and its reference data.
/// Placeholder item texts: the test needs the keys, not the wording. minAnswered 0 reproduces psych's impute = "none"
/// (the mean of whatever was answered; missing only when nothing was).
/// </summary>
internal static class Bfi
{
    public static readonly (string Scale, string[] Keys)[] Scales =
    [
        ("agree", ["-A1", "A2", "A3", "A4", "A5"]),
        ("conscientious", ["C1", "C2", "C3", "-C4", "-C5"]),
        ("extraversion", ["-E1", "-E2", "E3", "E4", "E5"]),
        ("neuroticism", ["N1", "N2", "N3", "N4", "N5"]),
        ("openness", ["O1", "-O2", "O3", "O4", "-O5"]),
    ];

    public static string Folder => Path.Combine(TestPaths.SharedReference, "bfi");

    public static string ItemsCsv => Path.Combine(Folder, "items.csv");

    public static string ScoresCsv => Path.Combine(Folder, "scores_mean_impute_none.csv");

    public static string Json()
    {
        var items = string.Join(",", "ACENO".SelectMany(f => Enumerable.Range(1, 5).Select(i => $"{f}{i}"))
            .Select(id => "{\"id\":\"" + id + "\",\"format\":\"six\",\"text\":{\"en\":\"bfi item " + id + "\"}}"));
        var scales = string.Join(",", Scales.Select(s =>
            "{\"id\":\"" + s.Scale + "\",\"items\":[" + string.Join(",", s.Keys.Select(k => "\"" + k + "\"")) + "],\"aggregate\":\"mean\",\"minAnswered\":0}"));
        return $$$"""
            {"id":"bfi","version":"1.0.0","kind":"likert","languages":["en"],"title":{"en":"psychTools bfi (test)"},
             "responseFormats":{"six":{"min":1,"max":6}},"items":[{{{items}}}],"scales":[{{{scales}}}]}
            """;
    }

    public static Instrument Load() => Instrument.Parse(Json());

    /// <summary>Reads a simple CSV (no quotes) into (header, rows).</summary>
    public static (string[] Header, List<string[]> Rows) ReadCsv(string path)
    {
        var lines = File.ReadAllLines(path, Encoding.UTF8);
        return (lines[0].Split(','), lines.Skip(1).Where(l => l.Length > 0).Select(l => l.Split(',')).ToList());
    }

    public static double? ParseCell(string cell) =>
        cell.Length == 0 ? null : double.Parse(cell, NumberStyles.Float, CultureInfo.InvariantCulture);
}
