using System.Security.Cryptography;
using System.Text;

namespace Assessments.Tests;

/// <summary>The fingerprint is SHA-256 of the canonical JSON: formatting, member order and number spelling (5e-1 vs 0.5) do not change it.</summary>
public class FingerprintTests
{
    private const string Compact =
        """{"id":"f","version":"1.0.0","kind":"likert","languages":["en"],"title":{"en":"F \"q\""},"responseFormats":{"f":{"min":1,"max":5}},"items":[{"id":"I1","format":"f","text":{"en":"1"}}],"scales":[{"id":"s","items":["I1"],"minAnswered":0.5}]}""";

    [Fact]
    public void IsSha256OfTheCanonicalForm()
    {
        // Canonical: members sorted by code unit, no white space, 0.5 kept, 1 and 5 as integers.
        const string canonical =
            """{"id":"f","items":[{"format":"f","id":"I1","text":{"en":"1"}}],"kind":"likert","languages":["en"],"responseFormats":{"f":{"max":5,"min":1}},"scales":[{"id":"s","items":["I1"],"minAnswered":0.5}],"title":{"en":"F \"q\""},"version":"1.0.0"}""";
        var expected = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)));
        Assert.Equal(expected, Instrument.Parse(Compact).Fingerprint);
    }

    [Fact]
    public void IgnoresFormattingOrderNumberSpellingAndTheSchemaHint()
    {
        var reformatted = """
            {
              "$schema": "schema/instrument.schema.json",
              "version": "1.0.0", "id": "f", "kind": "likert",
              "scales": [ { "minAnswered": 5e-1, "items": [ "I1" ], "id": "s" } ],
              "title": { "en": "F \u0022q\u0022" }, "languages": [ "en" ],
              "responseFormats": { "f": { "max": 5, "min": 1 } },
              "items": [ { "text": { "en": "1" }, "format": "f", "id": "I1" } ]
            }
            """;
        Assert.Equal(Instrument.Parse(Compact).Fingerprint, Instrument.Parse(reformatted).Fingerprint);
    }

    [Fact]
    public void ChangesWhenAScoringDetailChanges() =>
        Assert.NotEqual(Instrument.Parse(Compact).Fingerprint, Instrument.Parse(Compact.Replace("[\"I1\"]", "[\"-I1\"]", StringComparison.Ordinal)).Fingerprint);

    [Fact]
    public void IsCarriedByEveryResult()
    {
        var instrument = Instrument.Parse(Compact);
        var result = instrument.Score(new Responses.Response("p", new Dictionary<string, int?> { ["I1"] = 2 }));
        Assert.Equal(("f", "1.0.0", instrument.Fingerprint), (result.InstrumentId, result.InstrumentVersion, result.Fingerprint));
        Assert.Matches("^[0-9a-f]{64}$", result.Fingerprint);
    }
}
