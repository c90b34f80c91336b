using System.Globalization;
using Assessments.Psychometrics;
using Assessments.Responses;

namespace Assessments.Tests;

/// <summary>Reliability on the real bfi data against psych 2.2.9's alpha() and scoreItems() (../shared/reference/bfi).</summary>
public class ReliabilityTests
{
    private const double Tolerance = 1e-9; // the reference README: compare with 1e-9 absolute

    private static readonly Lazy<IReadOnlyList<ScaleReliability>> Results = new(() =>
    {
        var instrument = Bfi.Load();
        var (header, rows) = Bfi.ReadCsv(Bfi.ItemsCsv);
        var responses = rows.Select(row => new Response(row[0], Enumerable.Range(1, header.Length - 1).ToDictionary(
            c => header[c], c => row[c].Length == 0 ? (int?)null : int.Parse(row[c], CultureInfo.InvariantCulture)))).ToList();
        return Reliability.Analyze(instrument, ResponseMatrix.FromResponses(instrument, responses));
    });

    public static TheoryData<string> Scales() => new(Bfi.Scales.Select(s => s.Scale));

    [Theory]
    [MemberData(nameof(Scales))]
    public void MatchesPsychAlpha(string scale)
    {
        var (header, rows) = Bfi.ReadCsv(Path.Combine(Bfi.Folder, "scale_stats_alpha.csv"));
        var expected = rows.Single(r => r[0] == scale);
        var actual = Results.Value.Single(r => r.ScaleId == scale);
        Assert.Equal(["scale", "alpha_raw", "alpha_std", "G6_alpha", "average_r"], header);
        Assert.Equal(Parse(expected[1]), actual.AlphaRaw, Tolerance);
        Assert.Equal(Parse(expected[2]), actual.AlphaStandardized, Tolerance);
        Assert.Equal(Parse(expected[3]), actual.G6Alpha, Tolerance);
        Assert.Equal(Parse(expected[4]), actual.AverageR, Tolerance);
    }

    [Theory]
    [MemberData(nameof(Scales))]
    public void MatchesPsychScoreItems(string scale)
    {
        var (header, rows) = Bfi.ReadCsv(Path.Combine(Bfi.Folder, "scale_stats_scoreItems_impute_none.csv"));
        var expected = rows.Single(r => r[0] == scale);
        var actual = Results.Value.Single(r => r.ScaleId == scale);
        Assert.Equal(["scale", "alpha_raw", "G6_scoreItems", "average_r", "signal_noise"], header);
        Assert.Equal(Parse(expected[1]), actual.AlphaRaw, Tolerance);
        Assert.Equal(Parse(expected[2]), actual.G6ScoreItems, Tolerance);
        Assert.Equal(Parse(expected[3]), actual.AverageRScoreItems, Tolerance);
        Assert.Equal(Parse(expected[4]), actual.SignalNoise, Tolerance);
    }

    [Fact]
    public void ComputesItemStatisticsConsistentWithTheScale()
    {
        var agree = Results.Value.Single(r => r.ScaleId == "agree");
        Assert.Equal(5, agree.ItemStatistics.Count);
        Assert.True(agree.ItemStatistics[0].Reverse); // -A1
        Assert.All(agree.ItemStatistics, i => Assert.Equal(1, i.Frequencies.Sum(), 12));
        Assert.All(agree.ItemStatistics, i => Assert.Equal(2800, i.N + i.Missing));
        // SEM = SD · √(1 − α_raw), on the mean-score metric.
        Assert.Equal(agree.StandardDeviation * Math.Sqrt(1 - agree.AlphaRaw), agree.Sem, 12);
    }

    [Fact]
    public void ComputesAlphaIfDeletedAndRDropByHandOnASmallSample()
    {
        // Three items, four people, complete data. Keyed answers (rows): (1,2,2) (2,2,3) (3,4,3) (4,4,4).
        // Variances: 5/3, 4/3, 2/3; covariances: c12 = 4/3, c13 = 1, c23 = 2/3; sum C = 11/3 + 2(4/3 + 1 + 2/3) = 29/3.
        // α = 3/2 · (1 − (11/3)/(29/3)) = 3/2 · 18/29 = 27/29.
        // Without item 1: C = [[4/3, 2/3], [2/3, 2/3]], sum 10/3, trace 2 → α = 2 · (1 − 2/(10/3)) = 0.8.
        // r.drop of item 1 = (c12 + c13)/√(c11 · sum(C without 1)) = (7/3)/√(5/3 · 10/3) = 7/√50.
        var instrument = Instrument.Parse("""
            { "id": "t", "version": "1.0.0", "kind": "likert", "languages": ["en"], "title": { "en": "T" },
              "responseFormats": { "f": { "min": 1, "max": 5 } },
              "items": [ { "id": "I1", "format": "f", "text": { "en": "1" } }, { "id": "I2", "format": "f", "text": { "en": "2" } },
                         { "id": "I3", "format": "f", "text": { "en": "3" } } ],
              "scales": [ { "id": "s", "items": ["I1", "I2", "I3"] } ] }
            """);
        int[][] answers = [[1, 2, 2], [2, 2, 3], [3, 4, 3], [4, 4, 4]];
        var matrix = ResponseMatrix.FromResponses(instrument, [.. answers.Select((a, p) => new Response("p" + p,
            new Dictionary<string, int?> { ["I1"] = a[0], ["I2"] = a[1], ["I3"] = a[2] }))]);
        var s = Reliability.Analyze(instrument, matrix)[0];
        Assert.Equal(27.0 / 29, s.AlphaRaw, 12);
        Assert.Equal(0.8, s.ItemStatistics[0].AlphaIfDeleted, 12);
        Assert.Equal(7 / Math.Sqrt(50), s.ItemStatistics[0].RDrop, 12);
        Assert.Equal([0.25, 0.25, 0.25, 0.25, 0], s.ItemStatistics[0].Frequencies);
    }

    private static double Parse(string text) => double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);
}
