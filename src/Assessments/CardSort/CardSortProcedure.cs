namespace Assessments.CardSort;

/// <summary>How the person sorts the cards (docs/methods.md §6, §6.9).</summary>
public enum CardSortProcedure
{
    /// <summary>Every card into one of several piles (the first is the most important), then the top k of the first pile ranked 1…k.</summary>
    PilesThenRank,

    /// <summary>Every card ranked 1…n, no ties, no gaps.</summary>
    Ranking,

    /// <summary>A Q-sort: every card into a pile with a value, each pile holding exactly its quota.</summary>
    QSort,

    /// <summary>Paired comparisons: for every pair of cards, the more important one.</summary>
    PairedComparison,
}
