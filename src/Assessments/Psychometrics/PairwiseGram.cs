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
    public static double[,] Covariances(ResponseMatrix matrix, IReadOnlyList<int> items)
    {
        var k = items.Count;
        var rows = matrix.RowCount;
        var blocks = (rows + Block - 1) / Block;
        var pairs = k * (k + 1) / 2;
        var total = new long[pairs * 4]; // per pair a ≤ b: n, Σx_a, Σx_b, Σx_a·x_b (for a = b: n, Σx, Σx, Σx²)
        var gate = new Lock();
        Parallel.For(0, blocks, () => new Accumulator(k, pairs), (b, _, local) =>
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

        var c = new double[k, k];
        for (int a = 0, p = 0; a < k; a++)
        {
            for (var b = a; b < k; b++, p++)
            {
                var n = total[4 * p];
                var numerator = ((Int128)n * total[(4 * p) + 3]) - ((Int128)total[(4 * p) + 1] * total[(4 * p) + 2]);
                c[a, b] = c[b, a] = n < 2 ? double.NaN : (double)numerator / ((double)n * (n - 1));
            }
        }

        return c;
    }

    /// <summary>One thread's sums, and its block buffers: per item, the values (0 when missing) and the answered mask (−1).</summary>
    private sealed class Accumulator(int k, int pairs)
    {
        private readonly short[][] _values = [.. Enumerable.Range(0, k).Select(_ => new short[Block])];
        private readonly short[][] _masks = [.. Enumerable.Range(0, k).Select(_ => new short[Block])];

        public long[] Sums { get; } = new long[pairs * 4];

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
                    Vector<short> n = default, sa = default, sb = default, ab = default;
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

                    Sums[4 * p] += Total(n);
                    Sums[(4 * p) + 1] += Total(sa);
                    Sums[(4 * p) + 2] += Total(sb);
                    Sums[(4 * p) + 3] += Total(ab);
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
