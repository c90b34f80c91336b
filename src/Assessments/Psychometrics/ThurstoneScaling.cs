using MathNet.Numerics.Distributions;

namespace Assessments.Psychometrics;

/// <summary>
/// Thurstone's Case V scaling of paired-comparison proportions as <c>psych::thurstone</c> computes it (docs/methods.md §6.6).
/// </summary>
/// <param name="Scale">Scale values, the least preferred item at 0.</param>
/// <param name="GoodnessOfFit"><c>1 − Σ(P̂ − P)² / ΣP²</c> over the full matrix.</param>
/// <param name="GoodnessOfFitLower">The same over the cells below the diagonal only (psych's first GF).</param>
/// <param name="Clamped">How many proportions of 0 or 1 were clamped.</param>
public sealed record ThurstoneScaling(IReadOnlyList<double> Scale, double GoodnessOfFit, double GoodnessOfFitLower, int Clamped)
{
    /// <summary>
    /// Scales a square matrix where <c>p[i, j]</c> is the proportion of judges who preferred the COLUMN item j over the
    /// row item i: <c>z = Φ⁻¹(p)</c>, <c>s_j = mean_i z_ij − min</c>, model <c>P̂_ij = Φ(s_j − s_i)</c>.
    /// PROJECT CHOICE: psych does not guard 0 or 1 (infinite z); here they are clamped to [1/(2N), 1 − 1/(2N)] when the
    /// number of judges N is given, and refused otherwise.
    /// </summary>
    /// <exception cref="ArgumentException">Not square, a proportion outside [0, 1], or a 0/1 without <paramref name="judges"/>.</exception>
    public static ThurstoneScaling Fit(double[,] p, int? judges = null)
    {
        ArgumentNullException.ThrowIfNull(p);
        var n = p.GetLength(0);
        if (n != p.GetLength(1) || n < 2)
        {
            throw new ArgumentException("The proportions must form a square matrix of two or more items.", nameof(p));
        }

        var z = new double[n, n];
        var clamped = 0;
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < n; j++)
            {
                var x = p[i, j];
                if (!(x >= 0 && x <= 1))
                {
                    throw new ArgumentException($"p[{i}, {j}] = {x} is not a proportion.", nameof(p));
                }

                if (x is 0 or 1)
                {
                    if (judges is not { } count || count < 1)
                    {
                        throw new ArgumentException($"p[{i}, {j}] = {x} has an infinite z; give the number of judges to clamp it to [1/(2N), 1 − 1/(2N)].", nameof(p));
                    }

                    x = x == 0 ? 1.0 / (2 * count) : 1 - (1.0 / (2 * count));
                    clamped++;
                }

                z[i, j] = Normal.InvCDF(0, 1, x);
            }
        }

        var scale = new double[n];
        for (var j = 0; j < n; j++)
        {
            double sum = 0;
            for (var i = 0; i < n; i++)
            {
                sum += z[i, j];
            }

            scale[j] = sum / n;
        }

        var min = scale.Min();
        for (var j = 0; j < n; j++)
        {
            scale[j] -= min;
        }

        double residual = 0, total = 0, residualLower = 0, totalLower = 0;
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < n; j++)
            {
                var model = Normal.CDF(0, 1, scale[j] - scale[i]);
                var r = (model - p[i, j]) * (model - p[i, j]);
                residual += r;
                total += p[i, j] * p[i, j];
                if (i > j)
                {
                    residualLower += r;
                    totalLower += p[i, j] * p[i, j];
                }
            }
        }

        return new ThurstoneScaling(scale, 1 - (residual / total), 1 - (residualLower / totalLower), clamped);
    }
}
