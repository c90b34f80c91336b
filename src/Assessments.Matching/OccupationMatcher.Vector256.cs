using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Assessments.Matching;

/// <summary>The lean ranking on 256-bit vectors (8 floats): the path <see cref="Rank"/> takes on x64 with AVX2 or Arm with SVE-256.</summary>
public sealed partial class OccupationMatcher
{
    [ThreadStatic]
    private static int[]? t_hits;

    /// <summary>
    /// <see cref="Rank"/> for a non-flat profile (<paramref name="person"/> is its unit vector) on 256-bit vectors, without
    /// data-dependent branches until the exact ordering: one pass scores every occupation in single precision and keeps the
    /// maxima of 32 disjoint groups; the k-th largest of those (found by counting, for each, how many are larger) bounds the
    /// k-th best score from below; a second pass writes the indexes of the occupations at or above the bound (less the
    /// single-precision error) with a lookup table, and those few are scored exactly and ordered.
    /// </summary>
    [SkipLocalsInit]
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private int RankVector256(ReadOnlySpan<double> person, int top, Span<int> candidates, Span<double> scores)
    {
        var m = _leanIndexes.Length;
        var full = m / 8 * 8;
        var dots = t_dots is { } cached && cached.Length >= m ? cached : (t_dots = new float[m]);
        var blockMaxima = t_blockMaxima is { } cachedMaxima && cachedMaxima.Length >= m ? cachedMaxima : (t_blockMaxima = new float[m]);
        var hits = t_hits is { } cachedHits && cachedHits.Length >= m + 8 ? cachedHits : (t_hits = new int[m + 8]);
        var bound = ScanAndBound256(person, dots, blockMaxima, full, top);

        var threshold = bound - (2 * SinglePrecisionError);
        var limit = Vector256.Create(threshold);
        ref var dotsStart = ref MemoryMarshal.GetArrayDataReference(dots);
        ref var maximaStart = ref MemoryMarshal.GetArrayDataReference(blockMaxima);
        ref var hitsStart = ref MemoryMarshal.GetArrayDataReference(hits);
        ref var lut = ref MemoryMarshal.GetArrayDataReference(LaneIndexes);
        nint found = 0;
        unchecked
        {
            // Blocks of 32 occupations: a bit per block whose lane-wise maximum reaches the bound, set without branches (64
            // blocks a word); only those blocks (about a third) are searched, vector by vector: each vector's lanes at or
            // above the bound, as a mask, pick their indexes from a table and are written in one store; the count advances
            // by the mask's population.
            var blocks = full / 32;
            for (var word = 0; word < blocks; word += 64)
            {
                ulong bits = 0;
                for (var b = word; b < Math.Min(blocks, word + 64); b++)
                {
                    var any = Vector256.GreaterThanOrEqual(Vector256.LoadUnsafe(ref maximaStart, (nuint)(b * 8)), limit).ExtractMostSignificantBits() != 0;
                    bits |= (ulong)(any ? 1 : 0) << (b - word);
                }

                for (; bits != 0; bits &= bits - 1)
                {
                    nint start = (word + BitOperations.TrailingZeroCount(bits)) * 32;
                    found = Collect(ref dotsStart, start, limit, ref lut, ref hitsStart, found);
                    found = Collect(ref dotsStart, start + 8, limit, ref lut, ref hitsStart, found);
                    found = Collect(ref dotsStart, start + 16, limit, ref lut, ref hitsStart, found);
                    found = Collect(ref dotsStart, start + 24, limit, ref lut, ref hitsStart, found);
                }
            }

            for (nint j = blocks * 32; j < full; j += 8)
            {
                found = Collect(ref dotsStart, j, limit, ref lut, ref hitsStart, found);
            }

            for (var j = full; j < m; j++)
            {
                Unsafe.Add(ref hitsStart, found++) = j; // after the last full vector: always scored exactly
            }
        }

        const int Room = 64;
        if (found > Room)
        {
            return RankAll(person, top, candidates, scores); // a great many near-ties at the bound
        }

        Span<double> keptScores = stackalloc double[Room];
        Span<int> keptIndexes = stackalloc int[Room];
        var count = (int)found;
        for (var h = 0; h < count; h++)
        {
            var index = hits[h];
            keptScores[h] = ExactDot(person, index);
            keptIndexes[h] = index;
        }

        return SelectVector256(keptScores, keptIndexes, count, top, candidates, scores);
    }

