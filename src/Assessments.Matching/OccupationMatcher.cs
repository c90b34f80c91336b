namespace Assessments.Matching;

/// <summary>
/// Ranks a catalog's occupations for a person's interest profile (or Holland code alone) and explains each suggestion.
/// PROJECT CHOICE (METHODS.md §5.7: O*NET's own fit rule is unpublished): the score of <see cref="MatchOptions.Metric"/>,
/// higher first, ties broken by occupation code (ordinal), so the ranking never depends on catalog row order or threads.
/// Immutable after construction and thread-safe.
/// </summary>
public sealed class OccupationMatcher
{
    private const int Areas = 6;
    private readonly Occupation[] _candidates;
    private readonly double[] _pearson;   // per candidate: mean-centred, unit-length profile (NaN row when flat)
    private readonly double[] _spearman;  // the same on mid-ranks
    private readonly double[] _rescaled;  // per candidate: profile rescaled to 0–1
    private readonly double[] _norms;     // per candidate: length of the rescaled profile

    /// <summary>Prepares matching against <paramref name="catalog"/> with <paramref name="options"/> (default: <see cref="MatchOptions.Default"/>).</summary>
    public OccupationMatcher(OccupationCatalog catalog, MatchOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        Catalog = catalog;
        Options = options ?? MatchOptions.Default;
        ArgumentOutOfRangeException.ThrowIfLessThan(Options.Top, 1, nameof(options));
        var codeMetric = Options.Metric is MatchMetric.CIndex or MatchMetric.MIndex;
        _candidates = [.. catalog.Occupations
            .Where(o => codeMetric ? o.MatchingCode.Length > 0 : o.Interests is not null)
            .Where(o => Options.MinJobZone is null || o.JobZone >= Options.MinJobZone)
            .Where(o => Options.MaxJobZone is null || o.JobZone <= Options.MaxJobZone)
            .OrderBy(o => o.Code, StringComparer.Ordinal)];
        var n = _candidates.Length;
        _pearson = new double[n * Areas];
        _spearman = new double[n * Areas];
        _rescaled = new double[n * Areas];
        _norms = new double[n];
        for (var j = 0; j < n; j++)
        {
            if (_candidates[j].Interests is not { } profile)
            {
                _pearson.AsSpan(j * Areas, Areas).Fill(double.NaN);
                _spearman.AsSpan(j * Areas, Areas).Fill(double.NaN);
                continue;
            }

            profile.RescaledSpan.CopyTo(_rescaled.AsSpan(j * Areas, Areas));
            Prepare(profile.RescaledSpan, _pearson.AsSpan(j * Areas, Areas), ranks: false);
            Prepare(profile.RescaledSpan, _spearman.AsSpan(j * Areas, Areas), ranks: true);
            _norms[j] = Math.Sqrt(ProfileSimilarity.Dot(profile.RescaledSpan, profile.RescaledSpan));
        }
    }

    /// <summary>The catalog matched against.</summary>
    public OccupationCatalog Catalog { get; }

    /// <summary>The options in force.</summary>
    public MatchOptions Options { get; }

    /// <summary>The occupations that can be ranked under the options (with the data the metric needs, within the Job Zones).</summary>
    public int CandidateCount => _candidates.Length;

    /// <summary>The top matches for a person's profile, best first.</summary>
    public IReadOnlyList<OccupationMatch> Match(InterestProfile person)
    {
        ArgumentNullException.ThrowIfNull(person);
        Span<double> pearson = stackalloc double[Areas];
        Span<double> spearman = stackalloc double[Areas];
        Prepare(person.RescaledSpan, pearson, ranks: false);
        Prepare(person.RescaledSpan, spearman, ranks: true);
        var norm = Math.Sqrt(ProfileSimilarity.Dot(person.RescaledSpan, person.RescaledSpan));
        var top = new TopK(Options.Top);
        for (var j = 0; j < _candidates.Length; j++)
        {
            var score = Options.Metric switch
            {
                MatchMetric.Pearson => ProfileSimilarity.Dot(pearson, _pearson.AsSpan(j * Areas, Areas)),
                MatchMetric.Spearman => ProfileSimilarity.Dot(spearman, _spearman.AsSpan(j * Areas, Areas)),
                MatchMetric.Cosine => norm == 0 || _norms[j] == 0 ? double.NaN : ProfileSimilarity.Dot(person.RescaledSpan, _rescaled.AsSpan(j * Areas, Areas)) / (norm * _norms[j]),
                MatchMetric.Euclidean => 1 - (ProfileSimilarity.Euclidean(person.RescaledSpan, _rescaled.AsSpan(j * Areas, Areas)) / Math.Sqrt(Areas)),
                MatchMetric.CIndex => Congruence.BrownGoreCAveraged(person.AdmissibleCodes, [_candidates[j].MatchingCode]),
                _ => Congruence.IachanMAveraged(person.AdmissibleCodes, [_candidates[j].MatchingCode]),
            };
            Offer(top, score, j);
        }

        return Explain(top, person, person.AdmissibleCodes);
    }

