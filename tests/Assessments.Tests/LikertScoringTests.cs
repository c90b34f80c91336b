using Assessments.Responses;

namespace Assessments.Tests;

/// <summary>Per-person Likert scoring on hand-computed examples (docs/methods.md §1).</summary>
public class LikertScoringTests
{
    private static Instrument Make(string scales, string formats = "\"f\": { \"min\": 1, \"max\": 5 }") => Instrument.Parse($$"""
        { "id": "t", "version": "1.0.0", "kind": "likert", "languages": ["en"], "title": { "en": "T" },
          "responseFormats": { {{formats}} },
          "items": [
            { "id": "I1", "format": "f", "text": { "en": "1" } }, { "id": "I2", "format": "f", "text": { "en": "2" } },
            { "id": "I3", "format": "f", "text": { "en": "3" } }, { "id": "I4", "format": "f", "text": { "en": "4" } } ],
          "scales": [ {{scales}} ] }
        """);

    private static Response Answers(params int?[] answers) =>
        new("p", answers.Select((a, i) => (Key: $"I{i + 1}", a)).ToDictionary(x => x.Key, x => x.a));

    [Fact]
    public void ReverseKeysWithTheFormatEndpoints()
    {
        // 1–5 format: x' = 6 − x. Answers 5, 2, 4, 1 with I2 and I4 reversed → 5 + 4 + 4 + 5 = 18, mean 4.5.
        var s = Make("""{ "id": "s", "items": ["I1", "-I2", "I3", { "item": "I4", "reverse": true }], "aggregate": "sum" }""")
            .Score(Answers(5, 2, 4, 1))["s"];
        Assert.Equal(18, s.Value);
        Assert.Equal(18, s.RawSum);
        Assert.Equal(4.5, s.Mean);
        Assert.Equal(4, s.Answered);
    }

    [Fact]
    public void ReverseKeysOnAZeroBasedFormat()
    {
        // 0–3 format: x' = 3 − x. Answers 0, 3 with I2 reversed → 0 + 0 = 0.
        var s = Make("""{ "id": "s", "items": ["I1", "-I2"], "aggregate": "sum" }""", "\"f\": { \"min\": 0, \"max\": 3 }")
            .Score(Answers(0, 3))["s"];
        Assert.Equal(0, s.Value);
    }

    [Fact]
    public void ProratesTheSumFromTheAnsweredItems()
    {
        // 3 of 4 answered (0.75 ≥ 0.75): raw 4 + 5 + 3 = 12; mean 4; prorated sum 12 × 4 / 3 = 16.
        var s = Make("""{ "id": "s", "items": ["I1", "I2", "I3", "I4"], "aggregate": "sum", "minAnswered": 0.75 }""")
            .Score(Answers(4, 5, null, 3))["s"];
        Assert.Equal(16, s.Value);
        Assert.Equal(16, s.Sum);
        Assert.Equal(12, s.RawSum);
        Assert.Equal(4, s.Mean);
        Assert.Equal(3, s.Answered);
        Assert.Null(s.MissingReason);
    }

    [Fact]
    public void LeavesTheScoreMissingBelowMinAnsweredWithTheReason()
    {
        var s = Make("""{ "id": "s", "items": ["I1", "I2", "I3", "I4"], "minAnswered": 0.75 }""").Score(Answers(4, null, null, 3))["s"];
        Assert.Null(s.Value);
        Assert.Null(s.Mean);
        Assert.Equal(2, s.Answered);
        Assert.Equal("Only 2 of 4 items were answered; the scale needs at least 75 % of them (minAnswered 0.75).", s.MissingReason);
    }

    [Fact]
    public void RequiresEveryItemByDefault()
    {
        var s = Make("""{ "id": "s", "items": ["I1", "I2", "I3", "I4"] }""").Score(Answers(4, 4, 4, null))["s"];
        Assert.Null(s.Value);
        Assert.Equal(1.0, s.MinAnswered);
    }

    [Fact]
    public void IsMissingWhenNothingWasAnsweredEvenWithMinAnsweredZero()
    {
        var s = Make("""{ "id": "s", "items": ["I1", "I2"], "minAnswered": 0 }""").Score(Answers(null, null))["s"];
        Assert.Null(s.Value);
        Assert.Equal("No item of the scale was answered.", s.MissingReason);
    }

    [Fact]
    public void WeightsItemsAndProratesByWeight()
    {
        // Weights 2, 1, 1: answers 5, 3, (missing) → raw 2·5 + 1·3 = 13 over answered weight 3; mean 13/3;
        // answered weight fraction 3/4 ≥ 0.5; prorated sum 13 × 4 / 3 = 52/3.
        var s = Make("""{ "id": "s", "items": [{ "item": "I1", "weight": 2 }, "I2", "I3"], "aggregate": "sum", "minAnswered": 0.5 }""")
            .Score(Answers(5, 3, null))["s"];
        Assert.Equal(13.0, s.RawSum);
        Assert.Equal(13.0 / 3, s.Mean);
        Assert.Equal(13.0 * 4 / 3, s.Value);
    }

