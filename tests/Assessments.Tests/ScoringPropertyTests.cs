using System.Globalization;
using System.Text.Json;
using Assessments.Responses;
using Assessments.Scoring;
using FsCheck.Xunit;

namespace Assessments.Tests;

/// <summary>
/// Invariants checked on answer vectors FsCheck drives (through a seed, so each case is reproducible from its printed seed).
/// </summary>
public class ScoringPropertyTests
{
    private static readonly Instrument BfiInstrument = Bfi.Load();

    private static readonly Instrument Mixed = Instrument.Parse(MixedJson());

    private static Response RandomResponse(Instrument instrument, Random random, string id, double missingRate = 0.2) =>
        new(id, instrument.Items.ToDictionary(i => i.Id,
            i => random.NextDouble() < missingRate ? (int?)null : random.Next(i.Format!.Min, i.Format.Max + 1)));

    [Property(MaxTest = 300)]
    public void ScoresStayWithinTheFormatBounds(int seed)
    {
        var result = BfiInstrument.Score(RandomResponse(BfiInstrument, new Random(seed), "p", 0.3));
        Assert.All(result.Scales, s => Assert.True(s.Value is null || (s.Value >= 1 && s.Value <= 6), $"{s.ScaleId} = {s.Value}"));
        Assert.All(result.Scales, s => Assert.InRange(s.Answered, 0, 5));
    }

    [Property(MaxTest = 300)]
    public void ReversingTwiceIsTheIdentity(int seed)
    {
        var random = new Random(seed);
        foreach (var format in Mixed.ResponseFormats.Values)
        {
            var x = random.Next(format.Min, format.Max + 1);
            Assert.Equal(x, format.Reverse(format.Reverse(x)));
        }

        // Scale r reverses exactly what m keeps and keeps what m reverses: on a 1–5 format, m + r = 6 whenever both exist.
        var result = Mixed.Score(RandomResponse(Mixed, random, "p"));
        if (result["m"].Value is { } m)
        {
            Assert.Equal(6.0, m + result["r"].Value!.Value, 12);
        }
    }

    [Property(MaxTest = 100)]
    public void PerPersonAndBatchAgreeBitForBit(int seed)
    {
        var random = new Random(seed);
        var responses = Enumerable.Range(0, 50).Select(i => RandomResponse(Mixed, random, "p" + i)).ToList();
        var batch = Mixed.ScoreBatch(ResponseMatrix.FromResponses(Mixed, responses));
        for (var r = 0; r < responses.Count; r++)
        {
            var single = Mixed.Score(responses[r]);
            for (var s = 0; s < Mixed.Scales.Count; s++)
            {
                Assert.Equal(single.Scales[s], batch.GetScore(r, s));
                var value = batch.GetValues(s)[r];
                Assert.Equal(BitConverter.DoubleToInt64Bits(single.Scales[s].Value ?? double.NaN), BitConverter.DoubleToInt64Bits(value));
            }
        }
    }

    [Property(MaxTest = 5)]
    public void OneAndManyThreadsGiveIdenticalOutput(int seed)
    {
        var random = new Random(seed);
        var responses = Enumerable.Range(0, 10_000).Select(i => RandomResponse(Mixed, random, "p" + i)).ToList();
        var matrix = ResponseMatrix.FromResponses(Mixed, responses);
        var one = Mixed.ScoreBatch(matrix, new ScoringOptions { MaxDegreeOfParallelism = 1 });
        var many = Mixed.ScoreBatch(matrix, new ScoringOptions { MaxDegreeOfParallelism = 8 });
        for (var s = 0; s < Mixed.Scales.Count; s++)
        {
            Assert.True(MemoryExtensions.SequenceEqual(
                System.Runtime.InteropServices.MemoryMarshal.AsBytes(one.GetValues(s)),
                System.Runtime.InteropServices.MemoryMarshal.AsBytes(many.GetValues(s))));
        }
    }

    [Property(MaxTest = 50)]
    public void ResultsAreIdenticalUnderCommaDecimalCultures(int seed)
    {
        var response = RandomResponse(Mixed, new Random(seed), "p");
        var invariant = Json(CultureInfo.InvariantCulture, response);
        Assert.Equal(invariant, Json(new CultureInfo("fr-FR"), response));
        Assert.Equal(invariant, Json(new CultureInfo("de-DE"), response));
    }

    // CultureInfo.CurrentCulture is per thread, so setting it here does not leak into tests running in parallel.
    private static string Json(CultureInfo culture, Response response)
    {
        var previous = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = culture;
            CultureInfo.CurrentUICulture = culture;
            var instrument = Instrument.Parse(MixedJson());
            using var stream = new MemoryStream();
            using (var writer = new Utf8JsonWriter(stream))
            {
                instrument.Score(response).WriteJson(writer);
            }

            var missing = instrument.Score(new Response("q", new Dictionary<string, int?> { ["I1"] = 1 }))["m"].MissingReason;
            return System.Text.Encoding.UTF8.GetString(stream.ToArray()) + missing;
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
            CultureInfo.CurrentUICulture = previous;
        }
    }

    // Weighted, reverse-keyed, prorated, normed: every arithmetic path of the Likert engine.
    private static string MixedJson() => """
        { "id": "mixed", "version": "1.0.0", "kind": "likert", "languages": ["en"], "title": { "en": "M" },
          "responseFormats": { "f5": { "min": 1, "max": 5 }, "f0": { "min": 0, "max": 10 } },
          "items": [
            { "id": "I1", "format": "f5", "text": { "en": "1" } }, { "id": "I2", "format": "f5", "text": { "en": "2" } },
            { "id": "I3", "format": "f0", "text": { "en": "3" } }, { "id": "I4", "format": "f0", "text": { "en": "4" } },
            { "id": "I5", "format": "f5", "text": { "en": "5" } } ],
          "scales": [
            { "id": "w", "items": [{ "item": "I1", "weight": 1.5 }, "-I2", { "item": "I3", "weight": 0.1 }, "-I4"], "aggregate": "sum", "minAnswered": 0.6 },
            { "id": "m", "items": ["I1", "-I2", "I5"], "minAnswered": 0.5 },
            { "id": "r", "items": ["-I1", "I2", "-I5"], "minAnswered": 0.5 } ],
          "norms": [ { "scale": "m", "mean": 3.1, "sd": 0.7, "table": [ { "score": 1, "count": 3 }, { "score": 3, "count": 9 }, { "score": 4.5, "count": 2 } ] } ] }
        """;
}
