using System.Globalization;
using System.Text.Json;
using Assessments.Scoring;

namespace Assessments.CardSort;

/// <summary>
/// One person's card sort: every card with its rank and score, the top cards, and a six-number work-values profile for
/// matching against O*NET's Work Values.
/// </summary>
public sealed class CardSortResult : InstrumentResult
{
    /// <summary>Creates the result.</summary>
    public CardSortResult(Instrument instrument, string? respondentId, IReadOnlyList<CardScore> cards, IReadOnlyList<string> top, IReadOnlyList<double?> workValues)
        : base(instrument, respondentId, [])
    {
        Cards = cards;
        Top = top;
        WorkValues = workValues;
    }

    /// <summary>Every card in deck order with its rank and score.</summary>
    public IReadOnlyList<CardScore> Cards { get; }

    /// <summary>The most important cards, best first (ties in deck order), as many as the definition's <c>rankTop</c>.</summary>
    public IReadOnlyList<string> Top { get; }

    /// <summary>
    /// The work-values profile in O*NET's order (<see cref="WorkValue"/>): for each value, the mean score (0–1) of the cards
    /// mapped to it; null when no card maps to it. PROJECT CHOICE: a card mapped to two values counts fully in both.
    /// </summary>
    public IReadOnlyList<double?> WorkValues { get; }

    /// <summary>The card ids from most to least important (ties in deck order).</summary>
    public IEnumerable<string> Ordered => Cards.OrderBy(c => c.Rank).Select(c => c.CardId);

    /// <summary>The rank of each card, in deck order, for one-column-per-card CSV output.</summary>
    public override IReadOnlyList<string> SummaryValues() =>
        [.. Cards.Select(c => c.Rank.ToString("R", CultureInfo.InvariantCulture)), string.Join(' ', Top)];

    /// <inheritdoc />
    protected override void WriteKindJson(Utf8JsonWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStartObject("cardSort");
        writer.WriteStartArray("ordered");
        foreach (var card in Cards.OrderBy(c => c.Rank))
        {
            writer.WriteStartObject();
            writer.WriteString("card", card.CardId);
            writer.WriteNumber("rank", card.Rank);
            writer.WriteNumber("score", card.Score);
            if (card.Pile is not null)
            {
                writer.WriteString("pile", card.Pile);
            }

            if (card.Wins is { } wins)
            {
                writer.WriteNumber("wins", wins);
            }

            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteStartArray("top");
        foreach (var id in Top)
        {
            writer.WriteStringValue(id);
        }

        writer.WriteEndArray();
        writer.WriteStartObject("workValues");
        foreach (var value in Enum.GetValues<WorkValue>())
        {
            if (WorkValues[(int)value] is { } v)
            {
                writer.WriteNumber(value.ToString(), v);
            }
            else
            {
                writer.WriteNull(value.ToString());
            }
        }

        writer.WriteEndObject();
        writer.WriteEndObject();
    }
}
