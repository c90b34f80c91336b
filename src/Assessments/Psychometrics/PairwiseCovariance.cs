using Assessments.Definitions;
using Assessments.Responses;

namespace Assessments.Psychometrics;

/// <summary>
/// Pairwise-complete covariances of keyed items, as R's <c>cov(x, use = "pairwise")</c>: each pair of items uses the rows
/// where both are answered, with that subset's own means and the n − 1 denominator. Reverse-keyed items are recoded with
/// the instrument's endpoints (never the observed ones, docs/methods.md §1.1).
/// </summary>
internal static class PairwiseCovariance
{
    /// <summary>R's <c>.Machine$double.eps</c>, 2⁻⁵².</summary>
    private const double MachineEpsilon = 2.220446049250313e-16;

    /// <summary>The keyed values of <paramref name="items"/> (NaN for missing), one column per item.</summary>
    public static double[][] KeyedColumns(ResponseMatrix matrix, IReadOnlyList<ScaleItem> items, Imputation imputation = Imputation.None)
    {
        var columns = new double[items.Count][];
        for (var k = 0; k < items.Count; k++)
        {
            var item = items[k];
            var column = matrix.Column(item.Item.Index)[..matrix.RowCount];
            var fill = double.NaN;
            if (imputation != Imputation.None)
            {
                // psych imputes the raw item, then keys it: the reverse of a median or mean is min + max − it.
                var answered = new List<double>();
                foreach (var x in column)
                {
                    if (x != ResponseMatrix.Missing)
                    {
                        answered.Add(x);
                    }
                }

                var raw = answered.Count == 0 ? double.NaN : imputation == Imputation.PsychMean ? answered.Average() : Median(answered);
                fill = item.Reverse ? item.Item.Format!.Min + item.Item.Format.Max - raw : raw;
            }

            var values = new double[matrix.RowCount];
            for (var r = 0; r < values.Length; r++)
            {
                int x = column[r];
                values[r] = x == ResponseMatrix.Missing ? fill : item.Reverse ? item.Item.Format!.Reverse(x) : x;
            }

            columns[k] = values;
        }

        return columns;
    }

    /// <summary>R's <c>median</c>: the middle value, or the mean of the two middle values.</summary>
    public static double Median(List<double> values)
    {
        values.Sort();
        var n = values.Count;
        return n % 2 == 1 ? values[n / 2] : (values[(n / 2) - 1] + values[n / 2]) / 2;
    }

    public static double[,] Compute(double[][] columns)
    {
        var k = columns.Length;
        var c = new double[k, k];

        // Each pair is computed on its own, always in row order: running pairs on several threads cannot change a bit.
        Parallel.For(0, k, i =>
        {
            for (var j = i; j < k; j++)
            {
                c[i, j] = c[j, i] = Pair(columns[i], columns[j]);
            }
        });

        return c;
    }

    /// <summary>The covariance of two columns over the rows where both are present (NaN = missing), two-pass, n − 1.</summary>
    public static double Pair(double[] x, double[] y)
    {
        double sx = 0, sy = 0;
        var n = 0;
        for (var r = 0; r < x.Length; r++)
        {
            if (!double.IsNaN(x[r]) && !double.IsNaN(y[r]))
            {
                sx += x[r];
                sy += y[r];
                n++;
            }
        }

        if (n < 2)
        {
            return double.NaN;
        }

        double mx = sx / n, my = sy / n, sum = 0;
        for (var r = 0; r < x.Length; r++)
        {
            if (!double.IsNaN(x[r]) && !double.IsNaN(y[r]))
            {
                sum += (x[r] - mx) * (y[r] - my);
            }
        }

        return sum / (n - 1);
    }

