using System.Globalization;
using Assessments.Responses;

namespace Assessments.CardSort;

/// <summary>Validates and scores card-sort responses against a <c>card-sort</c> instrument.</summary>
public static class CardSortScorer
{
    /// <summary>The settings of a card-sort instrument.</summary>
    /// <exception cref="ArgumentException">The instrument is not of kind <c>card-sort</c>.</exception>
    public static CardSortSettings Settings(Instrument instrument)
    {
        ArgumentNullException.ThrowIfNull(instrument);
        return instrument.KindSettings as CardSortSettings
            ?? throw new ArgumentException($"The instrument '{instrument.Reference}' is of kind '{instrument.Kind}', not 'card-sort'.", nameof(instrument));
    }

    /// <summary>
    /// Every way <paramref name="response"/> breaks the instrument's procedure (empty when it is valid). A null card id, pile,
    /// paired choice or card of a pair is a problem like any other (with an empty item id when no card is named).
    /// </summary>
    public static IReadOnlyList<ResponseProblem> Validate(Instrument instrument, CardSortResponse response)
    {
        ArgumentNullException.ThrowIfNull(response);
        var settings = Settings(instrument);
        var problems = new List<ResponseProblem>();
        void Add(string? card, string message) => problems.Add(new ResponseProblem(response.RespondentId, card ?? "", message));
        var ids = settings.Cards.Select(c => c.Id).ToHashSet(StringComparer.Ordinal);
        switch (settings.Procedure)
        {
            case CardSortProcedure.PilesThenRank:
            case CardSortProcedure.QSort:
                ValidatePiles(settings, response, ids, Add);
                if (settings.Procedure == CardSortProcedure.QSort)
                {
                    if (response.Ranks is { Count: > 0 })
                    {
                        Add("", "A Q-sort takes piles only, no ranks.");
                    }
                }
                else if (problems.Count == 0)
                {
                    var first = settings.Piles[0].Id;
                    var inFirst = settings.Cards.Count(c => response.Piles![c.Id] == first);
                    var expected = Math.Min(settings.RankTop, inFirst);
                    ValidateRanks(response.Ranks ?? new Dictionary<string, int>(), expected, ids, Add,
                        card => response.Piles![card] == first ? null : $"The card '{card}' is ranked but is not in the first pile '{first}'.");
                }

                break;
            case CardSortProcedure.Ranking:
                ValidateRanks(response.Ranks ?? new Dictionary<string, int>(), settings.Cards.Count, ids, Add, _ => null);
                break;
            default:
                ValidateChoices(settings, response, ids, Add);
                break;
        }

        return problems;
    }

    /// <summary>Scores one person's sort.</summary>
    /// <exception cref="InvalidResponseException">The response breaks the procedure (every problem is listed).</exception>
    public static CardSortResult Score(Instrument instrument, CardSortResponse response)
    {
        var problems = Validate(instrument, response);
        if (problems.Count > 0)
        {
            throw new InvalidResponseException(problems, instrument);
        }

        var settings = Settings(instrument);
        var n = settings.Cards.Count;
        var keys = new double[n];        // smaller = more important
        string?[] piles = new string?[n];
        int?[] wins = new int?[n];
        for (var i = 0; i < n; i++)
        {
            var id = settings.Cards[i].Id;
            switch (settings.Procedure)
            {
                case CardSortProcedure.PilesThenRank:
                    piles[i] = response.Piles![id];
                    var pile = settings.Piles.ToList().FindIndex(p => p.Id == piles[i]);
                    // Ranked cards of the first pile come first in rank order, then the rest of that pile (tied), then each pile (tied).
                    keys[i] = (pile * (n + 2.0)) + (response.Ranks is not null && response.Ranks.TryGetValue(id, out var rank) ? rank : n + 1);
                    break;
                case CardSortProcedure.QSort:
                    piles[i] = response.Piles![id];
                    keys[i] = -settings.Piles.First(p => p.Id == piles[i]).Value!.Value;
                    break;
                case CardSortProcedure.Ranking:
                    keys[i] = response.Ranks![id];
                    break;
                default:
                    wins[i] = response.Choices!.Count(c => c.Chosen == id);
                    keys[i] = -wins[i]!.Value;
                    break;
            }
        }

        var ranks = Ranks.MidRanks(keys, higherIsMoreImportant: false);
        var cards = new CardScore[n];
        for (var i = 0; i < n; i++)
        {
            cards[i] = new CardScore(settings.Cards[i].Id, ranks[i], n == 1 ? 1 : (n - ranks[i]) / (n - 1), piles[i], wins[i]);
        }

        var top = cards.OrderBy(c => c.Rank).Take(settings.RankTop).Select(c => c.CardId).ToList();
        var profile = new double?[6];
        foreach (var value in Enum.GetValues<WorkValue>())
        {
            var scores = settings.Cards.Where(c => c.WorkValues.Contains(value)).Select(c => cards[c.Index].Score).ToList();
            profile[(int)value] = scores.Count == 0 ? null : scores.Average();
        }

        return new CardSortResult(instrument, response.RespondentId, cards, top, profile);
    }

