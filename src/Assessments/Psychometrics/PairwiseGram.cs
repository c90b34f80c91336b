using System.Numerics;
using Assessments.Responses;

namespace Assessments.Psychometrics;

/// <summary>
/// Pairwise-complete covariances of raw integer answers from exact integer sums. For each pair of items, over the rows
/// where both are answered: n, Σx, Σy and Σxy; then cov = (n·Σxy − Σx·Σy) / (n(n − 1)), whose numerator is exact, so the
/// only rounding is the final division (two-pass double sums round at every row). Reverse keying (x′ = min + max − x)
/// negates a covariance exactly, so the keyed matrices of the pool and of every scale come from one raw matrix.
/// Rows are summed in blocks of 128 vectors with 16-bit lanes (one answer mask and one zero-filled value column per
/// item), blocks run on every core, and integer sums do not depend on their order: the result is the same on any thread
/// count. Applies to answers from 0 to 15 (products up to 225 cannot overflow a 16-bit lane in a block).
/// </summary>
internal static class PairwiseGram
{
    /// <summary>Rows per block: 128 vector steps, so a 16-bit lane adds at most 128 × 225 = 28,800.</summary>
    private static readonly int Block = 128 * Vector<short>.Count;

    /// <summary>Whether every answer of <paramref name="items"/> lies in 0–15 (missing aside).</summary>
    public static bool Applies(ResponseMatrix matrix, IReadOnlyList<int> items)
    {
        var limit = new Vector<short>(15);
        foreach (var item in items)
        {
            var column = matrix.Column(item)[..matrix.RowCount];
            var r = 0;
            for (; r <= column.Length - Vector<short>.Count; r += Vector<short>.Count)
            {
                var x = new Vector<short>(column[r..]);
                var answered = Vector.GreaterThanOrEqual(x, Vector<short>.Zero) | Vector.Equals(x, new Vector<short>(ResponseMatrix.Missing));
                if (!Vector.EqualsAll(answered, Vector<short>.AllBitsSet) || Vector.GreaterThanAny(x, limit))
                {
                    return false; // a negative answer other than Missing, or one above 15
                }
            }

            foreach (var x in column[r..])
            {
                if (x != ResponseMatrix.Missing && (uint)x > 15)
                {
                    return false;
                }
            }
        }

        return true;
    }

    /// <summary>The raw covariance matrix of <paramref name="items"/> (item indexes), pairwise complete; NaN where fewer than two rows.</summary>
    public static double[,] Covariances(ResponseMatrix matrix, IReadOnlyList<int> items) => CovariancesFrom(Sums(matrix, items, Stride), items.Count, Stride);

    /// <summary>
    /// R's <c>cor(x, use = "pairwise.complete.obs")</c> of <paramref name="items"/>: each pair's Pearson r with both means,
    /// both variances and the covariance over the rows where both are answered (exact integer numerators); NaN where fewer
    /// than two such rows or either item is constant on them. The diagonal is 1 for an item answered at least twice.
    /// </summary>
    public static double[,] Correlations(ResponseMatrix matrix, IReadOnlyList<int> items) => CorrelationsFrom(MomentSums(matrix, items), items.Count);

    /// <summary>Per pair a ≤ b, over the rows where both are answered: n, Σx_a, Σx_b, Σx_a·x_b, Σx_a², Σx_b² (<see cref="MomentStride"/> numbers a pair).</summary>
    public static long[] MomentSums(ResponseMatrix matrix, IReadOnlyList<int> items) => Sums(matrix, items, MomentStride);

    /// <summary>The pairwise-complete covariances from sums of <paramref name="stride"/> numbers a pair (n, Σx_a, Σx_b, Σx_a·x_b first).</summary>
    public static double[,] CovariancesFrom(long[] total, int k, int stride)
    {
        var c = new double[k, k];
        for (int a = 0, p = 0; a < k; a++)
        {
            for (var b = a; b < k; b++, p++)
            {
                var n = total[stride * p];
                var numerator = ((Int128)n * total[(stride * p) + 3]) - ((Int128)total[(stride * p) + 1] * total[(stride * p) + 2]);
                c[a, b] = c[b, a] = n < 2 ? double.NaN : (double)numerator / ((double)n * (n - 1));
            }
        }

        return c;
    }

    /// <summary>The pairwise-complete correlations from <see cref="MomentSums"/>.</summary>
    public static double[,] CorrelationsFrom(long[] total, int k)
    {
        var r = new double[k, k];
        for (int a = 0, p = 0; a < k; a++)
        {
            for (var b = a; b < k; b++, p++)
            {
                var at = MomentStride * p;
                Int128 n = total[at], sa = total[at + 1], sb = total[at + 2], ab = total[at + 3], aa = total[at + 4], bb = total[at + 5];
                var va = (n * aa) - (sa * sa);
                var vb = (n * bb) - (sb * sb);
                r[a, b] = r[b, a] = n < 2 || va == 0 || vb == 0
                    ? double.NaN
                    : a == b ? 1 : (double)((n * ab) - (sa * sb)) / Math.Sqrt((double)va * (double)vb);
            }
        }

        return r;
    }

