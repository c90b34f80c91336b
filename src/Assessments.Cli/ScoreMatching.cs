using System.Text;
using Assessments.Interests;
using Assessments.Matching;

namespace Assessments.Cli;

/// <summary>
/// <c>assess score --match</c>: each scored row's six RIASEC scale values, read as an interest profile, ranked against a
/// catalog in the same run; the top occupations' codes are appended to the row. The lean ranking
/// (<see cref="OccupationMatcher.Rank"/>) gives exactly what <c>assess match</c> would rank for the same scores.
/// </summary>
internal sealed class ScoreMatching
{
    private ScoreMatching(OccupationMatcher matcher, int[] scales, double min, double max, char separator)
    {
        Matcher = matcher;
        ScaleIndexes = scales;
        Min = min;
        Max = max;
        Codes = [.. matcher.Candidates.Select(o => Encoding.UTF8.GetBytes(CsvText.Escape(o.Code, separator)))];
    }

    public OccupationMatcher Matcher { get; }

    /// <summary>The instrument's scale index of each area, in RIASEC order.</summary>
    public int[] ScaleIndexes { get; }

    public double Min { get; }

    public double Max { get; }

    public int Top => Matcher.Options.Top;

    /// <summary>Each candidate's code in UTF-8, CSV-escaped for the output's separator.</summary>
    public byte[][] Codes { get; }

    public IEnumerable<string> ColumnNames => Enumerable.Range(1, Top).Select(k => "match" + k.ToString(System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>
    /// The areas' scales: an <c>interests</c> instrument's own mapping, otherwise scales whose ids are R, I, A, S, E and C.
    /// All six must report on the same range (the profile's scale).
    /// </summary>
    public static ScoreMatching Create(Instrument instrument, OccupationMatcher matcher, char separator)
    {
        int[] scales;
        if (instrument.KindSettings is InterestsSettings interests)
        {
            scales = interests.ScaleIndexes;
        }
        else
        {
            scales = [.. Holland.Letters.Select(letter => instrument.Scales.FirstOrDefault(s => string.Equals(s.Id, letter.ToString(), StringComparison.OrdinalIgnoreCase))?.Index ?? -1)];
            if (scales.Contains(-1))
            {
                throw new UsageException($"--match reads a RIASEC profile: {instrument.Reference} is not an interests instrument and has no scales R, I, A, S, E and C.");
            }
        }

        var ranges = scales.Select(s => Range(instrument.Scales[s])).Distinct().ToList();
        if (ranges.Count != 1)
        {
            throw new UsageException($"--match needs the six RIASEC scales of {instrument.Reference} on one range; they report on {string.Join(", ", ranges.Select(r => $"{r.Min}–{r.Max}"))}.");
        }

        return new ScoreMatching(matcher, scales, ranges[0].Min, ranges[0].Max, separator);
    }

    /// <summary>
    /// The range a scale's reported value can take: from the lowest to the highest answer of its items for a mean; that
    /// times the number of items for a (prorated) sum.
    /// </summary>
    private static (double Min, double Max) Range(Definitions.Scale scale)
    {
        double min = scale.Items.Min(i => i.Item.Format!.Min);
        double max = scale.Items.Max(i => i.Item.Format!.Max);
        return scale.Aggregate == Definitions.ScaleAggregate.Mean ? (min, max) : (min * scale.Items.Count, max * scale.Items.Count);
    }

    /// <summary>Ranks one row's values (by scale index); false when an area is missing (no profile, empty match columns).</summary>
    public bool TryRank(Func<int, double> valueOfScale, Span<int> candidates, Span<double> scores)
    {
        Span<double> profile = stackalloc double[6];
        for (var k = 0; k < 6; k++)
        {
            profile[k] = valueOfScale(ScaleIndexes[k]);
            if (double.IsNaN(profile[k]))
            {
                return false;
            }
        }

        var count = Matcher.Rank(profile, Min, Max, candidates, scores);
        candidates[count..Top].Fill(-1);
        return true;
    }
}
