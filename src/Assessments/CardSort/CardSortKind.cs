using System.Globalization;
using Assessments.Definitions;
using Assessments.Responses;
using Assessments.Scoring;

namespace Assessments.CardSort;

/// <summary>
/// The <c>card-sort</c> kind: a deck of value cards (the instrument's items) sorted by one procedure — piles then the top
/// of the first pile ranked, a full ranking, a Q-sort with quotas, or paired comparisons. Settings:
/// <c>"card-sort": { "cards": { "&lt;item id&gt;": { "description": { … }, "workValues": ["Independence"] } },
/// "procedure": { "type": "piles-then-rank", "piles": [ { "id": "very", "label": { … } }, … ], "rankTop": 5 } }</c>.
/// A card sort is not answered item by item: score it with <see cref="CardSortScorer.Score"/>.
/// </summary>
public sealed class CardSortKind : IInstrumentKind
{
    private static readonly Dictionary<string, CardSortProcedure> Procedures = new(StringComparer.Ordinal)
    {
        ["piles-then-rank"] = CardSortProcedure.PilesThenRank,
        ["ranking"] = CardSortProcedure.Ranking,
        ["q-sort"] = CardSortProcedure.QSort,
        ["paired-comparison"] = CardSortProcedure.PairedComparison,
    };

    /// <inheritdoc />
    public string Name => "card-sort";

    /// <inheritdoc />
    public object? Compile(KindCompilationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Section is null)
        {
            context.Report(context.SectionPath, "The kind 'card-sort' needs a section \"card-sort\": { \"cards\": { … }, \"procedure\": { \"type\": … } }.");
            return null;
        }

        var dto = context.ReadSection(CardSortJsonContext.Default.CardSortSectionDto);
        if (dto is null)
        {
            return null;
        }

        var cards = new List<Card>();
        var cardsPath = JsonPath.Property(context.SectionPath, "cards");
        foreach (var item in context.Items)
        {
            var path = JsonPath.Property(cardsPath, item.Id);
            if (!dto.Cards.TryGetValue(item.Id, out var card))
            {
                context.Report(cardsPath, $"The item '{item.Id}' has no card entry; every item of a card sort is a card.");
                continue;
            }

            if (item.Text is null)
            {
                context.Report(JsonPath.Index("$.items", item.Index), $"The card '{item.Id}' needs a \"text\": its title.");
                continue;
            }

            var values = new List<WorkValue>();
            foreach (var name in card.WorkValues)
            {
                if (Enum.GetNames<WorkValue>().Contains(name, StringComparer.Ordinal))
                {
                    values.Add(Enum.Parse<WorkValue>(name));
                }
                else
                {
                    context.Report(JsonPath.Property(path, "workValues"), $"'{name}' is not an O*NET work value; use Achievement, WorkingConditions, Recognition, Relationships, Support or Independence.");
                }
            }

            cards.Add(new Card(item.Id, item.Index, item.Text, context.ReadText(card.Description, JsonPath.Property(path, "description")), values));
        }

        var itemIds = context.Items.Select(i => i.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var id in dto.Cards.Keys.Where(id => !itemIds.Contains(id)))
        {
            context.Report(JsonPath.Property(cardsPath, id), $"The card '{id}' is not an item; add it to $.items with its title.");
        }

        var procedurePath = JsonPath.Property(context.SectionPath, "procedure");
        if (!Procedures.TryGetValue(dto.Procedure.Type, out var procedure))
        {
            context.Report(JsonPath.Property(procedurePath, "type"), $"Unknown procedure '{dto.Procedure.Type}'; use {string.Join(", ", Procedures.Keys)}.");
            return null;
        }

        var piles = CompilePiles(context, dto.Procedure, procedure, procedurePath, cards.Count);
        var rankTop = dto.Procedure.RankTop ?? 5;
        if (rankTop < 1 || rankTop > Math.Max(1, cards.Count))
        {
            context.Report(JsonPath.Property(procedurePath, "rankTop"), $"rankTop must be from 1 to the number of cards ({cards.Count}); found {rankTop}.");
        }

