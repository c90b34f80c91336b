namespace Assessments.Psychometrics;

/// <summary>
/// Reliability of one scale on a sample, exactly as R's psych 2.2.9 computes it from pairwise-complete covariances of the
/// keyed items (docs/methods.md §2.1–2.3, 2.6). Items without variance in the sample are left out first, as psych does
/// (<see cref="DroppedItems"/>); every statistic below is of the items kept. A statistic the data cannot support is NaN,
/// and <see cref="Undefined"/> says why.
/// </summary>
/// <param name="ScaleId">The scale.</param>
/// <param name="Items">How many items the scale defines (dropped ones included; the statistics use <c>Items − DroppedItems.Count</c>).</param>
/// <param name="N">How many people have a score (at least one answered kept item).</param>
/// <param name="Mean">Mean of the people's mean scores (the mean of their answered kept items, as <c>scoreItems</c>).</param>
/// <param name="StandardDeviation">SD (n − 1) of the people's mean scores.</param>
/// <param name="AlphaRaw"><c>k/(k−1) · (1 − tr C / sum C)</c>.</param>
/// <param name="AlphaStandardized"><c>k/(k−1) · (1 − k / sum R)</c> with R = cov2cor(C), as <c>psych::alpha</c>.</param>
/// <param name="G6Alpha">Guttman's λ6 as <c>psych::alpha</c>: <c>1 − (k − Σ smc)/sum R</c>, SMCs from the scale's own R.</param>
/// <param name="G6ScoreItems">λ6 as <c>psych::scoreItems</c>: <c>(V − Σ var + Σ smc·var)/V</c>, SMCs from every kept item of the pool.</param>
/// <param name="AverageR">Mean inter-item correlation as <c>psych::alpha</c>: (sum R − k)/(k(k − 1)).</param>
/// <param name="AverageRScoreItems">As <c>psych::scoreItems</c>: α/(k − α(k − 1)) from the raw α.</param>
/// <param name="SignalNoise">k·r̄/(1 − r̄) with the scoreItems r̄, as <c>psych::scoreItems</c>.</param>
/// <param name="Sem">Standard error of measurement of the mean score: SD · √(1 − α_raw) (Lord &amp; Novick).</param>
/// <param name="ItemStatistics">Per item of the scale, in definition order (dropped ones included): r.drop, α if deleted, raw r, mean, SD, missing count, frequencies.</param>
public sealed record ScaleReliability(string ScaleId, int Items, int N, double Mean, double StandardDeviation, double AlphaRaw,
    double AlphaStandardized, double G6Alpha, double G6ScoreItems, double AverageR, double AverageRScoreItems, double SignalNoise,
    double Sem, IReadOnlyList<ItemStatistics> ItemStatistics)
{
    /// <summary>
    /// The scale's items left out of its statistics because the sample gives them no variance (nobody or one person
    /// answered, or every answer alike), in definition order. psych deletes the same items with the warning "had no
    /// variance and was deleted". Empty when every item was kept.
    /// </summary>
    public IReadOnlyList<DroppedItem> DroppedItems { get; init; } = [];

    /// <summary>
    /// α's asymptotic standard error as <c>psych::alpha</c> reports it (<c>ase</c>): √(Q / n) with Duhachek &amp; Iacobucci's
    /// (2004) Q, n the people with a score (<see cref="N"/>; docs/methods.md §2.9).
    /// </summary>
    public double AlphaStandardError { get; init; } = double.NaN;

    /// <summary>Feldt's 95 % lower bound: 1 − (1 − α) · F⁻¹(.975; n − 1, (n − 1)(k − 1)) (psych's <c>alpha.ci</c>).</summary>
    public double FeldtLower { get; init; } = double.NaN;

    /// <summary>Feldt's 95 % upper bound: 1 − (1 − α) · F⁻¹(.025; n − 1, (n − 1)(k − 1)).</summary>
    public double FeldtUpper { get; init; } = double.NaN;

    /// <summary>Duhachek's 95 % lower bound as psych prints it: α − 1.96 · <see cref="AlphaStandardError"/>.</summary>
    public double DuhachekLower => AlphaRaw - (1.96 * AlphaStandardError);

    /// <summary>Duhachek's 95 % upper bound: α + 1.96 · <see cref="AlphaStandardError"/>.</summary>
    public double DuhachekUpper => AlphaRaw + (1.96 * AlphaStandardError);

    /// <summary>Median of the inter-item correlations (psych's <c>median_r</c>).</summary>
    public double MedianR { get; init; } = double.NaN;

    /// <summary>Variance (n − 1) of the inter-item correlations (psych's <c>var.r</c>).</summary>
    public double VarianceR { get; init; } = double.NaN;

    /// <summary>
    /// The statistics of this record that are NaN, by property name (<c>nameof(AlphaRaw)</c>, …), each with its reason.
    /// Empty when every statistic is a number.
    /// </summary>
    public IReadOnlyList<UndefinedStatistic> Undefined { get; init; } = [];
}
