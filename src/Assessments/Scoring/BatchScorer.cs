using Assessments.Definitions;
using Assessments.Responses;

namespace Assessments.Scoring;

/// <summary>
/// Scores a <see cref="ResponseMatrix"/> block by block: a block of rows is validated, then each scale accumulates its
/// items in definition order over the block. Blocks run in parallel; each row's arithmetic is the per-person arithmetic,
/// so the thread count never changes a bit of the output.
/// </summary>
internal static class BatchScorer
{
    private const int BlockSize = 2048;

    public static void Score(Instrument instrument, ResponseMatrix matrix, ScaleScoreBatch output, ScoringOptions options)
    {
        if (matrix.ItemCount != instrument.Items.Count)
        {
            throw new ArgumentException($"The matrix has {matrix.ItemCount} item columns; the instrument '{instrument.Reference}' has {instrument.Items.Count} items.", nameof(matrix));
        }

        if (matrix.RowCount > output.Capacity)
        {
            throw new ArgumentException($"The output holds {output.Capacity} rows; the matrix has {matrix.RowCount}.", nameof(output));
        }

        var rows = matrix.RowCount;
        var blocks = (rows + BlockSize - 1) / BlockSize;
        var blockRejections = new List<RowRejection>?[blocks];
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = options.MaxDegreeOfParallelism > 0 ? options.MaxDegreeOfParallelism : -1 };
        Parallel.For(0, blocks, parallel, b =>
        {
            var start = b * BlockSize;
            var end = Math.Min(rows, start + BlockSize);
            blockRejections[b] = ScoreBlock(instrument, matrix, output, start, end);
        });

        var rejections = new List<RowRejection>();
        foreach (var list in blockRejections)
        {
            if (list is not null)
            {
                rejections.AddRange(list);
            }
        }

        var rejected = 0;
        for (var r = 0; r < rows; r++)
        {
            rejected += output.RejectedRows[r] ? 1 : 0;
        }

        output.RowCount = rows;
        output.Rejections = rejections;
        output.RejectedCount = rejected;
    }

    private static List<RowRejection>? ScoreBlock(Instrument instrument, ResponseMatrix matrix, ScaleScoreBatch output, int start, int end)
    {
        var rejections = Validate(instrument, matrix, output.RejectedRows, start, end);
        var length = end - start;
        if (instrument.RatedItems is { } rated)
        {
            // MRAT: each row's exact integer sum and count of its raw rated answers, as the per-person path takes them.
            var centres = output.Centres.AsSpan(start, length);
            Span<long> totals = length <= 2048 ? stackalloc long[length] : new long[length];
            Span<int> given = length <= 2048 ? stackalloc int[length] : new int[length];
            totals.Clear();
            given.Clear();
            foreach (var item in rated)
            {
                var column = matrix.Column(item).Slice(start, length);
                for (var r = 0; r < length; r++)
                {
                    int x = column[r];
                    if (x != ResponseMatrix.Missing)
                    {
                        totals[r] += x;
                        given[r]++;
                    }
                }
            }

            for (var r = 0; r < length; r++)
            {
                centres[r] = given[r] == 0 ? double.NaN : (double)totals[r] / given[r];
            }
        }

        Span<long> intSums = length <= 4096 ? stackalloc long[length] : new long[length];
        foreach (var scale in instrument.CompiledScales)
        {
            var s = scale.Scale.Index;
            var rawSums = output.RawSums[s].AsSpan(start, length);
            var weights = output.AnsweredWeights[s].AsSpan(start, length);
            var counts = output.AnsweredCounts[s].AsSpan(start, length);
            intSums.Clear();
            rawSums.Clear();
            weights.Clear();
            counts.Clear();
            var unit = scale.Scale.UnitWeights;
            for (var p = 0; p < scale.Count; p++)
            {
                var column = matrix.Column(scale.ItemIndexes[p]).Slice(start, length);
                var reverseBase = scale.ReverseBase[p];
                var weight = scale.Weights[p];
                for (var r = 0; r < length; r++)
                {
                    int x = column[r];
                    if (x == ResponseMatrix.Missing)
                    {
                        continue;
                    }

                    x = reverseBase == 0 ? x : reverseBase - x;
                    if (unit)
                    {
                        intSums[r] += x;
                    }
                    else
                    {
                        rawSums[r] += weight * x;
                    }

                    counts[r]++;
                    weights[r] += weight;
                }
            }

            var values = output.Values[s].AsSpan(start, length);
            for (var r = 0; r < length; r++)
            {
                if (output.RejectedRows[start + r])
                {
                    rawSums[r] = 0;
                    weights[r] = 0;
                    counts[r] = 0;
                    values[r] = double.NaN;
                    continue;
                }

                if (unit)
                {
                    rawSums[r] = intSums[r];
                }

                values[r] = scale.Centred ? scale.Value(rawSums[r], counts[r], weights[r], output.Centres[start + r]) : scale.Value(rawSums[r], counts[r], weights[r]);
            }
        }

        return rejections;
    }

    private static List<RowRejection>? Validate(Instrument instrument, ResponseMatrix matrix, bool[] rejectedRows, int start, int end)
    {
        rejectedRows.AsSpan(start, end - start).Clear();
        List<(int Row, int Item, RowRejection Rejection)>? found = null;
        foreach (var item in instrument.Items)
        {
            var column = matrix.Column(item.Index);
            int min = item.Format?.Min ?? 1, max = item.Format?.Max ?? 0;
            for (var r = start; r < end; r++)
            {
                int x = column[r];
                if (x == ResponseMatrix.Missing || (x >= min && x <= max))
                {
                    continue;
                }

                rejectedRows[r] = true;
                (found ??= []).Add((r, item.Index, new RowRejection(r, item.Id, Instrument.DescribeBadAnswer(item, x))));
            }
        }

        return found?.OrderBy(f => f.Row).ThenBy(f => f.Item).Select(f => f.Rejection).ToList();
    }
}
