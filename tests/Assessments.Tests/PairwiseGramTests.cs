using Assessments.Psychometrics;
using Assessments.Responses;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Assessments.Tests;

/// <summary>
/// The exact-sum covariances (PairwiseGram) against the two-pass pairwise-complete covariances that reproduce R's
/// <c>cov(x, use = "pairwise")</c>, on random answers with missing cells, and a hand-computed case.
/// </summary>
public class PairwiseGramTests
{
    /// <summary>
    /// Answers 0–15 from <paramref name="seed"/>: <paramref name="fewest"/> + up to <paramref name="more"/> rows, each item
    /// missing with its own probability below <paramref name="missingUpTo"/>; and the same as double columns (NaN missing).
    /// </summary>
    private static (ResponseMatrix Matrix, double[][] Columns) RandomAnswers(int seed, int fewest, int more, int items, double missingUpTo)
    {
        var random = new Random(seed);
        var rows = fewest + random.Next(more);
        var matrix = new ResponseMatrix(items, rows) { RowCount = rows };
        for (var j = 0; j < items; j++)
        {
            var missing = random.NextDouble() * missingUpTo;
            for (var r = 0; r < rows; r++)
            {
                matrix[r, j] = random.NextDouble() < missing ? ResponseMatrix.Missing : (short)random.Next(0, 16);
            }
        }

        return (matrix, [.. Enumerable.Range(0, items)
            .Select(j => matrix.Column(j)[..rows].ToArray().Select(x => x == ResponseMatrix.Missing ? double.NaN : x).ToArray())]);
    }

    [Property(MaxTest = 40)]
    public void AgreesWithTheTwoPassCovariances(PositiveInt seed)
    {
        const int items = 5;
        var (matrix, columns) = RandomAnswers(seed.Get, 1, 6000, items, 0.5);
        var expected = PairwiseCovariance.Compute(columns);
        var actual = PairwiseGram.Covariances(matrix, [0, 1, 2, 3, 4]);
        for (var a = 0; a < items; a++)
        {
            for (var b = 0; b < items; b++)
            {
                if (double.IsNaN(expected[a, b]))
                {
                    Assert.True(double.IsNaN(actual[a, b]));
                }
                else
                {
                    Assert.True(Math.Abs(expected[a, b] - actual[a, b]) <= 1e-12 * Math.Max(1, Math.Abs(expected[a, b])), $"{a},{b}: {expected[a, b]} vs {actual[a, b]}");
                }
            }
        }
    }

    [Property(MaxTest = 30)]
    public void CorrelationsAgreeWithRsPairwiseCompleteCor(PositiveInt seed)
    {
        // R's cor(x, use = "pairwise.complete.obs") takes each pair's means and variances over the rows the pair shares:
        // PairwiseCovariance.Correlation does so in two passes; the exact sums must agree with it.
        const int items = 4;
        var (matrix, columns) = RandomAnswers(seed.Get, 2, 5000, items, 0.6);
        var actual = PairwiseGram.Correlations(matrix, [0, 1, 2, 3]);
        for (var a = 0; a < items; a++)
        {
            for (var b = a + 1; b < items; b++)
            {
                var expected = PairwiseCovariance.Correlation(columns[a], columns[b]);
                if (double.IsNaN(expected) || double.IsInfinity(expected))
                {
                    Assert.True(double.IsNaN(actual[a, b]));
                }
                else
                {
                    Assert.True(Math.Abs(expected - actual[a, b]) <= 1e-12, $"{a},{b}: {expected} vs {actual[a, b]}");
                }
            }
        }
    }

    [Fact]
    public void MatchesAHandComputedCase()
    {
        // x = 1, 2, 3, –, 5 and y = 2, –, 4, 4, 1: both answered on rows 1, 3, 5: x = 1, 3, 5; y = 2, 4, 1.
        // n = 3, Σx = 9, Σy = 7, Σxy = 2 + 12 + 5 = 19: cov = (3·19 − 9·7) / (3·2) = (57 − 63) / 6 = −1.
        // var x over its 4 answers 1, 2, 3, 5: n = 4, Σ = 11, Σx² = 39: (4·39 − 121) / 12 = 35/12.
        var matrix = new ResponseMatrix(2, 5) { RowCount = 5 };
        short[] x = [1, 2, 3, ResponseMatrix.Missing, 5];
        short[] y = [2, ResponseMatrix.Missing, 4, 4, 1];
        for (var r = 0; r < 5; r++)
        {
            matrix[r, 0] = x[r];
            matrix[r, 1] = y[r];
        }

        var c = PairwiseGram.Covariances(matrix, [0, 1]);
        Assert.Equal(-1.0, c[0, 1]);
        Assert.Equal(35.0 / 12, c[0, 0]);

        // R's pairwise correlation takes the variances over the shared rows too: x = 1, 3, 5 (var 4), y = 2, 4, 1
        // (mean 7/3, Σd² = 42/9, var 7/3): r = −1/√(4 · 7/3) — not cov2cor of the matrix above, whose x variance is 35/12.
        var correlations = PairwiseGram.Correlations(matrix, [0, 1]);
        Assert.Equal(-1 / Math.Sqrt(28.0 / 3), correlations[0, 1], 14);
        Assert.Equal(1.0, correlations[0, 0]);
    }
}
