using Assessments.Definitions;
using Assessments.Responses;

namespace Assessments.Psychometrics;

/// <summary>
/// The front door of the reliability statistics: every scale of an instrument on a sample, as psych 2.2.9 computes them
/// with <c>impute = "none"</c> (pairwise-complete covariances; METHODS.md §2).
/// </summary>
public static class Reliability
{
    /// <summary>
    /// Reliability and item statistics of every scale of <paramref name="instrument"/> on <paramref name="matrix"/>. With an
    /// <paramref name="imputation"/> the statistics are computed after imputing, as psych's <c>scoreItems</c> does.
    /// </summary>
    public static IReadOnlyList<ScaleReliability> Analyze(Instrument instrument, ResponseMatrix matrix, Imputation imputation = Imputation.None)
    {
        ArgumentNullException.ThrowIfNull(instrument);
        ArgumentNullException.ThrowIfNull(matrix);

        // scoreItems takes its SMCs from the correlation matrix of every keyed item of the pool (sign does not change an SMC).
        var poolItems = instrument.Scales.SelectMany(s => s.Items).GroupBy(i => i.Item.Index).Select(g => g.First()).OrderBy(i => i.Item.Index).ToList();
        var poolIndexes = poolItems.Select(i => i.Item.Index).ToList();

        // Without imputation, integer answers give every covariance from exact sums (PairwiseGram): one raw matrix of the
        // pool, keyed per scale by sign. Imputed or unusual answers take the two-pass path on keyed columns.
        var raw = imputation == Imputation.None && PairwiseGram.Applies(matrix, poolIndexes) ? PairwiseGram.Covariances(matrix, poolIndexes) : null;
        var position = poolIndexes.Select((index, k) => (index, k)).ToDictionary(p => p.index, p => p.k);
        var poolCovariance = raw ?? PairwiseCovariance.Compute(PairwiseCovariance.KeyedColumns(matrix, poolItems, imputation));
        var poolSmc = PairwiseCovariance.Smc(PairwiseCovariance.ToCorrelation(poolCovariance)); // a sign never changes an SMC
        var smcByItem = poolItems.Select((item, k) => (item.Item.Index, Smc: poolSmc[k])).ToDictionary(p => p.Index, p => p.Smc);
        // Scales are independent: each is computed on its own (in row order), so running them on several cores changes no bit.
        var results = new ScaleReliability[instrument.Scales.Count];
        Parallel.For(0, results.Length, s => results[s] = AnalyzeScale(instrument.Scales[s], matrix, smcByItem, imputation,
            raw is null ? null : Keyed(raw, instrument.Scales[s], position)));
        return results;
    }

    /// <summary>
    /// Scale scores as psych's <c>scoreItems</c> gives them: with <see cref="Imputation.None"/> the mean of each person's
    /// answered keyed items (NaN when none); otherwise the mean of all keyed items after replacing each missing answer by
    /// the item's sample median or mean. Rows of the result are people, columns the instrument's scales.
    /// </summary>
    public static double[][] Scores(Instrument instrument, ResponseMatrix matrix, Imputation imputation)
    {
        ArgumentNullException.ThrowIfNull(instrument);
        ArgumentNullException.ThrowIfNull(matrix);
        var perScale = instrument.Scales.Select(s => KeyedColumnSource.FromDoubles(PairwiseCovariance.KeyedColumns(matrix, s.Items, imputation)).PersonMeans()).ToList();
        return [.. Enumerable.Range(0, matrix.RowCount).Select(r => perScale.Select(scale => scale[r]).ToArray())];
    }

    /// <summary>A scale's keyed covariance matrix from the pool's raw one: reverse keying negates a covariance exactly.</summary>
    private static double[,] Keyed(double[,] raw, Scale scale, Dictionary<int, int> position)
    {
        var k = scale.Items.Count;
        var c = new double[k, k];
        for (var i = 0; i < k; i++)
        {
            for (var j = 0; j < k; j++)
            {
                var value = raw[position[scale.Items[i].Item.Index], position[scale.Items[j].Item.Index]];
                c[i, j] = scale.Items[i].Reverse != scale.Items[j].Reverse ? -value : value;
            }
        }

        return c;
    }

