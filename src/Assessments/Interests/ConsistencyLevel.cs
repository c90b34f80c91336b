namespace Assessments.Interests;

/// <summary>Holland's consistency of a code: how close its first two letters sit on the hexagon (docs/methods.md §4.4).</summary>
public enum ConsistencyLevel
{
    /// <summary>Adjacent letters (distance 1), e.g. RI: the interests fit together easily.</summary>
    High = 1,

    /// <summary>Alternate letters (distance 2), e.g. RA.</summary>
    Medium = 2,

    /// <summary>Opposite letters (distance 3), e.g. RS: interests that rarely meet in one job.</summary>
    Low = 3,
}
