namespace Assessments.CardSort;

/// <summary>
/// A Kemeny consensus of a group's rankings (docs/methods.md §6.3): the strict order of the cards whose total
/// Kemeny–Snell distance to the people's rankings (ties, such as piles, included) is smallest.
/// </summary>
/// <param name="Order">Card positions (zero-based, in the rankings' card order), the consensus's first card first.</param>
/// <param name="Distance">Σ over people of the Kemeny–Snell distance from <paramref name="Order"/> to their ranking.</param>
/// <param name="LowerBound">No order can be closer: Σ over pairs of cards of the cheaper of the pair's two orders.</param>
/// <param name="Optimal">True when <paramref name="Order"/> is proven to be a Kemeny consensus: found by the exact search,
/// or by the heuristic with <paramref name="Distance"/> equal to <paramref name="LowerBound"/>. False means "not proven
/// optimal", not "wrong".</param>
/// <param name="Exact">Whether the exact search (dynamic programming over subsets) ran.</param>
public sealed record KemenyConsensus(IReadOnlyList<int> Order, long Distance, long LowerBound, bool Optimal, bool Exact)
{
    /// <summary>The largest number of cards the exact search handles by default: 20 (2²⁰ subsets, 5 MB, about a second).</summary>
    public const int DefaultExactLimit = 20;

    /// <summary>
    /// Kemeny and Snell's distance between two rankings of the same cards (rank 1 = first; equal ranks are ties): over the
    /// pairs of cards, 2 for a pair ordered oppositely, 1 for a pair tied in one ranking and ordered in the other, 0 otherwise.
    /// </summary>
    /// <exception cref="ArgumentException">The rankings do not have the same length.</exception>
    public static long KemenySnellDistance(ReadOnlySpan<double> x, ReadOnlySpan<double> y)
    {
        if (x.Length != y.Length)
        {
            throw new ArgumentException($"Two rankings of the same cards are needed; got {x.Length} and {y.Length} values.");
        }

        long distance = 0;
        for (var i = 0; i < x.Length; i++)
        {
            for (var j = i + 1; j < x.Length; j++)
            {
                distance += Math.Abs(Math.Sign(x[i] - x[j]) - Math.Sign(y[i] - y[j]));
            }
        }

        return distance;
    }

    /// <summary>
    /// The Kemeny consensus of <paramref name="rankings"/>. Up to <paramref name="exactLimit"/> cards, exactly: dynamic
    /// programming over the subsets of cards placed first (ties between equally distant orders go to the one that places
    /// the lower card position earliest). Above, a heuristic: the mean-rank order (ties by position), improved by moving one
    /// card at a time to the place that lowers the distance most until no move does; its result comes with
    /// <see cref="LowerBound"/> and is <see cref="Optimal"/> only if it reaches it.
    /// </summary>
    /// <param name="rankings">One array per person with one rank per card (rank 1 = first; equal ranks are ties), the same cards in the same order.</param>
    /// <param name="exactLimit">The largest card count searched exactly (at most 24).</param>
    /// <exception cref="ArgumentException">No ranking, rankings of different lengths, or an <paramref name="exactLimit"/> outside 0–24.</exception>
    public static KemenyConsensus Compute(IReadOnlyList<double[]> rankings, int exactLimit = DefaultExactLimit)
    {
        ArgumentNullException.ThrowIfNull(rankings);
        ArgumentOutOfRangeException.ThrowIfNegative(exactLimit);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(exactLimit, 24);
        if (rankings.Count == 0 || rankings.Any(r => r is null || r.Length != rankings[0].Length))
        {
            throw new ArgumentException("Give one or more rankings, each of the same cards.", nameof(rankings));
        }

        var n = rankings[0].Length;
        // cost[a, b]: the distance added by placing a before b = Σ over people of 0 (a before b), 1 (tied), 2 (b before a).
        var cost = new long[n, n];
        foreach (var ranking in rankings)
        {
            for (var a = 0; a < n; a++)
            {
                for (var b = 0; b < n; b++)
                {
                    if (a != b)
                    {
                        cost[a, b] += 1 + Math.Sign(ranking[a] - ranking[b]);
                    }
                }
            }
        }

        long bound = 0;
        for (var a = 0; a < n; a++)
        {
            for (var b = a + 1; b < n; b++)
            {
                bound += Math.Min(cost[a, b], cost[b, a]);
            }
        }

        if (n <= exactLimit)
        {
            var order = ExactOrder(cost, n);
            return new KemenyConsensus(order, Cost(cost, order), bound, Optimal: true, Exact: true);
        }

        var heuristic = LocalSearch(cost, [.. Enumerable.Range(0, n).OrderBy(i => rankings.Average(r => r[i])).ThenBy(i => i)]);
        var distance = Cost(cost, heuristic);
        return new KemenyConsensus(heuristic, distance, bound, Optimal: distance == bound, Exact: false);
    }

