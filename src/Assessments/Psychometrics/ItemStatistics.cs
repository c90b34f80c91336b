namespace Assessments.Psychometrics;

/// <summary>One item's statistics within its scale (METHODS.md §2.5), on keyed values.</summary>
/// <param name="ItemId">The item.</param>
/// <param name="Reverse">Whether it is reverse-keyed in the scale.</param>
/// <param name="N">How many people answered it.</param>
/// <param name="Missing">How many did not.</param>
/// <param name="Mean">Mean keyed answer.</param>
/// <param name="StandardDeviation">SD (n − 1) of the keyed answers.</param>
/// <param name="RDrop">Corrected item-total correlation (psych's r.drop): <c>Σ_{j≠i} C_ij / √(C_ii · Σ_{j,l≠i} C_jl)</c>.</param>
/// <param name="RawR">Correlation of the item with the people's mean scores (psych's raw.r).</param>
/// <param name="AlphaIfDeleted">Raw α of the scale without this item.</param>
/// <param name="Frequencies">Share of each answer min…max among those who answered (keyed values), as psych's response.freq.</param>
public sealed record ItemStatistics(string ItemId, bool Reverse, int N, int Missing, double Mean, double StandardDeviation, double RDrop,
    double RawR, double AlphaIfDeleted, IReadOnlyList<double> Frequencies);
