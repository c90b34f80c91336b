using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Assessments.Definitions;
using Assessments.Responses;
using MathNet.Numerics;

namespace Assessments.Psychometrics;

/// <summary>Settings of a <see cref="QualityScreen"/>.</summary>
public sealed record QualityOptions
{
    /// <summary>
    /// Item pairs whose sample correlation is above this are psychometric synonyms, below its negative antonyms; strictly
    /// between 0 and 1 (default .60, as <c>careless::psychsyn</c>).
    /// </summary>
    public double PairThreshold { get; init; } = 0.60;

    /// <summary>The fewest answered pairs a person's synonyms or antonyms index is computed from (default 3: with two, any correlation is ±1).</summary>
    public int MinimumPairs { get; init; } = 3;

    /// <summary>The fewest scales with both halves answered that even-odd is computed from (default 3: with two, any correlation is ±1).</summary>
    public int MinimumScales { get; init; } = 3;
}

/// <summary>A pair of items and their sample correlation (pairwise complete), first item earlier in the instrument.</summary>
/// <param name="First">The earlier item's id.</param>
/// <param name="Second">The later item's id.</param>
/// <param name="Correlation">Their Pearson correlation over the people who answered both.</param>
public sealed record ItemPair(string First, string Second, double Correlation);

/// <summary>
/// Screening for careless and insufficient-effort responding (Curran, 2016), as the R package <c>careless</c> computes it
/// (docs/quality.md): per respondent, longstring, intra-individual response variability, even-odd consistency,
/// psychometric synonyms and antonyms, and Mahalanobis D² with its χ² p. The items screened are the instrument's items
/// with a response format, in definition order; answers are raw (even-odd alone keys the reverse items).
/// </summary>
/// <remarks>
/// <para><see cref="Create"/> gives the indices a row alone determines (longstring, IRV, even-odd), for streaming one
/// response at a time. <see cref="Fit"/> also learns what the others need from a sample: the synonym and antonym pairs
/// from the pairwise-complete item correlations, and the complete cases' means and covariance (Cholesky factor) for D².
/// Everything is deterministic: no resampling, and the same sample gives the same bytes on any thread count.</para>
/// </remarks>
/// <example>
/// <code>
/// var screen = QualityScreen.Fit(instrument, matrix);
/// var indices = screen.Evaluate(matrix, row: 0);
/// var suspect = QualityFlag.Parse("longstring&gt;=10").IsRaised(indices) == true;
/// </code>
/// </example>
public sealed class QualityScreen
{
    private readonly int[] _items;        // instrument item index of each screened item
    private readonly ResponseFormat[] _formats;
    private readonly int[][] _scalePositions;   // per scale: positions (in the screened items) of its items, in scale order
    private readonly bool[][] _scaleReverse;
    private readonly (int A, int B)[] _synonyms;
    private readonly (int A, int B)[] _antonyms;
    private readonly double[]? _means;
    private readonly double[][]? _inverseFactor;  // L⁻¹ by rows (row i has i + 1 entries), Σ = L Lᵀ

