using System.Text.Json.Serialization;

namespace Assessments.CardSort;

/// <summary>The compiled <c>"card-sort"</c> section: the deck, the procedure and its piles.</summary>
public sealed class CardSortSettings
{
    internal CardSortSettings(IReadOnlyList<Card> cards, CardSortProcedure procedure, IReadOnlyList<Pile> piles, int rankTop)
    {
        Cards = cards;
        Procedure = procedure;
        Piles = piles;
        RankTop = rankTop;
    }

    /// <summary>The cards in deck order.</summary>
    public IReadOnlyList<Card> Cards { get; }

    /// <summary>The sorting procedure.</summary>
    public CardSortProcedure Procedure { get; }

    /// <summary>The piles, most important first (empty for rankings and paired comparisons).</summary>
    public IReadOnlyList<Pile> Piles { get; }

    /// <summary>How many top cards the result lists (and, for piles-then-rank, how many of the first pile are ranked).</summary>
    public int RankTop { get; }
}

internal sealed class CardSortSectionDto
{
    public required Dictionary<string, CardDto> Cards { get; set; }
    public required ProcedureDto Procedure { get; set; }
}

internal sealed class CardDto
{
    public Dictionary<string, string>? Description { get; set; }
    public required List<string> WorkValues { get; set; }
}

internal sealed class ProcedureDto
{
    public required string Type { get; set; }
    public List<PileDto>? Piles { get; set; }
    public int? RankTop { get; set; }
}

internal sealed class PileDto
{
    public required string Id { get; set; }
    public Dictionary<string, string>? Label { get; set; }
    public double? Value { get; set; }
    public int? Quota { get; set; }
}

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, NumberHandling = JsonNumberHandling.Strict)]
[JsonSerializable(typeof(CardSortSectionDto))]
internal sealed partial class CardSortJsonContext : JsonSerializerContext;
