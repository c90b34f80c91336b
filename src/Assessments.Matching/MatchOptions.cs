namespace Assessments.Matching;

/// <summary>How <see cref="OccupationMatcher"/> ranks and filters occupations.</summary>
public sealed record MatchOptions
{
    /// <summary>The default options: Pearson, top 10, every Job Zone, no minimum.</summary>
    public static MatchOptions Default { get; } = new();

    /// <summary>The ranking metric. Default <see cref="MatchMetric.Pearson"/>.</summary>
    public MatchMetric Metric { get; init; } = MatchMetric.Pearson;

    /// <summary>How many occupations to return. Default 10.</summary>
    public int Top { get; init; } = 10;

    /// <summary>Keep only occupations at or above this Job Zone (occupations without one are then left out). Default: no limit.</summary>
    public int? MinJobZone { get; init; }

    /// <summary>Keep only occupations at or below this Job Zone. Default: no limit.</summary>
    public int? MaxJobZone { get; init; }

    /// <summary>Keep only matches scoring at least this. Default: none.</summary>
    public double? MinimumScore { get; init; }

    /// <summary>Threads for batch matching; 0 or less means every core. Results do not depend on it.</summary>
    public int MaxDegreeOfParallelism { get; init; }
}
