using System.Text.Json;
using System.Text.Json.Nodes;
using Assessments.Responses;
using Assessments.Scoring;

namespace Assessments.Psychometrics;

/// <summary>
/// Builds norms from a scored sample — per scale the mean, the SD (n − 1) and the frequency table of the scores as the
/// scale reports them — and writes them into an instrument definition, so the next scoring run reports z, T, percentile
/// ranks, normalised T and stanines (docs/methods.md §1.4). Scores are the instrument's own (its keys and <c>minAnswered</c>).
/// </summary>
public static class NormsBuilder
{
    /// <summary>The norms of every scale on <paramref name="matrix"/> (rejected rows and missing scores left out).</summary>
    public static IReadOnlyList<NormGroup> Build(Instrument instrument, ResponseMatrix matrix)
    {
        ArgumentNullException.ThrowIfNull(instrument);
        ArgumentNullException.ThrowIfNull(matrix);
        var batch = instrument.ScoreBatch(matrix);
        var groups = new List<NormGroup>();
        for (var s = 0; s < instrument.Scales.Count; s++)
        {
            var values = batch.GetValues(s).ToArray().Where(v => !double.IsNaN(v)).ToArray();
            if (values.Length < 2)
            {
                throw new ArgumentException($"The scale '{instrument.Scales[s].Id}' has {values.Length} score(s); norms need at least two.", nameof(matrix));
            }

            var mean = values.Average();
            var sd = Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / (values.Length - 1));
            var table = values.GroupBy(v => v).OrderBy(g => g.Key).Select(g => (g.Key, g.Count())).ToList();
            groups.Add(new NormGroup(instrument.Scales[s].Id, values.Length, mean, sd, table));
        }

        return groups;
    }

    /// <summary>
    /// The definition <paramref name="definitionJson"/> with its <c>norms</c> section replaced by <paramref name="norms"/>
    /// (population described in every declared language), indented; load it to score with the norms.
    /// </summary>
    public static string WriteInto(string definitionJson, IReadOnlyList<NormGroup> norms, IReadOnlyDictionary<string, string> population)
    {
        ArgumentNullException.ThrowIfNull(norms);
        ArgumentNullException.ThrowIfNull(population);
        var root = JsonNode.Parse(definitionJson)?.AsObject() ?? throw new ArgumentException("The definition is not a JSON object.", nameof(definitionJson));
        var array = new JsonArray();
        foreach (var n in norms)
        {
            var populationNode = new JsonObject();
            foreach (var (language, text) in population)
            {
                populationNode[language] = text;
            }

            var table = new JsonArray();
            foreach (var (score, count) in n.Table)
            {
                table.Add((JsonNode)new JsonObject { ["score"] = score, ["count"] = count });
            }

            array.Add((JsonNode)new JsonObject
            {
                ["scale"] = n.ScaleId,
                ["population"] = populationNode,
                ["mean"] = n.Mean,
                ["sd"] = n.StandardDeviation,
                ["sdDenominator"] = "n-1",
                ["n"] = n.N,
                ["percentile"] = "midPoint",
                ["table"] = table,
            });
        }

        root["norms"] = array;
        return root.ToJsonString(new JsonSerializerOptions { WriteIndented = true, TypeInfoResolver = NormsJsonContext.Default, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
    }
}

[System.Text.Json.Serialization.JsonSerializable(typeof(JsonNode))]
internal sealed partial class NormsJsonContext : System.Text.Json.Serialization.JsonSerializerContext;
