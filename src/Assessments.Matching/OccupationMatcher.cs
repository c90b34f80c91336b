using Assessments.Interests;

namespace Assessments.Matching;

/// <summary>
/// Ranks a catalog's occupations for a person's interest profile (or Holland code alone) and explains each suggestion.
/// PROJECT CHOICE (docs/methods.md §5.7: O*NET's own fit rule is unpublished): the score of <see cref="MatchOptions.Metric"/>,
/// higher first, ties broken by occupation code (ordinal), so the ranking never depends on catalog row order or threads.
/// Immutable after construction and thread-safe.
/// </summary>
public sealed partial class OccupationMatcher
{
    private const int Areas = 6;
    private readonly Occupation[] _candidates;
    private readonly double[] _pearson;   // per candidate: mean-centred, unit-length profile (NaN row when flat)
    private readonly double[] _spearman;  // the same on mid-ranks
    private readonly double[] _rescaled;  // per candidate: profile rescaled to 0–1
    private readonly double[] _norms;     // per candidate: length of the rescaled profile
    private readonly double[][] _pearsonColumns;  // the same unit vectors by area (6 arrays over candidates), for SIMD scans
    private readonly double[][] _spearmanColumns;
    private readonly int[] _leanIndexes;        // the candidate index of each of those columns' entries
    private readonly double[] _leanRows;        // the same unit vectors row after row (six per candidate), for exact re-scoring
    private readonly float[] _leanBlocks;       // the first five areas in single precision, interleaved by blocks of one vector

    [ThreadStatic]
    private static float[]? t_dots;

    [ThreadStatic]
    private static float[]? t_blockMaxima;

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
        var source = Options.Metric == MatchMetric.Spearman ? _spearman : _pearson;
        _leanIndexes = [.. Enumerable.Range(0, n).Where(j => !double.IsNaN(source[j * Areas]))];
        var leanColumns = new double[Areas][]; // the ranking metric's unit vectors by area, over candidates whose profile is not flat
        for (var k = 0; k < Areas; k++)
        {
            leanColumns[k] = [.. _leanIndexes.Select(j => source[(j * Areas) + k])];
        }

        _leanRows = [.. _leanIndexes.SelectMany(j => source.AsSpan(j * Areas, Areas).ToArray())];