    /// <summary>
    /// R's <c>cor(x, y, use = "pairwise")</c>: Pearson's r with both means, both variances and the covariance over the rows
    /// where both are present (NaN = missing); two passes.
    /// </summary>
    public static double Correlation(double[] x, double[] y)
    {
        double sx = 0, sy = 0;
        var n = 0;
        for (var r = 0; r < x.Length; r++)
        {
            if (!double.IsNaN(x[r]) && !double.IsNaN(y[r]))
            {
                sx += x[r];
                sy += y[r];
                n++;
            }
        }

        double mx = sx / n, my = sy / n, sxy = 0, sxx = 0, syy = 0;
        for (var r = 0; r < x.Length; r++)
        {
            if (!double.IsNaN(x[r]) && !double.IsNaN(y[r]))
            {
                var dx = x[r] - mx;
                var dy = y[r] - my;
                sxy += dx * dy;
                sxx += dx * dx;
                syy += dy * dy;
            }
        }

        return sxy / Math.Sqrt(sxx * syy);
    }

    /// <summary><c>cov2cor</c>: r_ij = c_ij / √(c_ii c_jj).</summary>
    public static double[,] ToCorrelation(double[,] c)
    {
        var k = c.GetLength(0);
        var r = new double[k, k];
        for (var i = 0; i < k; i++)
        {
            for (var j = 0; j < k; j++)
            {
                r[i, j] = c[i, j] / Math.Sqrt(c[i, i] * c[j, j]);
            }
        }

        return r;
    }

    /// <summary>
    /// Squared multiple correlations as psych's <c>smc</c>: <c>1 − 1/diag(R⁻¹)</c>, clamped to [0, 1]. Null, with the
    /// reason, when R has an undefined entry (<see cref="UndefinedReason.MissingCovariance"/>), is singular
    /// (<see cref="UndefinedReason.SingularCorrelations"/>) or its eigendecomposition does not converge.
    /// <para>Singular means what psych's <c>Pinv</c> treats as such: a singular value (for a symmetric matrix, an absolute
    /// eigenvalue) at or below √ε times the largest. A positive definite R whose condition number is certainly below 1/√ε
    /// takes a Cholesky factor; any other (singular, nearly so, or indefinite, which pairwise-complete covariances can
    /// give) takes a symmetric eigendecomposition, which both decides and, when R is invertible, gives the inverse. PROJECT CHOICE: psych then uses the pseudo-inverse, whose diagonal says nothing about the SMCs (two
    /// perfectly correlated items get 1 − 1/0.25 = −3, clamped to 0, where their SMC is 1), so the library reports the
    /// SMCs, and the λ6 built on them, as undefined.</para>
    /// </summary>
    public static double[]? Smc(double[,] r, out UndefinedReason reason)
    {
        reason = UndefinedReason.Degenerate;
        var k = r.GetLength(0);
        if (k == 0)
        {
            return [];
        }

        foreach (var x in r)
        {
            if (!double.IsFinite(x))
            {
                reason = UndefinedReason.MissingCovariance;
                return null;
            }
        }

        var matrix = MathNet.Numerics.LinearAlgebra.Matrix<double>.Build.DenseOfArray(r);
        var diagonal = InverseDiagonal(matrix);
        if (diagonal is null)
        {
            MathNet.Numerics.LinearAlgebra.Factorization.Evd<double> evd;
            try
            {
                evd = matrix.Evd(MathNet.Numerics.LinearAlgebra.Symmetricity.Symmetric);
            }
            catch (MathNet.Numerics.NonConvergenceException)
            {
                reason = UndefinedReason.NotConverged;
                return null;
            }

            var values = evd.EigenValues.Select(v => Math.Abs(v.Real)).ToArray();
            if (!values.All(double.IsFinite) || values.Min() <= Math.Sqrt(MachineEpsilon) * values.Max())
            {
                reason = UndefinedReason.SingularCorrelations;
                return null;
            }

            // Invertible after all (indefinite, or a loose condition bound): the inverse's diagonal from the eigenvectors.
            diagonal = new double[k];
            for (var j = 0; j < k; j++)
            {
                var value = evd.EigenValues[j].Real;
                for (var i = 0; i < k; i++)
                {
                    diagonal[i] += evd.EigenVectors[i, j] * evd.EigenVectors[i, j] / value;
                }
            }
        }

        var smc = new double[k];
        for (var i = 0; i < k; i++)
        {
            smc[i] = Math.Clamp(1 - (1 / diagonal[i]), 0, 1);
        }

        return smc;
    }

