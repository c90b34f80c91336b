namespace Assessments.Psychometrics;

/// <summary>
/// One respondent's indices of careless or insufficient-effort responding (Curran, 2016; R package <c>careless</c>),
/// computed by <see cref="QualityScreen"/>. A number the row cannot give is NaN (see each property for when); counts say
/// how much each index rests on. Higher longstring and Mahalanobis D², lower IRV, even-odd and synonyms, and a less
/// negative antonyms index point to careless answering: no index alone proves it (docs/quality.md).
/// </summary>
public readonly record struct QualityIndices
{
    /// <summary>How many of the screened items the person answered.</summary>
    public int Answered { get; init; }

    /// <summary>The longest run of identical consecutive answers, in item order (a missing answer ends a run); 0 with no answer (<c>careless::longstring</c>).</summary>
    public int Longstring { get; init; }

    /// <summary>The mean length of the runs of identical consecutive answers (missing answers are not runs); NaN with no answer (<c>longstring(avg = TRUE)</c>).</summary>
    public double LongstringAverage { get; init; }

    /// <summary>Intra-individual response variability: the standard deviation (n − 1) of the person's raw answers; NaN with fewer than two (<c>careless::irv</c>).</summary>
    public double Irv { get; init; }

    /// <summary>
    /// Even-odd consistency: the Spearman–Brown corrected (2r / (1 + r)) correlation, across scales, of the mean keyed
    /// answer of each scale's odd-position items with that of its even-position items; +1 is perfectly consistent.
    /// Below r = −1/3 the correction falls under −1 and −1 is reported. NaN with fewer usable scales than
    /// <see cref="QualityOptions.MinimumScales"/> or a constant half. <c>careless::evenodd</c> (1.2.0 and later)
    /// reports the negative of this value.
    /// </summary>
    public double EvenOdd { get; init; }

    /// <summary>The even-odd correlation r itself, before the Spearman–Brown correction.</summary>
    public double EvenOddCorrelation { get; init; }

    /// <summary>How many scales had an answered odd half and an answered even half (the points of the even-odd correlation).</summary>
    public int EvenOddScales { get; init; }

    /// <summary>
    /// Psychometric synonyms: the correlation, over the sample's synonym pairs that the person answered both items of, of the
    /// first items' answers with the second items'; NaN with fewer pairs than <see cref="QualityOptions.MinimumPairs"/>
    /// or constant answers (<c>careless::psychsyn</c>, without its random swapping of items).
    /// </summary>
    public double Synonyms { get; init; }

    /// <summary>The synonym pairs the person answered both items of.</summary>
    public int SynonymPairs { get; init; }

    /// <summary>Psychometric antonyms: as <see cref="Synonyms"/>, over the antonym pairs; attentive people give a negative value (<c>careless::psychant</c>).</summary>
    public double Antonyms { get; init; }

    /// <summary>The antonym pairs the person answered both items of.</summary>
    public int AntonymPairs { get; init; }

    /// <summary>Mahalanobis distance D² from the complete cases' mean, with their covariance; NaN for a row with a missing answer or when the sample gives no covariance to invert (<c>careless::mahad</c>).</summary>
    public double Mahalanobis { get; init; }

    /// <summary>The upper-tail χ² probability of <see cref="Mahalanobis"/> with as many degrees of freedom as screened items.</summary>
    public double MahalanobisP { get; init; }

    /// <summary>The value of <paramref name="index"/> (NaN when undefined).</summary>
    /// <param name="index">Which index.</param>
    public double this[QualityIndex index] => index switch
    {
        QualityIndex.Longstring => Answered == 0 ? double.NaN : Longstring,
        QualityIndex.LongstringAverage => LongstringAverage,
        QualityIndex.Irv => Irv,
        QualityIndex.EvenOdd => EvenOdd,
        QualityIndex.Synonyms => Synonyms,
        QualityIndex.Antonyms => Antonyms,
        QualityIndex.Mahalanobis => Mahalanobis,
        QualityIndex.MahalanobisP => MahalanobisP,
        _ => throw new ArgumentOutOfRangeException(nameof(index)),
    };
}

