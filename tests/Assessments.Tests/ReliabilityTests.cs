using System.Globalization;
using Assessments.Psychometrics;
using Assessments.Responses;

namespace Assessments.Tests;

/// <summary>Reliability on the real bfi data against psych 2.2.9's alpha() and scoreItems() (../shared/reference/bfi).</summary>
public class ReliabilityTests
{
    private const double Tolerance = 1e-9; // the reference README: compare with 1e-9 absolute

    private static readonly Lazy<ResponseMatrix> Matrix = new(() =>
    {
        var instrument = Bfi.Load();
        var (header, rows) = Bfi.ReadCsv(Bfi.ItemsCsv);
        var responses = rows.Select(row => new Response(row[0], Enumerable.Range(1, header.Length - 1).ToDictionary(
            c => header[c], c => row[c].Length == 0 ? (int?)null : int.Parse(row[c], CultureInfo.InvariantCulture)))).ToList();
        return ResponseMatrix.FromResponses(instrument, responses);
    });

    private static readonly Lazy<IReadOnlyList<ScaleReliability>> Results = new(() => Reliability.Analyze(Bfi.Load(), Matrix.Value));

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
    public void EveryItemStatisticMatchesPsychAlphaItemStats()
    {
        // psych::alpha(...)$item.stats for all 25 items (alpha_item_stats.csv). raw.r is cor(total, x, use = "pairwise"):
        // before the fix its variance of the totals was taken over every scored row, not the item's rows, and 24 items
        // (all but O2, the only complete one) were off by up to 1.1e-3.
        var (header, rows) = Bfi.ReadCsv(Path.Combine(Bfi.Folder, "alpha_item_stats.csv"));
        Assert.Equal(["scale", "item", "n", "raw_r", "std_r", "r_cor", "r_drop", "mean", "sd"], header);
        Assert.Equal(25, rows.Count);
        foreach (var row in rows)
        {
            var item = Results.Value.Single(r => r.ScaleId == row[0]).ItemStatistics.Single(i => i.ItemId == row[1]);
            Assert.Equal(int.Parse(row[2], CultureInfo.InvariantCulture), item.N);
            Assert.True(Math.Abs(Parse(row[3]) - item.RawR) < Tolerance, $"{row[1]} raw.r {item.RawR:R} vs {row[3]}");
            Assert.Equal(Parse(row[4]), item.StdR, Tolerance);
            Assert.Equal(Parse(row[5]), item.RCor, Tolerance);
            Assert.Equal(Parse(row[6]), item.RDrop, Tolerance);
            Assert.Equal(Parse(row[7]), item.Mean, Tolerance);
            Assert.Equal(Parse(row[8]), item.StandardDeviation, Tolerance);
        }
    }

    [Fact]
    public void EveryIfDeletedStatisticMatchesPsychAlphaDrop()
    {
        // psych::alpha(...)$alpha.drop (alpha_if_dropped.csv): found here from the whole scale's totals, not by refitting.
        var (header, rows) = Bfi.ReadCsv(Path.Combine(Bfi.Folder, "alpha_if_dropped.csv"));
        Assert.Equal(["scale", "item", "raw_alpha", "std_alpha", "G6", "average_r", "signal_noise", "alpha_se", "var_r", "med_r"], header);
        Assert.Equal(25, rows.Count);
        foreach (var row in rows)
        {
            var item = Results.Value.Single(r => r.ScaleId == row[0]).ItemStatistics.Single(i => i.ItemId == row[1]);
            double[] actual = [item.AlphaIfDeleted, item.AlphaStandardizedIfDeleted, item.G6IfDeleted, item.AverageRIfDeleted, item.SignalNoiseIfDeleted,
                item.AlphaStandardErrorIfDeleted, item.VarianceRIfDeleted, item.MedianRIfDeleted];
            for (var s = 0; s < actual.Length; s++)
            {
                Assert.True(Math.Abs(Parse(row[s + 2]) - actual[s]) < Tolerance, $"{row[1]} {header[s + 2]}: {actual[s]:R} vs {row[s + 2]}");
            }
        }
    }

    [Fact]
    public void AlphaConfidenceMatchesPsych()
    {
        // alpha(...)$total$ase, $feldt (alpha.ci) and median_r, and α ± 1.96 ase (alpha_confidence.csv).
        var (header, rows) = Bfi.ReadCsv(Path.Combine(Bfi.Folder, "alpha_confidence.csv"));
        Assert.Equal(["scale", "alpha", "ase", "feldt_lower", "feldt_upper", "duhachek_lower", "duhachek_upper", "median_r"], header);
        Assert.Equal(5, rows.Count);
        foreach (var row in rows)
        {
            var scale = Results.Value.Single(r => r.ScaleId == row[0]);
            double[] actual = [scale.AlphaRaw, scale.AlphaStandardError, scale.FeldtLower, scale.FeldtUpper, scale.DuhachekLower, scale.DuhachekUpper, scale.MedianR];
            for (var s = 0; s < actual.Length; s++)
            {
                Assert.True(Math.Abs(Parse(row[s + 1]) - actual[s]) < Tolerance, $"{row[0]} {header[s + 1]}: {actual[s]:R} vs {row[s + 1]}");
            }
        }
    }

