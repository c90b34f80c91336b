using Assessments.Definitions;
using Assessments.Responses;

namespace Assessments.Psychometrics;

/// <summary>
/// The front door of the reliability statistics: every scale of an instrument on a sample, as psych 2.2.9 computes them
/// with <c>impute = "none"</c> (pairwise-complete covariances; docs/methods.md §2).
/// <para>
/// Any sample is accepted: no answers, one row, constant or unanswered items, collinear items, one-item scales. As
/// psych's <c>alpha</c> and <c>scoreItems</c> do, items with no variance (nobody or one person answered, or everyone
/// gave the same answer) are dropped from their scales' statistics; each result lists them
/// (<see cref="ScaleReliability.DroppedItems"/>). A statistic the data cannot support is NaN and its reason is listed
/// (<see cref="ScaleReliability.Undefined"/>, <see cref="ItemStatistics.Undefined"/>); nothing throws on account of the
/// data.
/// </para>
/// </summary>
public static class Reliability
{
    /// <summary>
    /// The largest item pool (distinct items used by the instrument's scales) that <c>assess analyze</c> accepts: 1,500.
    /// The work grows with the cube of the item count (the SMCs behind λ6 factor the pool's correlation matrix and each
    /// scale's own). The budget is 30 s and 2 GB for 10,000 respondents on two cores, for the worst case: a total scale of
    /// every item and a singular correlation matrix (duplicated items, or more items than people), which takes the
    /// eigendecomposition path. On a shared 2-core AMD EPYC, 1,500 items took 2.7 s in process (6.1 s singular) and the
    /// whole command 5.2 s (8.1 s singular), 0.55 GB at peak; 2,000 items took 4.6 s (17.6 s singular) in process, but the
    /// singular command took 40 s under the machine's usual load
    /// (benchmarks/results/AnalyzeItemCountBenchmarks-amd-epyc-2core.md). With psych's alpha.drop statistics and the scales'
    /// correlations added (one more inverse of the largest scale's R), the 1,500-item command took 6.5 s (timed once, Release).
    /// <see cref="Analyze"/> itself does not enforce it.
    /// </summary>
    public const int MaxItems = 1_500;

    /// <summary>
    /// Reliability and item statistics of every scale of <paramref name="instrument"/> on <paramref name="matrix"/>. With an
    /// <paramref name="imputation"/> the statistics are computed after imputing, as psych's <c>scoreItems</c> does.
    /// </summary>
    /// <remarks>
    /// <list type="bullet">
    /// <item>Dropped items are chosen on the raw answers, once for the whole pool (psych: <c>sd(x, na.rm = TRUE)</c> zero
    /// or NA); imputing keeps the same set, since a median or mean of one value repeated is that value.</item>
    /// <item>The scale score behind N, mean, SD, SEM and every item's raw r is the mean of the answered kept items, as
    /// <c>scoreItems</c> deletes such items "from the data and the keys". (<c>psych::alpha</c> 2.2.9 instead adds the
    /// first respondent's answer to a deleted item to every total, which only makes sense for complete data; the
    /// library follows <c>scoreItems</c>.)</item>
    /// <item>PROJECT CHOICE where psych gives placeholders rather than statistics: α, standardised α, λ6 (alpha), both
    /// average correlations and S/N of a scale with fewer than two items left are NaN (<c>scoreItems</c> reports α = 1
    /// for one item, <c>alpha</c> fails); an item's α-if-deleted in a two-item scale is NaN (<c>alpha</c> reports
    /// C₁₂/C₂₂ there, which is not an α); non-finite results (a zero denominator) are NaN.</item>
    /// </list>
    /// </remarks>
    /// <exception cref="ArgumentException">The matrix does not have one column per item of the instrument.</exception>
    public static IReadOnlyList<ScaleReliability> Analyze(Instrument instrument, ResponseMatrix matrix, Imputation imputation = Imputation.None) =>
        Core(instrument, matrix, imputation).Results;

    /// <summary>
    /// <see cref="Analyze"/> and <see cref="Correlations"/> in one pass: the items' covariances, the costly part of both, are
    /// computed once.
    /// </summary>
    /// <exception cref="ArgumentException">The matrix does not have one column per item of the instrument.</exception>
    public static InstrumentReliability AnalyzeWithCorrelations(Instrument instrument, ResponseMatrix matrix, Imputation imputation = Imputation.None)
    {
        var (results, pool, covariance, raw) = Core(instrument, matrix, imputation);
        return new InstrumentReliability(results, CorrelationsOf(instrument, results, pool, covariance, raw));
    }

