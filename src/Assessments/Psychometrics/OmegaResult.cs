namespace Assessments.Psychometrics;

/// <summary>
/// McDonald's ω as <c>psych::omega</c> computes it (docs/methods.md §2.4), with the Schmid–Leiman loadings behind it. A
/// coefficient the data cannot give is NaN, and <see cref="Undefined"/> says why.
/// </summary>
/// <param name="Factors">The number of group factors.</param>
/// <param name="OmegaHierarchical">ω_h = (Σ g)² / sum(R).</param>
/// <param name="OmegaTotal">ω_t = (sum(R) − Σ u²) / sum(R).</param>
/// <param name="AlphaStandardized">Standardised α of all the items after the sign flips.</param>
/// <param name="G6">Guttman's λ6: (sum(R) + Σ smc − tr R) / sum(R).</param>
/// <param name="General">The general-factor loadings g (after the flips, so all ≥ 0), one per item; NaN for a dropped item.</param>
/// <param name="Communalities">h² of each item from the factor solution; NaN for a dropped item.</param>
/// <param name="Flipped">Whether each item was reversed because its g loading was negative (never a dropped item).</param>
public sealed record OmegaResult(int Factors, double OmegaHierarchical, double OmegaTotal, double AlphaStandardized, double G6,
    IReadOnlyList<double> General, IReadOnlyList<double> Communalities, IReadOnlyList<bool> Flipped)
{
    /// <summary>
    /// The items left out before factoring because the sample gives them no variance (PROJECT CHOICE, as
    /// <c>psych::alpha</c> does; see <see cref="Omega.Compute(Instrument, Responses.ResponseMatrix, int, Imputation, Definitions.Scale)"/>).
    /// Empty when every item was kept.
    /// </summary>
    public IReadOnlyList<DroppedItem> DroppedItems { get; init; } = [];

    /// <summary>
    /// The items in the order of <see cref="General"/>, <see cref="Communalities"/> and the positions in
    /// <see cref="OmegaGroupFactor.Items"/>: definition ids for an instrument, the given names for a correlation matrix,
    /// else zero-based positions ("0", "1", …).
    /// </summary>
    public IReadOnlyList<string> ItemIds { get; init; } = [];

    /// <summary>
    /// The explained common variance of the general factor (psych's <c>ECV</c>): Σ g² over the sum of the squared
    /// Schmid–Leiman loadings of the general and group factors. Near 1, the items measure mostly one thing.
    /// </summary>
    public double Ecv { get; init; }

    /// <summary>ω_limit (psych's <c>omega.lim</c>): (Σ g)² / (sum(R) − Σ u²), that is ω_h / ω_t, the share of the reliable variance due to the general factor.</summary>
    public double OmegaLimit { get; init; }

    /// <summary>
    /// The share of the total score's variance due to the group factors together: Σ over factors of (Σ its items' group
    /// loadings)² / sum(R) (the <c>group</c> column of psych's <c>omega.group</c>, row <c>g</c>).
    /// </summary>
    public double OmegaGroup { get; init; }

    /// <summary>
    /// Each group factor with the items whose largest absolute group loading is on it, and ω of those items' sum split
    /// as psych's <c>omega.group</c> splits it (rows F1*, F2*, …). Empty when ω is undefined.
    /// </summary>
    public IReadOnlyList<OmegaGroupFactor> Groups { get; init; } = [];

    /// <summary>
    /// The Schmid–Leiman group-factor loadings, one row per item and one column per group factor (after the flips; NaN
    /// for a dropped item). Empty when ω is undefined.
    /// </summary>
    public IReadOnlyList<IReadOnlyList<double>> GroupLoadings { get; init; } = [];

    /// <summary>The coefficients of this record that are NaN, by property name, each with its reason. Empty when all are numbers.</summary>
    public IReadOnlyList<UndefinedStatistic> Undefined { get; init; } = [];
}