    private static ScaleReliability AnalyzeScale(Scale scale, ResponseMatrix matrix, Dictionary<int, double> poolSmc, Imputation imputation, double[,]? keyed)
    {
        // Without imputation the answers are read where they are (two bytes each, keyed on the fly); with it, as keyed
        // double columns holding the imputed values. Both give the same numbers for the same data.
        var columns = keyed is null ? KeyedColumnSource.FromDoubles(PairwiseCovariance.KeyedColumns(matrix, scale.Items, imputation))
            : KeyedColumnSource.FromMatrix(matrix, scale);
        var k = columns.Count;
        var c = keyed ?? PairwiseCovariance.Compute(columns.Doubles!);
        var r = PairwiseCovariance.ToCorrelation(c);
        var sumC = PairwiseCovariance.Sum(c);
        var sumR = PairwiseCovariance.Sum(r);
        var alpha = k / (k - 1.0) * (1 - (PairwiseCovariance.Trace(c) / sumC));
        var alphaStd = k / (k - 1.0) * (1 - (k / sumR));
        var smc = PairwiseCovariance.Smc(r);
        var g6 = 1 - ((k - smc.Sum()) / sumR);
        double g6Numerator = sumC;
        for (var i = 0; i < k; i++)
        {
            g6Numerator += -c[i, i] + (poolSmc[scale.Items[i].Item.Index] * c[i, i]);
        }

        var averageR = (sumR - k) / (k * (k - 1.0));
        var averageRScoreItems = alpha / (k - (alpha * (k - 1)));
        var means = columns.PersonMeans();
        var meansVariance = PairwiseCovariance.Pair(means, means); // the scale score's variance, shared by every item's r
        var scored = Answered(means);
        var mean = scored.Average();
        var sd = Math.Sqrt(scored.Sum(m => (m - mean) * (m - mean)) / (scored.Length - 1));
        return new ScaleReliability(scale.Id, k, scored.Length, mean, sd, alpha, alphaStd, g6, g6Numerator / sumC, averageR,
            averageRScoreItems, k * averageRScoreItems / (1 - averageRScoreItems), sd * Math.Sqrt(1 - alpha),
            [.. Enumerable.Range(0, k).Select(i => Item(scale, i, columns, c, means, meansVariance))]);
    }

    private static ItemStatistics Item(Scale scale, int i, KeyedColumnSource columns, double[,] c, double[] means, double meansVariance)
    {
        var k = columns.Count;
        var item = scale.Items[i];
        // Straight over the column, skipping missing cells (no copy of a million answers per item).
        var (count, total, squares, counts) = columns.ItemMoments(i, item.Item.Format!);
        var mean = total / count;
        var sd = Math.Sqrt(squares / (count - 1));
        double rowSum = 0, restSum = 0;
        for (var j = 0; j < k; j++)
        {
            if (j != i)
            {
                rowSum += c[i, j];
                for (var l = 0; l < k; l++)
                {
                    if (l != i)
                    {
                        restSum += c[j, l];
                    }
                }
            }
        }

        var rest = new double[k - 1, k - 1];
        for (int a = 0, ra = 0; a < k; a++)
        {
            if (a == i)
            {
                continue;
            }

            for (int b = 0, rb = 0; b < k; b++)
            {
                if (b != i)
                {
                    rest[ra, rb++] = c[a, b];
                }
            }

            ra++;
        }

        var alphaIfDeleted = k - 1 < 2 ? double.NaN : (k - 1) / (k - 2.0) * (1 - (PairwiseCovariance.Trace(rest) / PairwiseCovariance.Sum(rest)));
        var frequencies = counts.Select(n => n / (double)count).ToList();
        return new ItemStatistics(item.Item.Id, item.Reverse, count, columns.Rows - count, mean, sd,
            rowSum / Math.Sqrt(c[i, i] * restSum), columns.Covariance(i, means) / Math.Sqrt(c[i, i] * meansVariance), alphaIfDeleted, frequencies);
    }

    private static double[] Answered(double[] column)
    {
        var count = 0;
        foreach (var x in column)
        {
            count += double.IsNaN(x) ? 0 : 1;
        }

        var answered = new double[count];
        var at = 0;
        foreach (var x in column)
        {
            if (!double.IsNaN(x))
            {
                answered[at++] = x;
            }
        }

        return answered;
    }
}
