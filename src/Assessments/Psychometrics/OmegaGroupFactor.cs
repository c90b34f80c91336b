namespace Assessments.Psychometrics;

/// <summary>
/// One group factor of an ω solution with the items it holds, as a row of <c>psych::omega</c>'s <c>omega.group</c>
/// (docs/methods.md §2.4). With Vgr the sum of the (flipped) correlations among the factor's items, Σg their general
/// loadings and Σs their loadings on this group factor: <see cref="OmegaTotal"/> = ((Σg)² + (Σs)²) / Vgr,
/// <see cref="OmegaHierarchical"/> = (Σg)² / Vgr and <see cref="OmegaGroup"/> = (Σs)² / Vgr. NaN when no item falls on
/// the factor.
/// </summary>
/// <param name="Factor">The group factor's number in the rotated solution (1-based; psych's F1*, F2*, …).</param>
/// <param name="Items">The positions of the items whose largest absolute group loading is on this factor (zero-based, in the order of <see cref="OmegaResult.General"/>).</param>
/// <param name="OmegaTotal">ω total of these items' sum.</param>
/// <param name="OmegaHierarchical">The part of it due to the general factor.</param>
/// <param name="OmegaGroup">The part of it due to this group factor.</param>
public sealed record OmegaGroupFactor(int Factor, IReadOnlyList<int> Items, double OmegaTotal, double OmegaHierarchical, double OmegaGroup);
