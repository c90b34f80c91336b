using Assessments.CardSort;
using Assessments.Psychometrics;
using FsCheck.Xunit;
using MathNet.Numerics.Distributions;

namespace Assessments.Tests;

/// <summary>Group statistics on rankings and paired comparisons (docs/methods.md §6), against published or hand-computed values.</summary>
public class GroupStatisticsTests
{
    [Fact]
    public void FitsStiglersJournalCitationsAsAgrestiReports()
    {
        // Stigler (1994) via Agresti (2002, §10.6) and BradleyTerry2::citations: rows cited (winner), columns citing (loser),
        // in the order Biometrika, Comm Statist, JASA, JRSS-B. Published log-abilities relative to Biometrika:
        // Comm Statist −2.9491, JASA −0.4796, JRSS-B +0.2690 (docs/methods.md §6.7).
        double[,] citations =
        {
            { 714, 730, 498, 221 },
            { 33, 425, 68, 17 },
            { 320, 813, 1072, 142 },
            { 284, 276, 325, 188 },
        };
        var fit = BradleyTerry.Fit(citations);
        Assert.True(fit.Exists && fit.Converged);
        Assert.Equal(0, fit.LogAbilities![0]);
        Assert.Equal(-2.9491, fit.LogAbilities[1], 4);
        Assert.Equal(-0.4796, fit.LogAbilities[2], 4);
        Assert.Equal(0.2690, fit.LogAbilities[3], 4);
    }

    [Fact]
    public void GivesTheClosedFormStandardErrorAndZeroDevianceForTwoItems()
    {
        // Two items, 30 wins to 10: λ = ln(30/10) and, as for any log-odds of a binomial, SE = √(1/30 + 1/10) = √(4/30).
        // One pair and one free ability: the model is saturated, deviance 0 on 0 df.
        var fit = BradleyTerry.Fit(new double[,] { { 0, 10 }, { 30, 0 } });
        Assert.Equal(Math.Log(3), fit.LogAbilities![1], 10);
        Assert.Equal(0, fit.StandardErrors![0]);
        Assert.Equal(Math.Sqrt(4.0 / 30), fit.StandardErrors[1], 10);
        Assert.Equal(0, fit.Deviance, 10);
        Assert.Equal(0, fit.DevianceDegreesOfFreedom);

        // The null model makes the pair a toss-up: 20 expected each way of the 40, so 2(30 ln(30/20) + 10 ln(10/20)) on 1 df.
        Assert.Equal(2 * ((30 * Math.Log(1.5)) + (10 * Math.Log(0.5))), fit.NullDeviance, 10);
        Assert.Equal(1, fit.NullDevianceDegreesOfFreedom);
    }

    [Fact]
    public void StandardErrorsAreTheCurvatureOfTheLogLikelihoodAndTheDevianceItsDefinition()
    {
        // Stigler's citations (the test above). Checked against the definitions, computed here independently: the
        // standard errors are √diag of the inverse of minus the log-likelihood's Hessian in λ_1..λ_3 (λ_0 = 0), taken by
        // central second differences (step 1e-4); the deviance is 2 Σ w ln(w/μ) over both orders of the 6 pairs, on
        // 6 − 3 = 3 df.
        double[,] wins = { { 714, 730, 498, 221 }, { 33, 425, 68, 17 }, { 320, 813, 1072, 142 }, { 284, 276, 325, 188 } };
        var fit = BradleyTerry.Fit(wins);
        double LogLikelihood(double[] l)
        {
            double sum = 0;
            for (var i = 0; i < 4; i++)
            {
                for (var j = 0; j < 4; j++)
                {
                    sum += i == j ? 0 : wins[i, j] * -Math.Log(1 + Math.Exp(l[j] - l[i]));
                }
            }

            return sum;
        }

        var h = 1e-4;
        var hessian = MathNet.Numerics.LinearAlgebra.Matrix<double>.Build.Dense(3, 3, (a, b) =>
        {
            double At(int da, int db)
            {
                var l = fit.LogAbilities!.ToArray();
                l[a + 1] += da * h;
                l[b + 1] += db * h;
                return LogLikelihood(l);
            }

            return (At(1, 1) - At(1, -1) - At(-1, 1) + At(-1, -1)) / (4 * h * h);
        });
        var covariance = (-hessian).Inverse();
        for (var i = 1; i < 4; i++)
        {
            Assert.Equal(Math.Sqrt(covariance[i - 1, i - 1]), fit.StandardErrors![i], 5);
        }

        double deviance = 0;
        for (var i = 0; i < 4; i++)
        {
            for (var j = 0; j < 4; j++)
            {
                if (i != j)
                {
                    var mu = (wins[i, j] + wins[j, i]) / (1 + Math.Exp(fit.LogAbilities![j] - fit.LogAbilities[i]));
                    deviance += 2 * wins[i, j] * Math.Log(wins[i, j] / mu);
                }
            }
        }

        Assert.Equal(deviance, fit.Deviance, 8);
        Assert.Equal(3, fit.DevianceDegreesOfFreedom);
        Assert.Equal(0, fit.StandardErrors![0]);
    }

