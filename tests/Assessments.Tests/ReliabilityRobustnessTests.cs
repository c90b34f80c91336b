using System.Globalization;
using Assessments.Psychometrics;
using Assessments.Responses;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Assessments.Tests;

/// <summary>
/// Reliability, ω and scores on samples psych would warn about: items without variance (dropped, as psych does, and the
/// rest must equal the scale without them), tiny samples, collinear items, one-item scales, pairs never answered
/// together. Nothing may throw on account of the data; undefined statistics are NaN with a reason.
/// </summary>
public class ReliabilityRobustnessTests
{
    private const double Exact = 1e-12;
    private const double Psych = 1e-9; // the reference README: psych's own arithmetic carries 1-ulp noise

    private static readonly Lazy<(string[] Header, List<string[]> Rows)> BfiData = new(() => Bfi.ReadCsv(Bfi.ItemsCsv));

    [Fact]
    public void ItemStatisticsMatchPsychAlphaOnBfi()
    {
        // psych::alpha(...)$alpha.drop and $item.stats (../shared/reference/bfi): α if deleted (raw and via the O(k) totals
        // of C), r.drop, n, mean and SD of every keyed item.
        var results = Reliability.Analyze(Bfi.Load(), Matrix(Bfi.Load(), _ => { }));
        var dropped = Bfi.ReadCsv(Path.Combine(Bfi.Folder, "alpha_if_dropped.csv"));
        var stats = Bfi.ReadCsv(Path.Combine(Bfi.Folder, "alpha_item_stats.csv"));
        Assert.Equal(["scale", "item", "raw_alpha", "std_alpha", "G6", "average_r", "signal_noise", "alpha_se", "var_r", "med_r"], dropped.Header);
        Assert.Equal(["scale", "item", "n", "raw_r", "std_r", "r_cor", "r_drop", "mean", "sd"], stats.Header);
        foreach (var row in dropped.Rows)
        {
            var item = results.Single(s => s.ScaleId == row[0]).ItemStatistics.Single(i => i.ItemId == row[1]);
            Assert.Equal(Parse(row[2]), item.AlphaIfDeleted, Psych);
        }

        foreach (var row in stats.Rows)
        {
            var item = results.Single(s => s.ScaleId == row[0]).ItemStatistics.Single(i => i.ItemId == row[1]);
            Assert.Equal(int.Parse(row[2], CultureInfo.InvariantCulture), item.N);
            Assert.Equal(Parse(row[6]), item.RDrop, Psych);
            Assert.Equal(Parse(row[7]), item.Mean, Psych);
            Assert.Equal(Parse(row[8]), item.StandardDeviation, Psych);
            Assert.Empty(item.Undefined);
        }

        Assert.All(results, s => Assert.Empty(s.DroppedItems));
        Assert.All(results, s => Assert.Empty(s.Undefined));
    }

