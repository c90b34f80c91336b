namespace Assessments.Psychometrics;

/// <summary>
/// Why an item was left out of its scale's statistics. psych's <c>alpha</c> and <c>scoreItems</c> delete every item
/// whose standard deviation is zero or undefined (<c>sd(x, na.rm = TRUE)</c> is <c>NA</c> with fewer than two answers)
/// before computing anything, with the warning "had no variance and was deleted"; the library does the same and says
/// which case it was.
/// </summary>
public enum DroppedItemReason
{
    /// <summary>Nobody in the sample answered the item.</summary>
    NoAnswers,

    /// <summary>Only one person answered it: no variance can be estimated from one answer.</summary>
    OneAnswer,

    /// <summary>Everyone who answered it gave the same answer (zero variance), so it correlates with nothing.</summary>
    ZeroVariance,
}
