namespace Assessments.Matching;

/// <summary>An occupation ranked on interests and values together, with both parts shown.</summary>
/// <param name="Occupation">The occupation.</param>
/// <param name="Rank">1 for the best combined fit.</param>
/// <param name="Score">The weighted combination of the two correlations.</param>
/// <param name="Interests">The interest match (its Pearson r and code indices).</param>
/// <param name="Values">The values match (its Pearson r).</param>
public sealed record CombinedMatch(Occupation Occupation, int Rank, double Score, OccupationMatch Interests, ValuesMatch Values);
