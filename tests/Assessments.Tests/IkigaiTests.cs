using Assessments.Ikigai;
using Assessments.Responses;
using FsCheck.Xunit;

namespace Assessments.Tests;

/// <summary>The Ikigai model (docs/methods.md §7.2): t-norms, α-cuts, regions, gaps and the ranking rule.</summary>
public class IkigaiTests
{
    private static readonly string[] TNorms = ["min", "product", "lukasiewicz"];

    private static readonly string Json = File.ReadAllText(Path.Combine(TestPaths.Instruments, "ikigai.json"));

    private static Instrument With(string tNorm = "min", string alpha = "0.5") =>
        Instrument.Parse(Json.Replace("\"tNorm\": \"min\"", $"\"tNorm\": \"{tNorm}\"", StringComparison.Ordinal)
            .Replace("\"alpha\": 0.5", $"\"alpha\": {alpha}", StringComparison.Ordinal));

    private static IkigaiCandidate Derived(string id, params double[] mu) =>
        new(id, null, null, Enum.GetValues<IkigaiCircle>().ToDictionary(c => c, c => new DerivedMembership(mu[(int)c], "test")));

    private static IkigaiCandidate Rated(string id, params int[] r) =>
        new(id, null, Enum.GetValues<IkigaiCircle>().ToDictionary(c => c, c => r[(int)c]));

    [Theory]
    [InlineData("min", 0.6)]
    [InlineData("product", 0.3024)]     // 0.9 · 0.8 · 0.7 · 0.6
    [InlineData("lukasiewicz", 0.0)]    // max(0, 3.0 − 3): exactly 0, not the 4.4e-16 of double arithmetic
    public void CombinesTheFourCirclesWithTheChosenTNorm(string tNorm, double expected)
    {
        var result = IkigaiScorer.Score(With(tNorm), new IkigaiResponse("p", [Derived("x", 0.9, 0.8, 0.7, 0.6)]));
        var ikigai = result.Candidates[0].Ikigai;
        Assert.Equal(BitConverter.DoubleToInt64Bits(expected), BitConverter.DoubleToInt64Bits(ikigai));
    }

    [Fact]
    public void ComputesTheFourNamedOverlaps()
    {
        // min: passion = T(L, G) = 0.8, mission = T(L, N) = 0.7, profession = T(G, P) = 0.6, vocation = T(N, P) = 0.6.
        var c = IkigaiScorer.Score(With(), new IkigaiResponse("p", [Derived("x", 0.9, 0.8, 0.7, 0.6)])).Candidates[0];
        Assert.Equal((0.8, 0.7, 0.6, 0.6), (c.Passion, c.Mission, c.Profession, c.Vocation));
        // product: 0.72, 0.63, 0.48, 0.42.
        var p = IkigaiScorer.Score(With("product"), new IkigaiResponse("p", [Derived("x", 0.9, 0.8, 0.7, 0.6)])).Candidates[0];
        Assert.Equal((0.72, 0.63, 0.48, 0.42), (p.Passion, p.Mission, p.Profession, p.Vocation));
    }

