namespace Assessments.Psychometrics;

/// <summary>A scale's norms built from a sample: what goes into the instrument's <c>norms</c> section.</summary>
/// <param name="ScaleId">The scale.</param>
/// <param name="N">How many people had a score.</param>
/// <param name="Mean">The mean score.</param>
/// <param name="StandardDeviation">The SD with the n − 1 denominator.</param>
/// <param name="Table">Each distinct score with how many people had it, in increasing order.</param>
public sealed record NormGroup(string ScaleId, int N, double Mean, double StandardDeviation, IReadOnlyList<(double Score, int Count)> Table);
