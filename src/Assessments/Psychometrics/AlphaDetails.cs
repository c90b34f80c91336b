using MathNet.Numerics.Distributions;
using MathNet.Numerics.LinearAlgebra;

namespace Assessments.Psychometrics;

/// <summary>
/// What <c>psych::alpha</c> 2.2.9 reports beyond α from the keyed covariance matrix C and its <c>cov2cor</c> R
/// (docs/methods.md §2.9): per item <c>std.r</c>, <c>r.cor</c> and every <c>alpha.drop</c> statistic; per scale α's asymptotic
/// standard error (Duhachek &amp; Iacobucci, 2004, with Hattori's correction as psych applies it), Feldt's bounds and the
/// variance and median of the inter-item correlations. Each "if deleted" statistic is found from the whole scale's
/// totals in O(k) per item (and the SMCs from one inverse of R), not by recomputing k sub-matrices.
/// </summary>
internal sealed class AlphaDetails
{
    /// <summary>The largest scale whose λ6-if-deleted is computed item by item when its R has no inverse (each a new inversion).</summary>
    private const int DirectSmcLimit = 200;

    /// <summary>
    /// The largest R that λ6-if-deleted inverts with a general (LU) inverse when R is not positive definite: 6 s for the
    /// whole analysis at 1,000 items on 2 cores, 40 s at 1,500 (benchmarks/results/AnalyzeItemCountBenchmarks-*.md).
    /// </summary>
    private const int GeneralInverseLimit = 1_000;

    private AlphaDetails(int k)
    {
        StdR = Filled(k);
        RCor = Filled(k);
        AlphaStandardizedIfDeleted = Filled(k);
        G6IfDeleted = Filled(k);
        AverageRIfDeleted = Filled(k);
        SignalNoiseIfDeleted = Filled(k);
        AlphaStandardErrorIfDeleted = Filled(k);
        VarianceRIfDeleted = Filled(k);
        MedianRIfDeleted = Filled(k);
    }

    public double AlphaStandardError { get; private set; } = double.NaN;

    public double FeldtLower { get; private set; } = double.NaN;

    public double FeldtUpper { get; private set; } = double.NaN;

    public double VarianceR { get; private set; } = double.NaN;

    public double MedianR { get; private set; } = double.NaN;

    public double[] StdR { get; }

    public double[] RCor { get; }

    public double[] AlphaStandardizedIfDeleted { get; }

    public double[] G6IfDeleted { get; }

    public double[] AverageRIfDeleted { get; }

    public double[] SignalNoiseIfDeleted { get; }

    public double[] AlphaStandardErrorIfDeleted { get; }

    public double[] VarianceRIfDeleted { get; }

    public double[] MedianRIfDeleted { get; }

    /// <summary>Why λ6-if-deleted is NaN when the rest is a number (the SMCs of the rest could not be found).</summary>
    public UndefinedReason G6IfDeletedReason { get; private set; } = UndefinedReason.Degenerate;

