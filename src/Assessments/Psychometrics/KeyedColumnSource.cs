using Assessments.Definitions;
using Assessments.Responses;

namespace Assessments.Psychometrics;

/// <summary>
/// A scale's keyed item columns for the per-scale statistics, read either from keyed double columns (NaN = missing; used
/// with imputation) or straight from the answer matrix, two bytes per answer, keyed on the fly as min + max − x. Every sum
/// runs in row order with the same double arithmetic in both cases (small integers are exact in a double), so both give
/// the same bits.
/// </summary>
internal sealed class KeyedColumnSource
{
    private readonly ResponseMatrix? _matrix;
    private readonly int[] _items = [];
    private readonly int[] _reverseBase = [];

    private KeyedColumnSource(double[][] doubles, int rows)
    {
        Doubles = doubles;
        Count = doubles.Length;
        Rows = rows;
    }

    private KeyedColumnSource(ResponseMatrix matrix, IReadOnlyList<ScaleItem> items)
    {
        _matrix = matrix;
        _items = [.. items.Select(i => i.Item.Index)];
        _reverseBase = [.. items.Select(i => i.Reverse ? i.Item.Format!.Min + i.Item.Format.Max : 0)];
        Count = _items.Length;
        Rows = matrix.RowCount;
    }

    /// <summary>The keyed double columns, when the source holds them.</summary>
    public double[][]? Doubles { get; }

    public int Count { get; }

    public int Rows { get; }

    /// <summary>Keyed double columns of <paramref name="rows"/> rows each (there may be no column at all).</summary>
    public static KeyedColumnSource FromDoubles(double[][] columns, int rows) => new(columns, rows);

    /// <summary><paramref name="items"/> read where they are in <paramref name="matrix"/>.</summary>
    public static KeyedColumnSource FromMatrix(ResponseMatrix matrix, IReadOnlyList<ScaleItem> items) => new(matrix, items);

    /// <summary>Each person's mean of the answered keyed items (NaN when none): psych's impute = "none" scores.</summary>
    public double[] PersonMeans()
    {
        if (Doubles is not null)
        {
            return PersonMeansOf(Doubles, Rows);
        }

        var sums = new int[Rows];
        var counts = new int[Rows];
        for (var i = 0; i < Count; i++)
        {
            var column = _matrix!.Column(_items[i])[..Rows];
            var reverse = _reverseBase[i];
            for (var r = 0; r < column.Length; r++)
            {
                int x = column[r];
                var answered = x != ResponseMatrix.Missing;
                sums[r] += answered ? (reverse == 0 ? x : reverse - x) : 0;
                counts[r] += answered ? 1 : 0;
            }
        }

        var means = new double[Rows];
        for (var r = 0; r < Rows; r++)
        {
            means[r] = counts[r] == 0 ? double.NaN : (double)sums[r] / counts[r];
        }

        return means;
    }

    /// <summary>
    /// Item <paramref name="i"/>'s answered count, sum, sum of squared deviations from its mean (two passes) and how often
    /// each answer of <paramref name="format"/> was given.
    /// </summary>
    public (int Count, double Total, double Squares, long[] Frequencies) ItemMoments(int i, ResponseFormat format)
    {
        var frequencies = new long[format.Max - format.Min + 1];
        double total = 0;
        var count = 0;
        if (Doubles is { } doubles)
        {
            foreach (var x in doubles[i])
            {
                if (!double.IsNaN(x))
                {
                    total += x;
                    count++;
                    var at = x - format.Min;
                    if (at >= 0 && at < frequencies.Length && at == Math.Floor(at))
                    {
                        frequencies[(int)at]++;
                    }
                }
            }

            var mean = total / count;
            double squares = 0;
            foreach (var x in doubles[i])
            {
                if (!double.IsNaN(x))
                {
                    squares += (x - mean) * (x - mean);
                }
            }

            return (count, total, squares, frequencies);
        }

        var column = _matrix!.Column(_items[i])[..Rows];
        var reverse = _reverseBase[i];
        long sum = 0;
        foreach (int raw in column)
        {
            if (raw != ResponseMatrix.Missing)
            {
                var x = reverse == 0 ? raw : reverse - raw;
                sum += x;
                count++;
                var at = x - format.Min;
                if ((uint)at < (uint)frequencies.Length)
                {
                    frequencies[at]++;
                }
            }
        }

        total = sum;
        var mean2 = total / count;
        double squares2 = 0;
        foreach (int raw in column)
        {
            if (raw != ResponseMatrix.Missing)
            {
                double x = reverse == 0 ? raw : reverse - raw;
                squares2 += (x - mean2) * (x - mean2);
            }
        }

        return (count, total, squares2, frequencies);
    }

    /// <summary>
    /// Pearson's r of item <paramref name="i"/> with <paramref name="y"/> as R's <c>cor(x, y, use = "pairwise")</c>: both
    /// means and both variances, like the covariance, over the rows where both are present.
    /// </summary>
    public double Correlation(int i, double[] y) => PairwiseCovariance.Correlation(Doubles is { } doubles ? doubles[i] : KeyedColumn(i), y);

    /// <summary>Item <paramref name="i"/>'s keyed values as doubles, NaN when missing (one column at a time).</summary>
    private double[] KeyedColumn(int i)
    {
        var column = _matrix!.Column(_items[i])[..Rows];
        var reverse = _reverseBase[i];
        var values = new double[Rows];
        for (var r = 0; r < values.Length; r++)
        {
            int raw = column[r];
            values[r] = raw == ResponseMatrix.Missing ? double.NaN : reverse == 0 ? raw : reverse - raw;
        }

        return values;
    }

    private static double[] PersonMeansOf(double[][] columns, int n)
    {
        var means = new double[n];
        for (var r = 0; r < n; r++)
        {
            double sum = 0;
            var count = 0;
            foreach (var column in columns)
            {
                if (!double.IsNaN(column[r]))
                {
                    sum += column[r];
                    count++;
                }
            }

            means[r] = count == 0 ? double.NaN : sum / count;
        }

        return means;
    }
}
