using Assessments.Definitions;
using Assessments.Responses;

namespace Assessments.Tests;

/// <summary>
/// <c>"centring": "mrat"</c> (docs/methods.md §6.8): a values scale's mean minus the person's mean rating over all the
/// instrument's rated items, on a small test instrument written for this test; computed by hand in the comments.
/// </summary>
public class MratCentringTests
{
    /// <summary>Three two-item values on a 1–6 "how much is this person like you" format, centred, and one uncentred overall mean.</summary>
    internal const string Definition = """
        { "id": "values-mrat-test", "version": "1.0.0", "kind": "likert", "languages": ["en", "fr"],
          "title": { "en": "Values portraits (test)", "fr": "Portraits de valeurs (test)" },
          "responseFormats": { "like": { "min": 1, "max": 6,
            "labels": { "en": ["Not like me at all", "Not like me", "A little like me", "Somewhat like me", "Like me", "Very much like me"],
                        "fr": ["Pas du tout comme moi", "Pas comme moi", "Un peu comme moi", "Assez comme moi", "Comme moi", "Tout à fait comme moi"] } } },
          "items": [
            { "id": "CA1", "format": "like", "text": { "en": "Looking after the people close to them matters to this person.", "fr": "Prendre soin de ses proches compte pour cette personne." } },
            { "id": "CA2", "format": "like", "text": { "en": "This person wants to be someone others can rely on.", "fr": "Cette personne veut être quelqu'un sur qui l'on peut compter." } },
            { "id": "AC1", "format": "like", "text": { "en": "Being recognised for their results matters to this person.", "fr": "Être reconnu pour ses résultats compte pour cette personne." } },
            { "id": "AC2", "format": "like", "text": { "en": "This person likes to show what they can do.", "fr": "Cette personne aime montrer ce dont elle est capable." } },
            { "id": "SE1", "format": "like", "text": { "en": "This person prefers a stable job to an uncertain one.", "fr": "Cette personne préfère un emploi stable à un emploi incertain." } },
            { "id": "SE2", "format": "like", "text": { "en": "Living in a safe place is important to this person.", "fr": "Vivre dans un endroit sûr est important pour cette personne." } }
          ],
          "scales": [
            { "id": "care", "items": ["CA1", "CA2"], "minAnswered": 0.5, "centring": "mrat" },
            { "id": "achievement", "items": ["AC1", "AC2"], "minAnswered": 0.5, "centring": "mrat" },
            { "id": "security", "items": ["SE1", "SE2"], "minAnswered": 0.5, "centring": "mrat" },
            { "id": "overall", "items": ["CA1", "CA2", "AC1", "AC2", "SE1", "SE2"], "minAnswered": 0.5 }
          ] }
        """;

    private static readonly string[] Ids = ["CA1", "CA2", "AC1", "AC2", "SE1", "SE2"];

    private static Response Person(params int?[] answers) => new("p", Ids.Zip(answers).ToDictionary(p => p.First, p => p.Second));

    [Fact]
    public void EachValueIsItsMeanMinusThePersonsMeanRating()
    {
        var instrument = Instrument.Parse(Definition);
        Assert.Equal(ScaleCentring.Mrat, instrument.Scales[0].Centring);
        Assert.Equal(ScaleCentring.None, instrument.Scales[3].Centring);

        // Answers 6 5 | 2 3 | 4 4: value means 5.5, 2.5 and 4; MRAT = 24/6 = 4; centred 1.5, −1.5 and 0. The overall
        // scale is not centred: its mean, 4, is the MRAT itself.
        var result = Instrument.Parse(Definition).Score(Person(6, 5, 2, 3, 4, 4));
        var care = result.Scales[0];
        Assert.Equal(1.5, care.Value);
        Assert.Equal(5.5, care.Mean);
        Assert.Equal(4, care.Centre);
        Assert.Equal(-1.5, result.Scales[1].Value);
        Assert.Equal(0, result.Scales[2].Value);
        Assert.Equal(4, result.Scales[3].Value);
        Assert.Null(result.Scales[3].Centre);

        // CA2 missing: MRAT over the five answers = 19/5 = 3.8; care = 6 − 3.8 = 2.2, achievement 2.5 − 3.8 = −1.3,
        // security 4 − 3.8 = 0.2 (each the double nearest that difference, as computed).
        var partial = instrument.Score(Person(6, null, 2, 3, 4, 4));
        Assert.Equal(19.0 / 5, partial.Scales[0].Centre);
        Assert.Equal(6 - (19.0 / 5), partial.Scales[0].Value);
        Assert.Equal(2.5 - (19.0 / 5), partial.Scales[1].Value);
        Assert.Equal(4 - (19.0 / 5), partial.Scales[2].Value);
        Assert.Equal(2.2, partial.Scales[0].Value!.Value, 12);

        // Scale.ValueOf, for readers that add answers up themselves, is the value before centring: care's 11/2.
        Assert.Equal(5.5, instrument.Scales[0].ValueOf(11, 2, 2));
    }

    [Fact]
    public void TheBatchGivesThePerPersonBitsAndTheCentredValues()
    {
        var instrument = Instrument.Parse(Definition);
        Response[] people = [Person(6, 5, 2, 3, 4, 4), Person(6, null, 2, 3, 4, 4), Person(1, 1, 6, 6, 3, 2), Person(null, null, null, null, 5, 5)];
        var matrix = ResponseMatrix.FromResponses(instrument, people);
        var batch = instrument.ScoreBatch(matrix);
        for (var r = 0; r < people.Length; r++)
        {
            var single = instrument.Score(people[r]);
            for (var s = 0; s < instrument.Scales.Count; s++)
            {
                Assert.Equal(single.Scales[s], batch.GetScore(r, s));
                Assert.Equal(single.Scales[s].Value ?? double.NaN, batch.GetValues(s)[r]);
            }
        }

        // Row 3 answered only SE1 and SE2 (5, 5): MRAT 5, security 5 − 5 = 0; care and achievement have no answer: missing.
        Assert.Equal(0, batch.GetValues(2)[3]);
        Assert.True(double.IsNaN(batch.GetValues(0)[3]));
    }

    [Theory]
    [InlineData("\"aggregate\": \"sum\", \"centring\": \"mrat\"", "$.scales[0].centring", "must be a mean")]
    [InlineData("\"centring\": \"ipsative\"", "$.scales[0].centring", "Unknown centring 'ipsative'")]
    public void ACentringTheLibraryCannotHonourIsRefusedWithItsPath(string settings, string path, string message)
    {
        var json = Definition.Replace("\"items\": [\"CA1\", \"CA2\"], \"minAnswered\": 0.5, \"centring\": \"mrat\"", "\"items\": [\"CA1\", \"CA2\"], " + settings, StringComparison.Ordinal);
        Assert.NotEqual(Definition, json);
        var ex = Assert.Throws<InstrumentLoadException>(() => Instrument.Parse(json));
        Assert.Contains(ex.Diagnostics, d => d.Path == path && d.Reason.Contains(message, StringComparison.Ordinal));
    }

    [Fact]
    public void CentringChangesTheFingerprint()
    {
        var plain = Definition.Replace(", \"centring\": \"mrat\"", "", StringComparison.Ordinal);
        Assert.NotEqual(Instrument.Parse(plain).Fingerprint, Instrument.Parse(Definition).Fingerprint);
        Assert.Equal(ScaleCentring.None, Instrument.Parse(plain).Scales[0].Centring);
    }
}
