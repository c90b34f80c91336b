using Assessments.CardSort;

namespace Assessments.Matching;

/// <summary>
/// Ranks occupations by the fit between a person's work-values profile (six numbers on 0–1, e.g.
/// <see cref="CardSortResult.WorkValues"/>) and the occupations' O*NET work values (Extent 1–7, rescaled to 0–1).
/// PROJECT CHOICE: Pearson r, as for interests (shape, not level: people sort cards relative to each other); ties by code.
/// </summary>
public sealed class ValuesMatcher
{
    private readonly Occupation[] _candidates;

    /// <summary>Prepares matching against the occupations of <paramref name="catalog"/> that have work values.</summary>
    public ValuesMatcher(OccupationCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        Catalog = catalog;
        _candidates = [.. catalog.Occupations.Where(o => o.WorkValues is not null).OrderBy(o => o.Code, StringComparer.Ordinal)];
    }

    /// <summary>The catalog matched against.</summary>
    public OccupationCatalog Catalog { get; }

    /// <summary>How many occupations have work values.</summary>
    public int CandidateCount => _candidates.Length;

    /// <summary>Every occupation with work values, best fit first (NaN scores last), or the top <paramref name="top"/>.</summary>
    /// <exception cref="ArgumentException">
    /// The profile does not have six values in [0, 1] (NaN and infinities included); the message names the work value, never the number.
    /// </exception>
    public IReadOnlyList<ValuesMatch> Match(IReadOnlyList<double> person, int top = int.MaxValue)
    {
        CheckProfile(person, nameof(person));

        var p = person.ToArray();
        var personTop = (WorkValue)Array.IndexOf(p, p.Max());
        var scored = new List<(Occupation Occupation, double Score, double Distance)>();
        foreach (var occupation in _candidates)
        {
            var o = occupation.WorkValues!.Select(x => (x - 1) / 6).ToArray();
            scored.Add((occupation, ProfileSimilarity.Pearson(p, o), ProfileSimilarity.Euclidean(p, o)));
        }

        return [.. scored
            .OrderByDescending(s => double.IsNaN(s.Score) ? double.NegativeInfinity : s.Score)
            .ThenBy(s => s.Occupation.Code, StringComparer.Ordinal)
            .Take(top)
            .Select((s, i) => new ValuesMatch
            {
                Occupation = s.Occupation,
                Rank = i + 1,
                Score = s.Score,
                PersonTop = personTop,
                OccupationTop = (WorkValue)s.Occupation.WorkValues!.ToList().IndexOf(s.Occupation.WorkValues!.Max()),
                Distance = s.Distance,
            })];
    }

    /// <summary>Throws unless <paramref name="profile"/> holds six numbers from 0 to 1, naming the first work value that is not.</summary>
    internal static void CheckProfile(IReadOnlyList<double> profile, string parameter)
    {
        ArgumentNullException.ThrowIfNull(profile, parameter);
        if (profile.Count != 6)
        {
            throw new ArgumentException(string.Create(System.Globalization.CultureInfo.InvariantCulture,
                $"A work-values profile has six values from 0 to 1 (Achievement, WorkingConditions, Recognition, Relationships, Support, Independence); got {profile.Count}."), parameter);
        }

        for (var k = 0; k < 6; k++)
        {
            if (!(profile[k] >= 0 && profile[k] <= 1))
            {
                throw new ArgumentException(double.IsFinite(profile[k])
                    ? $"The work value {(WorkValue)k} is outside 0–1; a work-values profile has six values from 0 to 1."
                    : $"The work value {(WorkValue)k} is not a finite number (NaN or infinite); a work-values profile has six values from 0 to 1.", parameter);
            }
        }
    }
}
