using System.Globalization;
using Assessments.Interests;
using Assessments.Responses;

namespace Assessments.Tests;

/// <summary>The interests kind and Holland's code, consistency and differentiation (docs/methods.md §4).</summary>
public class InterestsTests
{
    private static readonly Instrument Riasec = Instrument.Load(Path.Combine(TestPaths.Instruments, "interests-riasec.json"));

    [Fact]
    public void ReproducesTheHandComputedProfilesOfTheWorkedExample()
    {
        // instruments/examples/interests-riasec.md explains each respondent's sums, code and ties.
        var (header, rows) = Bfi.ReadCsv(Path.Combine(TestPaths.Instruments, "examples", "interests-riasec.responses.csv"));
        var (_, expected) = Bfi.ReadCsv(Path.Combine(TestPaths.Instruments, "examples", "interests-riasec.expected-profile.csv"));
        for (var r = 0; r < rows.Count; r++)
        {
            var answers = Enumerable.Range(1, header.Length - 1).ToDictionary(c => header[c],
                c => rows[r][c].Length == 0 ? (int?)null : int.Parse(rows[r][c], CultureInfo.InvariantCulture));
            var result = Assert.IsType<InterestsResult>(Riasec.Score(new Response(rows[r][0], answers)));
            Assert.Equal(expected[r][1], result.Code);
            Assert.Equal(expected[r][2], string.Join(' ', result.AdmissibleCodes));
            Assert.Equal(expected[r][3], ((int)result.Consistency!).ToString(CultureInfo.InvariantCulture));
            Assert.Equal(expected[r][4], result.Differentiation!.DI1.ToString("R", CultureInfo.InvariantCulture));
            Assert.Equal(expected[r][5], result.Differentiation.DI5.ToString("R", CultureInfo.InvariantCulture));
            Assert.Equal(expected[r][6], result.Elevation!.Value.ToString("R", CultureInfo.InvariantCulture));
        }
    }

    [Fact]
    public void BreaksTiesByHexagonOrderAndListsEveryAdmissibleCode()
    {
        // E = S = 5 highest, C = 4 third: canonical SEC (S before E), and ESC is admissible too.
        double[] scores = [1, 2, 3, 5, 5, 4];
        Assert.Equal("SEC", Holland.Code(scores));
        Assert.Equal(["SEC", "ESC"], Holland.AdmissibleCodes(scores));
        // A tie below the third letter does not matter: R = I = 1 are last.
        Assert.Equal(["SEC"], Holland.AdmissibleCodes([1, 1, 3, 6, 5, 4]));
        // Six equal scores admit every ordered choice of three letters: 6 · 5 · 4 = 120.
        Assert.Equal(120, Holland.AdmissibleCodes([3, 3, 3, 3, 3, 3]).Count);
        Assert.Equal("RIA", Holland.Code([3, 3, 3, 3, 3, 3]));
    }

    [Fact]
    public void ComputesTheSevenDifferentiationIndices()
    {
        // Scores 1…6 (R…C), sorted 6, 5, 4, 3, 2, 1; sum 21, mean 3.5, squared deviations 17.5.
        var d = Differentiation.Compute([1, 2, 3, 4, 5, 6]);
        Assert.Equal(1, d.DI1);                      // 6 − 5
        Assert.Equal(2, d.DI2);                      // 6 − 4
        Assert.Equal(2, d.DI3);                      // 6 − (5 + 3)/2
        Assert.Equal(3, d.DI4);                      // 6 − (4 + 2)/2
        Assert.Equal(5, d.DI5);                      // 6 − 1
        Assert.Equal(5.0 / 21, d.DI6);               // (6 − 1)/21
        Assert.Equal(Math.Sqrt(17.5 / 6), d.DI7);    // population SD, 1.707825127659933
        Assert.Null(Differentiation.Compute([0, 0, 0, 0, 0, 0]).DI6);
    }

    [Theory]
    [InlineData("RI", ConsistencyLevel.High)]
    [InlineData("RA", ConsistencyLevel.Medium)]
    [InlineData("RS", ConsistencyLevel.Low)]
    [InlineData("CR", ConsistencyLevel.High)] // the hexagon wraps around: C is next to R
    public void RatesConsistencyByTheDistanceOfTheFirstTwoLetters(string firstTwo, ConsistencyLevel level) =>
        Assert.Equal(level, (ConsistencyLevel)Holland.HexagonDistance(firstTwo[0], firstTwo[1]));

