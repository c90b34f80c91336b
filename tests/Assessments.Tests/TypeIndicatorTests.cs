using Assessments.Responses;
using Assessments.TypeIndicator;
using FsCheck.Xunit;

namespace Assessments.Tests;

/// <summary>The type-indicator kind against OEJTS 1.2's published formula and hand-checked cases (docs/methods.md §3).</summary>
public class TypeIndicatorTests
{
    private static readonly Instrument OejtsKeys = Instrument.Parse(Oejts.Json());

    private static TypeIndicatorResult Score(Instrument instrument, int[] q) => (TypeIndicatorResult)instrument.Score(Oejts.Response(q));

    private static int[] Answers(int value) => [0, .. Enumerable.Repeat(value, 32)];

    [Property(MaxTest = 500)]
    public void ReproducesTheOfficialOejtsFormulaForEveryAnswerVector(int seed)
    {
        var random = new Random(seed);
        int[] q = [0, .. Enumerable.Range(0, 32).Select(_ => random.Next(1, 6))];
        var official = Oejts.Formula(q);
        var result = Score(OejtsKeys, q);
        Assert.Equal([official.IE, official.SN, official.FT, official.JP], result.Dichotomies.Select(d => (int)d.Score!.Value));
        Assert.Equal(Oejts.Type(official), result.Type);
    }

    [Theory]
    [InlineData(3, 24, 24, 24, 24, "ISFJ")] // every scale at the midpoint: the strict > 24 rule gives I, S, F, J
    [InlineData(1, 28, 16, 28, 20, "ESTJ")] // IE = 30 − 5·1 + 3·1; SN = 12 + 6 − 2; FT = 30 − 5 + 3; JP = 18 + 5 − 3
    [InlineData(5, 20, 32, 20, 28, "INFP")] // IE = 30 − 25 + 15; SN = 12 + 30 − 10; FT = 30 − 25 + 15; JP = 18 + 25 − 15
    public void GivesTheOfficialScoresAndTypesForUniformAnswers(int answer, int ie, int sn, int ft, int jp, string type)
    {
        var result = Score(OejtsKeys, Answers(answer));
        Assert.Equal([ie, sn, ft, jp], result.Dichotomies.Select(d => (int)d.Score!.Value));
        Assert.Equal(type, result.Type);
    }

    [Fact]
    public void ComputesSignedClarityAndItsBand()
    {
        var result = Score(OejtsKeys, Answers(5)); // 20, 32, 20, 28
        Assert.Equal([-0.25, 0.5, -0.25, 0.25], result.Dichotomies.Select(d => d.Clarity!.Value)); // (score − 24)/16
        Assert.Equal([ClarityBand.Moderate, ClarityBand.Clear, ClarityBand.Moderate, ClarityBand.Moderate], result.Dichotomies.Select(d => d.Band!.Value));
        var midpoint = Score(OejtsKeys, Answers(3));
        Assert.All(midpoint.Dichotomies, d => Assert.True(d.AtMidpoint && d.Clarity == 0 && d.Band == ClarityBand.Slight));
    }

    [Theory]
    [InlineData("low", "ISFJ")]
    [InlineData("high", "ENTP")]
    [InlineData("X", "XXXX")]
    public void AppliesTheTieRuleAtTheMidpoint(string tie, string type) =>
        Assert.Equal(type, Score(Instrument.Parse(Oejts.Json(tie)), Answers(3)).Type);

    [Property(MaxTest = 300)]
    public void MirroringEveryAnswerFlipsEveryLetterExceptAtTheMidpoint(int seed)
    {
        var random = new Random(seed);
        int[] q = [0, .. Enumerable.Range(0, 32).Select(_ => random.Next(1, 6))];
        int[] mirrored = [0, .. q.Skip(1).Select(x => 6 - x)];
        var instrument = Instrument.Parse(Oejts.Json("X"));
        var a = Score(instrument, q);
        var b = Score(instrument, mirrored);
        for (var k = 0; k < 4; k++)
        {
            var (da, db) = (a.Dichotomies[k], b.Dichotomies[k]);
            Assert.Equal(48 - da.Score!.Value, db.Score!.Value); // x → 6 − x maps a sum s on 8…40 to 48 − s
            Assert.Equal(-da.Clarity!.Value, db.Clarity!.Value);
            if (da.AtMidpoint)
            {
                Assert.Equal('X', db.Letter);
            }
            else
            {
                Assert.NotEqual(da.Letter, db.Letter);
            }
        }
    }

    [Property(MaxTest = 300)]
    public void ScoresStayWithinTheirPossibleSums(int seed)
    {
        var random = new Random(seed);
        var result = Score(OejtsKeys, [0, .. Enumerable.Range(0, 32).Select(_ => random.Next(1, 6))]);
        Assert.All(result.Dichotomies, d => Assert.InRange(d.Score!.Value, 8, 40));
        Assert.All(result.Dichotomies, d => Assert.InRange(d.Clarity!.Value, -1, 1));
    }

    [Fact]
    public void RequiresEveryItemByDefault()
    {
        var answers = Enumerable.Range(1, 32).ToDictionary(i => "Q" + i, i => (int?)3);
        answers["Q3"] = null;
        var result = (TypeIndicatorResult)OejtsKeys.Score(new Response("p", answers));
        Assert.Equal("XSFJ", result.Type);
        Assert.Null(result.Dichotomies[0].Score);
        Assert.Equal("Only 7 of 8 items were answered; this dichotomy needs every item.", result.Dichotomies[0].MissingReason);
        Assert.Equal("SJ", result.Temperament); // the SJ grouping needs only S and J, which are determined
    }