    private static (ScaleReliability[] Results, List<ScaleItem> Pool, double[,] Covariance, bool Raw) Core(Instrument instrument, ResponseMatrix matrix, Imputation imputation)
    {
        ArgumentNullException.ThrowIfNull(instrument);
        ArgumentNullException.ThrowIfNull(matrix);
        CheckShape(instrument, matrix);

        // scoreItems takes its SMCs from the correlation matrix of every keyed item of the pool (sign does not change an SMC),
        // after deleting the items without variance.
        var dropped = Screen(matrix, Pool(instrument.Scales));
        var poolItems = Pool(instrument.Scales).Where(i => !dropped.ContainsKey(i.Item.Index)).ToList();
        var poolIndexes = poolItems.Select(i => i.Item.Index).ToList();

        // Without imputation, integer answers give every covariance from exact sums (PairwiseGram): one raw matrix of the
        // pool, keyed per scale by sign. Imputed or unusual answers take the two-pass path on keyed columns.
        var raw = imputation == Imputation.None && PairwiseGram.Applies(matrix, poolIndexes) ? PairwiseGram.Covariances(matrix, poolIndexes) : null;
        var position = poolIndexes.Select((index, k) => (index, k)).ToDictionary(p => p.index, p => p.k);
        var poolCovariance = raw ?? PairwiseCovariance.Compute(PairwiseCovariance.KeyedColumns(matrix, poolItems, imputation));

        // The pool's SMCs (one inversion of the whole pool) run beside the scales, which need them only at their end.
        var poolSmc = Task.Run(() =>
        {
            var smc = PairwiseCovariance.Smc(PairwiseCovariance.ToCorrelation(poolCovariance), out var reason);
            return (ByItem: smc?.Select((value, k) => (poolIndexes[k], value)).ToDictionary(p => p.Item1, p => p.value), Reason: reason);
        });

        // Scales are independent: each is computed on its own (in row order), so running them on several cores changes no bit.
        var results = new ScaleReliability[instrument.Scales.Count];
        Parallel.For(0, results.Length, s =>
        {
            var scale = instrument.Scales[s];
            var kept = scale.Items.Where(i => !dropped.ContainsKey(i.Item.Index)).ToList();
            results[s] = AnalyzeScale(scale, kept, dropped, matrix, poolSmc, imputation, raw is null ? null : Keyed(raw, kept, position));
        });
        return (results, poolItems, poolCovariance, raw is not null);
    }

    /// <summary>
    /// Scale scores as psych's <c>scoreItems</c> gives them: with <see cref="Imputation.None"/> the mean of each person's
    /// answered keyed items (NaN when none); otherwise the mean of all keyed items after replacing each missing answer by
    /// the item's sample median or mean. Items without variance in the sample (see <see cref="DroppedItemReason"/>) are
    /// left out, as <c>scoreItems</c> deletes them "from the data and the keys"; a scale left with no item scores NaN.
    /// Rows of the result are people, columns the instrument's scales.
    /// </summary>
    /// <exception cref="ArgumentException">The matrix does not have one column per item of the instrument.</exception>
    public static double[][] Scores(Instrument instrument, ResponseMatrix matrix, Imputation imputation)
    {
        ArgumentNullException.ThrowIfNull(instrument);
        ArgumentNullException.ThrowIfNull(matrix);
        CheckShape(instrument, matrix);
        var dropped = Screen(matrix, Pool(instrument.Scales));
        var perScale = instrument.Scales.Select(s => KeyedColumnSource.FromDoubles(PairwiseCovariance.KeyedColumns(matrix,
            [.. s.Items.Where(i => !dropped.ContainsKey(i.Item.Index))], imputation), matrix.RowCount).PersonMeans()).ToList();
        return [.. Enumerable.Range(0, matrix.RowCount).Select(r => perScale.Select(scale => scale[r]).ToArray())];
    }