    [Fact]
    public void AConstantItemIsDroppedAndTheScaleIsTheScaleWithoutIt()
    {
        // bfi plus an item K1 that all 2,800 people answered 3, keyed into agree: psych deletes it ("had no variance and was
        // deleted"); everything else must be bit for bit what the five-item agree gives, psych's values included.
        var withConstant = BfiVariant(["K1"], ("agree", "-A1 A2 A3 A4 A5 K1"));
        var results = Reliability.Analyze(withConstant, Matrix(withConstant, row => row["K1"] = 3));
        var plain = Reliability.Analyze(Bfi.Load(), Matrix(Bfi.Load(), _ => { }));

        var agree = results.Single(s => s.ScaleId == "agree");
        Assert.Equal([new DroppedItem("K1", DroppedItemReason.ZeroVariance)], agree.DroppedItems);
        Assert.Equal(6, agree.Items);
        for (var s = 0; s < plain.Count; s++)
        {
            AssertSameStatistics(plain[s], results[s]);
        }

        var k1 = agree.ItemStatistics[5];
        Assert.Equal(("K1", DroppedItemReason.ZeroVariance, 2800, 3.0, 0.0), (k1.ItemId, k1.Dropped!.Value, k1.N, k1.Mean, k1.StandardDeviation));
        Assert.True(double.IsNaN(k1.RDrop) && double.IsNaN(k1.RawR) && double.IsNaN(k1.AlphaIfDeleted));
        Assert.Equal([nameof(ItemStatistics.RDrop), nameof(ItemStatistics.RawR), nameof(ItemStatistics.AlphaIfDeleted), nameof(ItemStatistics.StdR),
            nameof(ItemStatistics.RCor), nameof(ItemStatistics.AlphaStandardizedIfDeleted), nameof(ItemStatistics.G6IfDeleted), nameof(ItemStatistics.AverageRIfDeleted),
            nameof(ItemStatistics.SignalNoiseIfDeleted), nameof(ItemStatistics.AlphaStandardErrorIfDeleted), nameof(ItemStatistics.VarianceRIfDeleted),
            nameof(ItemStatistics.MedianRIfDeleted)], k1.Undefined.Select(u => u.Statistic));
        Assert.All(k1.Undefined, u => Assert.Equal(UndefinedReason.ItemDropped, u.Reason));

        // Scores leave it out too, as scoreItems does (with it, every agree score would move towards 3).
        var scores = Reliability.Scores(withConstant, Matrix(withConstant, row => row["K1"] = 3), Imputation.None);
        var plainScores = Reliability.Scores(Bfi.Load(), Matrix(Bfi.Load(), _ => { }), Imputation.None);
        Assert.Equal(plainScores, scores);
    }

    [Fact]
    public void ABlankedItemIsDroppedAndTheScaleMatchesPsychWithoutIt()
    {
        // A1 blanked for everyone: agree is the four-item scale A2–A5. Its α, standardised α, λ6 and average r are psych's
        // alpha(...)$alpha.drop row for A1 (1e-9), and every statistic is what the library gives for a four-item agree on
        // the untouched data (1e-12; here bit for bit), λ6 of scoreItems included (A1 is out of the pool in both).
        var results = Reliability.Analyze(Bfi.Load(), Matrix(Bfi.Load(), row => row.Remove("A1")));
        var fourItems = BfiVariant([], ("agree", "A2 A3 A4 A5"));
        var expected = Reliability.Analyze(fourItems, Matrix(fourItems, _ => { }));

        var agree = results.Single(s => s.ScaleId == "agree");
        Assert.Equal([new DroppedItem("A1", DroppedItemReason.NoAnswers)], agree.DroppedItems);
        var psych = Bfi.ReadCsv(Path.Combine(Bfi.Folder, "alpha_if_dropped.csv")).Rows.Single(r => r[0] == "agree" && r[1] == "A1");
        Assert.Equal(Parse(psych[2]), agree.AlphaRaw, Psych);
        Assert.Equal(Parse(psych[3]), agree.AlphaStandardized, Psych);
        Assert.Equal(Parse(psych[4]), agree.G6Alpha, Psych);
        Assert.Equal(Parse(psych[5]), agree.AverageR, Psych);
        for (var s = 0; s < expected.Count; s++)
        {
            AssertSameStatistics(expected[s], results[s]);
        }

        var a1 = agree.ItemStatistics[0];
        Assert.Equal((0, 2800, DroppedItemReason.NoAnswers), (a1.N, a1.Missing, a1.Dropped!.Value));
        Assert.True(double.IsNaN(a1.Mean) && double.IsNaN(a1.StandardDeviation) && a1.Frequencies.All(double.IsNaN));
        Assert.Contains(new UndefinedStatistic(nameof(ItemStatistics.Mean), UndefinedReason.TooFewPeople), a1.Undefined);
    }

    [Fact]
    public void AnUnansweredItemNoLongerBlanksEveryImputedScore()
    {
        // With impute = "median" the median of an item nobody answered is NA, which used to make every agree score NaN;
        // scoreItems deletes the item first, and so does the library.
        var scores = Reliability.Scores(Bfi.Load(), Matrix(Bfi.Load(), row => row.Remove("A1")), Imputation.PsychMedian);
        Assert.All(scores, person => Assert.False(double.IsNaN(person[0])));
    }