    [Theory]
    [InlineData("scale_correlations_raw.csv", false)]
    [InlineData("scale_correlations_corrected.csv", true)]
    public void ScaleCorrelationsMatchPsychScoreItems(string file, bool corrected)
    {
        // scoreItems(...)$cor and $corrected: raw below the diagonal, alpha on it, r/sqrt(alpha_i alpha_j) above.
        var instrument = Bfi.Load();
        var correlations = Reliability.Correlations(instrument, Matrix.Value, Results.Value);
        var (header, rows) = Bfi.ReadCsv(Path.Combine(Bfi.Folder, file));
        Assert.Equal(correlations.ScaleIds, header.Skip(1));
        var actual = corrected ? correlations.Corrected : correlations.Raw;
        for (var i = 0; i < rows.Count; i++)
        {
            Assert.Equal(header[i + 1], rows[i][0]);
            for (var j = 0; j < rows.Count; j++)
            {
                Assert.True(Math.Abs(Parse(rows[i][j + 1]) - actual[i][j]) < Tolerance, $"{file} [{rows[i][0]}, {header[j + 1]}]: {actual[i][j]:R} vs {rows[i][j + 1]}");
            }
        }
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

        // Still without item 1, R's one correlation is r23 = (2/3)/√(4/3 · 2/3) = 1/√2. With two items left: standardised
        // α = 2r/(1 + r), average r = median r = r, S/N = 2r/(1 − r), and λ6 = 1 − (2 − 2r²)/(2 + 2r) = r (each SMC is r²);
        // the variance of one correlation does not exist.
        var r = 1 / Math.Sqrt(2);
        var first = s.ItemStatistics[0];
        Assert.Equal(2 * r / (1 + r), first.AlphaStandardizedIfDeleted, 12);
        Assert.Equal(r, first.AverageRIfDeleted, 12);
        Assert.Equal(r, first.MedianRIfDeleted, 12);
        Assert.Equal(2 * r / (1 - r), first.SignalNoiseIfDeleted, 12);
        Assert.Equal(r, first.G6IfDeleted, 12);
        Assert.True(double.IsNaN(first.VarianceRIfDeleted));
        Assert.Contains(new UndefinedStatistic(nameof(ItemStatistics.VarianceRIfDeleted), UndefinedReason.TooFewItems), first.Undefined);
    }

    [Fact]
    public void LambdaSixIfDeletedWhenTheScalesCorrelationsAreSingular()
    {
        // I2 repeats I1, so the scale's R has no inverse and its SMCs are undefined; each rest is inverted on its own.
        // Without I1 the rest (I2, I3, I4) is regular: its λ6 is that of a scale of those three items. Without I3 the rest
        // still holds the twins: undefined, and said so.
        var instrument = Instrument.Parse("""
            { "id": "t", "version": "1.0.0", "kind": "likert", "languages": ["en"], "title": { "en": "T" },
              "responseFormats": { "f": { "min": 1, "max": 5 } },
              "items": [ { "id": "I1", "format": "f", "text": { "en": "1" } }, { "id": "I2", "format": "f", "text": { "en": "2" } },
                         { "id": "I3", "format": "f", "text": { "en": "3" } }, { "id": "I4", "format": "f", "text": { "en": "4" } } ],
              "scales": [ { "id": "all", "items": ["I1", "I2", "I3", "I4"] }, { "id": "rest", "items": ["I2", "I3", "I4"] } ] }
            """);
        int[][] answers = [[1, 1, 2, 1], [2, 2, 3, 3], [3, 3, 3, 2], [4, 4, 5, 4], [5, 5, 4, 5], [2, 2, 1, 2]];
        var matrix = ResponseMatrix.FromResponses(instrument, [.. answers.Select((a, p) => new Response("p" + p,
            new Dictionary<string, int?> { ["I1"] = a[0], ["I2"] = a[1], ["I3"] = a[2], ["I4"] = a[3] }))]);
        var results = Reliability.Analyze(instrument, matrix);
        var all = results[0];
        Assert.True(double.IsNaN(all.G6Alpha));
        Assert.Equal(results[1].G6Alpha, all.ItemStatistics[0].G6IfDeleted, 12);
        Assert.True(double.IsNaN(all.ItemStatistics[2].G6IfDeleted));
        Assert.Contains(new UndefinedStatistic(nameof(ItemStatistics.G6IfDeleted), UndefinedReason.SingularCorrelations), all.ItemStatistics[2].Undefined);
        Assert.True(double.IsNaN(all.ItemStatistics[0].RCor)); // r.cor needs the scale's own SMCs
    }

    private static double Parse(string text) => double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);
}
