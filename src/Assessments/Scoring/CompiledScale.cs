using Assessments.Definitions;
using Assessments.Responses;

namespace Assessments.Scoring;

/// <summary>
/// A scale flattened for scoring: dense item indexes and keys. The per-person and batch paths both use
/// <see cref="Finish"/> and the same accumulation order (items in definition order; integer sums when every weight is 1),
/// which is what makes them agree bit for bit.
/// </summary>
internal sealed class CompiledScale
{
    public CompiledScale(Scale scale)
    {
        Scale = scale;
        var count = scale.Items.Count;
        ItemIndexes = new int[count];
        ReverseBase = new int[count];
        _signs = new int[count];
        Weights = new double[count];
        for (var i = 0; i < count; i++)
        {
            var si = scale.Items[i];
            ItemIndexes[i] = si.Item.Index;
            ReverseBase[i] = si.Reverse ? si.Item.Format!.Min + si.Item.Format.Max : 0;
            _signs[i] = si.Reverse ? -1 : 1;
            Weights[i] = si.Weight;
        }
    }

    public Scale Scale { get; }

    public int[] ItemIndexes { get; }

    /// <summary><c>min + max</c> for a reverse-keyed item (so x′ = base − x), 0 for a forward item.</summary>
    public int[] ReverseBase { get; }

    private readonly int[] _signs; // −1 for a reverse-keyed item, 1 for a forward one: x′ = base + sign · x

    public double[] Weights { get; }

    public int Count => ItemIndexes.Length;

    public int Recode(int position, int answer) => ReverseBase[position] == 0 ? answer : ReverseBase[position] - answer;

    /// <summary>
    /// One person's score from dense answers (by item index, <see cref="ResponseMatrix.Missing"/> for missing): the same
    /// additions in the same order as <see cref="BatchScorer"/> makes for one row.
    /// </summary>
    public ScaleScore Score(scoped ReadOnlySpan<int> answers, double centre = double.NaN)
    {
        if (Scale.UnitWeights)
        {
            // Without branches: a missing answer adds nothing (present = 0). The answered weight of unit weights is the
            // count itself (a sum of ones), so the arithmetic and its bits are those of the general loop below.
            long unitSum = 0;
            var present = 0;
            var indexes = ItemIndexes;
            var bases = ReverseBase;
            var signs = _signs;
            unchecked
            {
                for (var p = 0; p < indexes.Length; p++)
                {
                    var x = answers[indexes[p]];
                    var given = x != ResponseMatrix.Missing ? 1 : 0;
                    unitSum += given * (bases[p] + (signs[p] * x));
                    present += given;
                }
            }

            return Finish(unitSum, present, present, centre);
        }

        long intSum = 0;
        double weightedSum = 0, answeredWeight = 0;
        var answered = 0;
        for (var p = 0; p < Count; p++)
        {
            var x = answers[ItemIndexes[p]];
            if (x == ResponseMatrix.Missing)
            {
                continue;
            }

            x = Recode(p, x);
            if (Scale.UnitWeights)
            {
                intSum += x;
            }
            else
            {
                weightedSum += Weights[p] * x;
            }

            answered++;
            answeredWeight += Weights[p];
        }

        return Finish(Scale.UnitWeights ? intSum : weightedSum, answered, answeredWeight, centre);
    }

    /// <summary>Whether the reported value is the mean minus the person's mean rating (<see cref="ScaleCentring.Mrat"/>).</summary>
    public bool Centred => Scale.Centring == ScaleCentring.Mrat;

    /// <summary>
    /// The person's mean rating (MRAT) over the instrument's rated items <paramref name="rated"/> (item indexes), from the
    /// exact integer sum of the raw answers given: the same double on every path. NaN when none was answered.
    /// </summary>
    public static double Mrat(scoped ReadOnlySpan<int> answers, int[] rated)
    {
        long sum = 0;
        var count = 0;
        foreach (var item in rated)
        {
            var x = answers[item];
            if (x != ResponseMatrix.Missing)
            {
                sum += x;
                count++;
            }
        }

        return count == 0 ? double.NaN : (double)sum / count;
    }

    /// <param name="rawSum">The (weighted) sum of the answered recoded items.</param>
    /// <param name="answered">How many were answered.</param>
    /// <param name="answeredWeight">Their total weight.</param>
    /// <param name="centre">The person's MRAT, subtracted from the mean of a centred scale (ignored otherwise).</param>
    public ScaleScore Finish(double rawSum, int answered, double answeredWeight, double centre = double.NaN)
    {
        var scale = Scale;
        var reason = MissingReason(answered, answeredWeight);
        if (reason is not null)
        {
            return new ScaleScore
            {
                ScaleId = scale.Id, RawSum = rawSum, Answered = answered, ItemCount = Count, MinAnswered = scale.MinAnswered,
                MissingReason = reason,
            };
        }

        var mean = rawSum / answeredWeight;
        var sum = ProratedSum(rawSum, answered, answeredWeight);
        var value = Centred ? mean - centre : scale.Aggregate == ScaleAggregate.Mean ? mean : sum;
        return new ScaleScore
        {
            ScaleId = scale.Id, Value = value, Mean = mean, Sum = sum, RawSum = rawSum, Answered = answered, ItemCount = Count,
            MinAnswered = scale.MinAnswered, Norms = scale.Norm is { } norm ? NormScorer.Compute(norm, value) : null,
            Centre = Centred ? centre : null,
        };
    }

    /// <summary>The reported value, or NaN when missing: the same arithmetic as <see cref="Finish"/>.</summary>
    public double Value(double rawSum, int answered, double answeredWeight, double centre = double.NaN)
    {
        if (MissingReason(answered, answeredWeight) is not null)
        {
            return double.NaN;
        }

        return Centred ? (rawSum / answeredWeight) - centre
            : Scale.Aggregate == ScaleAggregate.Mean ? rawSum / answeredWeight : ProratedSum(rawSum, answered, answeredWeight);
    }

    private double ProratedSum(double rawSum, int answered, double answeredWeight) =>
        answered == Count ? rawSum : rawSum * Scale.TotalWeight / answeredWeight;

    private string? MissingReason(int answered, double answeredWeight)
    {
        if (answered == Count && answered > 0)
        {
            return null; // every item answered: minAnswered (at most 1) is met
        }

        if (answered == 0)
        {
            return "No item of the scale was answered.";
        }

        // Compared with a 1e-12 allowance so that 2 of 3 answered meets a minAnswered written as 0.6666666666666666.
        var fraction = Scale.UnitWeights ? (double)answered / Count : answeredWeight / Scale.TotalWeight;
        if (fraction < Scale.MinAnswered - 1e-12)
        {
            return string.Create(System.Globalization.CultureInfo.InvariantCulture,
                $"Only {answered} of {Count} items were answered; the scale needs at least {Scale.MinAnswered * 100:0.##} % of them (minAnswered {Scale.MinAnswered}).");
        }

        return null;
    }
}
