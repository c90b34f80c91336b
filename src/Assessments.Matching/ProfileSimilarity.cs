namespace Assessments.Matching;

/// <summary>
/// Similarity of two six-score profiles (docs/methods.md §5.6). Profiles must be commensurate: the matcher passes
/// <see cref="InterestProfile.Rescaled"/> values. Pearson is insensitive to level and scatter (shape only); cosine and
/// Euclidean are not.
/// </summary>
public static class ProfileSimilarity
{
    /// <summary>
    /// Pearson's r, computed as the dot product of the two mean-centred, unit-length profiles (the form the batch matcher
    /// uses, so both give the same bits). NaN when either profile is flat (no variation: r is undefined).
    /// </summary>
    public static double Pearson(ReadOnlySpan<double> x, ReadOnlySpan<double> y)
    {
        CheckLengths(x, y);
        Span<double> a = stackalloc double[x.Length];
        Span<double> b = stackalloc double[y.Length];
        return Normalize(x, a) && Normalize(y, b) ? Dot(a, b) : double.NaN;
    }

    /// <summary>Spearman's ρ: Pearson on mid-ranks (ties get the mean of their ranks). NaN when a profile is flat.</summary>
    public static double Spearman(ReadOnlySpan<double> x, ReadOnlySpan<double> y) => Pearson(MidRanks(x), MidRanks(y));

    /// <summary>Cosine of the angle between the profiles, <c>x·y / (‖x‖‖y‖)</c>; NaN when one is all zeros.</summary>
    public static double Cosine(ReadOnlySpan<double> x, ReadOnlySpan<double> y)
    {
        CheckLengths(x, y);
        double xy = 0, xx = 0, yy = 0;
        for (var k = 0; k < x.Length; k++)
        {
            xy += x[k] * y[k];
            xx += x[k] * x[k];
            yy += y[k] * y[k];
        }

        return xx == 0 || yy == 0 ? double.NaN : xy / Math.Sqrt(xx * yy);
    }

    /// <summary>Euclidean distance <c>√Σ(x − y)²</c>.</summary>
    public static double Euclidean(ReadOnlySpan<double> x, ReadOnlySpan<double> y)
    {
        CheckLengths(x, y);
        double sum = 0;
        for (var k = 0; k < x.Length; k++)
        {
            sum += (x[k] - y[k]) * (x[k] - y[k]);
        }

        return Math.Sqrt(sum);
    }

    /// <summary>Mean-centres <paramref name="x"/> and scales it to unit length into <paramref name="into"/>; false when it is flat.</summary>
    internal static bool Normalize(ReadOnlySpan<double> x, Span<double> into)
    {
        double sum = 0;
        foreach (var v in x)
        {
            sum += v;
        }

        var mean = sum / x.Length;
        double squares = 0;
        for (var k = 0; k < x.Length; k++)
        {
            into[k] = x[k] - mean;
            squares += into[k] * into[k];
        }

        if (squares == 0)
        {
            return false;
        }

        var norm = Math.Sqrt(squares);
        for (var k = 0; k < x.Length; k++)
        {
            into[k] /= norm;
        }

        return true;
    }

    internal static double Dot(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        // Starts from the first product (not from 0) and adds in area order: the matcher's SIMD lanes do the same.
        var dot = a.Length == 0 ? 0 : a[0] * b[0];
        for (var k = 1; k < a.Length; k++)
        {
            dot += a[k] * b[k];
        }

        return dot;
    }

    private static double[] MidRanks(ReadOnlySpan<double> x)
    {
        var ranks = new double[x.Length];
        for (var i = 0; i < x.Length; i++)
        {
            int below = 0, equal = 0;
            foreach (var v in x)
            {
                below += v < x[i] ? 1 : 0;
                equal += v == x[i] ? 1 : 0;
            }

            ranks[i] = below + ((equal + 1) / 2.0);
        }

        return ranks;
    }

    private static void CheckLengths(ReadOnlySpan<double> x, ReadOnlySpan<double> y)
    {
        if (x.Length != y.Length)
        {
            throw new ArgumentException($"The profiles differ in length ({x.Length} and {y.Length}).");
        }
    }
}
