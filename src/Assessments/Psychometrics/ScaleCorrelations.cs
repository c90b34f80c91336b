namespace Assessments.Psychometrics;

/// <summary>
/// Correlations between an instrument's scale scores, as <c>psych::scoreItems</c> reports them (docs/methods.md §2.10).
/// Rows and columns follow <see cref="ScaleIds"/>.
/// </summary>
/// <param name="ScaleIds">The scales, in the instrument's order.</param>
/// <param name="Raw">
/// <c>$cor</c>: the scales' correlations from the items' pairwise covariances, keysᵀ · C · keys turned into correlations
/// (with missing answers, not quite the correlation of the score columns); NaN where a covariance is undefined.
/// </param>
/// <param name="Corrected">
/// <c>$corrected</c>: the raw correlations below the diagonal, each scale's raw α on the diagonal, and above it the
/// correlations corrected for attenuation, r_ij / √(α_i α_j) (Spearman, 1904).
/// </param>
public sealed record ScaleCorrelations(IReadOnlyList<string> ScaleIds, IReadOnlyList<IReadOnlyList<double>> Raw, IReadOnlyList<IReadOnlyList<double>> Corrected);

/// <summary>Every scale's reliability and the correlations between the scales, from one pass over the data (<see cref="Reliability.AnalyzeWithCorrelations"/>).</summary>
/// <param name="Scales">As <see cref="Reliability.Analyze"/> gives them.</param>
/// <param name="Correlations">As <see cref="Reliability.Correlations"/> gives them.</param>
public sealed record InstrumentReliability(IReadOnlyList<ScaleReliability> Scales, ScaleCorrelations Correlations);