    [Fact]
    public void RanksTheWorkedExampleAsComputedByHand()
    {
        // instruments/examples/ikigai.responses.jsonl, k01; memberships (rating − 1)/4, t-norm min, α = 0.5.
        // adult-trainer (1, .75, .75, .5): ikigai .5, geometric mean .28125^¼ = .7282; hr-officer (.5, .75, .5, 1): .5, .1875^¼ = .6580;
        // social-worker (.75, .5, 1, .25): .25, .5533; accountant (.25, 1, .25, 1): .25, .5; woodwork (1, .25, .5, .25): .25, .4204.
        var response = new IkigaiResponse("k01",
        [
            Rated("adult-trainer", 5, 4, 4, 3), Rated("woodwork", 5, 2, 3, 2), Rated("hr-officer", 3, 4, 3, 5),
            Rated("social-worker", 4, 3, 5, 2), Rated("accountant", 2, 5, 2, 5),
        ]);
        var result = IkigaiScorer.Score(With(), response);
        Assert.Equal(["adult-trainer", "hr-officer", "social-worker", "accountant", "woodwork"], result.Candidates.Select(c => c.Id));
        Assert.Equal(Math.Pow(0.28125, 0.25), result.Candidates[0].GeometricMean, 12);
        Assert.Equal(
        [
            "ikigai", "ikigai", "passion + mission (missing: paid)", "profession (missing: love, needs)", "mission (missing: good at, paid)",
        ], result.Candidates.Select(c => c.RegionName));
        Assert.Equal([IkigaiCircle.Paid, IkigaiCircle.Love, IkigaiCircle.Paid, IkigaiCircle.Love, IkigaiCircle.GoodAt], result.Candidates.Select(c => c.Weakest));
        Assert.Equal([0, 0, 0.25, 0.25, 0.25], result.Candidates.Select(c => c.Gap));
        Assert.Equal("rating 3 on 1–5", result.Candidates[0].Sources[3]);
    }

    [Fact]
    public void PutsAMembershipExactlyAtAlphaInsideTheCircle()
    {
        var c = IkigaiScorer.Score(With(alpha: "0.75"), new IkigaiResponse("p", [Rated("x", 4, 4, 4, 3)])).Candidates[0];
        Assert.Equal([IkigaiCircle.Love, IkigaiCircle.GoodAt, IkigaiCircle.Needs], c.Region); // 0.75 ≥ 0.75; paid 0.5 < 0.75
        Assert.Equal(0.25, c.Gap);
    }

    [Property(MaxTest = 200)]
    public void TheRankingDoesNotDependOnCandidateOrder(int seed)
    {
        var random = new Random(seed);
        var candidates = Enumerable.Range(0, 6).Select(i => Rated("c" + i, random.Next(1, 6), random.Next(1, 6), random.Next(1, 6), random.Next(1, 6))).ToList();
        var shuffled = candidates.OrderBy(_ => random.Next()).ToList();
        var instrument = With(TNorms[random.Next(3)]);
        Assert.Equal(IkigaiScorer.Score(instrument, new IkigaiResponse("p", candidates)).Candidates.Select(c => c.Id),
            IkigaiScorer.Score(instrument, new IkigaiResponse("p", shuffled)).Candidates.Select(c => c.Id));
    }

    [Property(MaxTest = 200)]
    public void EveryScoreStaysWithinZeroAndOne(int seed)
    {
        var random = new Random(seed);
        var instrument = With(TNorms[random.Next(3)]);
        var c = IkigaiScorer.Score(instrument, new IkigaiResponse("p",
            [Derived("x", random.NextDouble(), random.NextDouble(), random.NextDouble(), random.NextDouble())])).Candidates[0];
        Assert.All(new[] { c.Passion, c.Mission, c.Profession, c.Vocation, c.Ikigai, c.GeometricMean, c.Minimum, c.Gap }.Concat(c.Memberships),
            v => Assert.InRange(v, 0, 1));
        Assert.True(c.Ikigai <= c.Minimum + 1e-15); // every t-norm is bounded by the minimum
    }

    [Fact]
    public void RejectsDuplicateCandidatesMissingRatingsAndValuesOutOfRange()
    {
        var response = new IkigaiResponse("p",
        [
            Rated("a", 5, 4, 4, 3),
            Rated("a", 5, 4, 4, 3),
            new IkigaiCandidate("b", null, new Dictionary<IkigaiCircle, int> { [IkigaiCircle.Love] = 6, [IkigaiCircle.GoodAt] = 3, [IkigaiCircle.Needs] = 3 },
                new Dictionary<IkigaiCircle, DerivedMembership> { [IkigaiCircle.Needs] = new(0.5, "values fit") }),
        ]);
        Assert.Equal(
        [
            "p / a: The candidate 'a' appears more than once.",
            "p / b: The rating 6 on 'love' is outside 1–5.",
            "p / b: The circle 'needs' has both a rating and a derived membership; keep one.",
            "p / b: The circle 'paid' has no rating.",
        ], IkigaiScorer.Validate(With(), response).Select(p => p.ToString()));
        var ex = Assert.Throws<InvalidResponseException>(() => IkigaiScorer.Score(With(), response));
        Assert.DoesNotContain("6", ex.Message, StringComparison.Ordinal); // the bad rating stays out of the message (logs)
    }

