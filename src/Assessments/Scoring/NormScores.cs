namespace Assessments.Scoring;

/// <summary>
/// A scale score placed in its norm group (docs/methods.md §1.4). A value is null when the norm lacks what it needs:
/// z and T need a mean and SD; the percentile rank and normalised T need a frequency table.
/// </summary>
/// <param name="Z"><c>(x − mean) / sd</c>.</param>
/// <param name="T">Linear T, <c>50 + 10 z</c>.</param>
/// <param name="PercentileRank">Percentile rank in [0, 100] from the norm table, by the norm's <see cref="Definitions.PercentileDefinition"/>.</param>
/// <param name="NormalizedT"><c>50 + 10 Φ⁻¹(PR/100)</c>; null at PR 0 or 100, where it is undefined (PROJECT CHOICE: no clamping).</param>
/// <param name="Stanine">1–9 with left-closed cut points: from z (−1.75, −1.25, …, 1.75) when the norm has mean and SD,
/// otherwise from the percentile rank (4, 11, 23, 40, 60, 77, 89, 96). PROJECT CHOICE: left-closed, so z = 0.25 is stanine 6.</param>
public sealed record NormScores(double? Z, double? T, double? PercentileRank, double? NormalizedT, int? Stanine);
