namespace Assessments.CardSort;

/// <summary>One card's place in a person's sort.</summary>
/// <param name="CardId">The card.</param>
/// <param name="Rank">Mid-rank among all cards, 1 = most important; tied cards share the mean of their positions.</param>
/// <param name="Score"><c>(n − rank) / (n − 1)</c>: 1 for the most important card, 0 for the least.</param>
/// <param name="Pile">The pile the card was put in, for pile procedures.</param>
/// <param name="Wins">How many of its comparisons the card won, for paired comparisons.</param>
public sealed record CardScore(string CardId, double Rank, double Score, string? Pile, int? Wins);