    [Fact]
    public void ReplacesMissingAnswersByTheNeutralPointWhenAsked()
    {
        // All 1s except Q3 missing: IE = 30 − 3 (neutral) − 1 − 1 + 1 − 1 + 1 + 1 − 1 = 26 → E, one imputed answer.
        var answers = Enumerable.Range(1, 32).ToDictionary(i => "Q" + i, i => (int?)1);
        answers["Q3"] = null;
        var result = (TypeIndicatorResult)Instrument.Parse(Oejts.Json(missing: "neutral")).Score(new Response("p", answers));
        Assert.Equal(26, result.Dichotomies[0].Score);
        Assert.Equal(1, result.Dichotomies[0].Imputed);
        Assert.Equal("ESTJ", result.Type);
        Assert.Equal("SJ", result.Temperament);
    }

    [Fact]
    public void ThePerPersonAndBatchPathsGiveTheSameTypes()
    {
        var random = new Random(11);
        var responses = Enumerable.Range(0, 200).Select(i => Oejts.Response([0, .. Enumerable.Range(0, 32).Select(_ => random.Next(1, 6))], "p" + i)).ToList();
        var batch = OejtsKeys.ScoreBatch(ResponseMatrix.FromResponses(OejtsKeys, responses));
        for (var r = 0; r < responses.Count; r++)
        {
            var single = (TypeIndicatorResult)OejtsKeys.Score(responses[r]);
            var fromBatch = (TypeIndicatorResult)OejtsKeys.KindHandler.Score(OejtsKeys, responses[r], batch.GetScores(r));
            Assert.Equal(single.Dichotomies, fromBatch.Dichotomies);
            Assert.Equal(single.Type, fromBatch.Type);
        }
    }

    [Theory]
    [InlineData("\"scale\":\"IE\",\"low\":\"I\"", "\"scale\":\"EI\",\"low\":\"I\"", "$['type-indicator'].dichotomies[0].scale", "The dichotomy refers to scale 'EI', which is not defined in $.scales.")]
    [InlineData("\"low\":\"S\"", "\"low\":\"I\"", "$['type-indicator'].dichotomies[1].low", "The letter 'I' is already used by another pole; every pole needs its own letter.")]
    [InlineData("\"high\":\"P\"", "\"high\":\"X\"", "$['type-indicator'].dichotomies[3].high", "The high pole must be one upper-case letter other than X (X marks an undetermined preference); found 'X'.")]
    [InlineData("\"tie\":\"low\"}]", "\"tie\":\"coin\"}]", "$['type-indicator'].dichotomies[3].tie", "Unknown tie rule 'coin'; use 'low', 'high' or 'X'.")]
    [InlineData("\"midpoint\":24,\"tie\":\"low\"}]", "\"midpoint\":40,\"tie\":\"low\"}]", "$['type-indicator'].dichotomies[3].midpoint", "The midpoint 40 must lie strictly between the scale's lowest (8) and highest (40) sums.")]
    [InlineData("{\"id\":\"JP\",\"aggregate\":\"sum\"", "{\"id\":\"JP\",\"aggregate\":\"mean\"", "$['type-indicator'].dichotomies[3].scale", "The scale 'JP' of a dichotomy must aggregate as a \"sum\" with weight 1 on every item.")]
    [InlineData("\"missing\":\"requireAll\"", "\"missing\":\"requireAll\",\"descriptions\":{\"ESXJ\":{\"en\":\"x\"}}", "$['type-indicator'].descriptions.ESXJ", "'ESXJ' is not a type of this instrument: it needs one pole letter per dichotomy, in order (I/E S/N F/T J/P).")]
    [InlineData("\"tie\":\"low\"}]", "\"tie\":null}]", "$['type-indicator'].dichotomies[3].tie", "null is not allowed here; expected a string. Leave an optional property out instead.")]
    [InlineData("\"midpoint\":24,\"tie\":\"low\"}]", "\"midpoint\":\"24\",\"tie\":\"low\"}]", "$['type-indicator'].dichotomies[3].midpoint", "Expected a number here, found a string.")]
    [InlineData("\"missing\":\"requireAll\"", "\"missing\":\"requireAll\",\"descriptions\":{\"ESTJ\":null}", "$['type-indicator'].descriptions.ESTJ", "null is not allowed here; expected an object. Leave an optional property out instead.")]
    [InlineData("\"missing\":\"requireAll\"", "\"missing\":\"requireAll\",\"descriptions\":{\"E-TJ\":{\"en\":\"x\"}}", "$['type-indicator'].descriptions['E-TJ']", "'E-TJ' is not a type of this instrument: it needs one pole letter per dichotomy, in order (I/E S/N F/T J/P).")]
    public void ValidatesTheSettings(string find, string replace, string path, string message)
    {
        var json = Oejts.Json();
        Assert.Contains(find, json, StringComparison.Ordinal);
        var index = json.LastIndexOf(find, StringComparison.Ordinal);
        json = json[..index] + replace + json[(index + find.Length)..];
        Assert.False(Instrument.TryParse(json, out _, out var diagnostics));
        var d = Assert.Single(diagnostics);
        Assert.Equal((path, message), (d.Path, d.Reason));
    }
}
