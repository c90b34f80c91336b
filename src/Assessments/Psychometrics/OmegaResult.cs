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

    /// <summary>The coefficients of this record that are NaN, by property name, each with its reason. Empty when all are numbers.</summary>
    public IReadOnlyList<UndefinedStatistic> Undefined { get; init; } = [];
}
