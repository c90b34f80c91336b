namespace Assessments.TypeIndicator;

/// <summary>What letter a dichotomy gets when its score falls exactly on the midpoint (docs/methods.md §3.2).</summary>
public enum TieRule
{
    /// <summary>The low pole's letter: OEJTS's official rule (its <c>&gt; 24</c> sends 24 to I, S, F, J).</summary>
    Low,

    /// <summary>The high pole's letter.</summary>
    High,

    /// <summary>An <c>X</c>: the preference is undetermined (as in Keirsey's hand scoring).</summary>
    Undetermined,
}