    [Fact]
    public void NullCandidatesIdsAndDerivedMembershipsAreProblemsNotCrashes()
    {
        var ratings = new Dictionary<IkigaiCircle, int> { [IkigaiCircle.GoodAt] = 3, [IkigaiCircle.Needs] = 3, [IkigaiCircle.Paid] = 3 };
        var response = new IkigaiResponse("person-42",
        [
            null!,
            new IkigaiCandidate("x", null, ratings, new Dictionary<IkigaiCircle, DerivedMembership> { [IkigaiCircle.Love] = null! }),
            new IkigaiCandidate(null!, null, ratings),
        ]);
        Assert.Equal(
        [
            "person-42 / : Candidate 1 is null; give its id and a rating or derived membership for each circle.",
            "person-42 / x: The circle 'love' has a null derived membership; give its value and derivation, or a rating.",
            "person-42 / : A candidate needs an id.",
        ], IkigaiScorer.Validate(With(), response).Select(p => p.ToString()));
        var ex = Assert.Throws<InvalidResponseException>(() => IkigaiScorer.Score(With(), response));
        Assert.Equal(3, ex.Problems.Count);
        Assert.DoesNotContain("person-42", ex.Message, StringComparison.Ordinal);

        Assert.Equal(["k / : There is no candidate to score."], IkigaiScorer.Validate(With(), new IkigaiResponse("k", null!)).Select(p => p.ToString()));
    }

    [Theory]
    [InlineData("\"tNorm\": \"min\"", "\"tNorm\": \"max\"", "$.ikigai.tNorm", "Unknown t-norm 'max'; use 'min', 'product' or 'lukasiewicz'.")]
    [InlineData("\"alpha\": 0.5", "\"alpha\": 0", "$.ikigai.alpha", "alpha must be greater than 0 and at most 1 (found 0).")]
    [InlineData("\"paid\": \"paid\" }", "\"paid\": \"wage\" }", "$.ikigai.circles.paid", "The circle 'paid' refers to item 'wage', which is not defined in $.items.")]
    [InlineData("\"alpha\": 0.5", "\"alpha\": \"0.5\"", "$.ikigai.alpha", "Expected a number here, found a string.")]
    [InlineData("\"paid\": \"paid\" }", "\"paid\": null }", "$.ikigai.circles.paid", "null is not allowed here; expected a string. Leave an optional property out instead.")]
    [InlineData("\"circles\": { \"love\": \"love\", \"goodAt\": \"good\", \"needs\": \"needs\", \"paid\": \"paid\" }", "\"circles\": [\"love\", \"good\", \"needs\", \"paid\"]", "$.ikigai.circles", "Expected an object here, found an array.")]
    [InlineData("\"tNorm\": \"min\"", "\"tNorm\": null", "$.ikigai.tNorm", "null is not allowed here; expected a string. Leave an optional property out instead.")]
    [InlineData("\"paid\": \"paid\" }", "\"paid\": \"paid\", \"pay day\": \"paid\" }", "$.ikigai.circles['pay day']", "'pay day' is not a circle; use love, goodAt, needs and paid.")]
    public void ValidatesTheSettings(string find, string replace, string path, string message)
    {
        Assert.Contains(find, Json, StringComparison.Ordinal);
        Assert.False(Instrument.TryParse(Json.Replace(find, replace, StringComparison.Ordinal), out _, out var diagnostics));
        var d = Assert.Single(diagnostics);
        Assert.Equal((path, message), (d.Path, d.Reason));
    }
}