        return context.HasErrors ? null : new CardSortSettings(cards, procedure, piles, rankTop);
    }

    private static List<Pile> CompilePiles(KindCompilationContext context, ProcedureDto dto, CardSortProcedure procedure, string path, int cardCount)
    {
        var piles = new List<Pile>();
        var needsPiles = procedure is CardSortProcedure.PilesThenRank or CardSortProcedure.QSort;
        if (!needsPiles)
        {
            if (dto.Piles is not null)
            {
                context.Report(JsonPath.Property(path, "piles"), $"The procedure '{dto.Type}' has no piles; remove them.");
            }

            return piles;
        }

        if (dto.Piles is null || dto.Piles.Count < 2)
        {
            context.Report(JsonPath.Property(path, "piles"), $"The procedure '{dto.Type}' needs at least two piles, the most important first.");
            return piles;
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < dto.Piles.Count; i++)
        {
            var p = dto.Piles[i];
            var pilePath = JsonPath.Index(JsonPath.Property(path, "piles"), i);
            if (!seen.Add(p.Id))
            {
                context.Report(JsonPath.Property(pilePath, "id"), $"The pile id '{p.Id}' is used twice.");
            }

            if (procedure == CardSortProcedure.QSort && (p.Value is null || p.Quota is null || p.Quota < 0))
            {
                context.Report(pilePath, "A Q-sort pile needs a \"value\" and a \"quota\" (how many cards it holds, 0 or more).");
            }
            else if (procedure == CardSortProcedure.PilesThenRank && (p.Value is not null || p.Quota is not null))
            {
                context.Report(pilePath, "Piles of a piles-then-rank sort take no value or quota; use the procedure 'q-sort' for a forced distribution.");
            }

            piles.Add(new Pile(p.Id, context.ReadText(p.Label, JsonPath.Property(pilePath, "label")), p.Value, p.Quota));
        }

        // Summed as long: quotas are whole numbers up to int.MaxValue each, and the sum must not overflow.
        if (procedure == CardSortProcedure.QSort && piles.All(p => p.Quota is not null) && piles.Sum(p => (long)p.Quota!.Value) is var total && total != cardCount)
        {
            context.Report(JsonPath.Property(path, "piles"), string.Create(CultureInfo.InvariantCulture, $"The quotas add up to {total}; a Q-sort places every one of the {cardCount} cards."));
        }

        return piles;
    }

    /// <summary>One column per card holding its rank, then the top cards (space-separated).</summary>
    public IReadOnlyList<string> SummaryColumns(Instrument instrument) =>
        [.. CardSortScorer.Settings(instrument).Cards.Select(c => c.Id), "top"];

    /// <summary>Card sorts are not answered item by item: <see cref="Instrument.Score(IResponse)"/> takes a <see cref="CardSortResponse"/>.</summary>
    /// <exception cref="InvalidOperationException">Always (the instrument refuses item answers before this is reached).</exception>
    public InstrumentResult Score(Instrument instrument, Response response, IReadOnlyList<ScaleScore> scales) =>
        throw new InvalidOperationException($"The card sort '{instrument?.Reference}' is scored from piles, ranks or choices: pass a CardSortResponse to Instrument.Score.");

    /// <summary>A card sort takes a <see cref="CardSortResponse"/>.</summary>
    public Type ResponseType => typeof(CardSortResponse);

    /// <inheritdoc cref="CardSortScorer.Validate"/>
    public IReadOnlyList<ResponseProblem> ValidateResponse(Instrument instrument, IResponse response) =>
        CardSortScorer.Validate(instrument, (CardSortResponse)response);

    /// <inheritdoc cref="CardSortScorer.Score"/>
    public InstrumentResult ScoreResponse(Instrument instrument, IResponse response) =>
        CardSortScorer.Score(instrument, (CardSortResponse)response);
}