    private QualityScreen(Instrument instrument, QualityOptions options, bool fitted, (int A, int B, double R)[] synonyms, (int A, int B, double R)[] antonyms,
        double[]? means, double[][]? inverseFactor, int sampleSize, int completeCases, UndefinedReason? mahalanobisUndefined)
    {
        Instrument = instrument;
        Options = options;
        IsFitted = fitted;
        var screened = Screened(instrument);
        _items = [.. screened.Select(i => i.Index)];
        _formats = [.. screened.Select(i => i.Format!)];
        ItemIds = [.. screened.Select(i => i.Id)];
        var position = new Dictionary<int, int>();
        for (var p = 0; p < _items.Length; p++)
        {
            position[_items[p]] = p;
        }

        var scales = instrument.Scales.Where(s => s.Items.Count >= 2 && s.Items.All(i => position.ContainsKey(i.Item.Index))).ToArray();
        _scalePositions = [.. scales.Select(s => s.Items.Select(i => position[i.Item.Index]).ToArray())];
        _scaleReverse = [.. scales.Select(s => s.Items.Select(i => i.Reverse).ToArray())];
        EvenOddScaleIds = [.. scales.Select(s => s.Id)];
        _synonyms = [.. synonyms.Select(p => (p.A, p.B))];
        _antonyms = [.. antonyms.Select(p => (p.A, p.B))];
        Synonyms = [.. synonyms.Select(p => new ItemPair(ItemIds[p.A], ItemIds[p.B], p.R))];
        Antonyms = [.. antonyms.Select(p => new ItemPair(ItemIds[p.A], ItemIds[p.B], p.R))];
        _means = means;
        Means = means is null ? null : Array.AsReadOnly(means); // the array D² reads stays private
        _inverseFactor = inverseFactor;
        SampleSize = sampleSize;
        CompleteCases = completeCases;
        MahalanobisUndefined = mahalanobisUndefined;
    }

    /// <summary>The instrument screened.</summary>
    public Instrument Instrument { get; }

    /// <summary>The settings.</summary>
    public QualityOptions Options { get; }

    /// <summary>The items screened (those with a response format), in definition order: the order of longstring's runs.</summary>
    public IReadOnlyList<string> ItemIds { get; }

    /// <summary>The scales even-odd splits: every scale of two or more screened items.</summary>
    public IReadOnlyList<string> EvenOddScaleIds { get; }

    /// <summary>Whether the screen learnt from a sample (<see cref="Fit"/>): synonyms, antonyms and D² need it.</summary>
    public bool IsFitted { get; }

    /// <summary>The rows of the sample it was fitted on (0 for <see cref="Create"/>).</summary>
    public int SampleSize { get; }

    /// <summary>The sample's rows with every screened item answered: the means and covariance of D² come from them.</summary>
    public int CompleteCases { get; }

    /// <summary>The psychometric synonym pairs (correlation above <see cref="QualityOptions.PairThreshold"/>), in item order.</summary>
    public IReadOnlyList<ItemPair> Synonyms { get; }

    /// <summary>The psychometric antonym pairs (correlation below its negative), in item order.</summary>
    public IReadOnlyList<ItemPair> Antonyms { get; }

    /// <summary>The complete cases' mean of each screened item; null when D² is undefined.</summary>
    public IReadOnlyList<double>? Means { get; }

    /// <summary>Why D² is undefined for every row (too few complete cases, or a singular covariance), or null when it is defined.</summary>
    public UndefinedReason? MahalanobisUndefined { get; }

    /// <summary>A screen of the indices a row alone determines (longstring, IRV, even-odd), for one response at a time.</summary>
    /// <param name="instrument">The instrument the rows answer.</param>
    /// <param name="options">Settings (default <see cref="QualityOptions"/>).</param>
    public static QualityScreen Create(Instrument instrument, QualityOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(instrument);
        return new QualityScreen(instrument, Check(options), fitted: false, [], [], null, null, 0, 0, UndefinedReason.TooFewPeople);
    }

