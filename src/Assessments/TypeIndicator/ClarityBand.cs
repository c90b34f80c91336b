namespace Assessments.TypeIndicator;

/// <summary>
/// PROJECT CHOICE: bands of |clarity| (|c| &lt; 0.25 slight, &lt; 0.5 moderate, &lt; 0.75 clear, otherwise very clear). The
/// words describe how consistently one pole was chosen, not how strong a trait is, and are not the MBTI® PCI categories.
/// </summary>
public enum ClarityBand
{
    /// <summary>|c| below 0.25.</summary>
    Slight,

    /// <summary>|c| from 0.25 to below 0.5.</summary>
    Moderate,

    /// <summary>|c| from 0.5 to below 0.75.</summary>
    Clear,

    /// <summary>|c| of 0.75 or more.</summary>
    VeryClear,
}