    /// <summary>The top matches for a Holland code alone (e.g. "SEC"), ranked by a code metric (C or M index).</summary>
    /// <exception cref="InvalidOperationException">The options rank by a profile metric, which a code alone cannot feed.</exception>
    public IReadOnlyList<OccupationMatch> Match(string code)
    {
        ArgumentNullException.ThrowIfNull(code);
        if (Options.Metric is not (MatchMetric.CIndex or MatchMetric.MIndex))
        {
            throw new InvalidOperationException($"Matching a code alone needs a code metric (CIndex or MIndex); the options say {Options.Metric}.");
        }

        string[] codes = [code];
        var top = new TopK(Options.Top);
        for (var j = 0; j < _candidates.Length; j++)
        {
            Offer(top, Options.Metric == MatchMetric.CIndex
                ? Congruence.BrownGoreC(code, _candidates[j].MatchingCode)
                : Congruence.IachanM(code, _candidates[j].MatchingCode), j);
        }

        return Explain(top, null, codes);
    }

    /// <summary>Matches many profiles, in parallel across profiles; results are in input order and identical to <see cref="Match(InterestProfile)"/>.</summary>
    public IReadOnlyList<IReadOnlyList<OccupationMatch>> MatchBatch(IReadOnlyList<InterestProfile> people)
    {
        ArgumentNullException.ThrowIfNull(people);
        var results = new IReadOnlyList<OccupationMatch>[people.Count];
        Parallel.For(0, people.Count, new ParallelOptions { MaxDegreeOfParallelism = Options.MaxDegreeOfParallelism > 0 ? Options.MaxDegreeOfParallelism : -1 },
            i => results[i] = Match(people[i]));
        return results;
    }

    private void Offer(TopK top, double score, int candidate)
    {
        if (Options.MinimumScore is { } minimum && !(score >= minimum))
        {
            return;
        }

        top.Offer(score, candidate);
    }

    private List<OccupationMatch> Explain(TopK top, InterestProfile? person, IReadOnlyList<string> personCodes)
    {
        var matches = new List<OccupationMatch>(top.Count);
        for (var rank = 0; rank < top.Count; rank++)
        {
            var occupation = _candidates[top.Index(rank)];
            double? pearson = null, cosine = null, distance = null;
            if (person is not null && occupation.Interests is { } profile)
            {
                pearson = ProfileSimilarity.Pearson(person.RescaledSpan, profile.RescaledSpan);
                cosine = ProfileSimilarity.Cosine(person.RescaledSpan, profile.RescaledSpan);
                distance = ProfileSimilarity.Euclidean(person.RescaledSpan, profile.RescaledSpan);
            }

            var code = occupation.MatchingCode;
            matches.Add(new OccupationMatch
            {
                Occupation = occupation,
                Rank = rank + 1,
                Score = top.Score(rank),
                Metric = Options.Metric,
                Pearson = pearson,
                Cosine = cosine,
                Distance = distance,
                CIndex = code.Length == 0 ? double.NaN : Congruence.BrownGoreCAveraged(personCodes, [code]),
                MIndex = code.Length == 0 ? double.NaN : Congruence.IachanMAveraged(personCodes, [code]),
                SharedLetters = code.Length == 0 ? 0 : Congruence.SharedLetters(personCodes[0], code),
                PersonCode = personCodes[0],
                OccupationCode = code,
            });
        }

        return matches;
    }

    private static void Prepare(ReadOnlySpan<double> profile, Span<double> into, bool ranks)
    {
        if (ranks)
        {
            Span<double> r = stackalloc double[Areas];
            for (var i = 0; i < Areas; i++)
            {
                int below = 0, equal = 0;
                foreach (var v in profile)
                {
                    below += v < profile[i] ? 1 : 0;
                    equal += v == profile[i] ? 1 : 0;
                }

                r[i] = below + ((equal + 1) / 2.0);
            }

            if (!ProfileSimilarity.Normalize(r, into))
            {
                into.Fill(double.NaN);
            }

            return;
        }

        if (!ProfileSimilarity.Normalize(profile, into))
        {
            into.Fill(double.NaN);
        }
    }

    /// <summary>The k best (score, candidate) pairs; NaN ranks below every number; on equal scores the earlier candidate (smaller code) stays ahead.</summary>
    private sealed class TopK(int k)
    {
        private readonly double[] _scores = new double[k];
        private readonly int[] _indexes = new int[k];

        public int Count { get; private set; }

        public double Score(int rank) => _scores[rank];

        public int Index(int rank) => _indexes[rank];

        public void Offer(double score, int index)
        {
            var key = double.IsNaN(score) ? double.NegativeInfinity : score;
            if (Count == _scores.Length && !(key > Key(Count - 1)))
            {
                return;
            }

            var position = Count < _scores.Length ? Count++ : Count - 1;
            while (position > 0 && key > Key(position - 1))
            {
                _scores[position] = _scores[position - 1];
                _indexes[position] = _indexes[position - 1];
                position--;
            }

            _scores[position] = score;
            _indexes[position] = index;
        }

        private double Key(int rank) => double.IsNaN(_scores[rank]) ? double.NegativeInfinity : _scores[rank];
    }
}
