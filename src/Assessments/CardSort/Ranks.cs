namespace Assessments.CardSort;

/// <summary>Ranks with ties (docs/methods.md §6.1): rank 1 is the most important; tied values share the mean of their positions.</summary>
public static class Ranks
{
    /// <summary>
    /// Mid-ranks of <paramref name="values"/>. With <paramref name="higherIsMoreImportant"/> (e.g. pile 3 = very important)
    /// the largest value gets rank 1; otherwise the smallest (e.g. values that are already ranks).
    /// </summary>
    public static double[] MidRanks(ReadOnlySpan<double> values, bool higherIsMoreImportant = true)
    {
        var ranks = new double[values.Length];
        for (var i = 0; i < values.Length; i++)
        {
            if (double.IsNaN(values[i]))
            {
                throw new ArgumentException($"Value {i} is not a number.", nameof(values));
            }

            int before = 0, equal = 0;
            foreach (var v in values)
            {
                before += (higherIsMoreImportant ? v > values[i] : v < values[i]) ? 1 : 0;
                equal += v == values[i] ? 1 : 0;
            }

            ranks[i] = before + ((equal + 1) / 2.0);
        }

        return ranks;
    }
}
