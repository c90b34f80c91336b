using Assessments.Definitions;
using Assessments.Responses;

namespace Assessments.Scoring;

/// <summary>
/// Preallocated result columns for a batch: per scale, the reported value (NaN where missing or the row was rejected),
/// the answered count and the raw sum; per row, whether it was rejected and why. Reusable across chunks of a stream:
/// <see cref="Instrument.ScoreBatch(ResponseMatrix, ScaleScoreBatch, ScoringOptions)"/> overwrites it.
/// Every number equals the per-person path's, bit for bit.
/// </summary>
public sealed class ScaleScoreBatch
{
    internal ScaleScoreBatch(Instrument instrument, int capacity)
    {
        Instrument = instrument;
        Capacity = capacity;
        var scales = instrument.Scales.Count;
        Values = new double[scales][];
        RawSums = new double[scales][];
        AnsweredWeights = new double[scales][];
        AnsweredCounts = new int[scales][];
        for (var s = 0; s < scales; s++)
        {
            Values[s] = new double[capacity];
            RawSums[s] = new double[capacity];
            AnsweredWeights[s] = new double[capacity];
            AnsweredCounts[s] = new int[capacity];
        }

        RejectedRows = new bool[capacity];
        Centres = instrument.RatedItems is null ? [] : new double[capacity];
    }

    /// <summary>Allocates result columns for up to <paramref name="capacity"/> rows of <paramref name="instrument"/>.</summary>
    public static ScaleScoreBatch Create(Instrument instrument, int capacity)
    {
        ArgumentNullException.ThrowIfNull(instrument);
        ArgumentOutOfRangeException.ThrowIfNegative(capacity);
        return new ScaleScoreBatch(instrument, capacity);
    }

    /// <summary>The instrument that produced these scores.</summary>
    public Instrument Instrument { get; }

    /// <summary>The number of rows the batch can hold.</summary>
    public int Capacity { get; }

    /// <summary>The number of rows scored (or rejected) in the last run.</summary>
    public int RowCount { get; internal set; }

    /// <summary>Rows rejected in the last run, with every bad cell, ordered by row then item.</summary>
    public IReadOnlyList<RowRejection> Rejections { get; internal set; } = [];

    /// <summary>How many rows were rejected.</summary>
    public int RejectedCount { get; internal set; }

    /// <summary>How many rows were scored (<see cref="RowCount"/> − <see cref="RejectedCount"/>).</summary>
    public int ScoredCount => RowCount - RejectedCount;

    internal double[][] Values { get; }

    internal double[][] RawSums { get; }

    internal double[][] AnsweredWeights { get; }

    internal int[][] AnsweredCounts { get; }

    internal bool[] RejectedRows { get; }

    /// <summary>Each row's MRAT, when a scale is centred on it (empty otherwise).</summary>
    internal double[] Centres { get; }

    /// <summary>The reported scores of one scale (by <see cref="Scale.Index"/>) for every row; NaN where missing or rejected.</summary>
    public ReadOnlySpan<double> GetValues(int scaleIndex) => Values[scaleIndex].AsSpan(0, RowCount);

    /// <summary>The answered-item counts of one scale for every row (0 for a rejected row).</summary>
    public ReadOnlySpan<int> GetAnswered(int scaleIndex) => AnsweredCounts[scaleIndex].AsSpan(0, RowCount);

    /// <summary>Whether a row was rejected (see <see cref="Rejections"/>).</summary>
    public bool IsRejected(int row)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)row, (uint)RowCount, nameof(row));
        return RejectedRows[row];
    }

    /// <summary>The full score of one scale for one scored row, exactly as <see cref="Instrument.Score(Response)"/> would give it.</summary>
    /// <exception cref="InvalidOperationException">The row was rejected.</exception>
    public ScaleScore GetScore(int row, int scaleIndex)
    {
        if (IsRejected(row))
        {
            throw new InvalidOperationException($"Row {row} was rejected; see Rejections.");
        }

        return Instrument.CompiledScales[scaleIndex].Finish(RawSums[scaleIndex][row], AnsweredCounts[scaleIndex][row], AnsweredWeights[scaleIndex][row],
            Centres.Length > 0 ? Centres[row] : double.NaN);
    }

    /// <summary>Every scale's score for one scored row, in definition order.</summary>
    public IReadOnlyList<ScaleScore> GetScores(int row)
    {
        var scores = new ScaleScore[Instrument.Scales.Count];
        for (var s = 0; s < scores.Length; s++)
        {
            scores[s] = GetScore(row, s);
        }

        return scores;
    }
}
