using Assessments.CardSort;
using Assessments.Responses;

namespace Assessments.Tests;

/// <summary>The card-sort kind: procedures, their validation messages, ranks, top cards and the work-values profile.</summary>
public class CardSortTests
{
    // Five cards; "money" maps to two work values.
    private static string Deck(string procedure) => """
        { "id": "deck", "version": "1.0.0", "kind": "card-sort", "languages": ["en"], "title": { "en": "Deck" },
          "responseFormats": {},
          "items": [
            { "id": "autonomy", "text": { "en": "Autonomy" } }, { "id": "team", "text": { "en": "Team" } },
            { "id": "money", "text": { "en": "Income" } }, { "id": "learning", "text": { "en": "Learning" } },
            { "id": "security", "text": { "en": "Security" } } ],
          "card-sort": {
            "cards": {
              "autonomy": { "workValues": ["Independence"] }, "team": { "workValues": ["Relationships"] },
              "money": { "workValues": ["WorkingConditions", "Recognition"] }, "learning": { "workValues": ["Achievement"] },
              "security": { "workValues": ["WorkingConditions"] } },
            "procedure": 
        """ + procedure + " } }";

    private static readonly Instrument Piles = Instrument.Parse(Deck("""
        { "type": "piles-then-rank", "rankTop": 2, "piles": [ { "id": "very" }, { "id": "some" }, { "id": "less" } ] }
        """));

    private static readonly Instrument QSort = Instrument.Parse(Deck("""
        { "type": "q-sort", "rankTop": 2, "piles": [ { "id": "plus", "value": 1, "quota": 1 }, { "id": "zero", "value": 0, "quota": 3 }, { "id": "minus", "value": -1, "quota": 1 } ] }
        """));

    private static readonly Instrument Ranking = Instrument.Parse(Deck("""{ "type": "ranking", "rankTop": 3 }"""));

    private static readonly Instrument Paired = Instrument.Parse(Deck("""{ "type": "paired-comparison", "rankTop": 1 }"""));

    [Fact]
    public void RanksPilesThenTheTopOfTheFirstPile()
    {
        // very: autonomy (rank 2), learning (rank 1), money (unranked); some: team; less: security.
        // Order: learning 1, autonomy 2, money 3, team 4, security 5 → scores (5 − r)/4.
        var result = CardSortScorer.Score(Piles, new CardSortResponse("p",
            piles: new Dictionary<string, string> { ["autonomy"] = "very", ["team"] = "some", ["money"] = "very", ["learning"] = "very", ["security"] = "less" },
            ranks: new Dictionary<string, int> { ["learning"] = 1, ["autonomy"] = 2 }));
        Assert.Equal(["learning", "autonomy", "money", "team", "security"], result.Ordered);
        Assert.Equal([2, 4, 3, 1, 5], result.Cards.Select(c => c.Rank)); // deck order: autonomy, team, money, learning, security
        Assert.Equal(["learning", "autonomy"], result.Top);
        // Work values: Achievement = learning 1; WorkingConditions = mean(money 0.5, security 0) = 0.25; Recognition = money 0.5;
        // Relationships = team 0.25; Support: no card → null; Independence = autonomy 0.75.
        Assert.Equal([1, 0.25, 0.5, 0.25, null, 0.75], result.WorkValues);
    }

    [Fact]
    public void GivesTiedPilesMidRanks()
    {
        // Every card in "some" or "less": the first pile is empty, so no rank is asked and each pile is one tie group.
        var result = CardSortScorer.Score(Piles, new CardSortResponse("p",
            piles: new Dictionary<string, string> { ["autonomy"] = "some", ["team"] = "some", ["money"] = "less", ["learning"] = "some", ["security"] = "less" }));
        Assert.Equal([2, 2, 4.5, 2, 4.5], result.Cards.Select(c => c.Rank)); // positions 1–3 share 2, positions 4–5 share 4.5
    }

