namespace Assessments.Psychometrics;

/// <summary>
/// Sample-based imputation as R's psych <c>scoreItems(impute = …)</c> does it, for researchers who need psych's default
/// scores. It depends on the sample (an item's median or mean over everyone who answered it), so it is never used for a
/// person's own score — that follows the instrument's missing-data policy (<c>minAnswered</c>, prorating).
/// </summary>
public enum Imputation
{
    /// <summary>No imputation: pairwise-complete statistics and the mean of each person's answered items (psych's <c>impute = "none"</c>).</summary>
    None,

    /// <summary>Each missing answer replaced by the item's sample median (psych's default, <c>impute = "median"</c>).</summary>
    PsychMedian,

    /// <summary>Each missing answer replaced by the item's sample mean (<c>impute = "mean"</c>).</summary>
    PsychMean,
}
