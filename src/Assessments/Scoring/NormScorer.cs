using Assessments.Definitions;
using MathNet.Numerics.Distributions;

namespace Assessments.Scoring;

/// <summary>Computes z, T, percentile rank, normalised T and stanine of a score against a <see cref="Norm"/> (docs/methods.md §1.4).</summary>
public static class NormScorer
{
    private static readonly double[] StanineZCuts = [-1.75, -1.25, -0.75, -0.25, 0.25, 0.75, 1.25, 1.75];
    private static readonly double[] StaninePercentCuts = [4, 11, 23, 40, 60, 77, 89, 96];

    /// <summary>The norm scores of <paramref name="score"/>.</summary>
    public static NormScores Compute(Norm norm, double score)
    {
        ArgumentNullException.ThrowIfNull(norm);
        double? z = null, t = null, pr = null, nt = null;
        int? stanine = null;
        if (norm.Mean is { } mean && norm.StandardDeviation is { } sd)
        {
            z = (score - mean) / sd;
            t = 50 + (10 * z.Value);
            stanine = Stanine(z.Value, StanineZCuts);
        }

        if (norm.Table.Count > 0)
        {
            pr = PercentileRank(norm, score);
            nt = pr is > 0 and < 100 ? 50 + (10 * Normal.InvCDF(0, 1, pr.Value / 100)) : null;
            stanine ??= Stanine(pr.Value, StaninePercentCuts);
        }

        return new NormScores(z, t, pr, nt, stanine);
    }

    /// <summary>
    /// Percentile rank of <paramref name="score"/> in the norm table. Mid-point: <c>100 (#below + f(x)/2) / N</c>;
    /// at-or-below: <c>100 #(≤ x) / N</c>. A score below the table gives 0, above it 100. Scores are matched exactly.
    /// </summary>
    public static double PercentileRank(Norm norm, double score)
    {
        ArgumentNullException.ThrowIfNull(norm);
        long below = 0, at = 0;
        foreach (var row in norm.Table)
        {
            if (row.Score < score)
            {
                below += row.Count;
            }
            else if (row.Score == score)
            {
                at += row.Count;
            }
        }

        var total = (double)norm.TableTotal;
        return norm.Percentile == PercentileDefinition.MidPoint
            ? 100 * (below + (at / 2.0)) / total
            : 100 * (below + at) / total;
    }

    private static int Stanine(double value, double[] cuts)
    {
        var stanine = 1;
        foreach (var cut in cuts)
        {
            if (value >= cut)
            {
                stanine++;
            }
        }

        return stanine;
    }
}