    private static void ValidatePiles(CardSortSettings settings, CardSortResponse response, HashSet<string> ids, Action<string?, string> add)
    {
        if (response.Piles is null)
        {
            add("", "The response has no piles; this sort puts every card in a pile.");
            return;
        }

        var pileIds = settings.Piles.Select(p => p.Id).ToList();
        foreach (var (card, pile) in response.Piles.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            if (card is null)
            {
                add(null, "A pile entry has no card (null); each entry names a card of the deck and its pile.");
            }
            else if (!ids.Contains(card))
            {
                add(card, $"There is no card '{card}' in this deck.");
            }
            else if (pile is null)
            {
                add(card, $"The card '{card}' has a null pile; put it in one of the piles {string.Join(", ", pileIds)}.");
            }
            else if (!pileIds.Contains(pile, StringComparer.Ordinal))
            {
                add(card, $"The card '{card}' is in pile '{pile}', which does not exist; piles: {string.Join(", ", pileIds)}.");
            }
        }

        foreach (var card in settings.Cards.Where(c => !response.Piles.ContainsKey(c.Id)))
        {
            add(card.Id, $"The card '{card.Id}' is in no pile; every card goes in one pile.");
        }

        foreach (var pile in settings.Piles.Where(p => p.Quota is not null))
        {
            var count = response.Piles.Values.Count(v => v == pile.Id);
            if (count != pile.Quota)
            {
                add("", string.Create(CultureInfo.InvariantCulture, $"The pile '{pile.Id}' holds {count} card(s); its quota is {pile.Quota}."));
            }
        }
    }

    private static void ValidateRanks(IReadOnlyDictionary<string, int> ranks, int expected, HashSet<string> ids, Action<string?, string> add, Func<string, string?> eligible)
    {
        foreach (var (card, rank) in ranks.OrderBy(r => r.Key, StringComparer.Ordinal))
        {
            if (card is null)
            {
                add(null, "A rank has no card (null); each rank names the card it ranks.");
            }
            else if (!ids.Contains(card))
            {
                add(card, $"There is no card '{card}' in this deck.");
            }
            else if (eligible(card) is { } message)
            {
                add(card, message);
            }
            else if (rank < 1 || rank > expected)
            {
                add(card, $"The rank {rank} of card '{card}' is outside 1–{expected}.");
            }
        }

        var valid = ranks.Where(r => r.Key is not null && ids.Contains(r.Key) && eligible(r.Key) is null).ToList();
        foreach (var group in valid.GroupBy(r => r.Value).Where(g => g.Count() > 1).OrderBy(g => g.Key))
        {
            add("", $"The rank {group.Key} is given to {group.Count()} cards ({string.Join(", ", group.Select(g => g.Key).Order(StringComparer.Ordinal))}); each rank goes to one card.");
        }

        var given = valid.Select(r => r.Value).ToHashSet();
        var missing = Enumerable.Range(1, expected).Where(r => !given.Contains(r)).ToList();
        if (missing.Count > 0)
        {
            add("", $"The rank(s) {string.Join(", ", missing)} are missing; ranks run from 1 to {expected} without gaps.");
        }
    }

    private static void ValidateChoices(CardSortSettings settings, CardSortResponse response, HashSet<string> ids, Action<string?, string> add)
    {
        if (response.Choices is null)
        {
            add("", "The response has no paired choices.");
            return;
        }

        var seen = new HashSet<(string, string)>();
        var number = 0;
        foreach (var c in response.Choices)
        {
            number++;
            if (c is null)
            {
                add(null, string.Create(CultureInfo.InvariantCulture, $"Paired choice {number} is null; give the two cards shown and the one chosen."));
                continue;
            }

            if (c.First is null || c.Second is null || c.Chosen is null)
            {
                add(c.First ?? c.Second, string.Create(CultureInfo.InvariantCulture,
                    $"Paired choice {number} has a null {(c.First is null ? "first card" : c.Second is null ? "second card" : "chosen card")}; give the two cards shown and the one chosen."));
                continue;
            }

            var pair = string.CompareOrdinal(c.First, c.Second) < 0 ? (c.First, c.Second) : (c.Second, c.First);
            if (!ids.Contains(c.First) || !ids.Contains(c.Second))
            {
                add(ids.Contains(c.First) ? c.Second : c.First, $"The pair {c.First}–{c.Second} names a card that is not in this deck.");
            }
            else if (c.First == c.Second)
            {
                add(c.First, $"The pair {c.First}–{c.Second} compares a card with itself.");
            }
            else if (c.Chosen != c.First && c.Chosen != c.Second)
            {
                add(c.Chosen, $"In the pair {c.First}–{c.Second} the chosen card '{c.Chosen}' is neither of the two.");
            }
            else if (!seen.Add(pair))
            {
                add(c.First, $"The pair {pair.Item1}–{pair.Item2} is compared more than once.");
            }
        }

        var expected = settings.Cards.Count * (settings.Cards.Count - 1) / 2;
        if (seen.Count < expected && seen.Count == response.Choices.Count)
        {
            var missing = settings.Cards.SelectMany(a => settings.Cards.Where(b => string.CompareOrdinal(a.Id, b.Id) < 0).Select(b => (a.Id, b.Id)))
                .Where(p => !seen.Contains(p)).Take(3).Select(p => $"{p.Item1}–{p.Item2}").ToList();
            add("", $"{expected - seen.Count} of the {expected} pairs are missing (e.g. {string.Join(", ", missing)}); every pair is compared once.");
        }
    }
}