        // The bounding pass works in single precision on five areas: the unit vectors are centred, so c5 = −(c0 + … + c4)
        // and p·c = Σ_{k<5} (p_k − p_5) c_k. Blocks of one float vector per area, one stream to read.
        var lanes = System.Numerics.Vector<float>.Count;
        _leanBlocks = new float[_leanIndexes.Length / lanes * lanes * 5];
        for (var b = 0; b < _leanIndexes.Length / lanes; b++)
        {
            for (var k = 0; k < 5; k++)
            {
                for (var l = 0; l < lanes; l++)
                {
                    _leanBlocks[(((b * 5) + k) * lanes) + l] = (float)leanColumns[k][(b * lanes) + l];
                }
            }
        }
    }

    /// <summary>The occupations that can be ranked, in the order <see cref="Rank"/> and <see cref="RankBatch"/> index them (by code).</summary>
    public IReadOnlyList<Occupation> Candidates => _candidates;

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
    /// The top <see cref="MatchOptions.Top"/> occupations for one profile, as indexes into <see cref="Candidates"/> and scores,
    /// without explanations and without allocating: the same occupations, order and scores as <see cref="Match(InterestProfile)"/>.
    /// For Pearson and Spearman, one vector pass scores every occupation and bounds the k-th best score from below (the k-th
    /// largest of 4 × lanes disjoint groups' maxima); a second pass keeps only the few occupations at or above that bound, which
    /// are then ordered exactly (score, then code). Other metrics take the explained path.
    /// </summary>
    /// <param name="riasec">Six scores in RIASEC order on the scale <paramref name="min"/>–<paramref name="max"/>.</param>
    /// <param name="min">The scale's lower bound.</param>
    /// <param name="max">The scale's upper bound.</param>
    /// <param name="candidates">Receives the candidate indexes, best first (at least <see cref="MatchOptions.Top"/> long).</param>
    /// <param name="scores">Receives their scores (at least <see cref="MatchOptions.Top"/> long).</param>
    /// <returns>How many matches were written (fewer than Top only when the catalog or <see cref="MatchOptions.MinimumScore"/> allows fewer).</returns>
    /// <exception cref="ArgumentException">Not six finite scores within the scale, or output spans that are too short.</exception>
    [System.Runtime.CompilerServices.SkipLocalsInit]
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    public int Rank(ReadOnlySpan<double> riasec, double min, double max, Span<int> candidates, Span<double> scores)
    {
        var top = Options.Top;
        if (riasec.Length != Areas || candidates.Length < top || scores.Length < top)
        {
            throw new ArgumentException($"Rank needs six scores and room for {top} matches.", nameof(riasec));
        }

        Span<double> rescaled = stackalloc double[Areas];
        for (var k = 0; k < Areas; k++)
        {
            var x = riasec[k];
            if (!double.IsFinite(x) || x < min || x > max || !(max > min))
            {
                throw new ArgumentException(string.Create(System.Globalization.CultureInfo.InvariantCulture,
                    $"The {Holland.Letters[k]} score is outside the scale {min}–{max} or not a finite number (the score itself is not quoted here)."), nameof(riasec));
            }

            rescaled[k] = (x - min) / (max - min); // as InterestProfile rescales, so the scores are the same bits
        }

        if (Options.Metric is not (MatchMetric.Pearson or MatchMetric.Spearman) || Options.MinimumScore is not null
            || _leanIndexes.Length < top || top > 4 * System.Numerics.Vector<float>.Count)
        {
            var matches = Match(new InterestProfile(riasec.ToArray(), min, max));
            for (var i = 0; i < matches.Count; i++)
            {
                candidates[i] = Array.IndexOf(_candidates, matches[i].Occupation);
                scores[i] = matches[i].Score;
            }

            return matches.Count;
        }

        Span<double> person = stackalloc double[Areas];
        Prepare(rescaled, person, ranks: Options.Metric == MatchMetric.Spearman);
        if (double.IsNaN(person[0]))
        {
            // A flat profile correlates with nothing: every score is undefined and the order is the codes' (as Match gives it).
            for (var i = 0; i < top; i++)
            {
                candidates[i] = i;
                scores[i] = double.NaN;
            }

            return Math.Min(top, _candidates.Length);
        }

        var m = _leanIndexes.Length;
        if (System.Runtime.Intrinsics.Vector256.IsHardwareAccelerated && System.Numerics.Vector<float>.Count == 8)
        {
            return RankVector256(person, top, candidates, scores);
        }

        var dots = t_dots is { } cached && cached.Length >= m ? cached : (t_dots = new float[m]);
        var blockMaxima = t_blockMaxima is { } cachedMaxima && cachedMaxima.Length >= m ? cachedMaxima : (t_blockMaxima = new float[m]);
        var full = ScanAndBound(person, dots, blockMaxima, top, out var bound);

        // Second pass: every occupation whose approximate score reaches the bound (less twice the largest possible
        // single-precision error) is scored exactly, in double precision with the reference additions; the k best of
        // those are the k best of all. The few occupations after the last full block are always scored exactly.
        Span<double> keptScores = stackalloc double[64];
        Span<int> keptIndexes = stackalloc int[64];
        var kept = 0;
        var threshold = bound - (2 * SinglePrecisionError);
        var w = System.Numerics.Vector<float>.Count;
        var thresholdVector = new System.Numerics.Vector<float>(threshold);
        ref var dotsStart = ref System.Runtime.InteropServices.MemoryMarshal.GetArrayDataReference(dots);
        ref var maximaStart = ref System.Runtime.InteropServices.MemoryMarshal.GetArrayDataReference(blockMaxima);
        var group = 4 * w;
        var grouped = full / group * group; // occupations covered by the unrolled loop, whose block maxima were stored
        for (var j = 0; j < m; j += w)
        {
            if (j < grouped && j % group == 0
                && !System.Numerics.Vector.GreaterThanOrEqualAny(System.Numerics.Vector.LoadUnsafe(ref maximaStart, (nuint)(j / 4)), thresholdVector))
            {
                j += group - w; // no occupation of these 4 vectors reaches the bound
                continue;
            }

            if (j < full && !System.Numerics.Vector.GreaterThanOrEqualAny(System.Numerics.Vector.LoadUnsafe(ref dotsStart, (nuint)j), thresholdVector))
            {
                continue;
            }

            for (var at = j; at < Math.Min(m, j + w); at++)
            {
                if (at >= full || dots[at] >= threshold)
                {
                    if (kept == keptScores.Length)
                    {
                        return RankAll(person, top, candidates, scores); // a great many near-ties at the bound
                    }

                    keptScores[kept] = ExactDot(person, at);
                    keptIndexes[kept++] = at;
                }
            }
        }

        return Select(keptScores[..kept], keptIndexes[..kept], top, candidates, scores);
    }

    /// <summary>For each 8-bit mask, the indexes of its set lanes in order, then zeros: 256 × 8 entries.</summary>
    private static readonly int[] LaneIndexes = BuildLaneIndexes();

    private static int[] BuildLaneIndexes()
    {
        var table = new int[256 * 8];
        for (var mask = 0; mask < 256; mask++)
        {
            var at = 0;
            for (var lane = 0; lane < 8; lane++)
            {
                if ((mask & (1 << lane)) != 0)
                {
                    table[(mask * 8) + at++] = lane;
                }
            }
        }

        return table;
    }

    /// <summary>
    /// A generous bound on |single-precision dot − exact dot| for unit vectors of six areas: each of the five products and
    /// additions, and each rounding of an input to single precision, errs by at most 2⁻²⁴ of a magnitude at most 2.
    /// </summary>
    private const float SinglePrecisionError = 1e-5f;

    /// <summary>A lean candidate's score exactly as <see cref="ScanCorrelations"/> computes it (same additions, same order).</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    private double ExactDot(ReadOnlySpan<double> person, int j)
    {
        var c = _leanRows.AsSpan(j * Areas, Areas);
        double dot = person[0] * c[0];
        dot += person[1] * c[1];
        dot += person[2] * c[2];
        dot += person[3] * c[3];
        dot += person[4] * c[4];
        dot += person[5] * c[5];
        return dot;
    }

    /// <summary>
    /// <see cref="Rank"/> for many profiles (n × 6 scores, row after row), on every core allowed by
    /// <see cref="MatchOptions.MaxDegreeOfParallelism"/>; row i's matches go to <c>[i × Top, (i + 1) × Top)</c> of the outputs.
    /// A row with a missing (NaN) score gets no matches: indexes −1 and NaN scores. The results never depend on the thread count.
    /// </summary>
    /// <exception cref="ArgumentException">The arrays' lengths do not agree, or a score lies outside the scale.</exception>
    public void RankBatch(double[] profiles, double min, double max, int[] candidates, double[] scores)
    {
        ArgumentNullException.ThrowIfNull(profiles);
        ArgumentNullException.ThrowIfNull(candidates);
        ArgumentNullException.ThrowIfNull(scores);
        var top = Options.Top;
        var n = profiles.Length / Areas;
        if (profiles.Length % Areas != 0 || candidates.Length < n * top || scores.Length < n * top)
        {
            throw new ArgumentException($"{profiles.Length} scores are not n × 6, or the outputs hold fewer than n × {top} entries.", nameof(profiles));
        }

        const int Block = 1024;
        var blocks = (n + Block - 1) / Block;
        Parallel.For(0, blocks, new ParallelOptions { MaxDegreeOfParallelism = Options.MaxDegreeOfParallelism > 0 ? Options.MaxDegreeOfParallelism : -1 }, b =>
        {
            for (var i = b * Block; i < Math.Min(n, (b + 1) * Block); i++)
            {
                var output = candidates.AsSpan(i * top, top);
                var outputScores = scores.AsSpan(i * top, top);
                var profile = profiles.AsSpan(i * Areas, Areas);
                var written = profile.ContainsAnyExceptInRange(double.MinValue, double.MaxValue) ? 0 : Rank(profile, min, max, output, outputScores);
                output[written..].Fill(-1);
                outputScores[written..].Fill(double.NaN);
            }
        });
    }

    /// <summary>
    /// Every lean candidate's approximate score (single precision, five areas, a vector of occupations at a time) and a
    /// lower bound of the k-th best approximate score: the k-th largest of the maxima of 4 × lanes disjoint groups (each
    /// maximum belongs to a different occupation, so at least k reach it). Returns how many candidates the vector pass
    /// covered; the rest are scored exactly by the caller.
    /// </summary>
    [System.Runtime.CompilerServices.SkipLocalsInit]
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    private int ScanAndBound(ReadOnlySpan<double> person, float[] dots, float[] blockMaxima, int k, out float bound)
    {
        var m = _leanIndexes.Length;
        var w = System.Numerics.Vector<float>.Count;
        var v0 = new System.Numerics.Vector<float>((float)(person[0] - person[5]));
        var v1 = new System.Numerics.Vector<float>((float)(person[1] - person[5]));
        var v2 = new System.Numerics.Vector<float>((float)(person[2] - person[5]));
        var v3 = new System.Numerics.Vector<float>((float)(person[3] - person[5]));
        var v4 = new System.Numerics.Vector<float>((float)(person[4] - person[5]));
        var lowest = new System.Numerics.Vector<float>(float.NegativeInfinity);
        System.Numerics.Vector<float> m0 = lowest, m1 = lowest, m2 = lowest, m3 = lowest;
        var j = 0;
        unchecked
        {
            ref var blocks = ref System.Runtime.InteropServices.MemoryMarshal.GetArrayDataReference(_leanBlocks);
            ref var output = ref System.Runtime.InteropServices.MemoryMarshal.GetArrayDataReference(dots);
            ref var blockMax = ref System.Runtime.InteropServices.MemoryMarshal.GetArrayDataReference(blockMaxima);
            var stride = 5 * w;
            for (; j <= m - (4 * w); j += 4 * w)
            {
                // Written out (not a helper) so that the JIT keeps the person vectors in registers.
                var at = j * 5;
                var d0 = v0 * System.Numerics.Vector.LoadUnsafe(ref blocks, (nuint)(at));
                var d1 = v0 * System.Numerics.Vector.LoadUnsafe(ref blocks, (nuint)(at + stride));
                var d2 = v0 * System.Numerics.Vector.LoadUnsafe(ref blocks, (nuint)(at + (2 * stride)));
                var d3 = v0 * System.Numerics.Vector.LoadUnsafe(ref blocks, (nuint)(at + (3 * stride)));
                d0 += v1 * System.Numerics.Vector.LoadUnsafe(ref blocks, (nuint)(at + w));
                d1 += v1 * System.Numerics.Vector.LoadUnsafe(ref blocks, (nuint)(at + stride + w));
                d2 += v1 * System.Numerics.Vector.LoadUnsafe(ref blocks, (nuint)(at + (2 * stride) + w));
                d3 += v1 * System.Numerics.Vector.LoadUnsafe(ref blocks, (nuint)(at + (3 * stride) + w));
                d0 += v2 * System.Numerics.Vector.LoadUnsafe(ref blocks, (nuint)(at + (2 * w)));
                d1 += v2 * System.Numerics.Vector.LoadUnsafe(ref blocks, (nuint)(at + stride + (2 * w)));
                d2 += v2 * System.Numerics.Vector.LoadUnsafe(ref blocks, (nuint)(at + (2 * stride) + (2 * w)));
                d3 += v2 * System.Numerics.Vector.LoadUnsafe(ref blocks, (nuint)(at + (3 * stride) + (2 * w)));
                d0 += v3 * System.Numerics.Vector.LoadUnsafe(ref blocks, (nuint)(at + (3 * w)));
                d1 += v3 * System.Numerics.Vector.LoadUnsafe(ref blocks, (nuint)(at + stride + (3 * w)));
                d2 += v3 * System.Numerics.Vector.LoadUnsafe(ref blocks, (nuint)(at + (2 * stride) + (3 * w)));
                d3 += v3 * System.Numerics.Vector.LoadUnsafe(ref blocks, (nuint)(at + (3 * stride) + (3 * w)));
                d0 += v4 * System.Numerics.Vector.LoadUnsafe(ref blocks, (nuint)(at + (4 * w)));
                d1 += v4 * System.Numerics.Vector.LoadUnsafe(ref blocks, (nuint)(at + stride + (4 * w)));
                d2 += v4 * System.Numerics.Vector.LoadUnsafe(ref blocks, (nuint)(at + (2 * stride) + (4 * w)));
                d3 += v4 * System.Numerics.Vector.LoadUnsafe(ref blocks, (nuint)(at + (3 * stride) + (4 * w)));
                System.Numerics.Vector.StoreUnsafe(d0, ref output, (nuint)(j));
                System.Numerics.Vector.StoreUnsafe(d1, ref output, (nuint)(j + w));
                System.Numerics.Vector.StoreUnsafe(d2, ref output, (nuint)(j + (2 * w)));
                System.Numerics.Vector.StoreUnsafe(d3, ref output, (nuint)(j + (3 * w)));
                m0 = System.Numerics.Vector.MaxNative(m0, d0);
                m1 = System.Numerics.Vector.MaxNative(m1, d1);
                m2 = System.Numerics.Vector.MaxNative(m2, d2);
                m3 = System.Numerics.Vector.MaxNative(m3, d3);
                System.Numerics.Vector.StoreUnsafe(System.Numerics.Vector.MaxNative(System.Numerics.Vector.MaxNative(d0, d1), System.Numerics.Vector.MaxNative(d2, d3)), ref blockMax, (nuint)(j / 4));
            }

            for (; j <= m - w; j += w)
            {
                var at = j * 5;
                var d0 = v0 * System.Numerics.Vector.LoadUnsafe(ref blocks, (nuint)(at));
                d0 += v1 * System.Numerics.Vector.LoadUnsafe(ref blocks, (nuint)(at + w));
                d0 += v2 * System.Numerics.Vector.LoadUnsafe(ref blocks, (nuint)(at + (2 * w)));
                d0 += v3 * System.Numerics.Vector.LoadUnsafe(ref blocks, (nuint)(at + (3 * w)));
                d0 += v4 * System.Numerics.Vector.LoadUnsafe(ref blocks, (nuint)(at + (4 * w)));
                System.Numerics.Vector.StoreUnsafe(d0, ref output, (nuint)(j));
                m0 = System.Numerics.Vector.MaxNative(m0, d0);
            }
        }

        Span<float> maxima = stackalloc float[4 * w];
        m0.CopyTo(maxima);
        m1.CopyTo(maxima[w..]);
        m2.CopyTo(maxima[(2 * w)..]);
        m3.CopyTo(maxima[(3 * w)..]);

        // The k-th largest, by insertion into a short descending list (−∞ when fewer than k groups were filled: all are kept).
        Span<float> best = stackalloc float[k];
        best.Fill(float.NegativeInfinity);
        foreach (var value in maxima)
        {
            if (value > best[k - 1])
            {
                var i = k - 1;
                while (i > 0 && value > best[i - 1])
                {
                    best[i] = best[i - 1];
                    i--;
                }

                best[i] = value;
            }
        }

        bound = best[k - 1];
        return j;
    }

    private int RankAll(ReadOnlySpan<double> person, int top, Span<int> candidates, Span<double> scores)
    {
        var m = _leanIndexes.Length;
        var all = new double[m];
        var indexes = new int[m];
        for (var j = 0; j < m; j++)
        {
            all[j] = ExactDot(person, j);
            indexes[j] = j;
        }

        return Select(all, indexes, top, candidates, scores);
    }

    /// <summary>The best <paramref name="top"/> of the kept scores: higher first, then the earlier (smaller code) occupation.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    private int Select(Span<double> keptScores, Span<int> keptIndexes, int top, Span<int> candidates, Span<double> scores)
    {
        // Insertion sort: the kept list is short (about top + a few), already in occupation order.
        for (var i = 1; i < keptScores.Length; i++)
        {
            var score = keptScores[i];
            var index = keptIndexes[i];
            var at = i;
            while (at > 0 && score > keptScores[at - 1])
            {
                keptScores[at] = keptScores[at - 1];
                keptIndexes[at] = keptIndexes[at - 1];
                at--;
            }

            keptScores[at] = score;
            keptIndexes[at] = index;
        }

        var count = Math.Min(top, keptScores.Length);
        for (var rank = 0; rank < count; rank++)
        {
            candidates[rank] = _leanIndexes[keptIndexes[rank]];
            scores[rank] = keptScores[rank];
        }

        return count;
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
                ProfileHollandCode = personCodes[0],
                OccupationHollandCode = code,
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