    /// <summary>
    /// Correlations between the scales, raw and corrected for attenuation by the scales' raw α (<paramref name="reliabilities"/>,
    /// from <see cref="Analyze"/> on the same data), as <c>psych::scoreItems</c>'s <c>$cor</c> and <c>$corrected</c>: from the
    /// items' pairwise covariances (keysᵀ C keys, then cov2cor), items without variance left out.
    /// </summary>
    /// <exception cref="ArgumentException">The matrix does not fit the instrument, or the reliabilities are not one per scale in its order.</exception>
    public static ScaleCorrelations Correlations(Instrument instrument, ResponseMatrix matrix, IReadOnlyList<ScaleReliability> reliabilities, Imputation imputation = Imputation.None)
    {
        ArgumentNullException.ThrowIfNull(reliabilities);
        ArgumentNullException.ThrowIfNull(instrument);
        ArgumentNullException.ThrowIfNull(matrix);
        CheckShape(instrument, matrix);
        var ids = instrument.Scales.Select(s => s.Id).ToList();
        if (!reliabilities.Select(r => r.ScaleId).SequenceEqual(ids, StringComparer.Ordinal))
        {
            throw new ArgumentException("Give the reliabilities of every scale of the instrument, in its order (Reliability.Analyze on the same data).", nameof(reliabilities));
        }

        var dropped = Screen(matrix, Pool(instrument.Scales));
        var pool = Pool(instrument.Scales).Where(i => !dropped.ContainsKey(i.Item.Index)).ToList();
        var indexes = pool.Select(i => i.Item.Index).ToList();
        var gram = imputation == Imputation.None && PairwiseGram.Applies(matrix, indexes) ? PairwiseGram.Covariances(matrix, indexes) : null;
        return CorrelationsOf(instrument, reliabilities, pool, gram ?? PairwiseCovariance.Compute(PairwiseCovariance.KeyedColumns(matrix, pool, imputation)), gram is not null);
    }

    /// <summary>
    /// As scoreItems: the scales' covariances from the items' pairwise covariances <paramref name="c"/>, keys' · C · keys, then
    /// cov2cor (with missing answers this is not the correlation of the score columns). <paramref name="c"/> is of the raw
    /// answers (<paramref name="rawAnswers"/>) or of the pool's keyed columns, whose sign each scale's own sign undoes.
    /// </summary>
    private static ScaleCorrelations CorrelationsOf(Instrument instrument, IReadOnlyList<ScaleReliability> reliabilities, List<ScaleItem> pool, double[,] c, bool rawAnswers)
    {
        var ids = instrument.Scales.Select(s => s.Id).ToList();
        var at = pool.Select((item, k) => (item.Item.Index, k)).ToDictionary(p => p.Index, p => p.k);
        bool PoolReversed(int p) => !rawAnswers && pool[p].Reverse;
        var covariance = new double[ids.Count, ids.Count];

        // Each scale as (position in the pool, sign relative to the pool's column).
        var members = instrument.Scales.Select(scale => scale.Items.Where(i => at.ContainsKey(i.Item.Index))
            .Select(i => (At: at[i.Item.Index], Sign: i.Reverse != PoolReversed(at[i.Item.Index]) ? -1.0 : 1.0)).ToArray()).ToArray();
        for (var s = 0; s < ids.Count; s++)
        {
            for (var t = s; t < ids.Count; t++)
            {
                double sum = 0;
                foreach (var (p, sp) in members[s])
                {
                    double row = 0;
                    foreach (var (q, sq) in members[t])
                    {
                        row += sq * c[p, q];
                    }

                    sum += sp * row;
                }

                covariance[s, t] = covariance[t, s] = sum;
            }
        }

        var r = PairwiseCovariance.ToCorrelation(covariance);
        var raw = new double[ids.Count][];
        var corrected = new double[ids.Count][];
        for (var i = 0; i < ids.Count; i++)
        {
            raw[i] = new double[ids.Count];
            corrected[i] = new double[ids.Count];
            for (var j = 0; j < ids.Count; j++)
            {
                raw[i][j] = r[i, j];
                corrected[i][j] = i == j ? reliabilities[i].AlphaRaw
                    : i > j ? r[i, j]
                    : r[i, j] / Math.Sqrt(reliabilities[i].AlphaRaw * reliabilities[j].AlphaRaw);
            }
        }

        return new ScaleCorrelations(ids, raw, corrected);
    }

    /// <summary>The matrix must have a column for every item (as <c>ScoreBatch</c> requires).</summary>
    internal static void CheckShape(Instrument instrument, ResponseMatrix matrix)
    {
        if (matrix.ItemCount != instrument.Items.Count)
        {
            throw new ArgumentException($"The matrix has {matrix.ItemCount} item columns; the instrument '{instrument.Reference}' has {instrument.Items.Count} items.", nameof(matrix));
        }
    }