    /// <param name="c">The kept items' keyed covariances.</param>
    /// <param name="r">Their <c>cov2cor</c>.</param>
    /// <param name="smc">The scale's own SMCs (null when R has none).</param>
    /// <param name="smcReason">Why <paramref name="smc"/> is null.</param>
    /// <param name="alpha">The scale's raw α.</param>
    /// <param name="people">The n of α's standard error and Feldt's bounds: the people with a score on the scale.</param>
    public static AlphaDetails Compute(double[,] c, double[,] r, double[]? smc, UndefinedReason smcReason, double alpha, int people)
    {
        var k = c.GetLength(0);
        var d = new AlphaDetails(k);
        if (k == 0)
        {
            return d;
        }

        var colC = new double[k];
        var colR = new double[k];
        double trCC = 0, traceC = 0, traceR = 0;
        for (var i = 0; i < k; i++)
        {
            for (var j = 0; j < k; j++)
            {
                colC[i] += c[j, i];
                colR[i] += r[j, i];
                trCC += c[i, j] * c[j, i];
            }

            traceC += c[i, i];
            traceR += r[i, i];
        }

        var sumC = colC.Sum();
        var sumR = colR.Sum();
        var sumCC = colC.Sum(x => x * x); // sum(C %*% C) for a symmetric C

        // Per scale: α's standard error and Feldt's 95 % bounds (psych: alpha.ci with df2 = (n − 1)(k − 1)).
        d.AlphaStandardError = Math.Sqrt(Q(k, sumC, traceC, trCC, sumCC) / people);
        if (k >= 2 && people >= 2 && double.IsFinite(alpha))
        {
            d.FeldtLower = 1 - ((1 - alpha) * FisherSnedecor.InvCDF(people - 1, (people - 1.0) * (k - 1), 0.975));
            d.FeldtUpper = 1 - ((1 - alpha) * FisherSnedecor.InvCDF(people - 1, (people - 1.0) * (k - 1), 0.025));
        }

        // Per item: the correlation with the standardised total, and with it corrected by the SMCs on R's diagonal.
        var sumSmc = smc?.Sum() ?? double.NaN;
        for (var i = 0; i < k; i++)
        {
            d.StdR[i] = colR[i] / Math.Sqrt(sumR);
            d.RCor[i] = smc is null ? double.NaN : (colR[i] - r[i, i] + smc[i]) / Math.Sqrt(sumR - traceR + sumSmc);
        }

        // The inter-item correlations below the diagonal: variance (n − 1) and median, whole and without each item.
        var pairs = new Pairs(r);
        d.VarianceR = pairs.Variance(-1);
        d.MedianR = pairs.Median(-1);
        if (k < 3)
        {
            return d; // psych fills its 2-item alpha.drop with other statistics (PROJECT CHOICE: NaN, docs/methods.md §2.9)
        }

        var smcWithout = SmcsWithout(r, smc, smcReason, out var g6Reason);
        d.G6IfDeletedReason = g6Reason;
        var m = k - 1;
        for (var i = 0; i < k; i++)
        {
            var sumRi = sumR - (2 * colR[i]) + r[i, i];
            d.AlphaStandardizedIfDeleted[i] = (1 - (m / sumRi)) * (m / (m - 1.0));
            var averageR = (sumRi - m) / (m * (m - 1.0));
            d.AverageRIfDeleted[i] = averageR;
            d.SignalNoiseIfDeleted[i] = m * averageR / (1 - averageR);
            d.G6IfDeleted[i] = smcWithout is null ? double.NaN : 1 - ((m - smcWithout(i)) / sumRi);

            double rowSquares = 0, sumCCi = 0;
            for (var j = 0; j < k; j++)
            {
                rowSquares += c[i, j] * c[i, j];
                if (j != i)
                {
                    var column = colC[j] - c[j, i];
                    sumCCi += column * column;
                }
            }

            var sumCi = sumC - (2 * colC[i]) + c[i, i];
            var trCCi = trCC - (2 * rowSquares) + (c[i, i] * c[i, i]);
            d.AlphaStandardErrorIfDeleted[i] = Math.Sqrt(Q(m, sumCi, traceC - c[i, i], trCCi, sumCCi) / people);
            d.VarianceRIfDeleted[i] = pairs.Variance(i);
            d.MedianRIfDeleted[i] = pairs.Median(i);
        }

        return d;
    }

    /// <summary>psych's Q: (2n²/((n−1)² (ΣC)³)) · (ΣC · (tr(CC) + tr(C)²) − 2 · tr(C) · sum(CC)); α's ase is √(Q / nsub).</summary>
    private static double Q(int n, double sumC, double traceC, double trCC, double sumCC) =>
        2.0 * n * n / ((n - 1.0) * (n - 1.0) * sumC * sumC * sumC) * ((sumC * (trCC + (traceC * traceC))) - (2 * traceC * sumCC));

