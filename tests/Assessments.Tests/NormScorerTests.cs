using Assessments.Definitions;
using Assessments.Scoring;

namespace Assessments.Tests;

/// <summary>Norm scores computed by hand (docs/methods.md §1.4).</summary>
public class NormScorerTests
{
    // Norm table: score 1 ×2, 2 ×3, 3 ×5 (N = 10); mean 3, sd 0.5.
    private static Norm MakeNorm(string percentile = "midPoint", bool withMean = true)
    {
        var mean = withMean ? "\"mean\": 3, \"sd\": 0.5, " : "";
        var instrument = Instrument.Parse($$"""
            { "id": "t", "version": "1.0.0", "kind": "likert", "languages": ["en"], "title": { "en": "T" },
              "responseFormats": { "f": { "min": 1, "max": 5 } },
              "items": [ { "id": "I1", "format": "f", "text": { "en": "1" } } ],
              "scales": [ { "id": "s", "items": ["I1"] } ],
              "norms": [ { "scale": "s", {{mean}}"percentile": "{{percentile}}",
                           "table": [ { "score": 1, "count": 2 }, { "score": 2, "count": 3 }, { "score": 3, "count": 5 } ] } ] }
            """);
        return instrument.Scales[0].Norm!;
    }

    [Fact]
    public void ComputesZAndLinearT()
    {
        // z = (3.6 − 3) / 0.5 = 1.2 (to rounding); T = 62.
        var n = NormScorer.Compute(MakeNorm(), 3.6);
        Assert.Equal(1.2, n.Z!.Value, 12);
        Assert.Equal(62, n.T!.Value, 12);
    }

    [Theory]
    [InlineData("midPoint", 2, 35.0)]   // 100 (2 + 3/2) / 10
    [InlineData("atOrBelow", 2, 50.0)]  // 100 (2 + 3) / 10
    [InlineData("midPoint", 1, 10.0)]   // 100 (0 + 2/2) / 10
    [InlineData("midPoint", 2.5, 50.0)] // between rows: 5 below, none at
    [InlineData("midPoint", 0, 0.0)]    // below the table
    [InlineData("midPoint", 4, 100.0)]  // above the table
    public void ReadsPercentileRanksFromTheTable(string definition, double score, double expected) =>
        Assert.Equal(expected, NormScorer.PercentileRank(MakeNorm(definition), score), 12);

    [Fact]
    public void NormalisesTFromThePercentileAndLeavesItUndefinedAtTheEnds()
    {
        // PR 35 → Φ⁻¹(0.35) = −0.385320466407568 (standard normal table), T_n = 46.14679533592432.
        Assert.Equal(46.14679533592432, NormScorer.Compute(MakeNorm(), 2).NormalizedT!.Value, 9);
        Assert.Null(NormScorer.Compute(MakeNorm(), 4).NormalizedT); // PR 100
        Assert.Null(NormScorer.Compute(MakeNorm(), 0).NormalizedT); // PR 0
    }

    [Theory]
    [InlineData(3.0, 5)]     // z = 0
    [InlineData(3.125, 6)]   // z = 0.25 exactly: left-closed intervals put it in stanine 6
    [InlineData(2.125, 2)]   // z = −1.75 → stanine 2
    [InlineData(2.0, 1)]     // z = −2
    [InlineData(5.0, 9)]     // z = 4
    public void AssignsStaninesFromZWithLeftClosedCuts(double score, int stanine) =>
        Assert.Equal(stanine, NormScorer.Compute(MakeNorm(), score).Stanine);

    [Fact]
    public void AssignsStaninesFromPercentilesWhenThereIsNoMean()
    {
        // PR 35 (score 2) lies in [23, 40) → stanine 4; PR 10 (score 1) lies in [4, 11) → stanine 2; z and T are null.
        var n = NormScorer.Compute(MakeNorm(withMean: false), 2);
        Assert.Equal(4, n.Stanine);
        Assert.Null(n.Z);
        Assert.Null(n.T);
        Assert.Equal(2, NormScorer.Compute(MakeNorm(withMean: false), 1).Stanine);
    }

    [Fact]
    public void AttachesNormScoresToScaleScores()
    {
        var instrument = Instrument.Parse("""
            { "id": "t", "version": "1.0.0", "kind": "likert", "languages": ["en"], "title": { "en": "T" },
              "responseFormats": { "f": { "min": 1, "max": 5 } },
              "items": [ { "id": "I1", "format": "f", "text": { "en": "1" } } ],
              "scales": [ { "id": "s", "items": ["I1"] } ],
              "norms": [ { "scale": "s", "mean": 3, "sd": 1, "sdDenominator": "n-1", "n": 200 } ] }
            """);
        var s = instrument.Score(new Responses.Response("p", new Dictionary<string, int?> { ["I1"] = 5 }))["s"];
        Assert.Equal(new NormScores(2, 70, null, null, 9), s.Norms);
    }
}
