namespace Assessments.Psychometrics;

/// <summary>McDonald's ω as <c>psych::omega</c> computes it (METHODS.md §2.4), with the Schmid–Leiman loadings behind it.</summary>
/// <param name="Factors">The number of group factors.</param>
/// <param name="OmegaHierarchical">ω_h = (Σ g)² / sum(R).</param>
/// <param name="OmegaTotal">ω_t = (sum(R) − Σ u²) / sum(R).</param>
/// <param name="AlphaStandardized">Standardised α of all the items after the sign flips.</param>
/// <param name="G6">Guttman's λ6: (sum(R) + Σ smc − tr R) / sum(R).</param>
/// <param name="General">The general-factor loadings g (after the flips, so all ≥ 0).</param>
/// <param name="Communalities">h² of each item from the factor solution.</param>
/// <param name="Flipped">Whether each item was reversed because its g loading was negative.</param>
public sealed record OmegaResult(int Factors, double OmegaHierarchical, double OmegaTotal, double AlphaStandardized, double G6,
    IReadOnlyList<double> General, IReadOnlyList<double> Communalities, IReadOnlyList<bool> Flipped);