    /// <summary>
    /// A screen fitted on <paramref name="sample"/>: the synonym and antonym pairs from its pairwise-complete item
    /// correlations (R's <c>cor(x, use = "pairwise.complete.obs")</c>), and the mean and covariance (n − 1) of its complete
    /// cases for D². The rows screened afterwards may be the sample's own (the usual case) or others.
    /// </summary>
    /// <param name="instrument">The instrument the rows answer.</param>
    /// <param name="sample">The sample, one column per instrument item.</param>
    /// <param name="options">Settings (default <see cref="QualityOptions"/>).</param>
    public static QualityScreen Fit(Instrument instrument, ResponseMatrix sample, QualityOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(instrument);
        ArgumentNullException.ThrowIfNull(sample);
        var checkedOptions = Check(options);
        if (sample.ItemCount != instrument.Items.Count)
        {
            throw new ArgumentException($"The matrix has {sample.ItemCount} item columns; {instrument.Reference} has {instrument.Items.Count} items.", nameof(sample));
        }

        var items = Screened(instrument).Select(i => i.Index).ToArray();
        var k = items.Length;

        // Synonym and antonym pairs from the pairwise-complete correlations.
        var exact = PairwiseGram.Applies(sample, items);
        var sums = exact ? PairwiseGram.MomentSums(sample, items) : null;
        var r = sums is not null ? PairwiseGram.CorrelationsFrom(sums, k) : SlowCorrelations(sample, items);
        var synonyms = new List<(int, int, double)>();
        var antonyms = new List<(int, int, double)>();
        for (var a = 0; a < k; a++)
        {
            for (var b = a + 1; b < k; b++)
            {
                if (r[a, b] > checkedOptions.PairThreshold)
                {
                    synonyms.Add((a, b, r[a, b]));
                }
                else if (r[a, b] < -checkedOptions.PairThreshold)
                {
                    antonyms.Add((a, b, r[a, b]));
                }
            }
        }

        // D²: the complete cases' means and covariance, inverted through its Cholesky factor.
        // When every row is complete, the pairwise sums above are the complete cases' sums: no second pass.
        var complete = CompleteRows(sample, items);
        double[]? means = null;
        double[][]? inverse = null;
        UndefinedReason? undefined = null;
        if (k == 0)
        {
            undefined = UndefinedReason.TooFewItems; // no rated item: no distance to measure
        }
        else if (complete.Count <= k)
        {
            undefined = UndefinedReason.TooFewPeople; // a covariance of k items from k or fewer rows is singular
        }
        else
        {
            var whole = complete.Count == sample.RowCount;
            var rows = whole ? sample : Copy(sample, items, complete);
            var columns = whole ? items : Enumerable.Range(0, k).ToArray();
            var covariance = whole && sums is not null
                ? PairwiseGram.CovariancesFrom(sums, k, PairwiseGram.MomentStride)
                : PairwiseGram.Applies(rows, columns) ? PairwiseGram.Covariances(rows, columns) : SlowCovariances(rows, columns);
            means = new double[k];
            for (var j = 0; j < k; j++)
            {
                long sum = 0;
                foreach (var x in rows.Column(columns[j])[..rows.RowCount])
                {
                    sum += x;
                }

                means[j] = (double)sum / rows.RowCount;
            }

            inverse = InverseCholesky(covariance);
            if (inverse is null)
            {
                undefined = UndefinedReason.SingularCorrelations;
                means = null;
            }
        }

        return new QualityScreen(instrument, checkedOptions, fitted: true, [.. synonyms], [.. antonyms], means, inverse, sample.RowCount, complete.Count, undefined);
    }

