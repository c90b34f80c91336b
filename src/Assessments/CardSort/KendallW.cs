using MathNet.Numerics.Distributions;

namespace Assessments.CardSort;

/// <summary>Kendall's coefficient of concordance among several people's rankings, with its χ² test.</summary>
/// <param name="W">W in [0, 1]: 1 when everyone ranks alike, 0 when the rank sums are all equal.</param>
/// <param name="ChiSquare">χ² = m(n − 1)·W (the tie-corrected Friedman statistic when ties are corrected).</param>
/// <param name="DegreesOfFreedom">n − 1.</param>
/// <param name="PValue">Upper-tail probability of χ² with n − 1 degrees of freedom.</param>
/// <param name="Judges">m, the number of rankings.</param>
/// <param name="Objects">n, the number of cards.</param>
/// <param name="TieCorrected">Whether the tie correction was applied.</param>
public sealed record KendallW(double W, double ChiSquare, int DegreesOfFreedom, double PValue, int Judges, int Objects, bool TieCorrected)
{
    /// <summary>S = Σ_i (R_i − R̄)², the sum of squared deviations of the cards' rank sums from their mean (Kendall 1948).</summary>
    public double S { get; init; }

    /// <summary>Σ_j T_j, the judges' tie sums (see <see cref="Ties"/>) that the tie correction subtracts m times; 0 without ties.</summary>
    public double TieSum { get; init; }

    /// <summary>One ranking's tie sum T = Σ over its groups of tied ranks of (t³ − t), t the group's size; 0 without ties.</summary>
    public static double Ties(ReadOnlySpan<double> ranking)
    {
        double ties = 0;
        var sorted = ranking.ToArray();
        Array.Sort(sorted);
        for (var i = 0; i < sorted.Length;)
        {
            var j = i;
            while (j < sorted.Length && sorted[j] == sorted[i])
            {
                j++;
            }

            double t = j - i;
            ties += (t * t * t) - t;
            i = j;
        }

        return ties;
    }

    /// <summary>
    /// <c>W = 12·S / (m²(n³ − n) − m·Σ_j T_j)</c>, <c>S = Σ_i (R_i − R̄)²</c>, <c>T_j = Σ_groups (t³ − t)</c> over judge j's ties
    /// (Kendall 1948; identical to <c>irr::kendall(correct = TRUE)</c>, docs/methods.md §6.5). Each ranking gives rank 1 to
    /// the most important card; ties are expected as mid-ranks (use <see cref="Ranks.MidRanks"/>).
    /// </summary>
    /// <param name="rankings">One array per judge, each with one rank per card, in the same card order.</param>
    /// <param name="correctTies">Apply the tie correction (default), or drop the m·ΣT term.</param>
    public static KendallW Compute(IReadOnlyList<double[]> rankings, bool correctTies = true)
    {
        ArgumentNullException.ThrowIfNull(rankings);
        var m = rankings.Count;
        if (m < 2)
        {
            throw new ArgumentException("Kendall's W needs at least two rankings.", nameof(rankings));
        }

        var n = rankings[0].Length;
        if (n < 2 || rankings.Any(r => r.Length != n))
        {
            throw new ArgumentException("Every ranking must rank the same two or more cards.", nameof(rankings));
        }

        var sums = new double[n];
        double ties = 0;
        foreach (var ranking in rankings)
        {
            for (var i = 0; i < n; i++)
            {
                sums[i] += ranking[i];
            }

            ties += Ties(ranking);
        }

        var mean = sums.Average();
        var s = sums.Sum(r => (r - mean) * (r - mean));
        var denominator = ((double)m * m * (((double)n * n * n) - n)) - (correctTies ? m * ties : 0);
        var w = denominator == 0 ? double.NaN : 12 * s / denominator;
        var chi = m * (n - 1) * w;
        return new KendallW(w, chi, n - 1, double.IsNaN(chi) ? double.NaN : 1 - ChiSquared.CDF(n - 1, chi), m, n, correctTies) { S = s, TieSum = ties };
    }
}
