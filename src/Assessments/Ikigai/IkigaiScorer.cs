using System.Globalization;
using Assessments.Responses;

namespace Assessments.Ikigai;

/// <summary>
/// Scores an Ikigai exercise (docs/methods.md §7.2, a PROJECT model). Memberships are <c>(rating − min)/(max − min)</c> or a
/// derived value; t-norms are computed in <see cref="decimal"/>, so (0.9, 0.8, 0.7, 0.6) gives exactly 0 under
/// Łukasiewicz and 0.3024 under the product; candidates are ranked by ikigai score, then geometric mean, then minimum
/// membership, each compared after rounding half-even to 9 decimals, then by id (ordinal).
/// </summary>
public static class IkigaiScorer
{
    private static readonly string[] CircleNames = ["love", "good at", "needs", "paid"];

    /// <summary>The settings of an Ikigai instrument.</summary>
    /// <exception cref="ArgumentException">The instrument is not of kind <c>ikigai</c>.</exception>
    public static IkigaiSettings Settings(Instrument instrument)
    {
        ArgumentNullException.ThrowIfNull(instrument);
        return instrument.KindSettings as IkigaiSettings
            ?? throw new ArgumentException($"The instrument '{instrument.Reference}' is of kind '{instrument.Kind}', not 'ikigai'.", nameof(instrument));
    }

