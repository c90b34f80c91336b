using System.Globalization;
using System.Text;

namespace Assessments.Cli.Tests;

/// <summary>
/// The psychTools bfi as an instrument definition, for tests only (it is not a shipped instrument): 25 items on a 1–6
/// format and the five scales with psych's keys. Every scale is a mean with <c>minAnswered</c> 0, which is what
/// psych::scoreItems(impute = "none") computes: the mean of whatever was answered, missing when nothing was.
/// </summary>
internal static class BfiInstrument
{
    private static readonly (string Id, string Keys)[] ScaleKeys =
    [
        ("agree", "-A1 A2 A3 A4 A5"),
        ("conscientious", "C1 C2 C3 -C4 -C5"),
        ("extraversion", "-E1 -E2 E3 E4 E5"),
        ("neuroticism", "N1 N2 N3 N4 N5"),
        ("openness", "O1 -O2 O3 O4 -O5"),
    ];

    public static string Json { get; } = Build();

    /// <summary>Writes the definition to <c>bfi.json</c> in <paramref name="directory"/> and returns its path.</summary>
    public static string WriteTo(string directory)
    {
        var path = Path.Combine(directory, "bfi.json");
        File.WriteAllText(path, Json);
        return path;
    }

    private static string Build()
    {
        var itemIds = "ACENO".SelectMany(letter => Enumerable.Range(1, 5).Select(i => string.Create(CultureInfo.InvariantCulture, $"{letter}{i}")));
        var json = new StringBuilder();
        json.Append("{\"id\":\"bfi\",\"version\":\"1.0.0\",\"kind\":\"likert\",\"languages\":[\"en\"],")
            .Append("\"title\":{\"en\":\"psychTools bfi (test)\"},\"responseFormats\":{\"six\":{\"min\":1,\"max\":6}},\"items\":[");
        json.AppendJoin(',', itemIds.Select(id => "{\"id\":\"" + id + "\",\"format\":\"six\",\"text\":{\"en\":\"" + id + "\"}}"));
        json.Append("],\"scales\":[");
        json.AppendJoin(',', ScaleKeys.Select(scale =>
            "{\"id\":\"" + scale.Id + "\",\"items\":[" + string.Join(',', scale.Keys.Split(' ').Select(key => "\"" + key + "\"")) +
            "],\"aggregate\":\"mean\",\"minAnswered\":0}"));
        json.Append("]}");
        return json.ToString();
    }
}