    [Fact]
    public void RecoversAbilitiesFromExpectedWinCounts()
    {
        // With wins[i, j] = 100·π_i/(π_i + π_j) exactly, the likelihood equations hold at π: the MLE is π itself.
        double[] pi = [1, 2, 0.5, 4];
        var wins = new double[4, 4];
        for (var i = 0; i < 4; i++)
        {
            for (var j = 0; j < 4; j++)
            {
                wins[i, j] = i == j ? 0 : 100 * pi[i] / (pi[i] + pi[j]);
            }
        }

        var fit = BradleyTerry.Fit(wins);
        for (var i = 0; i < 4; i++)
        {
            Assert.Equal(Math.Log(pi[i] / pi[0]), fit.LogAbilities![i], 7);
        }
    }

    [Fact]
    public void ReportsThatTheMleDoesNotExistWhenAnItemNeverLoses()
    {
        double[,] wins = { { 0, 3, 2 }, { 0, 0, 1 }, { 0, 2, 0 } }; // item 0 beats everyone and never loses
        var fit = BradleyTerry.Fit(wins);
        Assert.False(fit.Exists);
        Assert.Null(fit.LogAbilities);
    }

    [Fact]
    public void ScalesGuilfordsVegetablesAsPsychDoes()
    {
        // Guilford (1954) via psychTools::vegetables (docs/methods.md §6.6): share preferring the column vegetable over the row one,
        // in the order Turnips, Cabbage, Beets, Asparagus, Carrots, Spinach, String beans, Peas, Corn.
        double[,] veg =
        {
            { 0.5, 0.818, 0.77, 0.811, 0.878, 0.892, 0.899, 0.892, 0.926 },
            { 0.182, 0.5, 0.601, 0.723, 0.743, 0.736, 0.811, 0.845, 0.858 },
            { 0.23, 0.399, 0.5, 0.561, 0.736, 0.676, 0.845, 0.797, 0.818 },
            { 0.189, 0.277, 0.439, 0.5, 0.561, 0.588, 0.676, 0.601, 0.73 },
            { 0.122, 0.257, 0.264, 0.439, 0.5, 0.493, 0.574, 0.709, 0.764 },
            { 0.108, 0.264, 0.324, 0.412, 0.507, 0.5, 0.628, 0.682, 0.628 },
            { 0.101, 0.189, 0.155, 0.324, 0.426, 0.372, 0.5, 0.527, 0.642 },
            { 0.108, 0.155, 0.203, 0.399, 0.291, 0.318, 0.473, 0.5, 0.628 },
            { 0.074, 0.142, 0.182, 0.27, 0.236, 0.372, 0.358, 0.372, 0.5 },
        };
        var fit = ThurstoneScaling.Fit(veg);
        // Published scale (docs/methods.md §6.6): Turnips 0, Cabbage .522, Beets .654, Asparagus .980, Carrots 1.117, Spinach 1.144,
        // String beans 1.400, Peas 1.444, Corn 1.629; GF = .9943.
        double[] published = [0, 0.522, 0.654, 0.980, 1.117, 1.144, 1.400, 1.444, 1.629];
        for (var j = 0; j < 9; j++)
        {
            Assert.Equal(published[j], fit.Scale[j], 0.0006); // published to three decimals
        }

        Assert.Equal(0.9943, fit.GoodnessOfFit, 0.00005);
        // psych 2.2.9's thurstone(veg)$GF to 17 digits (R 4.2.2 with Debian's r-cran-psych, run for this test): 0.99430251835990024.
        Assert.Equal(0.99430251835990024, fit.GoodnessOfFit, 1e-9);
        Assert.Equal(0.52204579484677871, fit.Scale[1], 1e-9); // psych's unrounded colMeans(qnorm(veg)) − min
    }

