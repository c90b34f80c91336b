namespace Assessments.CardSort;

/// <summary>Agreement between two people's rankings of the same cards (docs/methods.md §6.4), as scipy and R's <c>cor()</c> compute it.</summary>
public static class RankCorrelation
{
    /// <summary>
    /// Kendall's τ_b = (C − D) / √((C + D + T_x)(C + D + T_y)), where T_x and T_y count pairs tied in one ranking only.
    /// NaN when one ranking ties every card.
    /// </summary>
    public static double KendallTauB(ReadOnlySpan<double> x, ReadOnlySpan<double> y)
    {
        var (concordant, discordant, tiedX, tiedY) = Pairs(x, y);
        var denominator = Math.Sqrt((double)(concordant + discordant + tiedX) * (concordant + discordant + tiedY));
        return denominator == 0 ? double.NaN : (concordant - discordant) / denominator;
    }

    /// <summary>
    /// Kendall's τ_a = (C − D) / (n(n − 1)/2): ties count in the denominator as neither agreement nor disagreement, so
    /// with ties it cannot reach ±1 (Kendall 1938; <c>DescTools::KendallTauA</c>).
    /// </summary>
    public static double KendallTauA(ReadOnlySpan<double> x, ReadOnlySpan<double> y)
    {
        var (concordant, discordant, _, _) = Pairs(x, y);
        return (concordant - discordant) / (x.Length * (x.Length - 1) / 2.0);
    }

    /// <summary>
    /// Stuart's τ_c = 2m(C − D) / (n²(m − 1)), with m the smaller of the two rankings' numbers of distinct ranks (the
    /// smaller side of their contingency table); meant for rankings with many ties, such as piles
    /// (Stuart 1953; <c>DescTools::StuartTauC</c>). NaN when one ranking ties every card.
    /// </summary>
    public static double KendallTauC(ReadOnlySpan<double> x, ReadOnlySpan<double> y)
    {
        var (concordant, discordant, _, _) = Pairs(x, y);
        var m = Math.Min(Distinct(x), Distinct(y));
        double n = x.Length;
        return m < 2 ? double.NaN : 2.0 * m * (concordant - discordant) / (n * n * (m - 1));
    }

    /// <summary>The pairs of cards ordered alike (C), oppositely (D), and tied in x only or in y only.</summary>
    private static (long Concordant, long Discordant, long TiedX, long TiedY) Pairs(ReadOnlySpan<double> x, ReadOnlySpan<double> y)
    {
        Check(x, y);
        long concordant = 0, discordant = 0, tiedX = 0, tiedY = 0;
        for (var i = 0; i < x.Length; i++)
        {
            for (var j = i + 1; j < x.Length; j++)
            {
                var dx = Math.Sign(x[i] - x[j]);
                var dy = Math.Sign(y[i] - y[j]);
                if (dx == 0 && dy == 0)
                {
                    continue;
                }

                if (dx == 0)
                {
                    tiedX++;
                }
                else if (dy == 0)
                {
                    tiedY++;
                }
                else if (dx == dy)
                {
                    concordant++;
                }
                else
                {
                    discordant++;
                }
            }
        }

        return (concordant, discordant, tiedX, tiedY);
    }

    private static int Distinct(ReadOnlySpan<double> values)
    {
        var seen = new HashSet<double>();
        foreach (var v in values)
        {
            seen.Add(v);
        }

        return seen.Count;
    }

    /// <summary>Spearman's ρ: Pearson's r of the two mid-rankings. NaN when one ranking ties every card.</summary>
    public static double Spearman(ReadOnlySpan<double> x, ReadOnlySpan<double> y)
    {
        Check(x, y);
        var rx = Ranks.MidRanks(x, higherIsMoreImportant: false);
        var ry = Ranks.MidRanks(y, higherIsMoreImportant: false);
        double mx = rx.Average(), my = ry.Average(), sxy = 0, sxx = 0, syy = 0;
        for (var i = 0; i < rx.Length; i++)
        {
            sxy += (rx[i] - mx) * (ry[i] - my);
            sxx += (rx[i] - mx) * (rx[i] - mx);
            syy += (ry[i] - my) * (ry[i] - my);
        }

        return sxx == 0 || syy == 0 ? double.NaN : sxy / Math.Sqrt(sxx * syy);
    }

    private static void Check(ReadOnlySpan<double> x, ReadOnlySpan<double> y)
    {
        if (x.Length != y.Length || x.Length < 2)
        {
            throw new ArgumentException($"Two rankings of the same two or more cards are needed; got {x.Length} and {y.Length} values.");
        }
    }
}