    /// <summary>Every item the scales use, once, in item order.</summary>
    internal static List<ScaleItem> Pool(IEnumerable<Scale> scales) =>
        [.. scales.SelectMany(s => s.Items).GroupBy(i => i.Item.Index).Select(g => g.First()).OrderBy(i => i.Item.Index)];

    /// <summary>
    /// The items psych would delete: fewer than two answers (<c>sd</c> is NA) or every answer alike (<c>sd</c> is 0).
    /// Keyed or not, imputed or not, the set is the same.
    /// </summary>
    internal static Dictionary<int, DroppedItemReason> Screen(ResponseMatrix matrix, IReadOnlyList<ScaleItem> items)
    {
        var dropped = new Dictionary<int, DroppedItemReason>();
        foreach (var item in items)
        {
            var column = matrix.Column(item.Item.Index)[..matrix.RowCount];
            var count = 0;
            short first = 0;
            var varies = false;
            foreach (var x in column)
            {
                if (x != ResponseMatrix.Missing)
                {
                    if (count++ == 0)
                    {
                        first = x;
                    }
                    else if (x != first)
                    {
                        varies = true;
                        break;
                    }
                }
            }

            if (!varies)
            {
                dropped[item.Item.Index] = count switch
                {
                    0 => DroppedItemReason.NoAnswers,
                    1 => DroppedItemReason.OneAnswer,
                    _ => DroppedItemReason.ZeroVariance,
                };
            }
        }

        return dropped;
    }

    /// <summary>The keyed covariance matrix of <paramref name="items"/> from the pool's raw one: reverse keying negates a covariance exactly.</summary>
    private static double[,] Keyed(double[,] raw, List<ScaleItem> items, Dictionary<int, int> position)
    {
        var k = items.Count;
        var at = items.Select(i => position[i.Item.Index]).ToArray();
        var c = new double[k, k];
        for (var i = 0; i < k; i++)
        {
            for (var j = 0; j < k; j++)
            {
                var value = raw[at[i], at[j]];
                c[i, j] = items[i].Reverse != items[j].Reverse ? -value : value;
            }
        }

        return c;
    }