    [Fact]
    public void TwoPeopleAndThreeItemsByHand()
    {
        // Answers (I1, I2, I3): (1, 2, 5) and (3, 4, 5). I3 is constant: dropped. I1 and I2: var = (1 + 1)/1 = 2 each,
        // cov = ((1−2)(2−3) + (3−2)(4−3))/1 = 2, so C = [[2, 2], [2, 2]]: sum 8, trace 4, α = 2 · (1 − 4/8) = 1;
        // R = [[1, 1], [1, 1]]: α_std = 2 · (1 − 2/4) = 1, r̄ = (4 − 2)/2 = 1; R is singular, so no SMC, no λ6.
        // scoreItems' r̄ = α/(k − α(k − 1)) = 1/(2 − 1) = 1, so S/N = 2 · 1/(1 − 1) divides by zero.
        // Scores (mean of I1, I2): 1.5 and 3.5: mean 2.5, SD √2, SEM √2 · √(1 − 1) = 0.
        // I1: r.drop = c12/√(c11 · c22) = 2/2 = 1; raw r = cov(I1, score)/√(2 · 2) = ((−1)(−1) + (1)(1))/2 = 1; no α if
        // deleted (one item would remain).
        var instrument = ThreeItems(("s", "I1 I2 I3"));
        var s = Reliability.Analyze(instrument, Rows(instrument, [1, 2, 5], [3, 4, 5]))[0];

        Assert.Equal([new DroppedItem("I3", DroppedItemReason.ZeroVariance)], s.DroppedItems);
        Assert.Equal((2, 2.5, Math.Sqrt(2), 1.0, 1.0, 1.0, 1.0, 0.0), (s.N, s.Mean, s.StandardDeviation, s.AlphaRaw, s.AlphaStandardized, s.AverageR,
            s.AverageRScoreItems, s.Sem));
        Assert.True(double.IsNaN(s.G6Alpha) && double.IsNaN(s.G6ScoreItems) && double.IsNaN(s.SignalNoise));
        Assert.Equal(
            [
                new(nameof(ScaleReliability.G6Alpha), UndefinedReason.SingularCorrelations),
                new(nameof(ScaleReliability.G6ScoreItems), UndefinedReason.SingularCorrelations),
                new(nameof(ScaleReliability.SignalNoise), UndefinedReason.Degenerate),
                new(nameof(ScaleReliability.VarianceR), UndefinedReason.TooFewItems), // one correlation has no variance
            ],
            s.Undefined);
        var i1 = s.ItemStatistics[0];
        Assert.Equal((1.0, 1.0, 2.0, Math.Sqrt(2)), (i1.RDrop, i1.RawR, i1.Mean, i1.StandardDeviation));

        // std.r = colSum(R)/√sum(R) = 2/√4 = 1; r.cor needs the singular R's SMCs; nothing "if deleted" with one item left.
        Assert.Equal(1.0, i1.StdR, Exact);
        Assert.Equal(
            [
                new(nameof(ItemStatistics.AlphaIfDeleted), UndefinedReason.TooFewItems),
                new(nameof(ItemStatistics.RCor), UndefinedReason.SingularCorrelations),
                new(nameof(ItemStatistics.AlphaStandardizedIfDeleted), UndefinedReason.TooFewItems),
                new(nameof(ItemStatistics.G6IfDeleted), UndefinedReason.TooFewItems),
                new(nameof(ItemStatistics.AverageRIfDeleted), UndefinedReason.TooFewItems),
                new(nameof(ItemStatistics.SignalNoiseIfDeleted), UndefinedReason.TooFewItems),
                new(nameof(ItemStatistics.AlphaStandardErrorIfDeleted), UndefinedReason.TooFewItems),
                new(nameof(ItemStatistics.VarianceRIfDeleted), UndefinedReason.TooFewItems),
                new(nameof(ItemStatistics.MedianRIfDeleted), UndefinedReason.TooFewItems),
            ],
            i1.Undefined);
    }