    /// <summary>
    /// Σ_j≠i of the SMCs of R without item i, for each i. From one inverse A of R: (R₋ᵢ)⁻¹ = A₋ᵢ₋ᵢ − A₋ᵢᵢ Aᵢ₋ᵢ / Aᵢᵢ, so
    /// smc_j = 1 − 1 / (A_jj − A_ji² / A_ii), clamped to [0, 1] as <see cref="PairwiseCovariance.Smc"/> clamps. When R has no
    /// inverse, each R₋ᵢ is inverted on its own (scales up to 200 items); null when that cannot be done.
    /// </summary>
    private static Func<int, double>? SmcsWithout(double[,] r, double[]? smc, UndefinedReason smcReason, out UndefinedReason reason)
    {
        var k = r.GetLength(0);
        reason = UndefinedReason.Degenerate;
        if (smc is not null)
        {
            var a = CholeskyInverse(r);
            if (a is null && k > GeneralInverseLimit)
            {
                reason = UndefinedReason.TooLarge;
                return null;
            }

            a ??= Matrix<double>.Build.DenseOfArray(r).Inverse().ToArray();
            var sums = new double[k];
            for (var i = 0; i < k; i++)
            {
                for (var j = 0; j < k; j++)
                {
                    if (j != i)
                    {
                        sums[i] += Math.Clamp(1 - (1 / (a[j, j] - (a[j, i] * a[i, j] / a[i, i]))), 0, 1);
                    }
                }
            }

            return i => sums[i];
        }

        if (smcReason == UndefinedReason.MissingCovariance || k > DirectSmcLimit)
        {
            reason = smcReason;
            return null;
        }

        var direct = new double[k];
        for (var i = 0; i < k; i++)
        {
            var sub = new double[k - 1, k - 1];
            for (int p = 0, pp = 0; p < k; p++)
            {
                if (p == i)
                {
                    continue;
                }

                for (int q = 0, qq = 0; q < k; q++)
                {
                    if (q != i)
                    {
                        sub[pp, qq++] = r[p, q];
                    }
                }

                pp++;
            }

            var values = PairwiseCovariance.Smc(sub, out var why);
            direct[i] = values?.Sum() ?? double.NaN;
            if (values is null)
            {
                reason = why;
            }
        }

        return i => direct[i];
    }

    /// <summary>
    /// R⁻¹ from R = LLᵀ as L⁻ᵀL⁻¹, on jagged rows so each inner loop is a contiguous dot product (a 1,500-item R in about
    /// a second, where a general LU inverse takes tens); null when R is not positive definite (pairwise covariances can
    /// give an indefinite R), which the general inverse then handles.
    /// </summary>
    private static double[,]? CholeskyInverse(double[,] r)
    {
        var k = r.GetLength(0);
        var l = new double[k][];
        for (var i = 0; i < k; i++)
        {
            l[i] = new double[i + 1];
            for (var j = 0; j <= i; j++)
            {
                var sum = r[i, j] - Dot(l[i], l[j], j);
                if (i == j)
                {
                    if (!(sum > 0))
                    {
                        return null;
                    }

                    l[i][i] = Math.Sqrt(sum);
                }
                else
                {
                    l[i][j] = sum / l[j][j];
                }
            }
        }

        // M = L⁻¹ (lower triangular), kept by columns: column j holds M[j..k, j], so A_ij = Σ_{m ≥ max(i, j)} M_mi M_mj.
        var columns = new double[k][];
        for (var j = 0; j < k; j++)
        {
            var column = new double[k - j];
            column[0] = 1 / l[j][j];
            for (var i = j + 1; i < k; i++)
            {
                column[i - j] = -Dot(l[i].AsSpan(j), column, i - j) / l[i][i]; // Σ_{m=j}^{i−1} L_im M_mj
            }

            columns[j] = column;
        }

        var a = new double[k, k];
        for (var i = 0; i < k; i++)
        {
            for (var j = i; j < k; j++)
            {
                // Σ_{m ≥ j} M_mi M_mj: column i from position j − i, column j from 0.
                var value = Dot(columns[i].AsSpan(j - i), columns[j], k - j);
                a[i, j] = a[j, i] = value;
            }
        }

        return a;
    }

