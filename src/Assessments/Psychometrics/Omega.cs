using MathNet.Numerics.LinearAlgebra;

namespace Assessments.Psychometrics;

/// <summary>
/// McDonald's ω_h and ω_t as <c>psych::omega(x, nfactors)</c> computes them with its defaults (docs/methods.md §2.4):
/// pairwise correlations; minres factoring; varimax then oblimin (quartimin, unnormalised); Schmid–Leiman with the
/// second-order loadings from a one-factor minres of the factor correlations; items with negative general loadings flipped.
/// <para>Documented numerics: minres is solved as its fixed point, iterated principal axes (communalities start at the
/// SMCs; stop when no communality moves by 1e-12; cap 10,000 iterations; uniquenesses kept ≥ 0.005 as psych's lower
/// bound). Varimax is R's <c>stats::varimax</c> (Kaiser-normalised, eps 1e-5, cap 1,000). Oblimin is GPArotation's
/// gradient projection (start at the identity, eps 1e-5, cap 1,000, step halving up to 10 times). Independent
/// implementations of these iterations agree to about 1e-4 (docs/methods.md §8.4).</para>
/// </summary>
public static class Omega
{
    /// <summary>
    /// The largest item pool that <c>assess analyze --omega</c> accepts: 200. Besides the pairwise correlations, ω's minres
    /// repeats an eigendecomposition of the whole correlation matrix until the communalities settle (up to 10,000 times,
    /// so the time also depends on the data), and <c>--omega</c> computes ω for the pool and again for every scale large
    /// enough. With a total scale and ten subscales on 10,000 respondents, the whole command took 12 s for 200 items and
    /// 39–48 s for 300 on a shared 2-core AMD EPYC (benchmarks/results/AnalyzeItemCountBenchmarks-amd-epyc-2core.md).
    /// <see cref="Compute(Instrument, Responses.ResponseMatrix, int, Imputation, Definitions.Scale)"/> itself does not
    /// enforce it.
    /// </summary>
    public const int MaxItems = 200;

    /// <summary>
    /// ω of every item the instrument's scales use, keyed as the scales key them (reverse items recoded with the format's
    /// endpoints), on <paramref name="matrix"/>; with an <paramref name="imputation"/> the missing answers are imputed first.
    /// </summary>
    /// <remarks>
    /// PROJECT CHOICE: items without variance in the sample (nobody or one person answered, or every answer alike) are
    /// left out first, as <c>psych::alpha</c> does (<c>psych::omega</c> has no such step: their correlations are NA and
    /// the factoring fails); they are listed in <see cref="OmegaResult.DroppedItems"/>. When the data cannot give ω
    /// (fewer than three kept items per factor, a pair of items never answered together, a singular correlation matrix,
    /// whose SMCs minres would start from, or an iteration that does not converge) the coefficients are NaN with their reason in <see cref="OmegaResult.Undefined"/>; nothing throws on
    /// account of the data.
    /// </remarks>
    /// <param name="instrument">The instrument whose scales key the items.</param>
    /// <param name="matrix">The sample.</param>
    /// <param name="factors">The number of group factors.</param>
    /// <param name="imputation">Sample imputation before the correlations, or none (pairwise).</param>
    /// <param name="scale">One scale's items only, instead of the whole pool.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="factors"/> is less than 1.</exception>
    /// <exception cref="ArgumentException">The scales define fewer than three items per factor, or the matrix does not have one column per item.</exception>
    public static OmegaResult Compute(Instrument instrument, Responses.ResponseMatrix matrix, int factors, Imputation imputation = Imputation.None,
        Definitions.Scale? scale = null)
    {
        ArgumentNullException.ThrowIfNull(instrument);
        ArgumentNullException.ThrowIfNull(matrix);
        ArgumentOutOfRangeException.ThrowIfLessThan(factors, 1);
        Reliability.CheckShape(instrument, matrix);
        var items = Reliability.Pool(scale is null ? instrument.Scales : [scale]);
        if (items.Count < 3 * factors)
        {
            throw new ArgumentException($"ω with {factors} group factors needs at least {3 * factors} items; the scales use {items.Count}.", nameof(factors));
        }

        var dropped = Reliability.Screen(matrix, items);
        var kept = items.Where(i => !dropped.ContainsKey(i.Item.Index)).ToList();
        return Expand(Fit(PairwiseCovariance.KeyedColumns(matrix, kept, imputation), factors),
            [.. items.Select(i => dropped.TryGetValue(i.Item.Index, out var why) ? new DroppedItem(i.Item.Id, why) : null)]) with
        {
            ItemIds = [.. items.Select(i => i.Item.Id)],
        };
    }