    [Fact]
    public void LeavesTheProfileOutWhenAnAreaIsMissing()
    {
        // Only R01 answered: every other area has 0 of 8 answers, R has 1 of 8 (< 0.75).
        var result = (InterestsResult)Riasec.Score(new Response("x", new Dictionary<string, int?> { ["R01"] = 5 }));
        Assert.Null(result.Code);
        Assert.Null(result.Areas);
        Assert.Equal(['R', 'I', 'A', 'S', 'E', 'C'], result.MissingAreas);
        Assert.All(result.SummaryValues(), v => Assert.Equal("", v));
    }

    [Theory]
    [InlineData("", "$.interests", "The kind 'interests' needs a section \"interests\": { \"areas\": { \"R\": \"<scale id>\", … } } naming the scale of each RIASEC area.")]
    [InlineData(", \"interests\": { \"areas\": { \"R\": \"R\", \"I\": \"I\", \"A\": \"A\", \"S\": \"S\", \"E\": \"E\" } }", "$.interests.areas", "The area 'C' has no scale; map all six areas R, I, A, S, E, C.")]
    [InlineData(", \"interests\": { \"areas\": { \"R\": \"R\", \"I\": \"I\", \"A\": \"A\", \"S\": \"S\", \"E\": \"E\", \"C\": \"K\" } }", "$.interests.areas.C", "The area 'C' refers to scale 'K', which is not defined in $.scales.")]
    [InlineData(", \"interests\": { \"areas\": { \"R\": \"R\", \"I\": \"I\", \"A\": \"A\", \"S\": \"S\", \"E\": \"E\", \"C\": \"C\", \"X\": \"C\" } }", "$.interests.areas.X", "'X' is not a RIASEC area; use R, I, A, S, E and C.")]
    [InlineData(", \"interests\": null", "$.interests", "null is not allowed here; expected an object. Leave an optional property out instead.")]
    [InlineData(", \"interests\": { \"areas\": [\"R\", \"I\", \"A\", \"S\", \"E\", \"C\"] }", "$.interests.areas", "Expected an object here, found an array.")]
    [InlineData(", \"interests\": { \"areas\": { \"R\": \"R\", \"I\": \"I\", \"A\": \"A\", \"S\": \"S\", \"E\": \"E\", \"C\": null } }", "$.interests.areas.C", "null is not allowed here; expected a string. Leave an optional property out instead.")]
    [InlineData(", \"interests\": { \"areas\": { \"R\": \"R\", \"I\": \"I\", \"A\": \"A\", \"S\": \"S\", \"E\": \"E\", \"C\": 6 } }", "$.interests.areas.C", "Expected a string here, found a number.")]
    [InlineData(", \"interests\": { \"areas\": { \"R\": \"R\", \"I\": \"I\", \"A\": \"A\", \"S\": \"S\", \"E\": \"E\", \"C\": \"C\", \"R-2\": \"C\" } }", "$.interests.areas['R-2']", "'R-2' is not a RIASEC area; use R, I, A, S, E and C.")]
    public void ValidatesTheInterestsSection(string section, string path, string message)
    {
        var items = string.Join(",", "RIASEC".Select(l => $$"""{ "id": "{{l}}1", "format": "f", "text": { "en": "{{l}}" } }"""));
        var scales = string.Join(",", "RIASEC".Select(l => $$"""{ "id": "{{l}}", "items": ["{{l}}1"] }"""));
        var json = $$"""
            { "id": "t", "version": "1.0.0", "kind": "interests", "languages": ["en"], "title": { "en": "T" },
              "responseFormats": { "f": { "min": 1, "max": 5 } }, "items": [{{items}}], "scales": [{{scales}}]{{section}} }
            """;
        Assert.False(Instrument.TryParse(json, out _, out var diagnostics));
        var d = Assert.Single(diagnostics);
        Assert.Equal((path, message), (d.Path, d.Reason));
    }
}