    /// <summary>
    /// The <paramref name="top"/> best of <paramref name="count"/> kept scores (higher first, then the earlier occupation, as
    /// <see cref="Select"/> orders them), without data-dependent branches: each score's rank is the number of scores above it
    /// plus the number of equal ones earlier in the list, counted four lanes at a time; the score then goes to that rank's slot
    /// (ranks from <paramref name="top"/> on all go to a spare slot). <paramref name="keptScores"/> must hold a multiple of four
    /// entries past <paramref name="count"/>; what lies there is never read as a score.
    /// </summary>
    [SkipLocalsInit]
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private int SelectVector256(Span<double> keptScores, Span<int> keptIndexes, int count, int top, Span<int> candidates, Span<double> scores)
    {
        var groups = (count + 3) / 4;
        Span<long> ranks = stackalloc long[groups * 4];
        Span<int> slots = stackalloc int[top + 1];
        ref var scoresStart = ref MemoryMarshal.GetReference(keptScores);
        ref var ranksStart = ref MemoryMarshal.GetReference(ranks);
        unchecked
        {
            for (var g = 0; g < groups; g++)
            {
                var own = Vector256.LoadUnsafe(ref scoresStart, (nuint)(g * 4));
                var position = Vector256.Create((long)(g * 4)) + Vector256.Create(0L, 1L, 2L, 3L);
                var rank = Vector256<long>.Zero;
                var first = g * 4;
                var last = Math.Min(first + 4, count);
                for (var j = 0; j < first; j++)
                {
                    rank += Vector256.GreaterThanOrEqual(Vector256.Create(Unsafe.Add(ref scoresStart, j)), own).AsInt64(); // earlier: ties count
                }

                for (var j = first; j < last; j++)
                {
                    var other = Vector256.Create(Unsafe.Add(ref scoresStart, j));
                    rank += Vector256.GreaterThan(other, own).AsInt64()
                        | (Vector256.Equals(other, own).AsInt64() & Vector256.LessThan(Vector256.Create((long)j), position));
                }

                for (var j = last; j < count; j++)
                {
                    rank += Vector256.GreaterThan(Vector256.Create(Unsafe.Add(ref scoresStart, j)), own).AsInt64(); // later: ties do not
                }

                (-rank).StoreUnsafe(ref ranksStart, (nuint)(g * 4)); // a true compare is all ones (−1)
            }

            for (var i = 0; i < count; i++)
            {
                slots[(int)Math.Min(ranks[i], top)] = i;
            }
        }

        var written = Math.Min(top, count);
        for (var rank = 0; rank < written; rank++)
        {
            var i = slots[rank];
            candidates[rank] = _leanIndexes[keptIndexes[i]];
            scores[rank] = keptScores[i];
        }

        return written;
    }