    private static double Dot(ReadOnlySpan<double> x, ReadOnlySpan<double> y, int length)
    {
        double sum = 0;
        var i = 0;
        if (System.Numerics.Vector.IsHardwareAccelerated && length >= System.Numerics.Vector<double>.Count)
        {
            var acc = System.Numerics.Vector<double>.Zero;
            for (; i <= length - System.Numerics.Vector<double>.Count; i += System.Numerics.Vector<double>.Count)
            {
                acc += new System.Numerics.Vector<double>(x[i..]) * new System.Numerics.Vector<double>(y[i..]);
            }

            sum = System.Numerics.Vector.Sum(acc);
        }

        for (; i < length; i++)
        {
            sum += x[i] * y[i];
        }

        return sum;
    }

    private static double[] Filled(int k)
    {
        var values = new double[k];
        Array.Fill(values, double.NaN);
        return values;
    }

    /// <summary>
    /// The correlations below R's diagonal, sorted once: their variance (centred on the whole set's mean, so removing an
    /// item's k − 1 values loses no precision) and median, of all of them or of those not involving one item.
    /// </summary>
    private sealed class Pairs
    {
        private readonly double[] _sorted;
        private readonly int[][] _positionsOf; // for each item, the sorted positions of its pairs, ascending
        private readonly double[] _deviationSum;
        private readonly double[] _deviationSquares;
        private readonly double _mean;
        private readonly double _totalDeviation;
        private readonly double _totalSquares;

        public Pairs(double[,] r)
        {
            var k = r.GetLength(0);
            var count = k * (k - 1) / 2;
            var values = new double[count];
            var owners = new (int A, int B)[count];
            var at = 0;
            for (var j = 0; j < k; j++)
            {
                for (var i = j + 1; i < k; i++)
                {
                    values[at] = r[i, j];
                    owners[at++] = (i, j);
                }
            }

            _mean = count == 0 ? double.NaN : values.Sum() / count;
            _deviationSum = new double[k];
            _deviationSquares = new double[k];
            for (var p = 0; p < count; p++)
            {
                var y = values[p] - _mean;
                _totalDeviation += y;
                _totalSquares += y * y;
                _deviationSum[owners[p].A] += y;
                _deviationSum[owners[p].B] += y;
                _deviationSquares[owners[p].A] += y * y;
                _deviationSquares[owners[p].B] += y * y;
            }

            var order = Enumerable.Range(0, count).ToArray();
            Array.Sort(values, order);
            _sorted = values;
            var lists = Enumerable.Range(0, k).Select(_ => new List<int>(k - 1)).ToArray();
            for (var p = 0; p < count; p++)
            {
                var (a, b) = owners[order[p]];
                lists[a].Add(p);
                lists[b].Add(p);
            }

            _positionsOf = [.. lists.Select(l => l.ToArray())];
        }

        /// <summary>The sample variance of the correlations, without item <paramref name="without"/>'s (−1: all).</summary>
        public double Variance(int without)
        {
            var (n, sum, squares) = without < 0 ? (_sorted.Length, _totalDeviation, _totalSquares)
                : (_sorted.Length - _positionsOf[without].Length, _totalDeviation - _deviationSum[without], _totalSquares - _deviationSquares[without]);
            return n < 2 ? double.NaN : (squares - (sum * sum / n)) / (n - 1);
        }

        /// <summary>The median of the correlations, without item <paramref name="without"/>'s (−1: all).</summary>
        public double Median(int without)
        {
            int[] skip = without < 0 ? [] : _positionsOf[without];
            var n = _sorted.Length - skip.Length;
            if (n < 1)
            {
                return double.NaN;
            }

            return n % 2 == 1 ? Nth(skip, n / 2) : (Nth(skip, (n / 2) - 1) + Nth(skip, n / 2)) / 2;
        }

        /// <summary>The <paramref name="t"/>-th (0-based) sorted value whose position is not in <paramref name="skip"/> (ascending).</summary>
        private double Nth(int[] skip, int t)
        {
            var p = t;
            foreach (var s in skip)
            {
                if (s > p)
                {
                    break;
                }

                p++;
            }

            return _sorted[p];
        }
    }
}
