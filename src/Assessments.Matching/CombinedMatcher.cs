namespace Assessments.Matching;

/// <summary>
/// Ranks occupations on interests and work values together: <c>score = w·r_interests + (1 − w)·r_values</c> over the
/// occupations that have both profiles. PROJECT CHOICE: equal weights (w = 0.5) by default — neither source is known to
/// predict satisfaction better, and a counsellor can see both parts; occupations with an undefined correlation are left out.
/// </summary>
public static class CombinedMatcher
{
    /// <summary>The top <paramref name="top"/> occupations of <paramref name="catalog"/> for both profiles.</summary>
    /// <param name="catalog">Occupations with interest profiles and work values.</param>
    /// <param name="interests">The person's interest profile.</param>
    /// <param name="workValues">The person's work-values profile (six values on 0–1).</param>
    /// <param name="top">How many to return.</param>
    /// <param name="interestWeight">w, the weight of interests (0–1).</param>
    /// <exception cref="ArgumentException">
    /// A work value that is not a number from 0 to 1 (NaN and infinities included: the message names the work value), or a
    /// weight outside 0–1. An <see cref="InterestProfile"/> cannot hold a NaN or infinite score: its constructor refuses one,
    /// naming the area.
    /// </exception>
    public static IReadOnlyList<CombinedMatch> Match(OccupationCatalog catalog, InterestProfile interests, IReadOnlyList<double> workValues,
        int top = 10, double interestWeight = 0.5)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(interests);
        ValuesMatcher.CheckProfile(workValues, nameof(workValues));
        if (double.IsNaN(interestWeight))
        {
            throw new ArgumentException("The interest weight is not a number; give one from 0 to 1.", nameof(interestWeight));
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(interestWeight, 0);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(interestWeight, 1);
        var byInterest = new OccupationMatcher(catalog, new MatchOptions { Top = Math.Max(1, catalog.Occupations.Count) }).Match(interests)
            .ToDictionary(m => m.Occupation.Code, StringComparer.Ordinal);
        return [.. new ValuesMatcher(catalog).Match(workValues)
            .Where(v => byInterest.ContainsKey(v.Occupation.Code) && !double.IsNaN(v.Score) && !double.IsNaN(byInterest[v.Occupation.Code].Score))
            .Select(v => (Values: v, Interests: byInterest[v.Occupation.Code]))
            .Select(p => (p.Values, p.Interests, Score: (interestWeight * p.Interests.Score) + ((1 - interestWeight) * p.Values.Score)))
            .OrderByDescending(p => p.Score)
            .ThenBy(p => p.Values.Occupation.Code, StringComparer.Ordinal)
            .Take(top)
            .Select((p, i) => new CombinedMatch(p.Values.Occupation, i + 1, p.Score, p.Interests, p.Values))];
    }
}
