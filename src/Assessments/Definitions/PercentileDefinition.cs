namespace Assessments.Definitions;

/// <summary>How a percentile rank is read from a norm frequency table (docs/methods.md §1.4).</summary>
public enum PercentileDefinition
{
    /// <summary><c>PR = 100 · (#below + f(x)/2) / N</c>. PROJECT CHOICE default: it treats a score as spread over its interval.</summary>
    MidPoint,

    /// <summary><c>PR = 100 · #(≤ x) / N</c>.</summary>
    AtOrBelow,
}