    /// <summary>
    /// The diagonal of R⁻¹ from a Cholesky factor R = LLᵀ, when R is positive definite and certainly not singular in
    /// psych's sense; else null. Column j of L⁻¹ solves L y = e_j (zero above j), and (R⁻¹)_jj = Σ y_i², about k³/6
    /// multiply-adds in all where an LU inverse takes about 2k³ — the SMCs need only the diagonal. The test: for a
    /// symmetric positive definite R, κ₂ = λ_max/λ_min ≤ ‖R‖₁ · tr(R⁻¹), which must stay below 1/√ε. Columns run on
    /// every core, each in a fixed order, so the result does not depend on the thread count.
    /// </summary>
    private static double[]? InverseDiagonal(MathNet.Numerics.LinearAlgebra.Matrix<double> r)
    {
        double[] factor;
        try
        {
            factor = r.Cholesky().Factor.ToColumnMajorArray();
        }
        catch (ArgumentException)
        {
            return null; // not positive definite (singular, or indefinite from pairwise-complete covariances)
        }

        var k = r.RowCount;
        var rows = new double[k][]; // row i of L: L[i, 0..i], contiguous for the solves
        for (var i = 0; i < k; i++)
        {
            rows[i] = new double[i + 1];
            for (var j = 0; j <= i; j++)
            {
                rows[i][j] = factor[(j * k) + i];
            }
        }

        var diagonal = new double[k];
        Parallel.For(0, k, () => new double[k], (j, _, y) =>
        {
            y[j] = 1 / rows[j][j];
            var sum = y[j] * y[j];
            for (var i = j + 1; i < k; i++)
            {
                y[i] = -Dot(rows[i].AsSpan(j, i - j), y.AsSpan(j, i - j)) / rows[i][i];
                sum += y[i] * y[i];
            }

            diagonal[j] = sum;
            return y;
        }, _ => { });

        double normR = 0, trace = 0;
        for (var j = 0; j < k; j++)
        {
            double column = 0;
            for (var i = 0; i < k; i++)
            {
                column += Math.Abs(r[i, j]);
            }

            normR = Math.Max(normR, column);
            trace += diagonal[j];
        }

        // NaN fails the test as well.
        return normR * trace < 1 / Math.Sqrt(MachineEpsilon) ? diagonal : null;
    }

    /// <summary>
    /// Σ a_m·b_m in four lanes, then (l0 + l1) + (l2 + l3), then the tail: products and sums rounded one by one (no fused
    /// multiply-add), so the bits are the same with or without vector hardware.
    /// </summary>
    private static double Dot(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        ref var x = ref System.Runtime.InteropServices.MemoryMarshal.GetReference(a);
        ref var y = ref System.Runtime.InteropServices.MemoryMarshal.GetReference(b);
        var lanes = System.Runtime.Intrinsics.Vector256<double>.Zero;
        var m = 0;
        for (; m <= a.Length - 4; m += 4)
        {
            lanes += System.Runtime.Intrinsics.Vector256.LoadUnsafe(ref x, (nuint)m) * System.Runtime.Intrinsics.Vector256.LoadUnsafe(ref y, (nuint)m);
        }

        var sum = (lanes[0] + lanes[1]) + (lanes[2] + lanes[3]);
        for (; m < a.Length; m++)
        {
            sum += a[m] * b[m];
        }

        return sum;
    }

    public static double Sum(double[,] m)
    {
        double s = 0;
        foreach (var v in m)
        {
            s += v;
        }

        return s;
    }

    public static double Trace(double[,] m)
    {
        double s = 0;
        for (var i = 0; i < m.GetLength(0); i++)
        {
            s += m[i, i];
        }

        return s;
    }
}
