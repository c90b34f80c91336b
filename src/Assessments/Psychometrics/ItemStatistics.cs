namespace Assessments.Psychometrics;

/// <summary>
/// One item's statistics within its scale (docs/methods.md §2.5), on keyed values. A statistic the data cannot support is NaN,
/// and <see cref="Undefined"/> says why.
/// </summary>
/// <param name="ItemId">The item.</param>
/// <param name="Reverse">Whether it is reverse-keyed in the scale.</param>
/// <param name="N">How many people answered it.</param>
/// <param name="Missing">How many did not.</param>
/// <param name="Mean">Mean keyed answer (NaN when nobody answered).</param>
/// <param name="StandardDeviation">SD (n − 1) of the keyed answers (NaN with fewer than two answers).</param>
/// <param name="RDrop">Corrected item-total correlation (psych's r.drop): <c>Σ_{j≠i} C_ij / √(C_ii · Σ_{j,l≠i} C_jl)</c>.</param>
/// <param name="RawR">Correlation of the item with the people's mean scores (psych's raw.r), every moment over the rows where the item is answered (the mean score exists there).</param>
/// <param name="AlphaIfDeleted">Raw α of the scale's kept items without this one (NaN when fewer than two would remain).</param>
/// <param name="Frequencies">Share of each answer min…max among those who answered (keyed values), as psych's response.freq (NaN when nobody answered).</param>
public sealed record ItemStatistics(string ItemId, bool Reverse, int N, int Missing, double Mean, double StandardDeviation, double RDrop,
    double RawR, double AlphaIfDeleted, IReadOnlyList<double> Frequencies)
{
    /// <summary>
    /// Why the item was left out of its scale's statistics, or null when it was kept. A dropped item keeps its own mean, SD
    /// and frequencies where they exist; its r.drop, raw r and α-if-deleted are NaN (<see cref="UndefinedReason.ItemDropped"/>).
    /// </summary>
    public DroppedItemReason? Dropped { get; init; }

    /// <summary>psych's <c>std.r</c>: the item's correlation with the standardised total, colSum_i(R) / √sum(R).</summary>
    public double StdR { get; init; } = double.NaN;

    /// <summary>psych's <c>r.cor</c>: as <see cref="StdR"/> with R's diagonal replaced by the SMCs (corrected for item overlap and reliability).</summary>
    public double RCor { get; init; } = double.NaN;

    /// <summary>Standardised α of the scale without this item (psych's <c>alpha.drop$std.alpha</c>).</summary>
    public double AlphaStandardizedIfDeleted { get; init; } = double.NaN;

    /// <summary>λ6 (SMCs of the rest's own R) without this item (<c>alpha.drop$"G6(smc)"</c>).</summary>
    public double G6IfDeleted { get; init; } = double.NaN;

    /// <summary>Average inter-item r without this item (<c>alpha.drop$average_r</c>).</summary>
    public double AverageRIfDeleted { get; init; } = double.NaN;

    /// <summary>Signal/noise without this item: m·r̄/(1 − r̄), m = k − 1 (<c>alpha.drop$"S/N"</c>).</summary>
    public double SignalNoiseIfDeleted { get; init; } = double.NaN;

    /// <summary>α's asymptotic standard error without this item (<c>alpha.drop$"alpha se"</c>).</summary>
    public double AlphaStandardErrorIfDeleted { get; init; } = double.NaN;

    /// <summary>Variance of the inter-item correlations without this item (<c>alpha.drop$var.r</c>).</summary>
    public double VarianceRIfDeleted { get; init; } = double.NaN;

    /// <summary>Median of the inter-item correlations without this item (<c>alpha.drop$med.r</c>).</summary>
    public double MedianRIfDeleted { get; init; } = double.NaN;

    /// <summary>The statistics of this record that are NaN, by property name, each with its reason. Empty when every one is a number.</summary>
    public IReadOnlyList<UndefinedStatistic> Undefined { get; init; } = [];
}