    /// <summary>
    /// ω of the items <paramref name="columns"/> (one array per item, NaN for missing) with <paramref name="factors"/> group
    /// factors. Columns without variance are left out as in the other overload; in <see cref="OmegaResult.DroppedItems"/>
    /// they are named by their zero-based position ("0", "1", …).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="factors"/> is less than 1.</exception>
    /// <exception cref="ArgumentException">The columns do not all have the same length.</exception>
    public static OmegaResult Compute(IReadOnlyList<double[]> columns, int factors)
    {
        ArgumentNullException.ThrowIfNull(columns);
        ArgumentOutOfRangeException.ThrowIfLessThan(factors, 1);
        if (columns.Any(c => c is null || c.Length != columns[0].Length))
        {
            throw new ArgumentException("Every column must hold one value per person (the same length).", nameof(columns));
        }

        var dropped = columns.Select((column, j) => Screen(column) is { } why ? new DroppedItem(j.ToString(System.Globalization.CultureInfo.InvariantCulture), why) : null).ToList();
        return Expand(Fit([.. columns.Where((_, j) => dropped[j] is null)], factors), dropped) with { ItemIds = Positions(columns.Count) };
    }

    private static string[] Positions(int k) => [.. Enumerable.Range(0, k).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture))];

    /// <summary>Why a column (NaN = missing) has no variance, or null when it has some.</summary>
    private static DroppedItemReason? Screen(double[] column)
    {
        var count = 0;
        var first = 0.0;
        foreach (var x in column)
        {
            if (!double.IsNaN(x))
            {
                if (count++ == 0)
                {
                    first = x;
                }
                else if (x != first)
                {
                    return null;
                }
            }
        }

        return count switch { 0 => DroppedItemReason.NoAnswers, 1 => DroppedItemReason.OneAnswer, _ => DroppedItemReason.ZeroVariance };
    }

    /// <summary>The kept items' result laid out over every item: a dropped item's g and h² are NaN and it is never flipped.</summary>
    private static OmegaResult Expand(OmegaResult kept, List<DroppedItem?> dropped)
    {
        var general = new double[dropped.Count];
        var communalities = new double[dropped.Count];
        var flipped = new bool[dropped.Count];
        for (int i = 0, at = 0; i < dropped.Count; i++)
        {
            (general[i], communalities[i], flipped[i]) = dropped[i] is null ? (kept.General[at], kept.Communalities[at], kept.Flipped[at++]) : (double.NaN, double.NaN, false);
        }

        var position = Enumerable.Range(0, dropped.Count).Where(i => dropped[i] is null).ToArray();
        var loadings = new double[kept.GroupLoadings.Count == 0 ? 0 : dropped.Count][];
        for (int i = 0, at = 0; i < loadings.Length; i++)
        {
            loadings[i] = dropped[i] is null ? [.. kept.GroupLoadings[at++]] : [.. Enumerable.Repeat(double.NaN, kept.Factors)];
        }

        return kept with
        {
            General = general,
            Communalities = communalities,
            Flipped = flipped,
            DroppedItems = [.. dropped.OfType<DroppedItem>()],
            Groups = [.. kept.Groups.Select(f => f with { Items = [.. f.Items.Select(i => position[i])] })],
            GroupLoadings = loadings,
        };
    }

    /// <summary>ω of columns that all have variance; NaN coefficients with the reason when the data cannot give it.</summary>
    private static OmegaResult Fit(double[][] columns, int factors)
    {
        var k = columns.Length;
        if (k < 3 * factors)
        {
            return Empty(k, factors, UndefinedReason.TooFewItems);
        }

        var r = PairwiseCorrelation(columns);
        if (r.Enumerate().Any(x => !double.IsFinite(x)))
        {
            return Empty(k, factors, UndefinedReason.MissingCovariance);
        }

        return FitCorrelations(r, factors);
    }

    /// <summary>
    /// ω from a correlation matrix, as <c>psych::omega(m, nfactors)</c> computes it when <c>m</c> is a correlation matrix
    /// (for example one printed in a paper): the same factoring, rotation and Schmid–Leiman steps as from raw answers, with
    /// the same ECV, ω_limit and per-factor ω.
    /// </summary>
    /// <param name="correlations">A square, symmetric matrix with 1 on the diagonal and every value in [−1, 1]. Symmetry
    /// and the unit diagonal are checked to 1e-6, so a matrix copied with its printed decimals is accepted.</param>
    /// <param name="factors">The number of group factors.</param>
    /// <param name="names">The items' names for <see cref="OmegaResult.ItemIds"/>, in the matrix's order; by default their zero-based positions ("0", "1", …).</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="factors"/> is less than 1.</exception>
    /// <exception cref="ArgumentException">The matrix is not a correlation matrix (the message names the first bad cell, zero-based), it has fewer than three items per factor, or <paramref name="names"/> does not name each row once.</exception>
    public static OmegaResult FromCorrelations(double[,] correlations, int factors, IReadOnlyList<string>? names = null)
    {
        ArgumentNullException.ThrowIfNull(correlations);
        ArgumentOutOfRangeException.ThrowIfLessThan(factors, 1);
        var k = correlations.GetLength(0);
        if (correlations.GetLength(1) != k)
        {
            throw new ArgumentException($"A correlation matrix is square; this one is {k} × {correlations.GetLength(1)}.", nameof(correlations));
        }

        if (k < 3 * factors)
        {
            throw new ArgumentException($"ω with {factors} group factors needs at least {3 * factors} items; the matrix has {k}.", nameof(factors));
        }

        var r = Matrix<double>.Build.Dense(k, k);
        for (var i = 0; i < k; i++)
        {
            for (var j = 0; j < k; j++)
            {
                var x = correlations[i, j];
                var where = string.Create(System.Globalization.CultureInfo.InvariantCulture, $"[{i}, {j}]");
                if (!double.IsFinite(x) || Math.Abs(x) > 1 + 1e-6)
                {
                    throw new ArgumentException($"The correlation at {where} is {x.ToString(System.Globalization.CultureInfo.InvariantCulture)}; a correlation is a number in [-1, 1].", nameof(correlations));
                }

                if (i == j && Math.Abs(x - 1) > 1e-6)
                {
                    throw new ArgumentException($"The diagonal value at {where} is {x.ToString(System.Globalization.CultureInfo.InvariantCulture)}; a correlation matrix has 1 on its diagonal.", nameof(correlations));
                }

                if (j < i && Math.Abs(x - correlations[j, i]) > 1e-6)
                {
                    throw new ArgumentException($"The matrix is not symmetric: {where} differs from [{j}, {i}].", nameof(correlations));
                }

                r[i, j] = i == j ? 1 : Math.Clamp((x + correlations[j, i]) / 2, -1, 1);
            }
        }

        if (names is not null && (names.Count != k || names.Distinct(StringComparer.Ordinal).Count() != k))
        {
            throw new ArgumentException($"The names must name each of the {k} rows once; {names.Count} were given.", nameof(names));
        }

        return FitCorrelations(r, factors) with { ItemIds = names is null ? Positions(k) : [.. names] };
    }

    /// <summary>ω of a correlation matrix without missing values.</summary>
    private static OmegaResult FitCorrelations(Matrix<double> r, int factors)
    {
        var k = r.RowCount;
        // Minres starts from the SMCs (psych's default), which a singular matrix does not have (PROJECT CHOICE: see
        // PairwiseCovariance.Smc); then ω is not reported either.
        if (PairwiseCovariance.Smc(r.ToArray(), out var reason) is not { } smc)
        {
            return Empty(k, factors, reason);
        }

        try
        {
            return Solve(r, factors, smc);
        }
        catch (MathNet.Numerics.NonConvergenceException)
        {
            return Empty(k, factors, UndefinedReason.NotConverged);
        }
    }

    private static OmegaResult Empty(int k, int factors, UndefinedReason reason) =>
        new(factors, double.NaN, double.NaN, double.NaN, double.NaN, [.. Enumerable.Repeat(double.NaN, k)], [.. Enumerable.Repeat(double.NaN, k)], new bool[k])
        {
            Ecv = double.NaN,
            OmegaLimit = double.NaN,
            OmegaGroup = double.NaN,
            Undefined = [.. new[] { nameof(OmegaResult.OmegaHierarchical), nameof(OmegaResult.OmegaTotal), nameof(OmegaResult.AlphaStandardized),
                nameof(OmegaResult.G6), nameof(OmegaResult.Ecv), nameof(OmegaResult.OmegaLimit), nameof(OmegaResult.OmegaGroup),
                nameof(OmegaResult.General), nameof(OmegaResult.Communalities) }.Select(s => new UndefinedStatistic(s, reason))],
        };

    private static OmegaResult Solve(Matrix<double> r, int factors, double[] smc)
    {
        var k = r.RowCount;
        var a = Varimax(Minres(r, factors, smc));
        double[] gl;
        Matrix<double> pattern;
        if (factors == 1)
        {
            pattern = a;
            gl = [1];
        }
        else
        {
            (pattern, var phi) = Oblimin(a);
            gl = factors == 2
                ? [Math.Sqrt(Math.Abs(phi[0, 1])), Math.Sign(phi[0, 1]) * Math.Sqrt(Math.Abs(phi[0, 1]))]
                : [.. Minres(phi, 1).Column(0)];
        }

        var g = new double[k];
        var h2 = new double[k];
        for (var i = 0; i < k; i++)
        {
            for (var f = 0; f < factors; f++)
            {
                g[i] += pattern[i, f] * gl[f];
                h2[i] += a[i, f] * a[i, f];
            }
        }

        if (!g.All(double.IsFinite) || !h2.All(double.IsFinite))
        {
            return Empty(k, factors, UndefinedReason.NotConverged); // an iteration ran into a singular step
        }

        // psych's flip: reverse items whose general loading is negative.
        var flipped = g.Select(x => x < 0).ToArray();
        for (var i = 0; i < k; i++)
        {
            for (var j = 0; j < k; j++)
            {
                if (flipped[i] != flipped[j])
                {
                    r[i, j] = -r[i, j];
                }
            }

            g[i] = Math.Abs(g[i]);
        }

        var vt = r.Enumerate().Sum();
        var trace = r.Trace();
        var sumG = g.Sum();
        var u2 = h2.Sum(h => 1 - h);
        var flippedSmc = PairwiseCovariance.Smc(r.ToArray(), out var smcReason);
        var undefined = new List<UndefinedStatistic>();
        double Check(string name, double value, UndefinedReason reason)
        {
            if (double.IsFinite(value))
            {
                return value;
            }

            undefined.Add(new UndefinedStatistic(name, reason));
            return double.NaN;
        }

        // Schmid–Leiman group loadings (psych::schmid): the oblique pattern times √(1 − gl²), reversed with the item.
        var group = new double[k][];
        var ev = new double[factors + 1];
        for (var i = 0; i < k; i++)
        {
            group[i] = new double[factors];
            ev[0] += g[i] * g[i];
            for (var f = 0; f < factors; f++)
            {
                group[i][f] = pattern[i, f] * Math.Sqrt(Math.Max(0, 1 - (gl[f] * gl[f]))) * (flipped[i] ? -1 : 1);
                ev[f + 1] += group[i][f] * group[i][f];
            }
        }

        // psych::omegah's omega.group: each item goes to the group factor with its largest |loading| (the first on a tie).
        var groups = new List<OmegaGroupFactor>(factors);
        var owner = group.Select(row => Enumerable.Range(0, factors).Aggregate((best, f) => Math.Abs(row[f]) > Math.Abs(row[best]) ? f : best)).ToArray();
        double groupShare = 0;
        for (var f = 0; f < factors; f++)
        {
            var members = Enumerable.Range(0, k).Where(i => owner[i] == f).ToArray();
            double vgr = 0, gr = 0, gg = 0;
            foreach (var i in members)
            {
                gr += group[i][f];
                gg += g[i];
                foreach (var j in members)
                {
                    vgr += r[i, j];
                }
            }

            groupShare += gr * gr;
            groups.Add(members.Length == 0 || vgr <= 0
                ? new OmegaGroupFactor(f + 1, members, double.NaN, double.NaN, double.NaN)
                : new OmegaGroupFactor(f + 1, members, ((gr * gr) + (gg * gg)) / vgr, gg * gg / vgr, gr * gr / vgr));
        }

        return new OmegaResult(factors, Check(nameof(OmegaResult.OmegaHierarchical), sumG * sumG / vt, UndefinedReason.Degenerate),
            Check(nameof(OmegaResult.OmegaTotal), (vt - u2) / vt, UndefinedReason.Degenerate),
            Check(nameof(OmegaResult.AlphaStandardized), (vt - trace) / vt * k / (k - 1.0), UndefinedReason.Degenerate),
            Check(nameof(OmegaResult.G6), flippedSmc is null ? double.NaN : (vt + flippedSmc.Sum() - trace) / vt, flippedSmc is null ? smcReason : UndefinedReason.Degenerate),
            g, h2, flipped)
        {
            Ecv = Check(nameof(OmegaResult.Ecv), ev[0] / ev.Sum(), UndefinedReason.Degenerate),
            OmegaLimit = Check(nameof(OmegaResult.OmegaLimit), sumG * sumG / (vt - u2), UndefinedReason.Degenerate),
            OmegaGroup = Check(nameof(OmegaResult.OmegaGroup), groupShare / vt, UndefinedReason.Degenerate),
            Groups = groups,
            GroupLoadings = group,
            Undefined = undefined,
        };
    }

    /// <summary>R's <c>cor(x, use = "pairwise")</c>: each pair's Pearson r over the rows where both are present.</summary>
    internal static Matrix<double> PairwiseCorrelation(IReadOnlyList<double[]> columns)
    {
        var k = columns.Count;
        var r = Matrix<double>.Build.Dense(k, k);
        for (var i = 0; i < k; i++)
        {
            r[i, i] = 1;
            for (var j = i + 1; j < k; j++)
            {
                r[i, j] = r[j, i] = PairwiseCovariance.Correlation(columns[i], columns[j]);
            }
        }

        return r;
    }

    /// <summary>Minres loadings as the fixed point of iterated principal axes (see the class remarks).</summary>
    internal static Matrix<double> Minres(Matrix<double> r, int factors, double[]? smc = null)
    {
        var k = r.RowCount;
        // psych starts at the SMCs (a singular matrix has none: reported as not converged).
        var h2 = smc is null ? PairwiseCovariance.Smc(r.ToArray(), out _) ?? throw new MathNet.Numerics.NonConvergenceException("The factor correlations are singular.") : (double[])smc.Clone();
        Matrix<double> loadings = Matrix<double>.Build.Dense(k, factors);
        for (var iteration = 0; iteration < 10_000; iteration++)
        {
            var reduced = r.Clone();
            for (var i = 0; i < k; i++)
            {
                reduced[i, i] = h2[i];
            }

            var evd = reduced.Evd(Symmetricity.Symmetric);
            // MathNet orders eigenvalues ascending: take the largest ones, last first.
            for (var f = 0; f < factors; f++)
            {
                var index = k - 1 - f;
                var value = Math.Max(evd.EigenValues[index].Real, 0);
                for (var i = 0; i < k; i++)
                {
                    loadings[i, f] = evd.EigenVectors[i, index] * Math.Sqrt(value);
                }
            }

            double change = 0;
            for (var i = 0; i < k; i++)
            {
                double h = 0;
                for (var f = 0; f < factors; f++)
                {
                    h += loadings[i, f] * loadings[i, f];
                }

                h = Math.Min(h, 0.995);
                change = Math.Max(change, Math.Abs(h - h2[i]));
                h2[i] = h;
            }

            if (change < 1e-12)
            {
                break;
            }
        }

        // A factor's sign is arbitrary: make each column's sum positive, as psych does.
        for (var f = 0; f < factors; f++)
        {
            if (loadings.Column(f).Sum() < 0)
            {
                loadings.SetColumn(f, -loadings.Column(f));
            }
        }

        return loadings;
    }

    /// <summary>R's <c>stats::varimax</c> with Kaiser normalisation.</summary>
    internal static Matrix<double> Varimax(Matrix<double> x)
    {
        var p = x.RowCount;
        var nc = x.ColumnCount;
        if (nc < 2)
        {
            return x;
        }

        var sc = Vector<double>.Build.Dense(p, i => Math.Sqrt(x.Row(i).PointwisePower(2).Sum()));
        var xn = Matrix<double>.Build.Dense(p, nc, (i, j) => x[i, j] / sc[i]);
        var tt = Matrix<double>.Build.DenseIdentity(nc);
        double d = 0;
        for (var iteration = 0; iteration < 1000; iteration++)
        {
            var z = xn * tt;
            var colSq = Vector<double>.Build.Dense(nc, j => z.Column(j).PointwisePower(2).Sum());
            var b = xn.Transpose() * (z.PointwisePower(3) - (z * Matrix<double>.Build.DenseOfDiagonalVector(colSq) / p));
            var svd = b.Svd(true);
            tt = svd.U * svd.VT;
            var dpast = d;
            d = svd.S.Sum();
            if (d < dpast * (1 + 1e-5))
            {
                break;
            }
        }

        var rotated = xn * tt;
        return Matrix<double>.Build.Dense(p, nc, (i, j) => rotated[i, j] * sc[i]);
    }

    /// <summary>GPArotation's <c>oblimin</c> (gam = 0, normalize = FALSE): gradient projection for an oblique rotation.</summary>
    internal static (Matrix<double> Pattern, Matrix<double> Phi) Oblimin(Matrix<double> a)
    {
        var m = a.ColumnCount;
        var t = Matrix<double>.Build.DenseIdentity(m);
        var offDiagonal = Matrix<double>.Build.Dense(m, m, (i, j) => i == j ? 0 : 1);
        (double F, Matrix<double> Gq) Criterion(Matrix<double> l)
        {
            var l2 = l.PointwisePower(2);
            var x = l2 * offDiagonal;
            return (l2.PointwiseMultiply(x).Enumerate().Sum() / 4, l.PointwiseMultiply(x));
        }

        var loadings = a * t.Inverse().Transpose();
        var (f, gq) = Criterion(loadings);
        var g = -(loadings.Transpose() * gq * t.Inverse()).Transpose();
        double alpha = 1;
        for (var iteration = 0; iteration <= 1000; iteration++)
        {
            var colSums = Vector<double>.Build.Dense(m, j => t.Column(j).PointwiseMultiply(g.Column(j)).Sum());
            var gp = g - (t * Matrix<double>.Build.DenseOfDiagonalVector(colSums));
            var s = Math.Sqrt((gp.Transpose() * gp).Trace());
            if (s < 1e-5)
            {
                break;
            }

            alpha *= 2;
            Matrix<double> tNew = t;
            Matrix<double> lNew = loadings;
            double fNew = f;
            Matrix<double> gqNew = gq;
            for (var i = 0; i <= 10; i++)
            {
                var x = t - (alpha * gp);
                var v = Vector<double>.Build.Dense(m, j => 1 / Math.Sqrt(x.Column(j).PointwisePower(2).Sum()));
                tNew = x * Matrix<double>.Build.DenseOfDiagonalVector(v);
                lNew = a * tNew.Inverse().Transpose();
                (fNew, gqNew) = Criterion(lNew);
                if (f - fNew > 0.5 * s * s * alpha)
                {
                    break;
                }

                alpha /= 2;
            }

            t = tNew;
            loadings = lNew;
            f = fNew;
            gq = gqNew;
            g = -(loadings.Transpose() * gq * t.Inverse()).Transpose();
        }

        return (loadings, t.Transpose() * t);
    }
}
