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
    private readonly double[][] _pearsonColumns;  // the same unit vectors by area (6 arrays over candidates), for SIMD scans
    private readonly double[][] _spearmanColumns;

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

        _pearsonColumns = Columns(_pearson, n);
        _spearmanColumns = Columns(_spearman, n);
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
        var n = _candidates.Length;
        switch (Options.Metric)
        {
            case MatchMetric.Pearson or MatchMetric.Spearman:
                ScanCorrelations(Options.Metric == MatchMetric.Pearson ? pearson : spearman,
                    Options.Metric == MatchMetric.Pearson ? _pearsonColumns : _spearmanColumns, top);
                break;
            case MatchMetric.Cosine:
                for (var j = 0; j < n; j++)
                {
                    Offer(top, norm == 0 || _norms[j] == 0 ? double.NaN : ProfileSimilarity.Dot(person.RescaledSpan, _rescaled.AsSpan(j * Areas, Areas)) / (norm * _norms[j]), j);
                }

                break;
            case MatchMetric.Euclidean:
                for (var j = 0; j < n; j++)
                {
                    Offer(top, 1 - (ProfileSimilarity.Euclidean(person.RescaledSpan, _rescaled.AsSpan(j * Areas, Areas)) / Math.Sqrt(Areas)), j);
                }

                break;
            default:
                for (var j = 0; j < n; j++)
                {
                    var (c, m) = Congruence.AveragedTrusted(person.AdmissibleCodes, _candidates[j].MatchingCode);
                    Offer(top, Options.Metric == MatchMetric.CIndex ? c : m, j);
                }

                break;
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

    /// <summary>
    /// Scores every candidate as the dot product of unit vectors, four (or eight) candidates at a time with
    /// <see cref="System.Numerics.Vector{T}"/> where the hardware allows, and offers only those that beat the current k-th best. Each lane
    /// adds the six products in the same order as the scalar tail and <see cref="ProfileSimilarity.Pearson"/>, so the score
    /// is the same to the last bit whichever path computes it.
    /// </summary>
    private void ScanCorrelations(ReadOnlySpan<double> person, double[][] columns, TopK top)
    {
        var n = _candidates.Length;
        if (double.IsNaN(person[0]))
        {
            for (var j = 0; j < n; j++)
            {
                Offer(top, double.NaN, j); // a flat profile correlates with nothing: every score is undefined
            }

            return;
        }

        double p0 = person[0], p1 = person[1], p2 = person[2], p3 = person[3], p4 = person[4], p5 = person[5];
        double[] c0 = columns[0], c1 = columns[1], c2 = columns[2], c3 = columns[3], c4 = columns[4], c5 = columns[5];
        var j2 = 0;
        var width = System.Numerics.Vector<double>.Count;
        if (System.Numerics.Vector.IsHardwareAccelerated && n >= width)
        {
            var v0 = new System.Numerics.Vector<double>(p0);
            var v1 = new System.Numerics.Vector<double>(p1);
            var v2 = new System.Numerics.Vector<double>(p2);
            var v3 = new System.Numerics.Vector<double>(p3);
            var v4 = new System.Numerics.Vector<double>(p4);
            var v5 = new System.Numerics.Vector<double>(p5);
            for (; j2 <= n - width; j2 += width)
            {
                var dot = v0 * new System.Numerics.Vector<double>(c0, j2);
                dot += v1 * new System.Numerics.Vector<double>(c1, j2);
                dot += v2 * new System.Numerics.Vector<double>(c2, j2);
                dot += v3 * new System.Numerics.Vector<double>(c3, j2);
                dot += v4 * new System.Numerics.Vector<double>(c4, j2);
                dot += v5 * new System.Numerics.Vector<double>(c5, j2);
                if (!top.IsFull || System.Numerics.Vector.GreaterThanAny(dot, new System.Numerics.Vector<double>(top.Threshold)))
                {
                    for (var lane = 0; lane < width; lane++)
                    {
                        Offer(top, dot[lane], j2 + lane);
                    }
                }
            }
        }

        for (; j2 < n; j2++)
        {
            double dot = p0 * c0[j2];
            dot += p1 * c1[j2];
            dot += p2 * c2[j2];
            dot += p3 * c3[j2];
            dot += p4 * c4[j2];
            dot += p5 * c5[j2];
            Offer(top, dot, j2);
        }
    }

    private static double[][] Columns(double[] rows, int n)
    {
        var columns = new double[Areas][];
        for (var k = 0; k < Areas; k++)
        {
            columns[k] = new double[n];
            for (var j = 0; j < n; j++)
            {
                columns[k][j] = rows[(j * Areas) + k];
            }
        }

        return columns;
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
            var (cIndex, mIndex) = code.Length == 0 ? (double.NaN, double.NaN) : Congruence.AveragedTrusted(personCodes, code);
            matches.Add(new OccupationMatch
            {
                Occupation = occupation,
                Rank = rank + 1,
                Score = top.Score(rank),
                Metric = Options.Metric,
                Pearson = pearson,
                Cosine = cosine,
                Distance = distance,
                CIndex = cIndex,
                MIndex = mIndex,
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

        public bool IsFull => Count == _scores.Length;

        /// <summary>The score a candidate must beat once the list is full.</summary>
        public double Threshold => Key(Count - 1);

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
