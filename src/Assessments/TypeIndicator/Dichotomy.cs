namespace Assessments.TypeIndicator;

/// <summary>One compiled dichotomy: its scale, poles, midpoint, possible range and tie rule.</summary>
/// <param name="ScaleId">The scale whose (keyed) sum places the person between the poles.</param>
/// <param name="ScaleIndex">The scale's index in the instrument.</param>
/// <param name="Low">The letter of the low pole (scores below the midpoint).</param>
/// <param name="High">The letter of the high pole (scores above the midpoint).</param>
/// <param name="Midpoint">The score between the poles; by default the middle of the possible range.</param>
/// <param name="Minimum">The lowest possible sum (every item at its format's minimum).</param>
/// <param name="Maximum">The highest possible sum.</param>
/// <param name="Tie">The letter rule at the midpoint.</param>
public sealed record Dichotomy(string ScaleId, int ScaleIndex, char Low, char High, double Midpoint, double Minimum, double Maximum, TieRule Tie);
