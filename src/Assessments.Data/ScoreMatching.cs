using System.Text;
using Assessments.Interests;
using Assessments.Matching;

namespace Assessments.Data;

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
        if (separator < 128 && Codes.All(c => c.Length < SlotWidth))
        {
            // Slot 0: no match (the separator alone); slot i + 1: the separator and candidate i's code.
            CodeSlots = new byte[(Codes.Length + 1) * SlotWidth];
            CodeSlotLengths = new byte[Codes.Length + 1];
            CodeSlots[0] = (byte)separator;
            CodeSlotLengths[0] = 1;
            for (var i = 0; i < Codes.Length; i++)
            {
                CodeSlots[(i + 1) * SlotWidth] = (byte)separator;
                Codes[i].CopyTo(CodeSlots, ((i + 1) * SlotWidth) + 1);
                CodeSlotLengths[i + 1] = (byte)(Codes[i].Length + 1);
            }
        }
    }

    /// <summary>The width of a slot of <see cref="CodeSlots"/>: a separator and a code of up to 15 bytes.</summary>
    public const int SlotWidth = 16;

    /// <summary>
    /// For the fast formatter, when every code fits: fixed-width slots (separator then code) copied 16 bytes at a time, slot
    /// 0 for "no match" and slot i + 1 for candidate i; null otherwise.
    /// </summary>
    public byte[]? CodeSlots { get; }

    /// <summary>The bytes of each slot of <see cref="CodeSlots"/> that belong to the output.</summary>
    public byte[]? CodeSlotLengths { get; }

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
            scales = [.. interests.ScaleIndexes];
        }
        else
        {
            scales = [.. Holland.Letters.Select(letter => instrument.Scales.FirstOrDefault(s => string.Equals(s.Id, letter.ToString(), StringComparison.OrdinalIgnoreCase))?.Index ?? -1)];
            if (scales.Contains(-1))
            {
                throw new UnsupportedOptionException($"--match reads a RIASEC profile: {instrument.Reference} is not an interests instrument and has no scales R, I, A, S, E and C.");
            }
        }

        var ranges = scales.Select(s => Range(instrument.Scales[s])).Distinct().ToList();
        if (ranges.Count != 1)
        {
            throw new UnsupportedOptionException($"--match needs the six RIASEC scales of {instrument.Reference} on one range; they report on {string.Join(", ", ranges.Select(r => $"{r.Min}–{r.Max}"))}.");
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