    private static long Cost(long[,] cost, int[] order)
    {
        long total = 0;
        for (var i = 0; i < order.Length; i++)
        {
            for (var j = i + 1; j < order.Length; j++)
            {
                total += cost[order[i], order[j]];
            }
        }

        return total;
    }

    /// <summary>best[S] = the least cost of placing the cards of S first (in some order) before all the others.</summary>
    private static int[] ExactOrder(long[,] cost, int n)
    {
        if (n == 0)
        {
            return [];
        }

        var all = (1 << n) - 1;
        var best = new long[1 << n];
        var last = new byte[1 << n];
        Array.Fill(best, long.MaxValue);
        best[0] = 0;
        var rowTotal = new long[n];
        for (var a = 0; a < n; a++)
        {
            for (var b = 0; b < n; b++)
            {
                rowTotal[a] += cost[a, b];
            }
        }

        for (var placed = 0; placed < all; placed++)
        {
            var here = best[placed];
            for (var x = 0; x < n; x++)
            {
                if ((placed & (1 << x)) != 0)
                {
                    continue;
                }

                // x goes next: before every card not yet placed. Its cost toward the placed cards is not paid.
                var paid = rowTotal[x];
                for (var rest = placed; rest != 0; rest &= rest - 1)
                {
                    paid -= cost[x, System.Numerics.BitOperations.TrailingZeroCount(rest)];
                }

                var next = placed | (1 << x);
                if (here + paid < best[next])
                {
                    best[next] = here + paid;
                    last[next] = (byte)x;
                }
            }
        }

        var order = new int[n];
        for (int set = all, at = n - 1; set != 0; at--)
        {
            order[at] = last[set];
            set &= ~(1 << last[set]);
        }

        return order;
    }

    /// <summary>Moves one card at a time to the position that lowers the distance most (the earliest card and place on a tie) until no move lowers it.</summary>
    private static int[] LocalSearch(long[,] cost, List<int> order)
    {
        var n = order.Count;
        while (true)
        {
            long bestGain = 0;
            int bestFrom = -1, bestTo = -1;
            for (var from = 0; from < n; from++)
            {
                var card = order[from];
                // Moving the card left past order[to..from-1], or right past order[from+1..to]: the gain is the change of those pairs.
                long gain = 0;
                for (var to = from - 1; to >= 0; to--)
                {
                    gain += cost[order[to], card] - cost[card, order[to]];
                    if (gain > bestGain)
                    {
                        (bestGain, bestFrom, bestTo) = (gain, from, to);
                    }
                }

                gain = 0;
                for (var to = from + 1; to < n; to++)
                {
                    gain += cost[card, order[to]] - cost[order[to], card];
                    if (gain > bestGain)
                    {
                        (bestGain, bestFrom, bestTo) = (gain, from, to);
                    }
                }
            }

            if (bestFrom < 0)
            {
                return [.. order];
            }

            var moved = order[bestFrom];
            order.RemoveAt(bestFrom);
            order.Insert(bestTo, moved);
        }
    }
}