    /// <summary>The indices of row <paramref name="row"/> of <paramref name="matrix"/>.</summary>
    /// <param name="matrix">Answers, one column per instrument item.</param>
    /// <param name="row">The row.</param>
    public QualityIndices Evaluate(ResponseMatrix matrix, int row)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        CheckColumns(matrix);
        ArgumentOutOfRangeException.ThrowIfNegative(row);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(row, matrix.RowCount);
        var work = new Work(_items.Length, _scalePositions.Length, Math.Max(_synonyms.Length, _antonyms.Length));
        Load(matrix, row, work.X);
        QualityIndices[] one = [Compute(work)];
        Mahalanobis(work, one, 0, 1, (i, x) => Load(matrix, row, x));
        return one[0];
    }

    /// <summary>The indices of one response (answers by item id; an item left out is missing).</summary>
    /// <param name="response">The response.</param>
    public QualityIndices Evaluate(Response response)
    {
        ArgumentNullException.ThrowIfNull(response);
        var work = new Work(_items.Length, _scalePositions.Length, Math.Max(_synonyms.Length, _antonyms.Length));
        for (var p = 0; p < _items.Length; p++)
        {
            work.X[p] = response.Answers.TryGetValue(ItemIds[p], out var answer) && answer is { } x ? x : double.NaN;
        }

        var values = (double[])work.X.Clone();
        QualityIndices[] one = [Compute(work)];
        Mahalanobis(work, one, 0, 1, (i, x) => values.CopyTo(x, 0));
        return one[0];
    }

    /// <summary>
    /// The indices of rows <paramref name="start"/> to <paramref name="start"/> + <paramref name="destination"/>.Length − 1,
    /// on every core (each row's result does not depend on the others or on the thread count).
    /// </summary>
    /// <param name="matrix">Answers, one column per instrument item.</param>
    /// <param name="start">The first row.</param>
    /// <param name="destination">Where the rows' indices go, in row order.</param>
    public void Evaluate(ResponseMatrix matrix, int start, QualityIndices[] destination)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        ArgumentNullException.ThrowIfNull(destination);
        CheckColumns(matrix);
        ArgumentOutOfRangeException.ThrowIfNegative(start);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(start + destination.Length, matrix.RowCount);
        const int Block = 1024;
        var blocks = (destination.Length + Block - 1) / Block;
        Parallel.For(0, blocks, () => new Work(_items.Length, _scalePositions.Length, Math.Max(_synonyms.Length, _antonyms.Length)), (b, _, work) =>
        {
            var end = Math.Min(destination.Length, (b + 1) * Block);
            for (var i = b * Block; i < end; i++)
            {
                Load(matrix, start + i, work.X);
                destination[i] = Compute(work);
            }

            Mahalanobis(work, destination, b * Block, end, (i, x) => Load(matrix, start + i, x));
            return work;
        }, _ => { });
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // runs once a row: tier-0 code would cost more than the whole JIT
    private void Load(ResponseMatrix matrix, int row, double[] x)
    {
        for (var p = 0; p < _items.Length; p++)
        {
            var answer = matrix[row, _items[p]];
            x[p] = answer == ResponseMatrix.Missing ? double.NaN : answer;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // runs once a row: tier-0 code would cost more than the whole JIT
    private QualityIndices Compute(Work work)
    {
        var x = work.X;
        var k = x.Length;

        // Longstring and IRV on the raw answers, in item order.
        int answered = 0, longest = 0, runs = 0, run = 0;
        double sum = 0, previous = double.NaN;
        for (var p = 0; p < k; p++)
        {
            if (double.IsNaN(x[p]))
            {
                run = 0;
                previous = double.NaN;
                continue;
            }

            answered++;
            sum += x[p];
            if (run > 0 && x[p] == previous)
            {
                run++;
            }
            else
            {
                run = 1;
                runs++;
            }

            previous = x[p];
            longest = Math.Max(longest, run);
        }

        var irv = double.NaN;
        if (answered >= 2)
        {
            var mean = sum / answered;
            double squares = 0;
            for (var p = 0; p < k; p++)
            {
                if (!double.IsNaN(x[p]))
                {
                    squares += (x[p] - mean) * (x[p] - mean);
                }
            }

            irv = Math.Sqrt(squares / (answered - 1));
        }

        // Even-odd: per scale the mean keyed answer of its odd-position and of its even-position items.
        var scales = 0;
        for (var s = 0; s < _scalePositions.Length; s++)
        {
            double odd = 0, even = 0;
            int oddCount = 0, evenCount = 0;
            var positions = _scalePositions[s];
            for (var i = 0; i < positions.Length; i++)
            {
                var value = x[positions[i]];
                if (double.IsNaN(value))
                {
                    continue;
                }

                if (_scaleReverse[s][i])
                {
                    value = _formats[positions[i]].Reverse((int)value);
                }

                if (i % 2 == 0)
                {
                    odd += value; // position i + 1 is odd
                    oddCount++;
                }
                else
                {
                    even += value;
                    evenCount++;
                }
            }

            if (oddCount > 0 && evenCount > 0)
            {
                work.Odd[scales] = odd / oddCount;
                work.Even[scales] = even / evenCount;
                scales++;
            }
        }

        var evenOddR = scales >= Options.MinimumScales ? Pearson(work.Odd, work.Even, scales) : double.NaN;
        var evenOdd = double.IsNaN(evenOddR) ? double.NaN : evenOddR <= -1.0 / 3 ? -1 : 2 * evenOddR / (1 + evenOddR);

        var (synonyms, synonymPairs) = PairIndex(_synonyms, work);
        var (antonyms, antonymPairs) = PairIndex(_antonyms, work);

        // D² comes later (Mahalanobis), several rows at a time.
        double d2 = double.NaN, p2 = double.NaN;
        return new QualityIndices
        {
            Answered = answered,
            Longstring = longest,
            LongstringAverage = runs == 0 ? double.NaN : (double)answered / runs,
            Irv = irv,
            EvenOdd = evenOdd,
            EvenOddCorrelation = evenOddR,
            EvenOddScales = scales,
            Synonyms = synonyms,
            SynonymPairs = synonymPairs,
            Antonyms = antonyms,
            AntonymPairs = antonymPairs,
            Mahalanobis = d2,
            MahalanobisP = p2,
        };
    }

    /// <summary>
    /// D² and its p for the complete rows among <paramref name="from"/>..<paramref name="to"/> − 1 of
    /// <paramref name="results"/> (whose answers <paramref name="load"/> fills in), a vector of rows at a time: each lane
    /// is one row, so every row gets the same additions in the same order however many rows are processed together
    /// (z_i = Σ_j (L⁻¹)_ij·y_j for j = 0…i, then D² = Σ_i z_i²).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // runs once a row: tier-0 code would cost more than the whole JIT
    private void Mahalanobis(Work work, QualityIndices[] results, int from, int to, Action<int, double[]> load)
    {
        if (_inverseFactor is null)
        {
            return;
        }

        var k = _items.Length;
        var lanes = Vector<double>.Count;
        var width = Group * lanes; // rows per group: Group vectors of rows, so that Group additions chains run side by side
        var rows = work.Rows;
        var y = work.Lanes;
        var at = from;
        while (at < to)
        {
            // The next group of up to `width` complete rows; y[(j · Group + g) · lanes + lane] is row (g · lanes + lane)'s y_j.
            var count = 0;
            for (; at < to && count < width; at++)
            {
                if (results[at].Answered == k)
                {
                    rows[count++] = at;
                }
            }

            if (count == 0)
            {
                break;
            }

            Array.Clear(y);
            for (var slot = 0; slot < count; slot++)
            {
                load(rows[slot], work.X);
                var g = slot / lanes;
                var lane = slot % lanes;
                for (var j = 0; j < k; j++)
                {
                    y[(((j * Group) + g) * lanes) + lane] = work.X[j] - _means![j];
                }
            }

            Vector<double> d0 = default, d1 = default, d2 = default, d3 = default;
            ref var y0 = ref MemoryMarshal.GetArrayDataReference(y);
            for (var i = 0; i < k; i++)
            {
                var row = _inverseFactor[i];
                Vector<double> z0 = default, z1 = default, z2 = default, z3 = default;
                for (var j = 0; j <= i; j++)
                {
                    var l = new Vector<double>(row[j]);
                    var offset = (nuint)(j * Group * lanes);
                    z0 += l * Vector.LoadUnsafe(ref y0, offset);
                    z1 += l * Vector.LoadUnsafe(ref y0, offset + (nuint)lanes);
                    z2 += l * Vector.LoadUnsafe(ref y0, offset + (nuint)(2 * lanes));
                    z3 += l * Vector.LoadUnsafe(ref y0, offset + (nuint)(3 * lanes));
                }

                d0 += z0 * z0;
                d1 += z1 * z1;
                d2 += z2 * z2;
                d3 += z3 * z3;
            }

            for (var slot = 0; slot < count; slot++)
            {
                var lane = slot % lanes;
                var value = (slot / lanes) switch { 0 => d0[lane], 1 => d1[lane], 2 => d2[lane], _ => d3[lane] };
                results[rows[slot]] = results[rows[slot]] with
                {
                    Mahalanobis = value,
                    MahalanobisP = SpecialFunctions.GammaUpperRegularized(k / 2.0, value / 2),
                };
            }
        }
    }

    /// <summary>Vectors of rows in one D² group (four independent chains of additions).</summary>
    private const int Group = 4;

    /// <summary>The within-person correlation over the pairs both answered, and how many they are.</summary>
    private (double R, int Pairs) PairIndex((int A, int B)[] pairs, Work work)
    {
        var n = 0;
        foreach (var (a, b) in pairs)
        {
            if (!double.IsNaN(work.X[a]) && !double.IsNaN(work.X[b]))
            {
                work.Odd[n] = work.X[a];
                work.Even[n] = work.X[b];
                n++;
            }
        }

        return (n >= Options.MinimumPairs ? Pearson(work.Odd, work.Even, n) : double.NaN, n);
    }

    /// <summary>Pearson's r of the first <paramref name="n"/> values, two passes; NaN when either is constant.</summary>
    private static double Pearson(double[] x, double[] y, int n)
    {
        double mx = 0, my = 0;
        for (var i = 0; i < n; i++)
        {
            mx += x[i];
            my += y[i];
        }

        mx /= n;
        my /= n;
        double sxy = 0, sxx = 0, syy = 0;
        for (var i = 0; i < n; i++)
        {
            var dx = x[i] - mx;
            var dy = y[i] - my;
            sxy += dx * dy;
            sxx += dx * dx;
            syy += dy * dy;
        }

        return sxx == 0 || syy == 0 ? double.NaN : Math.Clamp(sxy / Math.Sqrt(sxx * syy), -1, 1);
    }

    /// <summary>
    /// The inverse of the Cholesky factor L of <paramref name="covariance"/> (Σ = L Lᵀ, so D² = ‖L⁻¹(x − μ)‖²), by rows;
    /// null when Σ is not positive definite (a pivot at or below 1e-10 times the largest variance).
    /// </summary>
    private static double[][]? InverseCholesky(double[,] covariance)
    {
        var k = covariance.GetLength(0);
        var l = new double[k, k];
        var largest = 0.0;
        for (var i = 0; i < k; i++)
        {
            largest = Math.Max(largest, covariance[i, i]);
        }

        for (var j = 0; j < k; j++)
        {
            var d = covariance[j, j];
            for (var m = 0; m < j; m++)
            {
                d -= l[j, m] * l[j, m];
            }

            if (double.IsNaN(d) || d <= 1e-10 * largest)
            {
                return null;
            }

            l[j, j] = Math.Sqrt(d);
            for (var i = j + 1; i < k; i++)
            {
                var s = covariance[i, j];
                for (var m = 0; m < j; m++)
                {
                    s -= l[i, m] * l[j, m];
                }

                l[i, j] = s / l[j, j];
            }
        }

        // Forward substitution, column by column of the identity: (L⁻¹)_ij for j ≤ i.
        var inverse = new double[k][];
        for (var i = 0; i < k; i++)
        {
            inverse[i] = new double[i + 1];
        }

        for (var j = 0; j < k; j++)
        {
            for (var i = j; i < k; i++)
            {
                var s = i == j ? 1.0 : 0.0;
                for (var m = j; m < i; m++)
                {
                    s -= l[i, m] * inverse[m][j];
                }

                inverse[i][j] = s / l[i, i];
            }
        }

        return inverse;
    }

    /// <summary>The rows with every one of <paramref name="items"/> answered.</summary>
    private static List<int> CompleteRows(ResponseMatrix sample, int[] items)
    {
        var keep = new List<int>();
        for (var r = 0; r < sample.RowCount; r++)
        {
            var complete = true;
            foreach (var item in items)
            {
                if (sample[r, item] == ResponseMatrix.Missing)
                {
                    complete = false;
                    break;
                }
            }

            if (complete)
            {
                keep.Add(r);
            }
        }

        return keep;
    }

    /// <summary>The rows <paramref name="keep"/> of <paramref name="items"/>, as a matrix of those items alone.</summary>
    private static ResponseMatrix Copy(ResponseMatrix sample, int[] items, List<int> keep)
    {
        var matrix = new ResponseMatrix(items.Length, Math.Max(1, keep.Count)) { RowCount = keep.Count };
        for (var j = 0; j < items.Length; j++)
        {
            var from = sample.Column(items[j]);
            var to = matrix.Column(j);
            for (var i = 0; i < keep.Count; i++)
            {
                to[i] = from[keep[i]];
            }
        }

        return matrix;
    }

    private static double[][] Columns(ResponseMatrix matrix, int[] items) =>
        [.. items.Select(item =>
        {
            var column = matrix.Column(item)[..matrix.RowCount];
            var values = new double[column.Length];
            for (var r = 0; r < values.Length; r++)
            {
                values[r] = column[r] == ResponseMatrix.Missing ? double.NaN : column[r];
            }

            return values;
        })];

    private static double[,] SlowCorrelations(ResponseMatrix matrix, int[] items)
    {
        var columns = Columns(matrix, items);
        var r = new double[items.Length, items.Length];
        for (var a = 0; a < items.Length; a++)
        {
            for (var b = a; b < items.Length; b++)
            {
                r[a, b] = r[b, a] = a == b ? 1 : PairwiseCovariance.Correlation(columns[a], columns[b]);
            }
        }

        return r;
    }

    private static double[,] SlowCovariances(ResponseMatrix matrix, int[] items) => PairwiseCovariance.Compute(Columns(matrix, items));

    private void CheckColumns(ResponseMatrix matrix)
    {
        if (matrix.ItemCount != Instrument.Items.Count)
        {
            throw new ArgumentException($"The matrix has {matrix.ItemCount} item columns; {Instrument.Reference} has {Instrument.Items.Count} items.", nameof(matrix));
        }
    }

    private static Item[] Screened(Instrument instrument) => [.. instrument.Items.Where(i => i.Format is not null)];

    private static QualityOptions Check(QualityOptions? options)
    {
        options ??= new QualityOptions();
        if (!(options.PairThreshold > 0 && options.PairThreshold < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.PairThreshold, "PairThreshold must lie strictly between 0 and 1.");
        }

        if (options.MinimumPairs < 2 || options.MinimumScales < 2)
        {
            throw new ArgumentOutOfRangeException(nameof(options), "MinimumPairs and MinimumScales must be at least 2 (a correlation needs two points).");
        }

        return options;
    }

    /// <summary>One thread's buffers.</summary>
    private sealed class Work(int items, int scales, int pairs)
    {
        public double[] X { get; } = new double[items];

        public double[] Odd { get; } = new double[Math.Max(scales, pairs)];

        public double[] Even { get; } = new double[Math.Max(scales, pairs)];

        /// <summary>The rows of one group of D² lanes.</summary>
        public int[] Rows { get; } = new int[Group * Vector<double>.Count];

        /// <summary>The deviations from the means of one group, item by item, one lane per row.</summary>
        public double[] Lanes { get; } = new double[items * Group * Vector<double>.Count];
    }
}