    [Fact]
    public void ThurstoneRecoversAScaleThatGeneratedTheProportions()
    {
        // P[i, j] = Φ(s_j − s_i) exactly: Case V recovers s up to its minimum, and the fit is perfect.
        double[] s = [0.3, 0, 1.2, 0.8];
        var p = new double[4, 4];
        for (var i = 0; i < 4; i++)
        {
            for (var j = 0; j < 4; j++)
            {
                p[i, j] = Normal.CDF(0, 1, s[j] - s[i]);
            }
        }

        var fit = ThurstoneScaling.Fit(p);
        for (var j = 0; j < 4; j++)
        {
            Assert.Equal(s[j], fit.Scale[j], 9);
        }

        Assert.Equal(1, fit.GoodnessOfFit, 12);
        Assert.Equal(1, fit.GoodnessOfFitLower, 12);
    }

    [Property(MaxTest = 50)]
    public void ThurstoneIsInvariantToItemOrderUpToRelabelling(int seed)
    {
        var random = new Random(seed);
        const int n = 5;
        var p = new double[n, n];
        for (var i = 0; i < n; i++)
        {
            p[i, i] = 0.5;
            for (var j = i + 1; j < n; j++)
            {
                p[i, j] = 0.05 + (0.9 * random.NextDouble());
                p[j, i] = 1 - p[i, j];
            }
        }

        var order = Enumerable.Range(0, n).OrderBy(_ => random.Next()).ToArray();
        var permuted = new double[n, n];
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < n; j++)
            {
                permuted[i, j] = p[order[i], order[j]];
            }
        }

        var a = ThurstoneScaling.Fit(p);
        var b = ThurstoneScaling.Fit(permuted);
        for (var k = 0; k < n; k++)
        {
            Assert.Equal(a.Scale[order[k]], b.Scale[k], 12);
        }

        Assert.Equal(a.GoodnessOfFit, b.GoodnessOfFit, 12);
    }

    [Fact]
    public void ThurstoneClampsZeroAndOneOnlyWhenTheJudgesAreCounted()
    {
        double[,] p = { { 0.5, 1 }, { 0, 0.5 } };
        Assert.Equal("p[0, 1] = 1 has an infinite z; give the number of judges to clamp it to [1/(2N), 1 − 1/(2N)]. (Parameter 'p')",
            Assert.Throws<ArgumentException>(() => ThurstoneScaling.Fit(p)).Message);
        var fit = ThurstoneScaling.Fit(p, judges: 50); // 1 → 0.99, 0 → 0.01
        Assert.Equal(2, fit.Clamped);
        // Columns of z: item 0 (0, −2.326), item 1 (2.326, 0); means −1.163 and 1.163, so the scales differ by z(0.99).
        Assert.Equal(Normal.InvCDF(0, 1, 0.99), fit.Scale[1] - fit.Scale[0], 12);
    }

    [Fact]
    public void KendallWMatchesAHandComputedExampleWithTies()
    {
        // Judges A (1,2,3,4), B (2,1,3,4), C (1.5,1.5,3,4): rank sums 4.5, 4.5, 9, 12; mean 7.5; S = 9 + 9 + 2.25 + 20.25 = 40.5.
        // C has one tie of two: T = 2³ − 2 = 6. W = 12·40.5 / (3²(4³ − 4) − 3·6) = 486 / 522; χ² = 3·3·W.
        var w = KendallW.Compute([[1, 2, 3, 4], [2, 1, 3, 4], [1.5, 1.5, 3, 4]]);
        Assert.Equal(486.0 / 522, w.W, 12);
        Assert.Equal(9 * 486.0 / 522, w.ChiSquare, 12);
        Assert.Equal(3, w.DegreesOfFreedom);
        Assert.Equal(1 - ChiSquared.CDF(3, 9 * 486.0 / 522), w.PValue, 12);
        Assert.Equal(486.0 / 540, KendallW.Compute([[1, 2, 3, 4], [2, 1, 3, 4], [1.5, 1.5, 3, 4]], correctTies: false).W, 12);
        Assert.Equal(40.5, w.S, 12);
        Assert.Equal(6, w.TieSum, 12);
        // Per judge: a pile of three and a pile of two: (27 − 3) + (8 − 2) = 30.
        Assert.Equal(30, KendallW.Ties([2, 2, 2, 4.5, 4.5]), 12);
        Assert.Equal(0, KendallW.Ties([1, 2, 3, 4]), 12);
    }

    [Fact]
    public void ComputesKendallsTauAAndStuartsTauCByHand()
    {
        // x = 1 2 3 4 5, y = 1 3 2 4 4. Of the 10 pairs: (2,3) is ordered oppositely (D = 1), (4,5) is tied in y only, the
        // other 8 agree (C = 8). τ_a = (8 − 1)/10 = .7; τ_b = 7/√(9·10); τ_c: x has 5 distinct ranks, y has 4, so m = 4
        // and τ_c = 2·4·7/(5²·3) = 56/75.
        double[] x = [1, 2, 3, 4, 5], y = [1, 3, 2, 4, 4];
        Assert.Equal(0.7, RankCorrelation.KendallTauA(x, y), 12);
        Assert.Equal(7 / Math.Sqrt(90), RankCorrelation.KendallTauB(x, y), 12);
        Assert.Equal(56.0 / 75, RankCorrelation.KendallTauC(x, y), 12);
        // Two piles each, crossed: x = 1 1 2 2, y = 1 2 1 2. No pair is ordered in both (C = D = 0): all three are 0.
        Assert.Equal(0, RankCorrelation.KendallTauA([1, 1, 2, 2], [1, 2, 1, 2]), 12);
        Assert.Equal(0, RankCorrelation.KendallTauC([1, 1, 2, 2], [1, 2, 1, 2]), 12);
        // τ_c reaches 1 on two identical 2-pile sorts, where τ_a stops at 4/6 (the two tied pairs): 2·2·4/(16·1) = 1.
        Assert.Equal(1, RankCorrelation.KendallTauC([1, 1, 2, 2], [1, 1, 2, 2]), 12);
        Assert.Equal(4.0 / 6, RankCorrelation.KendallTauA([1, 1, 2, 2], [1, 1, 2, 2]), 12);
        Assert.True(double.IsNaN(RankCorrelation.KendallTauC([1, 1, 1, 1], [1, 2, 3, 4])));
    }

    [Property(MaxTest = 100)]
    public void KendallWIsOneForIdenticalRankingsAndZeroForBalancedOnes(int seed)
    {
        var random = new Random(seed);
        double[] ranking = [.. Enumerable.Range(1, 6).Select(r => (double)r).OrderBy(_ => random.Next())];
        Assert.Equal(1, KendallW.Compute([ranking, ranking, ranking]).W, 12);
        double[] reversed = [.. ranking.Select(r => 7 - r)];
        Assert.Equal(0, KendallW.Compute([ranking, reversed]).W, 12);
    }

    [Theory]
    [InlineData(new double[] { 1, 2, 3, 4 }, new double[] { 1, 3, 2, 4 }, 4.0 / 6)] // C = 5, D = 1 of 6 pairs
    [InlineData(new double[] { 1, 2, 2, 3 }, new double[] { 1, 2, 3, 3 }, 0.8)]      // C = 4, D = 0, one tie each: 4/√(5·5)
    public void ComputesKendallsTauB(double[] x, double[] y, double expected) =>
        Assert.Equal(expected, RankCorrelation.KendallTauB(x, y), 12);

    [Property(MaxTest = 100)]
    public void RankCorrelationsOfARankingWithItselfAreOne(int seed)
    {
        var random = new Random(seed);
        double[] ranking = [.. Ranks.MidRanks([.. Enumerable.Range(0, 7).Select(_ => (double)random.Next(1, 5))])];
        if (ranking.Distinct().Count() > 1)
        {
            Assert.Equal(1, RankCorrelation.KendallTauB(ranking, ranking), 12);
            Assert.Equal(1, RankCorrelation.Spearman(ranking, ranking), 12);
        }
    }

    [Fact]
    public void GivesMidRanksToTiedPiles()
    {
        // Piles 3 (very important), 3, 2, 1: the two cards in pile 3 share positions 1 and 2.
        Assert.Equal([1.5, 1.5, 3, 4], Ranks.MidRanks([3, 3, 2, 1]));
    }

    [Property(MaxTest = 100)]
    public void BordaOfIdenticalRankingsReproducesThatRanking(int seed)
    {
        var random = new Random(seed);
        double?[] ranking = [.. Enumerable.Range(1, 8).Select(r => (double?)r).OrderBy(_ => random.Next())];
        var order = Borda.Order(Borda.Points([ranking, ranking, ranking]));
        Assert.Equal(Enumerable.Range(0, 8).OrderBy(i => ranking[i]), order);
    }

    [Fact]
    public void SharesTheRemainingBordaPointsAmongUnrankedCards()
    {
        // 4 cards, top 2 ranked: 3 and 2 points; the unranked two tie for positions 3–4 (mid-rank 3.5): 0.5 each.
        Assert.Equal([3, 2, 0.5, 0.5], Borda.Points([[1, 2, null, null]]));
    }
}