    private static ScaleReliability AnalyzeScale(Scale scale, List<ScaleItem> kept, Dictionary<int, DroppedItemReason> dropped, ResponseMatrix matrix,
        Task<(Dictionary<int, double>? ByItem, UndefinedReason Reason)> poolSmc, Imputation imputation, double[,]? keyed)
    {
        // Without imputation the answers are read where they are (two bytes each, keyed on the fly); with it, as keyed
        // double columns holding the imputed values. Both give the same numbers for the same data.
        var columns = keyed is null ? KeyedColumnSource.FromDoubles(PairwiseCovariance.KeyedColumns(matrix, kept, imputation), matrix.RowCount)
            : KeyedColumnSource.FromMatrix(matrix, kept);
        var k = kept.Count;
        var c = keyed ?? PairwiseCovariance.Compute(columns.Doubles!);
        var r = PairwiseCovariance.ToCorrelation(c);
        var sumC = PairwiseCovariance.Sum(c);
        var sumR = PairwiseCovariance.Sum(r);
        var trace = PairwiseCovariance.Trace(c);
        var gaps = new Gaps();
        var incomplete = double.IsNaN(sumC); // a pair answered together by fewer than two people
        UndefinedReason Reason(int itemsNeeded) =>
            k < itemsNeeded ? UndefinedReason.TooFewItems : incomplete ? UndefinedReason.MissingCovariance : UndefinedReason.Degenerate;

        var alpha = gaps.Check(nameof(ScaleReliability.AlphaRaw), k < 2 ? double.NaN : k / (k - 1.0) * (1 - (trace / sumC)), Reason(2));
        var alphaStd = gaps.Check(nameof(ScaleReliability.AlphaStandardized), k < 2 ? double.NaN : k / (k - 1.0) * (1 - (k / sumR)), Reason(2));
        double[]? smc = null;
        var smcReason = UndefinedReason.TooFewItems;
        if (k >= 2)
        {
            smc = PairwiseCovariance.Smc(r, out smcReason);
        }

        var g6 = gaps.Check(nameof(ScaleReliability.G6Alpha), smc is null ? double.NaN : 1 - ((k - smc.Sum()) / sumR), smc is null ? smcReason : Reason(2));
        var (poolSmcByItem, poolSmcReason) = poolSmc.Result;
        var g6ScoreItems = double.NaN;
        if (poolSmcByItem is not null && k > 0)
        {
            double g6Numerator = sumC;
            for (var i = 0; i < k; i++)
            {
                g6Numerator += -c[i, i] + (poolSmcByItem[kept[i].Item.Index] * c[i, i]);
            }

            g6ScoreItems = g6Numerator / sumC;
        }

        g6ScoreItems = gaps.Check(nameof(ScaleReliability.G6ScoreItems), g6ScoreItems,
            k < 1 ? UndefinedReason.TooFewItems : incomplete ? UndefinedReason.MissingCovariance : poolSmcByItem is null ? poolSmcReason : UndefinedReason.Degenerate);
        var averageR = gaps.Check(nameof(ScaleReliability.AverageR), k < 2 ? double.NaN : (sumR - k) / (k * (k - 1.0)), Reason(2));
        var averageRScoreItems = gaps.Check(nameof(ScaleReliability.AverageRScoreItems), alpha / (k - (alpha * (k - 1))),
            gaps.ReasonOf(nameof(ScaleReliability.AlphaRaw)) ?? UndefinedReason.Degenerate);
        var signalNoise = gaps.Check(nameof(ScaleReliability.SignalNoise), k * averageRScoreItems / (1 - averageRScoreItems),
            gaps.ReasonOf(nameof(ScaleReliability.AverageRScoreItems)) ?? UndefinedReason.Degenerate);

        var means = columns.PersonMeans();
        var scored = Answered(means);
        var people = k == 0 ? UndefinedReason.TooFewItems : UndefinedReason.TooFewPeople;
        var mean = gaps.Check(nameof(ScaleReliability.Mean), scored.Length == 0 ? double.NaN : scored.Average(), people);
        var sd = gaps.Check(nameof(ScaleReliability.StandardDeviation), scored.Length < 2 ? double.NaN
            : Math.Sqrt(scored.Sum(m => (m - mean) * (m - mean)) / (scored.Length - 1)), people);
        var sem = gaps.Check(nameof(ScaleReliability.Sem), sd * Math.Sqrt(1 - alpha),
            gaps.ReasonOf(nameof(ScaleReliability.StandardDeviation)) ?? gaps.ReasonOf(nameof(ScaleReliability.AlphaRaw)) ?? UndefinedReason.Degenerate);

        // psych::alpha's further statistics (docs/methods.md §2.9): per scale, α's standard error with Feldt's bounds and the
        // spread of the inter-item r; per item, std.r, r.cor and the scale's statistics without it.
        // n = the people with a score: psych's nsub counts every row of the data frame, answered or not (PROJECT CHOICE,
        // docs/methods.md §2.9: a row that answers none of the scale's items tells nothing about its reliability).
        var details = AlphaDetails.Compute(c, r, smc, smcReason, alpha, scored.Length);
        var alphaSe = gaps.Check(nameof(ScaleReliability.AlphaStandardError), details.AlphaStandardError, Reason(2));
        var feldtLower = gaps.Check(nameof(ScaleReliability.FeldtLower), details.FeldtLower,
            gaps.ReasonOf(nameof(ScaleReliability.AlphaRaw)) ?? (scored.Length < 2 ? UndefinedReason.TooFewPeople : UndefinedReason.Degenerate));
        var feldtUpper = gaps.Check(nameof(ScaleReliability.FeldtUpper), details.FeldtUpper,
            gaps.ReasonOf(nameof(ScaleReliability.AlphaRaw)) ?? (scored.Length < 2 ? UndefinedReason.TooFewPeople : UndefinedReason.Degenerate));
        var varianceR = gaps.Check(nameof(ScaleReliability.VarianceR), details.VarianceR, k < 3 ? UndefinedReason.TooFewItems : Reason(2));
        var medianR = gaps.Check(nameof(ScaleReliability.MedianR), details.MedianR, Reason(2));

        var items = new ItemStatistics[scale.Items.Count];
        for (int i = 0, at = 0; i < items.Length; i++)
        {
            var item = scale.Items[i];
            items[i] = dropped.TryGetValue(item.Item.Index, out var why)
                ? DroppedItemStatistics(item, why, matrix, imputation)
                : Item(item, at++, columns, c, sumC, trace, means, incomplete, details, smc is null ? smcReason : UndefinedReason.Degenerate);
        }

        return new ScaleReliability(scale.Id, scale.Items.Count, scored.Length, mean, sd, alpha, alphaStd, g6, g6ScoreItems, averageR,
            averageRScoreItems, signalNoise, sem, items)
        {
            DroppedItems = [.. scale.Items.Where(i => dropped.ContainsKey(i.Item.Index)).Select(i => new DroppedItem(i.Item.Id, dropped[i.Item.Index]))],
            AlphaStandardError = alphaSe,
            FeldtLower = feldtLower,
            FeldtUpper = feldtUpper,
            VarianceR = varianceR,
            MedianR = medianR,
            Undefined = gaps.List,
        };
    }

