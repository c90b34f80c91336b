namespace Assessments.CardSort;

/// <summary>One paired comparison: the two cards shown and the one chosen as more important.</summary>
/// <param name="First">One card of the pair.</param>
/// <param name="Second">The other card.</param>
/// <param name="Chosen">The card chosen (<paramref name="First"/> or <paramref name="Second"/>).</param>
public sealed record PairedChoice(string First, string Second, string Chosen);