    [Fact]
    public void NoRowsOneRowAndEmptyRowsGiveEmptyStatisticsWithReasons()
    {
        var instrument = ThreeItems(("s", "I1 I2 I3"));
        var none = Reliability.Analyze(instrument, Rows(instrument))[0];
        Assert.Equal(3, none.DroppedItems.Count);
        Assert.All(none.DroppedItems, d => Assert.Equal(DroppedItemReason.NoAnswers, d.Reason));
        Assert.Equal(0, none.N);
        Assert.Contains(new UndefinedStatistic(nameof(ScaleReliability.AlphaRaw), UndefinedReason.TooFewItems), none.Undefined);
        Assert.Contains(new UndefinedStatistic(nameof(ScaleReliability.Mean), UndefinedReason.TooFewItems), none.Undefined);

        var one = Reliability.Analyze(instrument, Rows(instrument, [1, 2, 3]))[0];
        Assert.All(one.DroppedItems, d => Assert.Equal(DroppedItemReason.OneAnswer, d.Reason));
        Assert.Empty(Reliability.Scores(instrument, Rows(instrument), Imputation.None));

        // Rows nobody answered change nothing but the items' missing counts.
        int?[][] answers = [[1, 2, 2], [2, 2, 3], [3, 4, 3], [4, 4, 4]];
        var plain = Reliability.Analyze(instrument, Rows(instrument, answers))[0];
        var padded = Reliability.Analyze(instrument, Rows(instrument, [.. answers, [null, null, null], [null, null, null]]))[0];
        Assert.Equal(27.0 / 29, padded.AlphaRaw, Exact); // ReliabilityTests' hand-computed case
        Assert.Equal(plain, padded with { ItemStatistics = plain.ItemStatistics, DroppedItems = plain.DroppedItems, Undefined = plain.Undefined });
        Assert.All(padded.ItemStatistics, i => Assert.Equal(2, i.Missing));
    }

    [Fact]
    public void CollinearItemsKeepAlphaButHaveNoSmc()
    {
        // I2 = I1 + 1 for everyone: R is singular, so λ6 (both variants) is undefined; α and the rest are not.
        // C: var I1 = var I2 = 5/3, c12 = 5/3; I3 = (2, 2, 3, 4): var 11/12, c13 = c23 = (−1.5·−0.75 −0.5·−0.75 + 0.5·0.25 + 1.5·1.25)/3 = 7/6.
        // sum C = 4 · 5/3 + 11/12 + 4 · 7/6 = 20/3 + 11/12 + 14/3 = 147/12, trace = 10/3 + 11/12 = 51/12:
        // α = 3/2 · (1 − 51/147) = 3/2 · 96/147 = 48/49.
        var instrument = ThreeItems(("s", "I1 I2 I3"));
        var s = Reliability.Analyze(instrument, Rows(instrument, [1, 2, 2], [2, 3, 2], [3, 4, 3], [4, 5, 4]))[0];
        Assert.Equal(48.0 / 49, s.AlphaRaw, Exact);
        Assert.Contains(new UndefinedStatistic(nameof(ScaleReliability.G6Alpha), UndefinedReason.SingularCorrelations), s.Undefined);
        Assert.Contains(new UndefinedStatistic(nameof(ScaleReliability.G6ScoreItems), UndefinedReason.SingularCorrelations), s.Undefined);
        Assert.Empty(s.DroppedItems);
    }