    /// <summary>
    /// Item <paramref name="i"/> (its position among the kept items) within its scale. r.drop and α-if-deleted come from
    /// the totals of C: without item i, sum C loses the item's row and column (2 Σ_{j≠i} c_ij + c_ii) and the trace
    /// loses c_ii, which is O(k) per item instead of summing the k − 1 square rest of C.
    /// </summary>
    private static ItemStatistics Item(ScaleItem item, int i, KeyedColumnSource columns, double[,] c, double sumC, double trace, double[] means,
        bool incomplete, AlphaDetails details, UndefinedReason smcReason)
    {
        var k = columns.Count;
        var gaps = new Gaps();
        UndefinedReason Reason(int itemsNeeded) =>
            k < itemsNeeded ? UndefinedReason.TooFewItems : incomplete ? UndefinedReason.MissingCovariance : UndefinedReason.Degenerate;

        // Straight over the column, skipping missing cells (no copy of a million answers per item).
        var (count, total, squares, counts) = columns.ItemMoments(i, item.Item.Format!);
        var mean = gaps.Check(nameof(ItemStatistics.Mean), total / count, UndefinedReason.TooFewPeople);
        var sd = gaps.Check(nameof(ItemStatistics.StandardDeviation), Math.Sqrt(squares / (count - 1)), UndefinedReason.TooFewPeople);
        double rowSum = 0;
        for (var j = 0; j < k; j++)
        {
            if (j != i)
            {
                rowSum += c[i, j];
            }
        }

        var restSum = sumC - (2 * rowSum) - c[i, i];
        var rDrop = gaps.Check(nameof(ItemStatistics.RDrop), k < 2 ? double.NaN : rowSum / Math.Sqrt(c[i, i] * restSum), Reason(2));
        var alphaIfDeleted = gaps.Check(nameof(ItemStatistics.AlphaIfDeleted),
            k < 3 ? double.NaN : (k - 1) / (k - 2.0) * (1 - ((trace - c[i, i]) / restSum)), Reason(3));
        // psych: cor(total, x, use = "pairwise"): both moments over the rows where the item is answered (docs/methods.md §2.5).
        var rawR = gaps.Check(nameof(ItemStatistics.RawR), columns.Correlation(i, means), count < 2 ? UndefinedReason.TooFewPeople : UndefinedReason.Degenerate);
        var frequencies = counts.Select(n => n / (double)count).ToList();
        var smcOr = incomplete ? UndefinedReason.MissingCovariance : smcReason;
        return new ItemStatistics(item.Item.Id, item.Reverse, count, columns.Rows - count, mean, sd, rDrop, rawR, alphaIfDeleted, frequencies)
        {
            StdR = gaps.Check(nameof(ItemStatistics.StdR), details.StdR[i], Reason(1)),
            RCor = gaps.Check(nameof(ItemStatistics.RCor), details.RCor[i], k < 2 ? UndefinedReason.TooFewItems : smcOr),
            AlphaStandardizedIfDeleted = gaps.Check(nameof(ItemStatistics.AlphaStandardizedIfDeleted), details.AlphaStandardizedIfDeleted[i], Reason(3)),
            G6IfDeleted = gaps.Check(nameof(ItemStatistics.G6IfDeleted), details.G6IfDeleted[i], k < 3 ? UndefinedReason.TooFewItems : incomplete ? UndefinedReason.MissingCovariance : details.G6IfDeletedReason),
            AverageRIfDeleted = gaps.Check(nameof(ItemStatistics.AverageRIfDeleted), details.AverageRIfDeleted[i], Reason(3)),
            SignalNoiseIfDeleted = gaps.Check(nameof(ItemStatistics.SignalNoiseIfDeleted), details.SignalNoiseIfDeleted[i], Reason(3)),
            AlphaStandardErrorIfDeleted = gaps.Check(nameof(ItemStatistics.AlphaStandardErrorIfDeleted), details.AlphaStandardErrorIfDeleted[i], Reason(3)),
            VarianceRIfDeleted = gaps.Check(nameof(ItemStatistics.VarianceRIfDeleted), details.VarianceRIfDeleted[i], k < 4 ? UndefinedReason.TooFewItems : Reason(3)),
            MedianRIfDeleted = gaps.Check(nameof(ItemStatistics.MedianRIfDeleted), details.MedianRIfDeleted[i], Reason(3)),
            Undefined = gaps.List,
        };
    }