/// <summary>The indices of <see cref="QualityIndices"/> a <see cref="QualityFlag"/> can test.</summary>
public enum QualityIndex
{
    /// <summary><see cref="QualityIndices.Longstring"/> (<c>longstring</c>).</summary>
    Longstring,

    /// <summary><see cref="QualityIndices.LongstringAverage"/> (<c>longstring-avg</c>).</summary>
    LongstringAverage,

    /// <summary><see cref="QualityIndices.Irv"/> (<c>irv</c>).</summary>
    Irv,

    /// <summary><see cref="QualityIndices.EvenOdd"/> (<c>evenodd</c>).</summary>
    EvenOdd,

    /// <summary><see cref="QualityIndices.Synonyms"/> (<c>synonyms</c>).</summary>
    Synonyms,

    /// <summary><see cref="QualityIndices.Antonyms"/> (<c>antonyms</c>).</summary>
    Antonyms,

    /// <summary><see cref="QualityIndices.Mahalanobis"/> (<c>mahalanobis</c>).</summary>
    Mahalanobis,

    /// <summary><see cref="QualityIndices.MahalanobisP"/> (<c>mahalanobis-p</c>).</summary>
    MahalanobisP,
}

/// <summary>
/// A threshold the user sets on one index, written <c>index op value</c>: <c>longstring&gt;=10</c>, <c>irv&lt;0.5</c>,
/// <c>mahalanobis-p&lt;0.001</c>. No threshold is built in: what counts as careless depends on the instrument and the sample.
/// </summary>
/// <param name="Index">The index tested.</param>
/// <param name="Operator">One of <c>&lt;</c>, <c>&lt;=</c>, <c>&gt;</c>, <c>&gt;=</c>.</param>
/// <param name="Threshold">The value compared with.</param>
public sealed record QualityFlag(QualityIndex Index, string Operator, double Threshold)
{
    /// <summary>The names of the indices as flags and output columns write them, in <see cref="QualityIndex"/> order.</summary>
    public static IReadOnlyList<string> IndexNames { get; } = ["longstring", "longstring-avg", "irv", "evenodd", "synonyms", "antonyms", "mahalanobis", "mahalanobis-p"];

    /// <summary>The flag as written: <c>longstring&gt;=10</c>.</summary>
    public string Name => $"{IndexNames[(int)Index]}{Operator}{Threshold.ToString("R", System.Globalization.CultureInfo.InvariantCulture)}";

    /// <summary>Whether <paramref name="indices"/> crosses the threshold; null when the index is undefined for the row.</summary>
    /// <param name="indices">One respondent's indices.</param>
    public bool? IsRaised(in QualityIndices indices)
    {
        var value = indices[Index];
        if (double.IsNaN(value))
        {
            return null;
        }

        return Operator switch
        {
            "<" => value < Threshold,
            "<=" => value <= Threshold,
            ">" => value > Threshold,
            _ => value >= Threshold,
        };
    }

    /// <summary>Reads one flag, <c>index op value</c> (the value with a decimal point, invariant culture).</summary>
    /// <param name="text">The flag as written.</param>
    /// <exception cref="FormatException">Not of that form; the message says what was expected.</exception>
    public static QualityFlag Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var at = text.IndexOfAny(['<', '>']);
        if (at <= 0)
        {
            throw new FormatException($"'{text}': a flag is an index, an operator (<, <=, >, >=) and a number, e.g. longstring>=10; the indices are {string.Join(", ", IndexNames)}.");
        }

        var name = text[..at].Trim();
        var op = text.Length > at + 1 && text[at + 1] == '=' ? text.Substring(at, 2) : text.Substring(at, 1);
        var number = text[(at + op.Length)..].Trim();
        var index = IndexNames.ToList().IndexOf(name.ToLowerInvariant());
        if (index < 0)
        {
            throw new FormatException($"'{text}': '{name}' is not an index; the indices are {string.Join(", ", IndexNames)}.");
        }

        if (!double.TryParse(number, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var threshold) || !double.IsFinite(threshold))
        {
            throw new FormatException($"'{text}': '{number}' is not a number (write it with a decimal point, e.g. 0.5).");
        }

        return new QualityFlag((QualityIndex)index, op, threshold);
    }
}
