namespace Assessments.Matching;

/// <summary>What ranks occupations for a person (docs/methods.md §5).</summary>
public enum MatchMetric
{
    /// <summary>Pearson r between the profiles (shape only). The default: profile correlation predicted outcomes best in a published comparison (docs/methods.md §5.6).</summary>
    Pearson,

    /// <summary>Spearman ρ between the profiles (mid-ranks).</summary>
    Spearman,

    /// <summary>Cosine between the rescaled (0–1) profiles.</summary>
    Cosine,

    /// <summary>Euclidean distance between the rescaled profiles, as a similarity <c>1 − D/√6</c> in [0, 1].</summary>
    Euclidean,

    /// <summary>Brown &amp; Gore C index between the codes (0–18), averaged over the person's admissible codes.</summary>
    CIndex,

    /// <summary>Iachan M index between the codes (0–28), averaged over the person's admissible codes.</summary>
    MIndex,
}