    [Fact]
    public void AOneItemScaleHasNoAlphaButItsOwnDescription()
    {
        // α = k/(k − 1) · … divides by zero with k = 1 (scoreItems prints 1 there, alpha() fails): NaN, too few items.
        // λ6 of scoreItems, (V − var + smc · var)/V = smc of I1 within the pool, is defined. (Without the fifth row, I3 would
        // be I1 − I2/2 up to a constant: a singular pool.)
        var instrument = ThreeItems(("one", "I1"), ("all", "I1 I2 I3"));
        var one = Reliability.Analyze(instrument, Rows(instrument, [1, 2, 2], [2, 2, 3], [3, 4, 3], [4, 4, 4], [2, 5, 1]))[0];
        foreach (var name in new[] { nameof(ScaleReliability.AlphaRaw), nameof(ScaleReliability.AlphaStandardized), nameof(ScaleReliability.G6Alpha),
            nameof(ScaleReliability.AverageR), nameof(ScaleReliability.AverageRScoreItems), nameof(ScaleReliability.SignalNoise), nameof(ScaleReliability.Sem) })
        {
            Assert.Contains(new UndefinedStatistic(name, UndefinedReason.TooFewItems), one.Undefined);
        }

        Assert.InRange(one.G6ScoreItems, 0, 1);
        Assert.Equal((5, 2.4), (one.N, one.Mean));
        Assert.Equal(1.0, one.ItemStatistics[0].RawR, Exact);
        Assert.Contains(new UndefinedStatistic(nameof(ItemStatistics.RDrop), UndefinedReason.TooFewItems), one.ItemStatistics[0].Undefined);
    }

    [Fact]
    public void APairNeverAnsweredTogetherLeavesTheMatrixStatisticsUndefined()
    {
        // I1 answered by the first three people, I2 by the last three: no covariance for the pair (psych: NA).
        var instrument = ThreeItems(("s", "I1 I2"));
        var s = Reliability.Analyze(instrument, Rows(instrument, [1, null, 1], [2, null, 1], [4, null, 1], [null, 3, 1], [null, 5, 1], [null, 1, 1]))[0];
        Assert.Contains(new UndefinedStatistic(nameof(ScaleReliability.AlphaRaw), UndefinedReason.MissingCovariance), s.Undefined);
        Assert.Contains(new UndefinedStatistic(nameof(ScaleReliability.G6ScoreItems), UndefinedReason.MissingCovariance), s.Undefined);
        Assert.Equal(6, s.N); // everyone has a score
        Assert.False(double.IsNaN(s.StandardDeviation));
    }

    [Fact]
    public void OmegaDropsItemsWithoutVarianceAndReportsWhatItCannotCompute()
    {
        var instrument = BfiVariant(["K1"], ("agree", "-A1 A2 A3 A4 A5 K1"));
        var matrix = Matrix(instrument, row => row["K1"] = 3);
        var omega = Omega.Compute(instrument, matrix, 5);
        Assert.Equal([new DroppedItem("K1", DroppedItemReason.ZeroVariance)], omega.DroppedItems);
        Assert.Equal(26, omega.General.Count);
        Assert.True(double.IsNaN(omega.General[25]));
        var expected = Omega.Compute(Bfi.Load(), Matrix(Bfi.Load(), _ => { }), 5);
        Assert.Equal(expected.OmegaHierarchical, omega.OmegaHierarchical, Exact);
        Assert.Equal(expected.OmegaTotal, omega.OmegaTotal, Exact);
        Assert.Equal(expected.Ecv, omega.Ecv, Exact);
        Assert.True(double.IsNaN(omega.GroupLoadings[25][0])); // K1's group loadings, and no group holds it
        Assert.Equal(expected.Groups.Select(g => g.Items), omega.Groups.Select(g => g.Items)); // positions 0–24 are the same items

        // Two people: the 25 × 25 correlation matrix has rank 1; minres has no SMCs to start from.
        var two = Omega.Compute(Bfi.Load(), Matrix(Bfi.Load(), _ => { }, rows: 2), 5);
        Assert.True(double.IsNaN(two.OmegaHierarchical));
        Assert.Contains(two.Undefined, u => u.Statistic == nameof(OmegaResult.OmegaHierarchical)
            && u.Reason is UndefinedReason.SingularCorrelations or UndefinedReason.TooFewItems);

        // The columns overload names dropped columns by position.
        var columns = new[] { new[] { 1.0, 2, 3 }, new[] { 2.0, 2, 2 }, new[] { 3.0, 1, 2 }, new[] { 1.0, 3, 1 } };
        var small = Omega.Compute(columns, 1);
        Assert.Equal([new DroppedItem("1", DroppedItemReason.ZeroVariance)], small.DroppedItems);
    }

