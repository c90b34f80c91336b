namespace Assessments.Interests;

/// <summary>
/// The seven differentiation indices of Bergmann (1993), as tabled in R's <c>holland::dif_7_holland</c> (docs/methods.md §4.5),
/// on the six scores sorted so that s1 ≥ … ≥ s6.
/// </summary>
/// <param name="DI1">s1 − s2 (Frantz &amp; Walsh 1972).</param>
/// <param name="DI2">s1 − s3 (Spokane &amp; Walsh 1978).</param>
/// <param name="DI3">s1 − (s2 + s4)/2 (Iachan 1984): "the Iachan index".</param>
/// <param name="DI4">s1 − (s3 + s5)/2.</param>
/// <param name="DI5">s1 − s6, highest minus lowest (Holland 1973).</param>
/// <param name="DI6">(s1 − s6) / Σs (Peiser &amp; Meir 1978); null when the scores sum to 0.</param>
/// <param name="DI7">Population standard deviation of the six scores, divisor 6 (Healy &amp; Mourton 1983).</param>
public sealed record Differentiation(double DI1, double DI2, double DI3, double DI4, double DI5, double? DI6, double DI7)
{
    /// <summary>Computes the seven indices from six scores in any order.</summary>
    public static Differentiation Compute(ReadOnlySpan<double> scores)
    {
        if (scores.Length != 6)
        {
            throw new ArgumentException($"Expected six scores; got {scores.Length}.", nameof(scores));
        }

        var s = scores.ToArray();
        Array.Sort(s);
        Array.Reverse(s);
        double sum = 0;
        foreach (var x in scores)
        {
            sum += x;
        }

        var mean = sum / 6;
        double squares = 0;
        foreach (var x in scores)
        {
            squares += (x - mean) * (x - mean);
        }

        return new Differentiation(
            s[0] - s[1],
            s[0] - s[2],
            s[0] - ((s[1] + s[3]) / 2),
            s[0] - ((s[2] + s[4]) / 2),
            s[0] - s[5],
            sum == 0 ? null : (s[0] - s[5]) / sum,
            Math.Sqrt(squares / 6));
    }
}
