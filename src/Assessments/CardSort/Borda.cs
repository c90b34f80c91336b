namespace Assessments.CardSort;

/// <summary>Borda count over several people's rankings (Borda 1781; docs/methods.md §6.2).</summary>
public static class Borda
{
    /// <summary>
    /// Total points per card: a card ranked r of m earns m − r (mid-ranks for ties). PROJECT CHOICE for partial lists
    /// (top-k only): the cards a person left unranked tie for the remaining positions k + 1 … m, so they share the remaining
    /// points equally — the same mid-rank rule as any other tie.
    /// </summary>
    /// <param name="rankings">Per person, one rank per card (1 = most important), or null for a card that person did not rank.</param>
    public static double[] Points(IReadOnlyList<double?[]> rankings)
    {
        ArgumentNullException.ThrowIfNull(rankings);
        if (rankings.Count == 0)
        {
            throw new ArgumentException("Give at least one ranking.", nameof(rankings));
        }

        var m = rankings[0].Length;
        var points = new double[m];
        foreach (var ranking in rankings)
        {
            if (ranking.Length != m)
            {
                throw new ArgumentException("Every ranking must cover the same cards.", nameof(rankings));
            }

            var ranked = ranking.Count(r => r is not null);
            var unrankedMidRank = (ranked + 1 + m) / 2.0;
            for (var i = 0; i < m; i++)
            {
                if (ranking[i] is { } given && (given < 1 || given > ranked))
                {
                    throw new ArgumentException($"A rank of card {i} is outside 1…{ranked} (the rank itself is not quoted here).", nameof(rankings));
                }

                points[i] += m - (ranking[i] ?? unrankedMidRank);
            }
        }

        return points;
    }

    /// <summary>The card indexes from most to fewest points; ties keep the card order (PROJECT CHOICE).</summary>
    public static int[] Order(ReadOnlySpan<double> points)
    {
        var copy = points.ToArray();
        return [.. Enumerable.Range(0, copy.Length).OrderByDescending(i => copy[i])];
    }
}
