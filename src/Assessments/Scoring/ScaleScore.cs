namespace Assessments.Scoring;

/// <summary>
/// One scale's score for one person, with everything needed to explain it: how many items were answered, the raw sum,
/// the rule that made it missing, and its norm scores.
/// </summary>
public sealed record ScaleScore
{
    /// <summary>The scale's id.</summary>
    public required string ScaleId { get; init; }

    /// <summary>The score as the scale aggregates it (mean or prorated sum; for a centred scale, the mean minus <see cref="Centre"/>); null when the score is missing.</summary>
    public double? Value { get; init; }

    /// <summary>The (weighted) mean of the answered recoded items; null when missing.</summary>
    public double? Mean { get; init; }

    /// <summary>The (weighted) sum prorated to every item, <c>raw sum × total weight / answered weight</c>; equal to <see cref="RawSum"/> when all items are answered; null when missing.</summary>
    public double? Sum { get; init; }

    /// <summary>The (weighted) sum of the answered recoded items, before prorating.</summary>
    public double RawSum { get; init; }

    /// <summary>How many of the scale's items were answered.</summary>
    public int Answered { get; init; }

    /// <summary>How many items the scale has.</summary>
    public int ItemCount { get; init; }

    /// <summary>The minimum answered fraction the definition required.</summary>
    public double MinAnswered { get; init; }

    /// <summary>Why the score is missing, in words; null when it exists.</summary>
    public string? MissingReason { get; init; }

    /// <summary>
    /// For a scale centred on the person's mean rating (<see cref="Definitions.ScaleCentring.Mrat"/>): that mean rating (MRAT),
    /// over all the instrument's rated items answered, which <see cref="Value"/> is <see cref="Mean"/> minus. Null for an
    /// uncentred scale.
    /// </summary>
    public double? Centre { get; init; }

    /// <summary>The norm scores, when the scale has norms and the score exists.</summary>
    public NormScores? Norms { get; init; }
}
