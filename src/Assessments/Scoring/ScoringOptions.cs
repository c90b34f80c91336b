namespace Assessments.Scoring;

/// <summary>Options for batch scoring.</summary>
public readonly record struct ScoringOptions
{
    /// <summary>How many threads may score at once; 0 or less (the default) means every core. Results do not depend on it.</summary>
    public int MaxDegreeOfParallelism { get; init; }
}
