namespace Assessments.Matching;

/// <summary>
/// One suggested occupation with the numbers behind it, so a counsellor can explain the suggestion: the ranking score
/// and every component (profile correlation, distance, code indices, shared letters, the codes compared).
/// </summary>
public sealed record OccupationMatch
{
    /// <summary>The occupation.</summary>
    public required Occupation Occupation { get; init; }

    /// <summary>1 for the best match.</summary>
    public required int Rank { get; init; }

    /// <summary>The score of the ranking metric (higher is better); NaN when the metric is undefined (a flat profile has no correlation).</summary>
    public required double Score { get; init; }

    /// <summary>The metric that ranked it.</summary>
    public required MatchMetric Metric { get; init; }

    /// <summary>Pearson r between the profiles (null when either has none; NaN when one is flat).</summary>
    public double? Pearson { get; init; }

    /// <summary>Cosine between the rescaled profiles.</summary>
    public double? Cosine { get; init; }

    /// <summary>Euclidean distance between the rescaled profiles (0 to √6).</summary>
    public double? Distance { get; init; }

    /// <summary>Brown &amp; Gore C index, averaged over the person's admissible codes.</summary>
    public required double CIndex { get; init; }

    /// <summary>Iachan M index, averaged over the person's admissible codes.</summary>
    public required double MIndex { get; init; }

    /// <summary>Letters the person's code and the occupation's code share.</summary>
    public required int SharedLetters { get; init; }

    /// <summary>The profile's (canonical) Holland code: the respondent's, or the code matched.</summary>
    public required string ProfileHollandCode { get; init; }

    /// <summary>
    /// The occupation's Holland code that the code indices used (<see cref="Occupation.MatchingCode"/>); the occupation's
    /// own code is <c>Occupation.Code</c>.
    /// </summary>
    public required string OccupationHollandCode { get; init; }
}
