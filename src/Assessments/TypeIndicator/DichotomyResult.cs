namespace Assessments.TypeIndicator;

/// <summary>One dichotomy of one person's result.</summary>
public sealed record DichotomyResult
{
    /// <summary>The dichotomy's scale id (e.g. <c>EI</c>).</summary>
    public required string ScaleId { get; init; }

    /// <summary>The keyed sum (with imputed neutral answers under <see cref="MissingAnswerRule.Neutral"/>); null when undetermined for missing answers.</summary>
    public double? Score { get; init; }

    /// <summary>The pole letter, or <c>X</c> when undetermined (a tie under <see cref="TieRule.Undetermined"/>, or missing answers).</summary>
    public required char Letter { get; init; }

    /// <summary>
    /// Signed clarity in [−1, 1]: <c>(score − midpoint)</c> over the distance from the midpoint to the end of the range on
    /// the same side ((score − 24)/16 for OEJTS). Positive toward the high pole. PROJECT CHOICE; not the MBTI® PCI.
    /// </summary>
    public double? Clarity { get; init; }

    /// <summary>The band of |clarity|.</summary>
    public ClarityBand? Band { get; init; }

    /// <summary>Whether the score is exactly the midpoint (the letter then comes from the tie rule).</summary>
    public bool AtMidpoint { get; init; }

    /// <summary>How many missing answers were replaced by the neutral point.</summary>
    public int Imputed { get; init; }

    /// <summary>Why the dichotomy is undetermined for missing answers; null otherwise.</summary>
    public string? MissingReason { get; init; }
}