    [Theory]
    [InlineData("{\"autonomy\":\"very\",\"team\":\"some\",\"money\":\"very\",\"learning\":\"very\"}", "{\"learning\":1,\"autonomy\":2}",
        "p / security: The card 'security' is in no pile; every card goes in one pile.")]
    [InlineData("{\"autonomy\":\"very\",\"team\":\"top\",\"money\":\"very\",\"learning\":\"very\",\"security\":\"less\"}", "{\"learning\":1,\"autonomy\":2}",
        "p / team: The card 'team' is in pile 'top', which does not exist; piles: very, some, less.")]
    [InlineData("{\"autonomy\":\"very\",\"team\":\"some\",\"money\":\"very\",\"learning\":\"very\",\"security\":\"less\"}", "{\"learning\":1,\"team\":2}",
        "p / team: The card 'team' is ranked but is not in the first pile 'very'.|p / : The rank(s) 2 are missing; ranks run from 1 to 2 without gaps.")]
    [InlineData("{\"autonomy\":\"very\",\"team\":\"some\",\"money\":\"very\",\"learning\":\"very\",\"security\":\"less\"}", "{\"learning\":1,\"autonomy\":1}",
        "p / : The rank 1 is given to 2 cards (autonomy, learning); each rank goes to one card.|p / : The rank(s) 2 are missing; ranks run from 1 to 2 without gaps.")]
    [InlineData("{\"autonomy\":\"very\",\"team\":\"some\",\"money\":\"very\",\"learning\":\"very\",\"security\":\"less\",\"fun\":\"less\"}", "{\"learning\":1,\"autonomy\":3}",
        "p / fun: There is no card 'fun' in this deck.")]
    public void RejectsResponsesThatBreakThePileProcedure(string piles, string ranks, string expected)
    {
        var response = new CardSortResponse("p",
            piles: System.Text.Json.JsonSerializer.Deserialize(piles, TestJson.Default.DictionaryStringString),
            ranks: System.Text.Json.JsonSerializer.Deserialize(ranks, TestJson.Default.DictionaryStringInt32));
        Assert.Equal(expected.Split('|'), CardSortScorer.Validate(Piles, response).Select(p => p.ToString()));
        Assert.Throws<InvalidResponseException>(() => CardSortScorer.Score(Piles, response));
    }

    [Fact]
    public void ChecksQSortQuotasExactly()
    {
        var response = new CardSortResponse("p",
            piles: new Dictionary<string, string> { ["autonomy"] = "plus", ["team"] = "plus", ["money"] = "zero", ["learning"] = "zero", ["security"] = "minus" });
        Assert.Equal(
        [
            "p / : The pile 'plus' holds 2 card(s); its quota is 1.",
            "p / : The pile 'zero' holds 2 card(s); its quota is 3.",
        ], CardSortScorer.Validate(QSort, response).Select(p => p.ToString()));

        var valid = CardSortScorer.Score(QSort, new CardSortResponse("p",
            piles: new Dictionary<string, string> { ["autonomy"] = "plus", ["team"] = "zero", ["money"] = "zero", ["learning"] = "zero", ["security"] = "minus" }));
        Assert.Equal([1, 3, 3, 3, 5], valid.Cards.Select(c => c.Rank)); // values +1, 0, 0, 0, −1
    }

    [Fact]
    public void RequiresAFullRankingWithoutGaps()
    {
        var gap = new CardSortResponse("p", ranks: new Dictionary<string, int> { ["autonomy"] = 1, ["team"] = 2, ["money"] = 4, ["learning"] = 5, ["security"] = 6 });
        Assert.Equal(
        [
            "p / security: The rank 6 of card 'security' is outside 1–5.",
            "p / : The rank(s) 3 are missing; ranks run from 1 to 5 without gaps.",
        ], CardSortScorer.Validate(Ranking, gap).Select(p => p.ToString()));

        var result = CardSortScorer.Score(Ranking, new CardSortResponse("p",
            ranks: new Dictionary<string, int> { ["autonomy"] = 3, ["team"] = 1, ["money"] = 5, ["learning"] = 2, ["security"] = 4 }));
        Assert.Equal(["team", "learning", "autonomy"], result.Top);
    }