    /// <summary>
    /// Every problem of the response: no candidates, a null candidate, duplicate candidates, missing or double ratings, a null
    /// derived membership, out-of-range values.
    /// </summary>
    public static IReadOnlyList<ResponseProblem> Validate(Instrument instrument, IkigaiResponse response)
    {
        ArgumentNullException.ThrowIfNull(response);
        var settings = Settings(instrument);
        var problems = new List<ResponseProblem>();
        if (response.Candidates is not { Count: > 0 })
        {
            problems.Add(new ResponseProblem(response.RespondentId, "", "There is no candidate to score."));
            return problems;
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        var number = 0;
        foreach (var c in response.Candidates)
        {
            number++;
            if (c is null)
            {
                problems.Add(new ResponseProblem(response.RespondentId, "", string.Create(CultureInfo.InvariantCulture,
                    $"Candidate {number} is null; give its id and a rating or derived membership for each circle.")));
                continue;
            }

            void Add(string message) => problems.Add(new ResponseProblem(response.RespondentId, c.Id ?? "", message));
            if (string.IsNullOrWhiteSpace(c.Id))
            {
                Add("A candidate needs an id.");
                continue;
            }

            if (!seen.Add(c.Id))
            {
                Add($"The candidate '{c.Id}' appears more than once.");
                continue;
            }

            foreach (var circle in Enum.GetValues<IkigaiCircle>())
            {
                var format = settings.Circles[(int)circle].Format!;
                var rated = c.Ratings is not null && c.Ratings.TryGetValue(circle, out var rating);
                var derived = c.Derived is not null && c.Derived.TryGetValue(circle, out _);
                if (derived && c.Derived![circle] is null)
                {
                    Add($"The circle '{CircleNames[(int)circle]}' has a null derived membership; give its value and derivation, or a rating.");
                }
                else if (rated && derived)
                {
                    Add($"The circle '{CircleNames[(int)circle]}' has both a rating and a derived membership; keep one.");
                }
                else if (!rated && !derived)
                {
                    Add($"The circle '{CircleNames[(int)circle]}' has no rating.");
                }
                else if (rated && !format.Contains(c.Ratings![circle]))
                {
                    Add(string.Create(CultureInfo.InvariantCulture, $"The rating {c.Ratings[circle]} on '{CircleNames[(int)circle]}' is outside {format.Min}–{format.Max}."));
                }
                else if (derived && c.Derived![circle].Value is not (>= 0 and <= 1))
                {
                    Add(string.Create(CultureInfo.InvariantCulture, $"The derived membership {c.Derived[circle].Value} on '{CircleNames[(int)circle]}' is outside 0–1."));
                }
            }
        }

        return problems;
    }

    /// <summary>Scores and ranks the candidates.</summary>
    /// <exception cref="InvalidResponseException">The response has problems (all are listed).</exception>
    public static IkigaiResult Score(Instrument instrument, IkigaiResponse response)
    {
        var problems = Validate(instrument, response);
        if (problems.Count > 0)
        {
            throw new InvalidResponseException(problems, instrument);
        }

        var settings = Settings(instrument);
        var alpha = (decimal)settings.Alpha;
        var scored = response.Candidates.Select(c => ScoreCandidate(settings, alpha, c)).ToList();
        var ranked = scored
            .OrderByDescending(s => Round(s.Ikigai))
            .ThenByDescending(s => Round(s.GeometricMean))
            .ThenByDescending(s => Round(s.Minimum))
            .ThenBy(s => s.Id, StringComparer.Ordinal)
            .Select((s, i) => s with { Rank = i + 1 })
            .ToList();
        return new IkigaiResult(instrument, response.RespondentId, ranked, settings);
    }

    private static IkigaiCandidateResult ScoreCandidate(IkigaiSettings settings, decimal alpha, IkigaiCandidate c)
    {
        var mu = new decimal[4];
        var sources = new string[4];
        foreach (var circle in Enum.GetValues<IkigaiCircle>())
        {
            var k = (int)circle;
            var format = settings.Circles[k].Format!;
            if (c.Ratings is not null && c.Ratings.TryGetValue(circle, out var rating))
            {
                mu[k] = (decimal)(rating - format.Min) / (format.Max - format.Min);
                sources[k] = string.Create(CultureInfo.InvariantCulture, $"rating {rating} on {format.Min}–{format.Max}");
            }
            else
            {
                var derived = c.Derived![circle];
                mu[k] = (decimal)derived.Value;
                sources[k] = derived.Derivation;
            }
        }

        decimal T(params decimal[] values) => settings.TNorm switch
        {
            TNorm.Minimum => values.Min(),
            TNorm.Product => values.Aggregate(1m, (a, b) => a * b),
            _ => Math.Max(0, values.Sum() - (values.Length - 1)),
        };

        var region = Enum.GetValues<IkigaiCircle>().Where(x => mu[(int)x] >= alpha).ToList();
        var weakest = (IkigaiCircle)Array.IndexOf(mu, mu.Min());
        return new IkigaiCandidateResult
        {
            Id = c.Id,
            Label = c.Label,
            Rank = 0,
            Memberships = [.. mu.Select(m => (double)m)],
            Sources = sources,
            Passion = (double)T(mu[0], mu[1]),
            Mission = (double)T(mu[0], mu[2]),
            Profession = (double)T(mu[1], mu[3]),
            Vocation = (double)T(mu[2], mu[3]),
            Ikigai = (double)T(mu),
            GeometricMean = Math.Pow((double)(mu[0] * mu[1] * mu[2] * mu[3]), 0.25),
            Minimum = (double)mu.Min(),
            Region = region,
            RegionName = RegionName(region),
            Weakest = weakest,
            Gap = (double)Math.Max(0, alpha - mu[(int)weakest]),
        };
    }

    /// <summary>PROJECT CHOICE: names the α-cut region after the diagram's labelled overlaps and the circles it misses.</summary>
    internal static string RegionName(IReadOnlyList<IkigaiCircle> region)
    {
        if (region.Count == 4)
        {
            return "ikigai";
        }

        if (region.Count == 0)
        {
            return "outside every circle";
        }

        bool Has(IkigaiCircle x) => region.Contains(x);
        var named = new List<string>();
        if (Has(IkigaiCircle.Love) && Has(IkigaiCircle.GoodAt))
        {
            named.Add("passion");
        }

        if (Has(IkigaiCircle.Love) && Has(IkigaiCircle.Needs))
        {
            named.Add("mission");
        }

        if (Has(IkigaiCircle.GoodAt) && Has(IkigaiCircle.Paid))
        {
            named.Add("profession");
        }

        if (Has(IkigaiCircle.Needs) && Has(IkigaiCircle.Paid))
        {
            named.Add("vocation");
        }

        var circles = string.Join(" + ", region.Select(x => CircleNames[(int)x]));
        var missing = string.Join(", ", Enum.GetValues<IkigaiCircle>().Where(x => !Has(x)).Select(x => CircleNames[(int)x]));
        return named.Count > 0 ? $"{string.Join(" + ", named)} (missing: {missing})" : $"{circles} only (missing: {missing})";
    }

    private static decimal Round(double value) => decimal.Round((decimal)value, 9, MidpointRounding.ToEven);
}
