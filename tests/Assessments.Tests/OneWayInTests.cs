using System.Globalization;
using System.Text.Json;
using Assessments.CardSort;
using Assessments.Definitions;
using Assessments.Ikigai;
using Assessments.Responses;
using Assessments.Scoring;

namespace Assessments.Tests;

/// <summary>
/// One way in for every kind (issue 19, part 1): <see cref="Instrument.Score(IResponse)"/> scores each of the five shipped
/// instruments from its own kind of response, refuses a response of the wrong type by naming the right one, and scores an
/// app's own kind that takes its own response type, registered like any kind.
/// </summary>
public class OneWayInTests
{
    private static Instrument Shipped(string id) => Instrument.Load(Path.Combine(TestPaths.Instruments, id + ".json"));

    [Fact]
    public void Item_answers_score_through_the_one_entry_point()
    {
        // career-readiness.responses.csv, p01 answers 3 everywhere: every scale is 3 (expected.csv, first row).
        var instrument = Shipped("career-readiness");
        IResponse response = new Response("p01", instrument.Items.ToDictionary(i => i.Id, _ => (int?)3));
        var result = instrument.Score(response);
        Assert.Equal("p01", result.RespondentId);
        Assert.All(result.Scales, s => Assert.Equal(3.0, s.Value));
        Assert.Empty(instrument.Validate(response));
    }

    [Fact]
    public void A_card_sort_scores_through_the_one_entry_point_to_its_expected_values()
    {
        // values-cards.expected.csv: v01's top five and work values, computed by the documented rule.
        var deck = Shipped("values-cards");
        using var json = JsonDocument.Parse(File.ReadLines(Path.Combine(TestPaths.Instruments, "examples", "values-cards.responses.jsonl")).First());
        var root = json.RootElement;
        IResponse response = new CardSortResponse(root.GetProperty("respondent").GetString(),
            piles: root.GetProperty("piles").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString()!),
            ranks: root.GetProperty("ranks").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetInt32()));
        var expected = File.ReadLines(Path.Combine(TestPaths.Instruments, "examples", "values-cards.expected.csv")).ElementAt(1).Split(',');

        var result = Assert.IsType<CardSortResult>(deck.Score(response));
        Assert.Equal(expected[0], result.RespondentId);
        Assert.Equal(expected[1], string.Join(' ', result.Top));
        Assert.Equal(expected[2..], result.WorkValues.Select(v => v!.Value.ToString("R", CultureInfo.InvariantCulture)));
        Assert.Empty(deck.Validate(response));
    }

    [Fact]
    public void An_Ikigai_exercise_scores_through_the_one_entry_point_as_computed_by_hand()
    {
        // ikigai.responses.jsonl, k01 (see IkigaiTests): adult-trainer first, geometric mean .28125^¼.
        static IkigaiCandidate Rated(string id, params int[] r) => new(id, null, Enum.GetValues<IkigaiCircle>().ToDictionary(c => c, c => r[(int)c]));
        IResponse response = new IkigaiResponse("k01",
        [
            Rated("adult-trainer", 5, 4, 4, 3), Rated("woodwork", 5, 2, 3, 2), Rated("hr-officer", 3, 4, 3, 5),
            Rated("social-worker", 4, 3, 5, 2), Rated("accountant", 2, 5, 2, 5),
        ]);
        var result = Assert.IsType<IkigaiResult>(Shipped("ikigai").Score(response));
        Assert.Equal(["adult-trainer", "hr-officer", "social-worker", "accountant", "woodwork"], result.Candidates.Select(c => c.Id));
        Assert.Equal(Math.Pow(0.28125, 0.25), result.Candidates[0].GeometricMean, 12);
    }

    [Fact]
    public void A_response_of_the_wrong_type_is_refused_with_the_type_the_kind_takes()
    {
        var deck = Shipped("values-cards");
        var answers = new Response("p", new Dictionary<string, int?>());
        Assert.Equal("'values-cards@1.0.0' is a card-sort instrument: it is scored from a CardSortResponse, not a Response. (Parameter 'response')",
            Assert.Throws<ArgumentException>(() => deck.Score(answers)).Message);
        Assert.Throws<ArgumentException>(() => deck.Validate(answers));
        Assert.Equal("'career-readiness@1.0.0' is a likert instrument: it is scored from a Response, not a IkigaiResponse. (Parameter 'response')",
            Assert.Throws<ArgumentException>(() => Shipped("career-readiness").Score(new IkigaiResponse("p", []))).Message);
    }

    [Fact]
    public void A_bad_card_sort_lists_its_problems_through_the_one_entry_point()
    {
        var deck = Shipped("values-cards");
        var response = new CardSortResponse("p", piles: new Dictionary<string, string> { ["no-such-card"] = "very" });
        var problems = deck.Validate(response);
        Assert.Contains(problems, p => p.ItemId == "no-such-card");
        Assert.Equal(problems, Assert.Throws<InvalidResponseException>(() => deck.Score(response)).Problems);
    }

    [Fact]
    public void An_apps_own_kind_with_its_own_response_type_scores_the_same_way()
    {
        var kinds = InstrumentKindRegistry.Default.With(new WordCountKind());
        var instrument = Instrument.Parse("""
            { "id": "words", "version": "1.0.0", "kind": "word-count", "languages": ["en"], "title": { "en": "Words" },
              "responseFormats": { "f": { "min": 1, "max": 5 } },
              "items": [ { "id": "I1", "format": "f", "text": { "en": "1" } } ],
              "scales": [ { "id": "s", "items": ["I1"] } ] }
            """, new InstrumentLoadOptions { Kinds = kinds });

        var result = Assert.IsType<WordCountResult>(instrument.Score(new WordsResponse("w1", ["autonomy", "team", "care"])));
        Assert.Equal(("w1", 3), (result.RespondentId, result.Words));
        var problem = Assert.Single(Assert.Throws<InvalidResponseException>(() => instrument.Score(new WordsResponse("w2", ["ok", " "]))).Problems);
        Assert.Equal(("w2", "1", "A word is blank."), (problem.RespondentId, problem.ItemId, problem.Reason));
        Assert.Throws<ArgumentException>(() => instrument.Score(new Response("w3", new Dictionary<string, int?> { ["I1"] = 3 })));
    }

    private sealed record WordsResponse(string? RespondentId, IReadOnlyList<string> Words) : IResponse;

    private sealed class WordCountResult(Instrument instrument, string? respondentId, int words) : InstrumentResult(instrument, respondentId, [])
    {
        public int Words { get; } = words;
    }

    /// <summary>A kind an app could add: the person lists words, the result counts them.</summary>
    private sealed class WordCountKind : IInstrumentKind
    {
        public string Name => "word-count";

        public Type ResponseType => typeof(WordsResponse);

        public object? Compile(KindCompilationContext context) => null;

        public InstrumentResult Score(Instrument instrument, Response response, IReadOnlyList<ScaleScore> scales) =>
            throw new InvalidOperationException("Never reached: the instrument refuses item answers.");

        public IReadOnlyList<ResponseProblem> ValidateResponse(Instrument instrument, IResponse response) =>
            [.. ((WordsResponse)response).Words.Select((w, i) => (w, i)).Where(x => string.IsNullOrWhiteSpace(x.w))
                .Select(x => new ResponseProblem(response.RespondentId, x.i.ToString(CultureInfo.InvariantCulture), "A word is blank."))];

        public InstrumentResult ScoreResponse(Instrument instrument, IResponse response) =>
            new WordCountResult(instrument, response.RespondentId, ((WordsResponse)response).Words.Count);
    }
}