    [Fact]
    public void ScoresPairedComparisonsByWinsAndChecksEveryPair()
    {
        string[] ids = ["autonomy", "team", "money", "learning", "security"];
        // Preference order autonomy > learning > team > security > money: each card wins against those after it.
        string[] order = ["autonomy", "learning", "team", "security", "money"];
        var choices = new List<PairedChoice>();
        for (var i = 0; i < ids.Length; i++)
        {
            for (var j = i + 1; j < ids.Length; j++)
            {
                var winner = Array.IndexOf(order, ids[i]) < Array.IndexOf(order, ids[j]) ? ids[i] : ids[j];
                choices.Add(new PairedChoice(ids[i], ids[j], winner));
            }
        }

        var result = CardSortScorer.Score(Paired, new CardSortResponse("p", choices: choices));
        Assert.Equal(order, result.Ordered);
        Assert.Equal([4, 2, 0, 3, 1], result.Cards.Select(c => c.Wins!.Value));

        var incomplete = new CardSortResponse("p", choices: [.. choices.Skip(1), new PairedChoice("team", "money", "fun")]);
        Assert.Equal(
        [
            "p / fun: In the pair team–money the chosen card 'fun' is neither of the two.",
        ], CardSortScorer.Validate(Paired, incomplete).Select(p => p.ToString()));
        Assert.Equal("p / : 1 of the 10 pairs are missing (e.g. autonomy–team); every pair is compared once.",
            Assert.Single(CardSortScorer.Validate(Paired, new CardSortResponse("p", choices: [.. choices.Skip(1)]))).ToString());
    }

    [Theory]
    [InlineData("{ \"type\": \"shuffle\" }", "$['card-sort'].procedure.type", "Unknown procedure 'shuffle'; use piles-then-rank, ranking, q-sort, paired-comparison.")]
    [InlineData("{ \"type\": \"q-sort\", \"piles\": [ { \"id\": \"a\", \"value\": 1, \"quota\": 1 }, { \"id\": \"b\", \"value\": 0, \"quota\": 1 } ] }", "$['card-sort'].procedure.piles", "The quotas add up to 2; a Q-sort places every one of the 5 cards.")]
    [InlineData("{ \"type\": \"piles-then-rank\", \"piles\": [ { \"id\": \"a\" } ] }", "$['card-sort'].procedure.piles", "The procedure 'piles-then-rank' needs at least two piles, the most important first.")]
    [InlineData("{ \"type\": \"q-sort\", \"piles\": [ { \"id\": \"a\", \"value\": 1, \"quota\": 2147483647 }, { \"id\": \"b\", \"value\": 0, \"quota\": 2147483647 } ] }", "$['card-sort'].procedure.piles", "The quotas add up to 4294967294; a Q-sort places every one of the 5 cards.")]
    [InlineData("null", "$['card-sort'].procedure", "null is not allowed here; expected an object. Leave an optional property out instead.")]
    [InlineData("{ \"type\": \"piles-then-rank\", \"piles\": [ null, { \"id\": \"b\" } ] }", "$['card-sort'].procedure.piles[0]", "null is not allowed here; expected an object. Leave an optional property out instead.")]
    [InlineData("{ \"type\": \"piles-then-rank\", \"piles\": [ { \"id\": null }, { \"id\": \"b\" } ] }", "$['card-sort'].procedure.piles[0].id", "null is not allowed here; expected a string. Leave an optional property out instead.")]
    [InlineData("{ \"type\": \"piles-then-rank\", \"piles\": { \"a\": {}, \"b\": {} } }", "$['card-sort'].procedure.piles", "Expected an array here, found an object.")]
    [InlineData("{ \"type\": \"ranking\", \"rankTop\": \"3\" }", "$['card-sort'].procedure.rankTop", "Expected a whole number here, found a string.")]
    [InlineData("{ \"type\": [\"ranking\"] }", "$['card-sort'].procedure.type", "Expected a string here, found an array.")]
    public void ValidatesTheProcedure(string procedure, string path, string message)
    {
        Assert.False(Instrument.TryParse(Deck(procedure), out _, out var diagnostics));
        var d = Assert.Single(diagnostics);
        Assert.Equal((path, message), (d.Path, d.Reason));
    }

    [Theory]
    [InlineData("\"autonomy\": { \"workValues\": [\"Independence\"] }", "\"autonomy\": null", "$['card-sort'].cards.autonomy", "null is not allowed here; expected an object. Leave an optional property out instead.")]
    [InlineData("[\"Independence\"]", "[null]", "$['card-sort'].cards.autonomy.workValues[0]", "null is not allowed here; expected a string. Leave an optional property out instead.")]
    [InlineData("[\"Independence\"]", "\"Independence\"", "$['card-sort'].cards.autonomy.workValues", "Expected an array here, found a string.")]
    [InlineData("\"workValues\": [\"Relationships\"] }", "\"workValues\": [\"Relationships\"], \"description\": { \"en\": 1 } }", "$['card-sort'].cards.team.description.en", "Expected a string here, found a number.")]
    public void RejectsNullsAndWrongTypesInTheDeck(string find, string replace, string path, string message)
    {
        var json = Deck("{ \"type\": \"ranking\" }");
        Assert.Contains(find, json, StringComparison.Ordinal);
        Assert.False(Instrument.TryParse(json.Replace(find, replace, StringComparison.Ordinal), out _, out var diagnostics));
        var d = Assert.Single(diagnostics);
        Assert.Equal((path, message), (d.Path, d.Reason));
        Assert.True(d.Line > 0 && d.Column > 0);
    }

