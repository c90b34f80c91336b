namespace Assessments.Definitions;

/// <summary>
/// A scale: the items that count toward one score, with their keys and weights, how the score aggregates, and how many
/// items must be answered for the score to exist.
/// </summary>
public sealed class Scale
{
    internal Scale(string id, int index, LocalizedText? title, LocalizedText? description, IReadOnlyList<ScaleItem> items,
        ScaleAggregate aggregate, double minAnswered, Norm? norm)
    {
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
}
