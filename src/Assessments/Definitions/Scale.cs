namespace Assessments.Definitions;

/// <summary>
/// A scale: the items that count toward one score, with their keys and weights, how the score aggregates, and how many
/// items must be answered for the score to exist.
/// </summary>
public sealed class Scale
{
    internal Scale(string id, int index, LocalizedText? title, LocalizedText? description, IReadOnlyList<ScaleItem> items,
        ScaleAggregate aggregate, double minAnswered, Norm? norm, ScaleCentring centring = ScaleCentring.None)
    {
        Centring = centring;
        Id = id;
        Index = index;
        Title = title;
        Description = description;
        Items = items;
        Aggregate = aggregate;
        MinAnswered = minAnswered;
        Norm = norm;
        TotalWeight = 0;
        UnitWeights = true;
        foreach (var item in items)
        {
            TotalWeight += item.Weight;
            UnitWeights &= item.Weight == 1.0;
        }
    }

    /// <summary>The scale's id: its column in score output.</summary>
    public string Id { get; }

    /// <summary>The scale's position in the definition (0-based).</summary>
    public int Index { get; }

    /// <summary>The scale's name for people, if given.</summary>
    public LocalizedText? Title { get; }

    /// <summary>What a high score means, if given.</summary>
    public LocalizedText? Description { get; }

    /// <summary>The keyed items in definition order (the summation order).</summary>
    public IReadOnlyList<ScaleItem> Items { get; }

    /// <summary>Whether the score is a mean or a (prorated) sum.</summary>
    public ScaleAggregate Aggregate { get; }

    /// <summary>
    /// Whether the reported score is centred on the person's mean rating (<see cref="ScaleCentring.Mrat"/>): then
    /// <see cref="Scoring.ScaleScore.Value"/> is the mean minus <see cref="Scoring.ScaleScore.Centre"/>.
    /// </summary>
    public ScaleCentring Centring { get; }

    /// <summary>
    /// The fraction of the scale's weight that must be answered for a score to exist (and always at least one item).
    /// PROJECT CHOICE: 1 (every item) when the definition does not say, because a silent prorating rule is worse than a missing score.
    /// </summary>
    public double MinAnswered { get; }

    /// <summary>The norms for this scale, if the definition has them.</summary>
    public Norm? Norm { get; }

    /// <summary>The sum of the item weights (the item count when every weight is 1).</summary>
    public double TotalWeight { get; }

    /// <summary>Whether every weight is 1, so raw sums are kept as integers.</summary>
    public bool UnitWeights { get; }

    private Scoring.CompiledScale? _compiled;

    /// <summary>
    /// The scale's reported value for a raw sum of recoded (reverse-keyed) answers — the mean, or the sum prorated to every
    /// item — or NaN when fewer than <see cref="MinAnswered"/> were answered: the very arithmetic of
    /// <see cref="Instrument.Score(Responses.Response)"/> and of batch scoring, for readers that add answers up themselves
    /// (the byte-level CSV reader fills its tables of values with it, so its output bytes match). For a scale centred on the
    /// person's mean rating (<see cref="Centring"/>) this is the value before centring: subtract the person's MRAT.
    /// </summary>
    /// <param name="rawSum">The sum of the recoded answers given (weighted by each item's weight).</param>
    /// <param name="answered">How many of the scale's items were answered.</param>
    /// <param name="answeredWeight">The sum of the answered items' weights (<paramref name="answered"/> when every weight is 1).</param>
    public double ValueOf(double rawSum, int answered, double answeredWeight) =>
        (_compiled ??= new Scoring.CompiledScale(this)).Value(rawSum, answered, answeredWeight, centre: 0); // a centred scale: its mean, before centring
}