    /// <summary>
    /// A dropped item's own description (N, mean, SD, frequencies, where they exist); its statistics within the scale
    /// are NaN with <see cref="UndefinedReason.ItemDropped"/>.
    /// </summary>
    private static ItemStatistics DroppedItemStatistics(ScaleItem item, DroppedItemReason why, ResponseMatrix matrix, Imputation imputation)
    {
        var columns = KeyedColumnSource.FromDoubles(PairwiseCovariance.KeyedColumns(matrix, [item], imputation), matrix.RowCount);
        var (count, total, squares, counts) = columns.ItemMoments(0, item.Item.Format!);
        var gaps = new Gaps();
        var mean = gaps.Check(nameof(ItemStatistics.Mean), count == 0 ? double.NaN : total / count, UndefinedReason.TooFewPeople);
        var sd = gaps.Check(nameof(ItemStatistics.StandardDeviation), count < 2 ? double.NaN : Math.Sqrt(squares / (count - 1)), UndefinedReason.TooFewPeople);
        var rDrop = gaps.Check(nameof(ItemStatistics.RDrop), double.NaN, UndefinedReason.ItemDropped);
        var rawR = gaps.Check(nameof(ItemStatistics.RawR), double.NaN, UndefinedReason.ItemDropped);
        var alphaIfDeleted = gaps.Check(nameof(ItemStatistics.AlphaIfDeleted), double.NaN, UndefinedReason.ItemDropped);
        foreach (var statistic in new[] { nameof(ItemStatistics.StdR), nameof(ItemStatistics.RCor), nameof(ItemStatistics.AlphaStandardizedIfDeleted),
            nameof(ItemStatistics.G6IfDeleted), nameof(ItemStatistics.AverageRIfDeleted), nameof(ItemStatistics.SignalNoiseIfDeleted),
            nameof(ItemStatistics.AlphaStandardErrorIfDeleted), nameof(ItemStatistics.VarianceRIfDeleted), nameof(ItemStatistics.MedianRIfDeleted) })
        {
            gaps.Check(statistic, double.NaN, UndefinedReason.ItemDropped);
        }

        if (count == 0)
        {
            gaps.Check(nameof(ItemStatistics.Frequencies), double.NaN, UndefinedReason.TooFewPeople);
        }

        return new ItemStatistics(item.Item.Id, item.Reverse, count, columns.Rows - count, mean, sd, rDrop, rawR, alphaIfDeleted,
            [.. counts.Select(n => count == 0 ? double.NaN : n / (double)count)])
        {
            Dropped = why,
            Undefined = gaps.List,
        };
    }

    private static double[] Answered(double[] column)
    {
        var count = 0;
        foreach (var x in column)
        {
            count += double.IsNaN(x) ? 0 : 1;
        }

        var answered = new double[count];
        var at = 0;
        foreach (var x in column)
        {
            if (!double.IsNaN(x))
            {
                answered[at++] = x;
            }
        }

        return answered;
    }

    /// <summary>The statistics of one result that came out NaN or infinite, each with its reason; they are reported as NaN.</summary>
    private sealed class Gaps
    {
        private readonly List<UndefinedStatistic> _list = [];

        public IReadOnlyList<UndefinedStatistic> List => _list;

        public double Check(string statistic, double value, UndefinedReason reason)
        {
            if (double.IsFinite(value))
            {
                return value;
            }

            _list.Add(new UndefinedStatistic(statistic, reason));
            return double.NaN;
        }

        public UndefinedReason? ReasonOf(string statistic) => _list.Find(u => u.Statistic == statistic)?.Reason;
    }
}
