using System.Globalization;
using System.Text.Json;
using Assessments.CardSort;

namespace Assessments.Tests;

/// <summary>The shipped values deck on its worked example (instruments/examples/values-cards.*), and the group statistics of it.</summary>
public class CardSortExampleTests
{
    private static readonly Instrument Deck = Instrument.Load(Path.Combine(TestPaths.Instruments, "values-cards.json"));

    private static List<CardSortResponse> Responses() =>
        [.. File.ReadAllLines(Path.Combine(TestPaths.Instruments, "examples", "values-cards.responses.jsonl"))
            .Where(l => l.Length > 0)
            .Select(l =>
            {
                using var json = JsonDocument.Parse(l);
                var root = json.RootElement;
                return new CardSortResponse(root.GetProperty("respondent").GetString(),
                    piles: root.GetProperty("piles").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString()!),
                    ranks: root.GetProperty("ranks").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetInt32()));
            })];

    [Fact]
    public void ReproducesTheComputedTopCardsAndWorkValues()
    {
        // The expected file applies the documented rule (mid-ranks of the pile groups, score (40 − rank)/39, mean per value).
        var (header, expected) = Bfi.ReadCsv(Path.Combine(TestPaths.Instruments, "examples", "values-cards.expected.csv"));
        Assert.Equal(["respondent", "top", "Achievement", "WorkingConditions", "Recognition", "Relationships", "Support", "Independence"], header);
        var responses = Responses();
        Assert.Equal(expected.Count, responses.Count);
        for (var r = 0; r < responses.Count; r++)
        {
            var result = CardSortScorer.Score(Deck, responses[r]);
            Assert.Equal(expected[r][0], result.RespondentId);
            Assert.Equal(expected[r][1], string.Join(' ', result.Top));
            Assert.Equal(expected[r][2..], result.WorkValues.Select(v => v!.Value.ToString("R", CultureInfo.InvariantCulture)));
        }
    }

    [Fact]
    public void SummarisesTheGroup()
    {
        var responses = Responses();
        var group = CardSortGroup.Analyze(Deck, responses);
        Assert.Equal(3, group.People);
        var rankings = responses.Select(r => CardSortScorer.Score(Deck, r).Cards.Select(c => c.Rank).ToArray()).ToList();
        Assert.Equal(KendallW.Compute(rankings), group.Concordance);
        // Borda points of complete rankings are Σ (n − rank): the consensus order is the order of mean ranks.
        Assert.Equal(group.ConsensusOrder, group.CardIds.Select((id, i) => (id, i)).OrderBy(p => group.MeanRanks[p.i]).ThenBy(p => p.i).Select(p => p.id));
        Assert.Null(group.Thurstone);
    }
}