    [Fact]
    public void SmcsAreOneMinusTheInverseDiagonalOnEveryPath()
    {
        // Positive definite (Cholesky path), indefinite but invertible as pairwise-complete correlations can be (eigen
        // path; det = 0.19 − 2 · 0.9 · 1.71 < 0), and singular (no SMCs): against MathNet's LU inverse.
        var random = new Random(7);
        var x = MathNet.Numerics.LinearAlgebra.Matrix<double>.Build.Dense(200, 40, (_, _) => random.NextDouble());
        var covariance = x.TransposeThisAndMultiply(x).ToArray();
        var definite = PairwiseCovariance.ToCorrelation(covariance);
        double[,] indefinite = { { 1, 0.9, 0.9 }, { 0.9, 1, -0.9 }, { 0.9, -0.9, 1 } };
        foreach (var r in new[] { definite, indefinite })
        {
            var inverse = MathNet.Numerics.LinearAlgebra.Matrix<double>.Build.DenseOfArray(r).Inverse();
            var smc = PairwiseCovariance.Smc(r, out _)!;
            for (var i = 0; i < smc.Length; i++)
            {
                Assert.Equal(Math.Clamp(1 - (1 / inverse[i, i]), 0, 1), smc[i], Exact);
            }
        }

        Assert.Null(PairwiseCovariance.Smc(new double[,] { { 1, 1, 0.5 }, { 1, 1, 0.5 }, { 0.5, 0.5, 1 } }, out var reason));
        Assert.Equal(UndefinedReason.SingularCorrelations, reason);
    }

    [Property(MaxTest = 300)]
    public void NothingThrowsOnTinyOrDegenerateSamples(PositiveInt seed)
    {
        // 0–5 rows, 1–5 items in two overlapping scales, with missing cells, constant columns and copies of columns.
        var random = new Random(seed.Get);
        var items = 1 + random.Next(5);
        var ids = Enumerable.Range(1, items).Select(i => "I" + i.ToString(CultureInfo.InvariantCulture)).ToArray();
        var instrument = Instrument.Parse(Definition(ids, [("a", string.Join(' ', ids.Select((id, i) => i % 2 == 1 ? "-" + id : id))),
            ("b", ids[^1])]));
        var rows = random.Next(6);
        var matrix = new ResponseMatrix(items, rows) { RowCount = rows };
        for (var j = 0; j < items; j++)
        {
            var kind = random.Next(4); // 0 random, 1 constant, 2 a copy of column 0, 3 mostly missing
            for (var r = 0; r < rows; r++)
            {
                matrix[r, j] = kind switch
                {
                    1 => 3,
                    2 when j > 0 => matrix[r, 0],
                    3 => random.Next(4) == 0 ? (short)random.Next(1, 6) : ResponseMatrix.Missing,
                    _ => random.Next(5) == 0 ? ResponseMatrix.Missing : (short)random.Next(1, 6),
                };
            }
        }

        foreach (var imputation in new[] { Imputation.None, Imputation.PsychMedian, Imputation.PsychMean })
        {
            foreach (var s in Reliability.Analyze(instrument, matrix, imputation))
            {
                AssertEveryNaNHasAReason(s);
            }

            Assert.Equal(rows, Reliability.Scores(instrument, matrix, imputation).Length);
            if (items >= 3)
            {
                var omega = Omega.Compute(instrument, matrix, 1, imputation);
                Assert.Equal(double.IsNaN(omega.OmegaTotal), omega.Undefined.Any(u => u.Statistic == nameof(OmegaResult.OmegaTotal)));
            }
        }
    }

