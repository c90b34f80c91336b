using Assessments.Interests;

namespace Assessments.Matching;

/// <summary>
/// Six RIASEC scores on a known scale (e.g. 1–5 for an inventory's item means, 1–7 for O*NET's OI). Profiles from
/// different instruments are compared on their <see cref="Rescaled"/> form, <c>(x − min) / (max − min)</c> in [0, 1]
/// (PROJECT CHOICE, docs/methods.md §5.6).
/// </summary>
public sealed class InterestProfile
{
    private readonly double[] _scores;
    private readonly double[] _rescaled;

    /// <summary>Creates a profile from six scores in RIASEC order on the scale <paramref name="min"/>–<paramref name="max"/>.</summary>
    /// <exception cref="ArgumentException">
    /// Not six finite scores, or a score outside the scale; the message names the area (R, I, A, S, E or C), never the score.
    /// </exception>
    public InterestProfile(IReadOnlyList<double> riasec, double min, double max)
    {
        ArgumentNullException.ThrowIfNull(riasec);
        if (riasec.Count != 6)
        {
            throw new ArgumentException($"An interest profile has six scores (R, I, A, S, E, C); got {riasec.Count}.", nameof(riasec));
        }

        if (!(max > min) || !double.IsFinite(min) || !double.IsFinite(max))
        {
            throw new ArgumentException(string.Create(System.Globalization.CultureInfo.InvariantCulture,
                $"The scale must run from a lower to a higher finite bound; got {min}–{max}."), nameof(max));
        }

        _scores = [.. riasec];
        _rescaled = new double[6];
        for (var k = 0; k < 6; k++)
        {
            var x = _scores[k];
            if (!double.IsFinite(x))
            {
                throw new ArgumentException($"The {Holland.Letters[k]} score is not a finite number (NaN or infinite); give six scores on the scale.", nameof(riasec));
            }

            if (x < min || x > max)
            {
                // The score itself stays out of the message: it is a person's result, and messages end up in logs.
                throw new ArgumentException(
                    string.Create(System.Globalization.CultureInfo.InvariantCulture, $"The {Holland.Letters[k]} score is outside the scale {min}–{max}."), nameof(riasec));
            }

            _rescaled[k] = (x - min) / (max - min);
        }

        Min = min;
        Max = max;
        Code = Holland.Code(_scores);
        AdmissibleCodes = Holland.AdmissibleCodes(_scores);
    }

    /// <summary>The six scores in RIASEC order, as given.</summary>
    public IReadOnlyList<double> Scores => _scores;

    /// <summary>The six scores rescaled to [0, 1] by the scale's bounds.</summary>
    public IReadOnlyList<double> Rescaled => _rescaled;

    /// <summary>The lower bound of the scale.</summary>
    public double Min { get; }

    /// <summary>The upper bound of the scale.</summary>
    public double Max { get; }

    /// <summary>The three-letter Holland code (ties broken R, I, A, S, E, C).</summary>
    public string Code { get; }

    /// <summary>Every three-letter code the ties allow (canonical first).</summary>
    public IReadOnlyList<string> AdmissibleCodes { get; }

    internal ReadOnlySpan<double> RescaledSpan => _rescaled;

    internal ReadOnlySpan<double> ScoresSpan => _scores;
}