    /// <summary>Sums per pair a ≤ b: n, Σx_a, Σx_b, Σx_a·x_b, and with <see cref="MomentStride"/> also Σx_a², Σx_b² (all over the rows where both are answered).</summary>
    private const int Stride = 4;

    /// <summary>Numbers a pair in <see cref="MomentSums"/>.</summary>
    public const int MomentStride = 6;

    private static long[] Sums(ResponseMatrix matrix, IReadOnlyList<int> items, int stride)
    {
        var k = items.Count;
        var rows = matrix.RowCount;
        var blocks = (rows + Block - 1) / Block;
        var pairs = k * (k + 1) / 2;
        var total = new long[pairs * stride]; // per pair a ≤ b: n, Σx_a, Σx_b, Σx_a·x_b[, Σx_a², Σx_b²] (for a = b: n, Σx, Σx, Σx²…)
        var gate = new Lock();
        Parallel.For(0, blocks, () => new Accumulator(k, pairs, stride), (b, _, local) =>
        {
            local.Add(matrix, items, b * Block, Math.Min(rows, (b + 1) * Block));
            return local;
        }, local =>
        {
            lock (gate)
            {
                for (var i = 0; i < total.Length; i++)
                {
                    total[i] += local.Sums[i];
                }
            }
        });

        return total;
    }

    /// <summary>One thread's sums, and its block buffers: per item, the values (0 when missing) and the answered mask (−1).</summary>
    private sealed class Accumulator(int k, int pairs, int stride)
    {
        private readonly short[][] _values = [.. Enumerable.Range(0, k).Select(_ => new short[Block])];
        private readonly short[][] _masks = [.. Enumerable.Range(0, k).Select(_ => new short[Block])];

        public long[] Sums { get; } = new long[pairs * stride];

        public void Add(ResponseMatrix matrix, IReadOnlyList<int> items, int start, int end)
        {
            var length = end - start;
            for (var a = 0; a < k; a++)
            {
                var column = matrix.Column(items[a]).Slice(start, length);
                var values = _values[a];
                var masks = _masks[a];
                var lanes = Vector<short>.Count;
                var r = 0;
                for (; r <= length - lanes; r += lanes)
                {
                    // Missing is short.MinValue, every answer is 0–15: answered = x ≥ 0.
                    var x = new Vector<short>(column[r..]);
                    var answered = Vector.GreaterThanOrEqual(x, Vector<short>.Zero);
                    (x & answered).CopyTo(values, r);
                    answered.CopyTo(masks, r);
                }

                for (; r < length; r++)
                {
                    var x = column[r];
                    var answered = x != ResponseMatrix.Missing;
                    values[r] = answered ? x : (short)0;
                    masks[r] = answered ? (short)-1 : (short)0;
                }

                values.AsSpan(length).Clear();
                masks.AsSpan(length).Clear();
            }

            var w = Vector<short>.Count;
            for (int a = 0, p = 0; a < k; a++)
            {
                var xa = _values[a];
                var ma = _masks[a];
                for (var b = a; b < k; b++, p++)
                {
                    var xb = _values[b];
                    var mb = _masks[b];
                    Vector<short> n = default, sa = default, sb = default, ab = default, aa = default, bb = default;

                    // Two copies of the hot loop, with and without the squares, so the covariances alone do not pay for them.
                    if (stride == Stride)
                    {
                        for (var r = 0; r < Block; r += w)
                        {
                            var va = new Vector<short>(xa, r);
                            var vb = new Vector<short>(xb, r);
                            var both = new Vector<short>(ma, r) & new Vector<short>(mb, r);
                            n -= both;
                            sa += va & both;
                            sb += vb & both;
                            ab += va * vb; // a missing answer is 0, so its products vanish
                        }
                    }
                    else
                    {
                        for (var r = 0; r < Block; r += w)
                        {
                            var va = new Vector<short>(xa, r);
                            var vb = new Vector<short>(xb, r);
                            var both = new Vector<short>(ma, r) & new Vector<short>(mb, r);
                            n -= both;
                            sa += va & both;
                            sb += vb & both;
                            ab += va * vb;
                            aa += (va * va) & both; // at most 225 a row, as the products
                            bb += (vb * vb) & both;
                        }
                    }

                    var at = stride * p;
                    Sums[at] += Total(n);
                    Sums[at + 1] += Total(sa);
                    Sums[at + 2] += Total(sb);
                    Sums[at + 3] += Total(ab);
                    if (stride == MomentStride)
                    {
                        Sums[at + 4] += Total(aa);
                        Sums[at + 5] += Total(bb);
                    }
                }
            }
        }

        private static long Total(Vector<short> lanes)
        {
            // Each lane holds at most 128 × 225 = 28,800: no 16-bit lane can have wrapped.
            Vector.Widen(lanes, out var low, out var high);
            return (long)Vector.Sum(low) + Vector.Sum(high);
        }
    }
}
