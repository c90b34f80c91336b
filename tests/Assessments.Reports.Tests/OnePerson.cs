using System.Text.Json;
using Assessments.CardSort;
using Assessments.Ikigai;
using Assessments.Matching;
using Assessments.Responses;
using Assessments.Scoring;

namespace Assessments.Reports.Tests;

/// <summary>
/// One person's results on the four shipped kinds, scored here with the library: interests S 5, I 4, A 3, R 2, E 2, C 1
/// (code SIA); the type indicator with every item answered 4 (reverse-keyed items then count 2); the values cards sorted
/// as the first worked example; the Ikigai candidates of the first worked example.
/// </summary>
internal static class OnePerson
{
    public const string Id = "p1";

    public static IReadOnlyList<InstrumentResult> Results { get; } = Score();

    public static OccupationCatalog Starter { get; } = OccupationCatalog.LoadStarter();

    public static CareerProfile Profile { get; } = CareerProfile.FromResults(Results).WithOccupations(Starter, top: 5);

    private static InstrumentResult[] Score()
    {
        var interests = Instruments.Load("interests-riasec");
        var level = new Dictionary<string, int> { ["R"] = 2, ["I"] = 4, ["A"] = 3, ["S"] = 5, ["E"] = 2, ["C"] = 1 };
        var interestAnswers = interests.Scales.SelectMany(s => s.Items.Select(i => (i.Item.Id, Answer: (int?)level[s.Id]))).ToDictionary(x => x.Id, x => x.Answer);

        var type = Instruments.Load("type-indicator");
        var typeAnswers = type.Items.ToDictionary(i => i.Id, i => (int?)4);

        var values = Instruments.Load("values-cards");
        using var valuesLine = JsonDocument.Parse(File.ReadLines(Path.Combine(TestPaths.RepoRoot, "instruments", "examples", "values-cards.responses.jsonl")).First());
        var piles = valuesLine.RootElement.GetProperty("piles").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString()!);
        var ranks = valuesLine.RootElement.GetProperty("ranks").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetInt32());

        var ikigai = Instruments.Load("ikigai");
        using var ikigaiLine = JsonDocument.Parse(File.ReadLines(Path.Combine(TestPaths.RepoRoot, "instruments", "examples", "ikigai.responses.jsonl")).First());
        var candidates = ikigaiLine.RootElement.GetProperty("candidates").EnumerateArray().Select(c => new Assessments.Ikigai.IkigaiCandidate(
            c.GetProperty("id").GetString()!, c.GetProperty("label").GetString()!,
            c.GetProperty("ratings").EnumerateObject().ToDictionary(r => Enum.Parse<IkigaiCircle>(r.Name, ignoreCase: true), r => r.Value.GetInt32()))).ToArray();

        return
        [
            interests.Score(new Response(Id, interestAnswers)),
            type.Score(new Response(Id, typeAnswers)),
            CardSortScorer.Score(values, new CardSortResponse(Id, piles, ranks)),
            IkigaiScorer.Score(ikigai, new IkigaiResponse(Id, candidates)),
        ];
    }

    /// <summary>The results as the JSON lines <c>assess score --format jsonl</c> writes.</summary>
    public static string[] JsonLines() => [.. Results.Select(r =>
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            r.WriteJson(writer);
        }

        return System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan);
    })];
}