    /// <summary>Every NaN statistic of a scale and of its items is listed with a reason, and nothing else is.</summary>
    private static void AssertEveryNaNHasAReason(ScaleReliability s)
    {
        var values = new Dictionary<string, double>
        {
            [nameof(s.Mean)] = s.Mean, [nameof(s.StandardDeviation)] = s.StandardDeviation, [nameof(s.AlphaRaw)] = s.AlphaRaw,
            [nameof(s.AlphaStandardized)] = s.AlphaStandardized, [nameof(s.G6Alpha)] = s.G6Alpha, [nameof(s.G6ScoreItems)] = s.G6ScoreItems,
            [nameof(s.AverageR)] = s.AverageR, [nameof(s.AverageRScoreItems)] = s.AverageRScoreItems, [nameof(s.SignalNoise)] = s.SignalNoise,
            [nameof(s.Sem)] = s.Sem, [nameof(s.AlphaStandardError)] = s.AlphaStandardError, [nameof(s.FeldtLower)] = s.FeldtLower,
            [nameof(s.FeldtUpper)] = s.FeldtUpper, [nameof(s.MedianR)] = s.MedianR, [nameof(s.VarianceR)] = s.VarianceR,
        };
        Assert.Equal(values.Where(v => double.IsNaN(v.Value)).Select(v => v.Key).Order(), s.Undefined.Select(u => u.Statistic).Order());
        Assert.All(values.Values, v => Assert.False(double.IsInfinity(v)));
        foreach (var i in s.ItemStatistics)
        {
            var itemValues = new Dictionary<string, double>
            {
                [nameof(i.Mean)] = i.Mean, [nameof(i.StandardDeviation)] = i.StandardDeviation, [nameof(i.RDrop)] = i.RDrop,
                [nameof(i.RawR)] = i.RawR, [nameof(i.AlphaIfDeleted)] = i.AlphaIfDeleted,
                [nameof(i.Frequencies)] = i.Frequencies.Any(double.IsNaN) ? double.NaN : 0,
                [nameof(i.StdR)] = i.StdR, [nameof(i.RCor)] = i.RCor, [nameof(i.AlphaStandardizedIfDeleted)] = i.AlphaStandardizedIfDeleted,
                [nameof(i.G6IfDeleted)] = i.G6IfDeleted, [nameof(i.AverageRIfDeleted)] = i.AverageRIfDeleted,
                [nameof(i.SignalNoiseIfDeleted)] = i.SignalNoiseIfDeleted, [nameof(i.AlphaStandardErrorIfDeleted)] = i.AlphaStandardErrorIfDeleted,
                [nameof(i.VarianceRIfDeleted)] = i.VarianceRIfDeleted, [nameof(i.MedianRIfDeleted)] = i.MedianRIfDeleted,
            };
            Assert.Equal(itemValues.Where(v => double.IsNaN(v.Value)).Select(v => v.Key).Order(), i.Undefined.Select(u => u.Statistic).Order());
            Assert.Equal(i.Dropped is not null, s.DroppedItems.Any(d => d.ItemId == i.ItemId));
        }
    }

