namespace Assessments.Psychometrics;

/// <summary>
/// Why a statistic is empty (NaN) instead of a number. A statistic that the sample or the scale cannot support is
/// reported as undefined with its reason, never as an exception and never as a made-up number.
/// </summary>
public enum UndefinedReason
{
    /// <summary>The item itself was dropped from the scale's statistics (see <see cref="DroppedItem"/>).</summary>
    ItemDropped,

    /// <summary>
    /// Fewer items are left than the statistic needs: α, standardised α, λ6 (alpha), the average correlations and S/N
    /// need two; an item's r.drop needs one other item, its α-if-deleted two others; ω needs three per group factor.
    /// </summary>
    TooFewItems,

    /// <summary>Fewer people than the statistic needs: a standard deviation (and so the SEM) needs two people with a score.</summary>
    TooFewPeople,

    /// <summary>
    /// Some pair of the items was answered together by fewer than two people (or has no variance on the rows they share),
    /// so its covariance or correlation, and everything computed from the matrix, is undefined.
    /// </summary>
    MissingCovariance,

    /// <summary>
    /// The correlation matrix is singular, so the squared multiple correlations (SMCs) behind λ6 are undefined: items
    /// that are exact linear combinations of others, or no more people than items (psych's own test: an eigenvalue at or
    /// below √ε times the largest).
    /// </summary>
    SingularCorrelations,

    /// <summary>A numerical iteration did not converge: an eigendecomposition, or ω's factor extraction or rotation.</summary>
    NotConverged,

    /// <summary>
    /// The data make the formula degenerate: a quantity it divides by is zero (the variance of the total, the noise of
    /// S/N when the items correlate perfectly) or one it takes the square root of is negative (1 − α for the SEM, or a
    /// variance assembled from pairwise-complete covariances).
    /// </summary>
    Degenerate,

    /// <summary>
    /// The statistic would cost too much at this size to be worth its meaning: λ6-if-deleted of a scale of more than
    /// 1,000 items whose correlation matrix is not positive definite (pairwise-complete correlations, or fewer people than
    /// items) needs a general inverse of the whole matrix, tens of seconds at 1,500 items.
    /// </summary>
    TooLarge,
}