    [Fact]
    public void NamesCardsWithDotsOrDashesByTheirExactPath()
    {
        var json = Deck("{ \"type\": \"ranking\" }").Replace("\"team\"", "\"team-work\"", StringComparison.Ordinal)
            .Replace("\"team-work\": { \"workValues\": [\"Relationships\"] }", "\"team-work\": { \"workValues\": [\"Friendship\"] }", StringComparison.Ordinal);
        Assert.False(Instrument.TryParse(json, out _, out var diagnostics));
        var d = Assert.Single(diagnostics);
        Assert.Equal(("$['card-sort'].cards['team-work'].workValues", 9, 70), (d.Path, d.Line, d.Column));
    }

    [Fact]
    public void ANullCardOrPileIsAProblemNotACrash()
    {
        var response = new CardSortResponse("person-42", piles: new NullKeyDictionary<string>(
            (null, "very"), ("autonomy", null!), ("team", "some"), ("money", "very"), ("learning", "very"), ("security", "less")));
        Assert.Equal(
        [
            "person-42 / : A pile entry has no card (null); each entry names a card of the deck and its pile.",
            "person-42 / autonomy: The card 'autonomy' has a null pile; put it in one of the piles very, some, less.",
        ], CardSortScorer.Validate(Piles, response).Select(p => p.ToString()));
        var ex = Assert.Throws<InvalidResponseException>(() => CardSortScorer.Score(Piles, response));
        Assert.Equal(2, ex.Problems.Count);
        Assert.StartsWith("The response has 2 problem(s), on item(s) 'autonomy'. ", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("person-42", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ANullRankKeyIsAProblemNotACrash()
    {
        var response = new CardSortResponse("p", ranks: new NullKeyDictionary<int>(
            (null, 1), ("autonomy", 1), ("team", 2), ("money", 3), ("learning", 4), ("security", 5)));
        Assert.Equal(["p / : A rank has no card (null); each rank names the card it ranks."], CardSortScorer.Validate(Ranking, response).Select(p => p.ToString()));
        Assert.Single(Assert.Throws<InvalidResponseException>(() => CardSortScorer.Score(Ranking, response)).Problems);
    }

    [Fact]
    public void ANullPairedChoiceOrCardIsAProblemNotACrash()
    {
        var response = new CardSortResponse("p", choices: [null!, new PairedChoice(null!, "team", "team"), new PairedChoice("autonomy", "team", null!)]);
        Assert.Equal(
        [
            "p / : Paired choice 1 is null; give the two cards shown and the one chosen.",
            "p / team: Paired choice 2 has a null first card; give the two cards shown and the one chosen.",
            "p / autonomy: Paired choice 3 has a null chosen card; give the two cards shown and the one chosen.",
        ], CardSortScorer.Validate(Paired, response).Select(p => p.ToString()));
        Assert.Equal(3, Assert.Throws<InvalidResponseException>(() => CardSortScorer.Score(Paired, response)).Problems.Count);
    }

    [Fact]
    public void RejectsAnUnknownWorkValue()
    {
        Assert.False(Instrument.TryParse(Deck("{ \"type\": \"ranking\" }").Replace("[\"Relationships\"]", "[\"Friendship\"]", StringComparison.Ordinal), out _, out var diagnostics));
        Assert.Equal("'Friendship' is not an O*NET work value; use Achievement, WorkingConditions, Recognition, Relationships, Support or Independence.",
            Assert.Single(diagnostics).Reason);
    }
}

[System.Text.Json.Serialization.JsonSerializable(typeof(Dictionary<string, string>))]
[System.Text.Json.Serialization.JsonSerializable(typeof(Dictionary<string, int>))]
internal sealed partial class TestJson : System.Text.Json.Serialization.JsonSerializerContext;
