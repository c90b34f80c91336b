using System.Globalization;
using Assessments.Psychometrics;
using Assessments.Responses;

namespace Assessments.Tests;

/// <summary>psych-style sample imputation on the real bfi data, and norms built from a sample.</summary>
public class ImputationAndNormsTests
{
    private static readonly int[] SampleAnswers = [1, 2, 2, 5];

    [Fact]
    public void MedianImputationFollowsPsychsRuleForEveryoneWithMissingAnswers()
    {
        // psych::scoreItems(impute = "median"): each missing raw answer becomes the item's median over the people who
        // answered it (R's median: the middle value, or the mean of the two middle ones); reverse keys are applied after,
        // as 7 − x on 1–6; the score is the mean of all five keyed items. Expected values are computed here from that rule.
        var instrument = Bfi.Load();
        var (header, rows) = Bfi.ReadCsv(Bfi.ItemsCsv);
        var medians = new Dictionary<string, double>();
        for (var c = 1; c < header.Length; c++)
        {
            var answered = rows.Where(r => r[c].Length > 0).Select(r => double.Parse(r[c], CultureInfo.InvariantCulture)).Order().ToList();
            var n = answered.Count;
            medians[header[c]] = n % 2 == 1 ? answered[n / 2] : (answered[(n / 2) - 1] + answered[n / 2]) / 2;
        }

        var responses = rows.Select(row => new Response(row[0], Enumerable.Range(1, header.Length - 1).ToDictionary(
            c => header[c], c => row[c].Length == 0 ? (int?)null : int.Parse(row[c], CultureInfo.InvariantCulture)))).ToList();
        var scores = Reliability.Scores(instrument, ResponseMatrix.FromResponses(instrument, responses), Imputation.PsychMedian);
        var checkedPeople = 0;
        for (var p = 0; p < rows.Count; p++)
        {
            for (var s = 0; s < Bfi.Scales.Length; s++)
            {
                var keys = Bfi.Scales[s].Keys;
                if (keys.All(k => rows[p][Array.IndexOf(header, k.TrimStart('-'))].Length > 0))
                {
                    continue; // complete: no imputation involved
                }

                double sum = 0;
                foreach (var key in keys)
                {
                    var id = key.TrimStart('-');
                    var cell = rows[p][Array.IndexOf(header, id)];
                    var raw = cell.Length == 0 ? medians[id] : double.Parse(cell, CultureInfo.InvariantCulture);
                    sum += key.StartsWith('-') ? 7 - raw : raw;
                }

                Assert.Equal(sum / 5, scores[p][s], 1e-9);
                checkedPeople++;
            }
        }

        Assert.Equal(451, checkedPeople); // scale scores of items.csv with at least one missing answer: every one was checked
    }

    [Fact]
    public void BuildsNormsAndTheNextRunUsesThem()
    {
        // Scores 1, 2, 2, 5 on a one-item scale: mean 2.5, SD = √((2.25 + 0.25 + 0.25 + 6.25)/3) = √3.
        var json = """
            { "id": "t", "version": "1.0.0", "kind": "likert", "languages": ["en", "fr"], "title": { "en": "T", "fr": "T" },
              "responseFormats": { "f": { "min": 1, "max": 5 } },
              "items": [ { "id": "I1", "format": "f", "text": { "en": "1", "fr": "1" } } ],
              "scales": [ { "id": "s", "items": ["I1"] } ] }
            """;
        var instrument = Instrument.Parse(json);
        var matrix = ResponseMatrix.FromResponses(instrument, [.. SampleAnswers.Select((a, i) =>
            new Response("p" + i, new Dictionary<string, int?> { ["I1"] = a }))]);
        var norm = Assert.Single(NormsBuilder.Build(instrument, matrix));
        Assert.Equal((4, 2.5, Math.Sqrt(3)), (norm.N, norm.Mean, norm.StandardDeviation));
        Assert.Equal([(1.0, 1), (2.0, 2), (5.0, 1)], norm.Table);

        var normed = Instrument.Parse(NormsBuilder.WriteInto(json, [norm], new Dictionary<string, string> { ["en"] = "Sample", ["fr"] = "Échantillon" }));
        var score = normed.Score(new Response("q", new Dictionary<string, int?> { ["I1"] = 2 }))["s"];
        Assert.Equal((2 - 2.5) / Math.Sqrt(3), score.Norms!.Z!.Value, 12);
        Assert.Equal(100 * (1 + (2 / 2.0)) / 4, score.Norms.PercentileRank); // mid-point: 1 below, 2 at → 50
        Assert.NotEqual(instrument.Fingerprint, normed.Fingerprint);
    }
}
