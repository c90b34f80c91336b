using Assessments.Definitions;

namespace Assessments.CardSort;

/// <summary>A pile of a card sort: its id and label, and for a Q-sort its value and exact quota.</summary>
/// <param name="Id">The pile id used in responses.</param>
/// <param name="Label">The pile's name for people.</param>
/// <param name="Value">Q-sort: the score of the cards in this pile.</param>
/// <param name="Quota">Q-sort: how many cards the pile must hold.</param>
public sealed record Pile(string Id, LocalizedText? Label, double? Value, int? Quota);