    private static void AssertSameStatistics(ScaleReliability expected, ScaleReliability actual)
    {
        Assert.Equal(expected.ScaleId, actual.ScaleId);
        Assert.Equal(expected.N, actual.N);
        foreach (var (e, a) in new[]
        {
            (expected.Mean, actual.Mean), (expected.StandardDeviation, actual.StandardDeviation), (expected.AlphaRaw, actual.AlphaRaw),
            (expected.AlphaStandardized, actual.AlphaStandardized), (expected.G6Alpha, actual.G6Alpha), (expected.G6ScoreItems, actual.G6ScoreItems),
            (expected.AverageR, actual.AverageR), (expected.AverageRScoreItems, actual.AverageRScoreItems), (expected.SignalNoise, actual.SignalNoise),
            (expected.Sem, actual.Sem), (expected.AlphaStandardError, actual.AlphaStandardError), (expected.FeldtLower, actual.FeldtLower),
            (expected.MedianR, actual.MedianR), (expected.VarianceR, actual.VarianceR),
        })
        {
            Assert.Equal(e, a, Exact);
        }

        var kept = actual.ItemStatistics.Where(i => i.Dropped is null).ToList();
        Assert.Equal(expected.ItemStatistics.Select(i => i.ItemId), kept.Select(i => i.ItemId));
        foreach (var (e, a) in expected.ItemStatistics.Zip(kept))
        {
            Assert.Equal((e.N, e.Missing), (a.N, a.Missing));
            Assert.Equal(e.RDrop, a.RDrop, Exact);
            Assert.Equal(e.RawR, a.RawR, Exact);
            Assert.Equal(e.AlphaIfDeleted, a.AlphaIfDeleted, Exact);
            Assert.Equal(e.Mean, a.Mean, Exact);
            Assert.Equal(e.StandardDeviation, a.StandardDeviation, Exact);
        }
    }

    /// <summary>The bfi answers (keyed by item id), changed per row by <paramref name="change"/>, in a matrix for <paramref name="instrument"/>.</summary>
    private static ResponseMatrix Matrix(Instrument instrument, Action<Dictionary<string, int?>> change, int rows = int.MaxValue)
    {
        var (header, data) = BfiData.Value;
        var responses = data.Take(rows).Select(row =>
        {
            var answers = Enumerable.Range(1, header.Length - 1).ToDictionary(c => header[c],
                c => row[c].Length == 0 ? (int?)null : int.Parse(row[c], CultureInfo.InvariantCulture));
            change(answers);
            return new Response(row[0], answers);
        }).ToList();
        return ResponseMatrix.FromResponses(instrument, responses);
    }

    /// <summary>The 25 bfi items plus <paramref name="extra"/> (all 1–6), with bfi's scales except those given.</summary>
    private static Instrument BfiVariant(string[] extra, params (string Id, string Keys)[] scales)
    {
        var ids = "ACENO".SelectMany(f => Enumerable.Range(1, 5).Select(i => f + i.ToString(CultureInfo.InvariantCulture))).Concat(extra).ToArray();
        var all = Bfi.Scales.Select(s => scales.FirstOrDefault(x => x.Id == s.Scale) is { Id: not null } given ? given : (s.Scale, string.Join(' ', s.Keys)));
        return Instrument.Parse(Definition(ids, [.. all], max: 6));
    }

    private static Instrument ThreeItems(params (string Id, string Keys)[] scales) => Instrument.Parse(Definition(["I1", "I2", "I3"], scales));

    private static string Definition(string[] items, (string Id, string Keys)[] scales, int max = 5) =>
        "{\"id\":\"t\",\"version\":\"1.0.0\",\"kind\":\"likert\",\"languages\":[\"en\"],\"title\":{\"en\":\"T\"},"
        + "\"responseFormats\":{\"f\":{\"min\":1,\"max\":" + max.ToString(CultureInfo.InvariantCulture) + "}},\"items\":["
        + string.Join(",", items.Select(id => "{\"id\":\"" + id + "\",\"format\":\"f\",\"text\":{\"en\":\"x\"}}")) + "],\"scales\":["
        + string.Join(",", scales.Select(s => "{\"id\":\"" + s.Id + "\",\"items\":[" + string.Join(",", s.Keys.Split(' ').Select(k => "\"" + k + "\""))
            + "],\"aggregate\":\"mean\",\"minAnswered\":0}")) + "]}";

    private static ResponseMatrix Rows(Instrument instrument, params int?[][] answers)
    {
        var matrix = new ResponseMatrix(instrument.Items.Count, answers.Length) { RowCount = answers.Length };
        for (var r = 0; r < answers.Length; r++)
        {
            for (var j = 0; j < answers[r].Length; j++)
            {
                matrix[r, j] = answers[r][j] is { } a ? (short)a : ResponseMatrix.Missing;
            }
        }

        return matrix;
    }

    private static double Parse(string text) => double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);
}