    /// <summary>
    /// Scores the first <paramref name="full"/> lean candidates in single precision into <paramref name="dots"/> (and the
    /// lane-wise maximum of each block of 32 into <paramref name="blockMaxima"/>, 8 floats a block) and returns a
    /// lower bound of their k-th best score: the k-th largest of the maxima of 32 disjoint groups (lane l of accumulator a
    /// gathers occupations 32i + 8a + l), each of which belongs to a different occupation.
    /// </summary>
    [SkipLocalsInit]
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private float ScanAndBound256(ReadOnlySpan<double> person, float[] dots, float[] blockMaxima, int full, int k)
    {
        var v0 = Vector256.Create((float)(person[0] - person[5]));
        var v1 = Vector256.Create((float)(person[1] - person[5]));
        var v2 = Vector256.Create((float)(person[2] - person[5]));
        var v3 = Vector256.Create((float)(person[3] - person[5]));
        var v4 = Vector256.Create((float)(person[4] - person[5]));
        var lowest = Vector256.Create(float.NegativeInfinity);
        Vector256<float> m0 = lowest, m1 = lowest, m2 = lowest, m3 = lowest;
        ref var blocks = ref MemoryMarshal.GetArrayDataReference(_leanBlocks);
        ref var output = ref MemoryMarshal.GetArrayDataReference(dots);
        ref var blockMax = ref MemoryMarshal.GetArrayDataReference(blockMaxima);
        nint j = 0;
        unchecked
        {
            // Each block of 8 occupations holds five vectors, one per area (the sixth follows from centring).
            for (; j <= full - 32; j += 32)
            {
                ref var b = ref Unsafe.Add(ref blocks, j * 5);
                var d0 = v0 * Vector256.LoadUnsafe(ref b);
                var d1 = v0 * Vector256.LoadUnsafe(ref b, 40);
                var d2 = v0 * Vector256.LoadUnsafe(ref b, 80);
                var d3 = v0 * Vector256.LoadUnsafe(ref b, 120);
                d0 = MultiplyAdd(v1, Vector256.LoadUnsafe(ref b, 8), d0);
                d1 = MultiplyAdd(v1, Vector256.LoadUnsafe(ref b, 48), d1);
                d2 = MultiplyAdd(v1, Vector256.LoadUnsafe(ref b, 88), d2);
                d3 = MultiplyAdd(v1, Vector256.LoadUnsafe(ref b, 128), d3);
                d0 = MultiplyAdd(v2, Vector256.LoadUnsafe(ref b, 16), d0);
                d1 = MultiplyAdd(v2, Vector256.LoadUnsafe(ref b, 56), d1);
                d2 = MultiplyAdd(v2, Vector256.LoadUnsafe(ref b, 96), d2);
                d3 = MultiplyAdd(v2, Vector256.LoadUnsafe(ref b, 136), d3);
                d0 = MultiplyAdd(v3, Vector256.LoadUnsafe(ref b, 24), d0);
                d1 = MultiplyAdd(v3, Vector256.LoadUnsafe(ref b, 64), d1);
                d2 = MultiplyAdd(v3, Vector256.LoadUnsafe(ref b, 104), d2);
                d3 = MultiplyAdd(v3, Vector256.LoadUnsafe(ref b, 144), d3);
                d0 = MultiplyAdd(v4, Vector256.LoadUnsafe(ref b, 32), d0);
                d1 = MultiplyAdd(v4, Vector256.LoadUnsafe(ref b, 72), d1);
                d2 = MultiplyAdd(v4, Vector256.LoadUnsafe(ref b, 112), d2);
                d3 = MultiplyAdd(v4, Vector256.LoadUnsafe(ref b, 152), d3);
                ref var o = ref Unsafe.Add(ref output, j);
                d0.StoreUnsafe(ref o);
                d1.StoreUnsafe(ref o, 8);
                d2.StoreUnsafe(ref o, 16);
                d3.StoreUnsafe(ref o, 24);
                m0 = Vector256.MaxNative(m0, d0);
                m1 = Vector256.MaxNative(m1, d1);
                m2 = Vector256.MaxNative(m2, d2);
                m3 = Vector256.MaxNative(m3, d3);
                Vector256.MaxNative(Vector256.MaxNative(d0, d1), Vector256.MaxNative(d2, d3)).StoreUnsafe(ref blockMax, (nuint)(j / 4));
            }

            for (; j < full; j += 8)
            {
                ref var b = ref Unsafe.Add(ref blocks, j * 5);
                var d0 = v0 * Vector256.LoadUnsafe(ref b);
                d0 = MultiplyAdd(v1, Vector256.LoadUnsafe(ref b, 8), d0);
                d0 = MultiplyAdd(v2, Vector256.LoadUnsafe(ref b, 16), d0);
                d0 = MultiplyAdd(v3, Vector256.LoadUnsafe(ref b, 24), d0);
                d0 = MultiplyAdd(v4, Vector256.LoadUnsafe(ref b, 32), d0);
                d0.StoreUnsafe(ref Unsafe.Add(ref output, j));
                m0 = Vector256.MaxNative(m0, d0);
            }

            // The k-th largest of the 32 maxima without branches: a maximum with fewer than k strictly larger ones is among
            // the k largest, and the smallest such is the k-th largest (ties included). Lane counts go down by one (a true
            // compare is all ones, −1) for each larger maximum.
            Span<float> maxima = stackalloc float[32];
            m0.CopyTo(maxima);
            m1.CopyTo(maxima[8..]);
            m2.CopyTo(maxima[16..]);
            m3.CopyTo(maxima[24..]);
            Vector256<int> c0 = default, c1 = default, c2 = default, c3 = default;
            foreach (var value in maxima)
            {
                var v = Vector256.Create(value);
                c0 += Vector256.GreaterThan(v, m0).AsInt32();
                c1 += Vector256.GreaterThan(v, m1).AsInt32();
                c2 += Vector256.GreaterThan(v, m2).AsInt32();
                c3 += Vector256.GreaterThan(v, m3).AsInt32();
            }

            // c holds −(number of larger maxima); a lane is among the k largest when that number is below k.
            var negativeK = Vector256.Create(-k);
            var none = Vector256.Create(float.PositiveInfinity);
            var among = Vector256.Min(
                Vector256.Min(Vector256.ConditionalSelect(Vector256.GreaterThan(c0, negativeK).AsSingle(), m0, none),
                    Vector256.ConditionalSelect(Vector256.GreaterThan(c1, negativeK).AsSingle(), m1, none)),
                Vector256.Min(Vector256.ConditionalSelect(Vector256.GreaterThan(c2, negativeK).AsSingle(), m2, none),
                    Vector256.ConditionalSelect(Vector256.GreaterThan(c3, negativeK).AsSingle(), m3, none)));
            var halves = Vector128.Min(among.GetLower(), among.GetUpper());
            halves = Vector128.Min(halves, Vector128.Shuffle(halves, Vector128.Create(2, 3, 0, 1)));
            halves = Vector128.Min(halves, Vector128.Shuffle(halves, Vector128.Create(1, 0, 3, 2)));
            return halves.ToScalar();
        }
    }

    /// <summary>Appends the indexes of the 8 scores from <paramref name="start"/> that reach the limit; returns the new count.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static nint Collect(ref float dots, nint start, Vector256<float> limit, ref int lut, ref int hits, nint found)
    {
        unchecked
        {
            var mask = Vector256.GreaterThanOrEqual(Vector256.LoadUnsafe(ref dots, (nuint)start), limit).ExtractMostSignificantBits();
            var lanes = Vector256.LoadUnsafe(ref lut, mask * 8) + Vector256.Create((int)start);
            lanes.StoreUnsafe(ref Unsafe.Add(ref hits, found));
            return found + BitOperations.PopCount(mask);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<float> MultiplyAdd(Vector256<float> a, Vector256<float> b, Vector256<float> c) =>
        Fma.IsSupported ? Fma.MultiplyAdd(a, b, c) : (a * b) + c;
}
