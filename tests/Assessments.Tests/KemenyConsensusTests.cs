using Assessments.CardSort;
using FsCheck.Xunit;

namespace Assessments.Tests;

/// <summary>Kemeny consensus and the Kemeny–Snell distance (docs/methods.md §6.3), by hand and against brute force.</summary>
public class KemenyConsensusTests
{
    [Fact]
    public void FindsTheConsensusOfThreeStrictRankingsByHand()
    {
        // Cards A B C; rankings ABC, ACB, BAC. Placing A before B costs 2 (BAC has them reversed), B before A 4; A before C 0,
        // C before A 6; B before C 2 (ACB), C before B 4. ABC costs 2 + 0 + 2 = 4 = the sum of the cheaper orders of each
        // pair, so it is optimal; its distances to the three rankings are 0, 2 and 2.
        double[][] rankings = [[1, 2, 3], [1, 3, 2], [2, 1, 3]];

        var consensus = KemenyConsensus.Compute(rankings);

        Assert.Equal([0, 1, 2], consensus.Order);
        Assert.Equal(4, consensus.Distance);
        Assert.Equal(4, consensus.LowerBound);
        Assert.True(consensus.Optimal);
        Assert.True(consensus.Exact);
        Assert.Equal(4, rankings.Sum(r => KemenyConsensus.KemenySnellDistance([1, 2, 3], r)));
    }

    [Fact]
    public void CountsATieAgainstAnOrderAsOneAndAReversalAsTwo()
    {
        // A and B in one pile (rank 1), C after; and B A C. Kemeny–Snell from A B C: to the piles 1 (A-B tied there),
        // to B A C 2 (reversed). The consensus B A C is 1 from the piles and 0 from B A C.
        Assert.Equal(1, KemenyConsensus.KemenySnellDistance([1, 2, 3], [1, 1, 2]));
        Assert.Equal(2, KemenyConsensus.KemenySnellDistance([1, 2, 3], [2, 1, 3]));
        Assert.Equal(0, KemenyConsensus.KemenySnellDistance([1, 1, 2], [1, 1, 2]));
        Assert.Equal(6, KemenyConsensus.KemenySnellDistance([1, 2, 3], [3, 2, 1])); // three reversed pairs

        var consensus = KemenyConsensus.Compute([[1, 1, 2], [2, 1, 3]]);
        Assert.Equal([1, 0, 2], consensus.Order);
        Assert.Equal(1, consensus.Distance);
    }

    [Property(MaxTest = 60)]
    public void TheExactSearchMatchesBruteForceAndTheHeuristicNeverBeatsIt(int seed)
    {
        // Up to 7 cards and 5 people with piles (ranks 1–3): every order is tried.
        var random = new Random(seed);
        var n = random.Next(2, 8);
        var rankings = Enumerable.Range(0, random.Next(1, 6)).Select(_ => Enumerable.Range(0, n).Select(_ => (double)random.Next(1, 4)).ToArray()).ToList();
        long Total(IReadOnlyList<int> order)
        {
            var ranks = new double[n];
            for (var p = 0; p < n; p++)
            {
                ranks[order[p]] = p + 1;
            }

            return rankings.Sum(r => KemenyConsensus.KemenySnellDistance(ranks, r));
        }

        var best = Permutations([.. Enumerable.Range(0, n)]).Min(Total);
        var exact = KemenyConsensus.Compute(rankings);
        var heuristic = KemenyConsensus.Compute(rankings, exactLimit: 0);

        Assert.Equal(best, exact.Distance);
        Assert.Equal(best, Total(exact.Order));
        Assert.True(exact.LowerBound <= best);
        Assert.Equal(Total(heuristic.Order), heuristic.Distance);
        Assert.InRange(heuristic.Distance, best, long.MaxValue);
        Assert.False(heuristic.Exact);
        Assert.Equal(heuristic.Distance == heuristic.LowerBound, heuristic.Optimal);
    }

    [Fact]
    public void AboveTheExactLimitReportsTheHeuristicWithItsLowerBound()
    {
        // 40 cards (the shipped deck's size), three people: two in deck order, one reversed. Each pair costs 2 one way (the
        // reversed person) and 4 the other, so the deck order reaches the lower bound 780 · 2 = 1560 and is proven optimal.
        double[] forward = [.. Enumerable.Range(1, 40).Select(i => (double)i)];
        double[] backward = [.. forward.Reverse()];

        var consensus = KemenyConsensus.Compute([forward, forward, backward]);

        Assert.False(consensus.Exact);
        Assert.Equal(Enumerable.Range(0, 40), consensus.Order);
        Assert.Equal(1560, consensus.Distance);
        Assert.Equal(1560, consensus.LowerBound);
        Assert.True(consensus.Optimal);
    }

    private static IEnumerable<int[]> Permutations(int[] items)
    {
        if (items.Length <= 1)
        {
            yield return items;
            yield break;
        }

        for (var i = 0; i < items.Length; i++)
        {
            foreach (var rest in Permutations([.. items[..i], .. items[(i + 1)..]]))
            {
                yield return [items[i], .. rest];
            }
        }
    }
}