    [Fact]
    public void ReportsEveryBadAnswerAndNeverCoercesOne()
    {
        var instrument = Make("""{ "id": "s", "items": ["I1", "I2"] }""");
        var response = new Response("p7", new Dictionary<string, int?> { ["I1"] = 6, ["I2"] = 0, ["X9"] = 3 });
        var ex = Assert.Throws<InvalidResponseException>(() => instrument.Score(response));
        Assert.Equal(
        [
            "p7 / I1: The answer 6 is outside the range 1–5 of format 'f'.",
            "p7 / I2: The answer 0 is outside the range 1–5 of format 'f'.",
            "p7 / X9: The instrument 't@1.0.0' has no item 'X9'.",
        ], ex.Problems.Select(p => p.ToString()));

        // The message goes to logs: it names the instrument's items, never the person, the answers (6, 0, 3) or an item id
        // the instrument does not define (X9 came from the input).
        Assert.Equal(
            "The response has 3 problem(s), on item(s) 'I1', 'I2'. The Problems property names the respondent and item of each and says what is wrong; "
            + "this message quotes no respondent id, answer or text, so that logs stay free of them.", ex.Message);
    }

    [Fact]
    public void AnAnswerOrTextWithoutAnItemIdIsAProblemNotACrash()
    {
        var instrument = Make("""{ "id": "s", "items": ["I1", "I2"] }""");
        var response = new Response("person-42", new NullKeyDictionary<int?>((null, 3), ("I1", 2)), new NullKeyDictionary<string>((null, "a story")));
        Assert.Equal(
        [
            "person-42 / : An answer has no item id (null); each answer names the item it answers.",
            "person-42 / : An answer has no item id (null); each answer names the item it answers.",
        ], instrument.Validate(response).Select(p => p.ToString()));
        var ex = Assert.Throws<InvalidResponseException>(() => instrument.Score(response));
        Assert.Equal(2, ex.Problems.Count);
        Assert.StartsWith("The response has 2 problem(s). The Problems property", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("person-42", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void BuildingAMatrixReportsNullItemIdsAndNullResponses()
    {
        var instrument = Make("""{ "id": "s", "items": ["I1", "I2"] }""");
        var ex = Assert.Throws<InvalidResponseException>(() => ResponseMatrix.FromResponses(instrument,
            [new Response("a", new NullKeyDictionary<int?>(("I1", 2), (null, 3))), null!]));
        Assert.Equal(
        [
            "a / : An answer has no item id (null); each answer names the item it answers.",
            "(no id) / : Response 2 is null.",
        ], ex.Problems.Select(p => p.ToString()));
    }

    [Fact]
    public void AnItemWithoutAFormatTakesNoRatedAnswerEvenInItemOrder()
    {
        // I2 has no response format: any number given for it is refused, whether the answers come in item order (the
        // positional check) or not (the lookup by id).
        var instrument = Instrument.Parse("""
            { "id": "t", "version": "1.0.0", "kind": "likert", "languages": ["en"], "title": { "en": "T" },
              "responseFormats": { "f": { "min": 1, "max": 5 } },
              "items": [ { "id": "I1", "format": "f", "text": { "en": "1" } }, { "id": "I2", "text": { "en": "2" } } ],
              "scales": [ { "id": "s", "items": ["I1"] } ] }
            """);
        foreach (var answers in new[] { new Dictionary<string, int?> { ["I1"] = 3, ["I2"] = 1 }, new Dictionary<string, int?> { ["I2"] = 1, ["I1"] = 3 } })
        {
            var ex = Assert.Throws<InvalidResponseException>(() => instrument.Score(new Response("p", answers)));
            Assert.Equal("p / I2: Item 'I2' has no response format, so it takes no rated answer (found 1).", Assert.Single(ex.Problems).ToString());
        }

        Assert.Equal(3, instrument.Score(new Response("p", new Dictionary<string, int?> { ["I1"] = 3, ["I2"] = null }))["s"].Value);
    }

    [Fact]
    public void RejectsBadCellsRowByRowInABatchAndGoesOn()
    {
        var instrument = Make("""{ "id": "s", "items": ["I1", "I2"] }""");
        var matrix = new ResponseMatrix(4, 3) { RowCount = 3 };
        matrix[0, 0] = 1; matrix[0, 1] = 2;
        matrix[1, 0] = 9; matrix[1, 1] = -1;
        matrix[2, 0] = 5; matrix[2, 1] = 5;
        var batch = instrument.ScoreBatch(matrix);
        Assert.Equal(3, batch.RowCount);
        Assert.Equal(2, batch.ScoredCount);
        Assert.Equal(1, batch.RejectedCount);
        Assert.True(batch.IsRejected(1));
        Assert.Equal(
        [
            new RowRejection(1, "I1", "The answer 9 is outside the range 1–5 of format 'f'."),
            new RowRejection(1, "I2", "The answer -1 is outside the range 1–5 of format 'f'."),
        ], batch.Rejections);
        Assert.Equal([1.5, double.NaN, 5], batch.GetValues(0).ToArray());
    }

    [Fact]
    public void ParsesAnswerTextStrictly()
    {
        Assert.True(AnswerText.TryParse(" 4 ", out var four, out _));
        Assert.Equal(4, four);
        Assert.True(AnswerText.TryParse("", out var missing, out _));
        Assert.Null(missing);
        Assert.False(AnswerText.TryParse("3,5", out _, out var comma));
        Assert.Equal("'3,5' is not a number.", comma);
        Assert.False(AnswerText.TryParse("3.5", out _, out var dot));
        Assert.Equal("'3.5' is not a whole number; answers are integers on the item's format.", dot);

        // A decimal without a fraction is that whole number (pandas writes 3.0 in a column with gaps).
        Assert.True(AnswerText.TryParse("3.0", out var three, out _));
        Assert.Equal(3, three);
    }
}
