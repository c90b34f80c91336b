using System.Text.Json.Nodes;
using System.Xml;
using System.Xml.Linq;
using Assessments.Matching;
using Assessments.Responses;

namespace Assessments.Reports.Tests;

/// <summary>
/// The synthesis stays well-formed XML whatever text comes in: every character XML 1.0 cannot carry (C0 controls but tab,
/// LF and CR; U+007F–U+009F; lone surrogates; U+FFFE, U+FFFF) is replaced by U+FFFD, in the person id, instrument ids,
/// occupation titles, free text and every other text of a profile.
/// </summary>
public sealed class HostileTextTests : IDisposable
{
    private static readonly XNamespace X = "http://www.w3.org/1999/xhtml";

    private readonly string _folder = Directory.CreateTempSubdirectory("assess-hostile-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    /// <summary>Every character the report must replace, except the lone surrogates (JSON cannot carry those).</summary>
    private static readonly string Controls = string.Concat(Enumerable.Range(0, 0x20).Where(c => c is not (9 or 10 or 13)).Select(c => (char)c))
        + "\u007F\u0080\u009F\uFFFE\uFFFF";

    /// <summary>Markup, kept characters (tab, LF, CR, a pair beyond the BMP) and every character to replace.</summary>
    private static readonly string Hostile = "<b>&amp;\"'\t\n\r😀" + Controls;

    /// <summary>What <see cref="Hostile"/> reads as in the parsed report (XML turns CR into LF).</summary>
    private static readonly string Shown = "<b>&amp;\"'\t\n\n😀" + new string('\uFFFD', Controls.Length);

    private static XDocument Parse(string html)
    {
        using var reader = XmlReader.Create(new StringReader(html), new XmlReaderSettings { DtdProcessing = DtdProcessing.Ignore, CheckCharacters = true });
        return XDocument.Load(reader);
    }

    [Fact]
    public void EscapeReplacesWhatXmlCannotCarryAndKeepsTheRest()
    {
        Assert.Equal("a&lt;b&gt;&amp;&quot;&#39;\t\n\r😀é", Html.Escape("a<b>&\"'\t\n\r😀é"));
        Assert.Equal(new string('\uFFFD', Controls.Length), Html.Escape(Controls));
        Assert.Equal("x\uFFFDy\uFFFDz\uFFFD\uFFFD😀", Html.Escape("x\uD800y\uDC00z\uDFFF\uD83D😀")); // lone high, lone low, low, high before a pair
        Assert.Same("plain text", Html.Escape("plain text"));
    }

    [Fact]
    public void AProfileWhoseTextsHoldEveryForbiddenCharacterRendersAsWellFormedXml()
    {
        // Every string of the person's results lines, and the respondent, becomes the hostile text (kinds excepted: they
        // choose the reader); the occupations come from a catalog whose titles are hostile too.
        var lines = OnePerson.JsonLines().Select(line =>
        {
            var node = JsonNode.Parse(line)!;
            Poison(node);
            node["respondent"] = Hostile;
            return node.ToJsonString();
        }).ToList();
        lines.Add(new JsonObject
        {
            ["respondent"] = Hostile, ["instrument"] = Hostile, ["version"] = Hostile, ["fingerprint"] = Hostile, ["kind"] = "likert",
            ["scales"] = new JsonObject { [Hostile] = new JsonObject { ["score"] = null, ["missingReason"] = Hostile } },
            ["freeText"] = new JsonObject { [Hostile] = Hostile },
        }.ToJsonString());
        var profile = CareerProfile.FromJsonLines(lines, Hostile).WithOccupations(HostileCatalog(), top: 3);
        Assert.Equal(Hostile, profile.FreeText.Single().Text);

        foreach (var language in new[] { "en", "fr" })
        {
            var document = Parse(ReportRenderer.Render(profile, language));
            var person = document.Descendants(X + "p").Single(p => (string?)p.Attribute("class") == "person").Value;
            Assert.Equal(Shown, person[(person.IndexOf(':', StringComparison.Ordinal) + 2)..]); // after "Person: " or "Personne : "
            Assert.Equal(Shown, document.Descendants(X + "blockquote").Single().Value);
            Assert.Equal(Shown, document.Descendants(X + "h4").Single().Value); // the other questionnaire's instrument id
            var occupations = document.Descendants(X + "section").Single(s => (string?)s.Attribute("id") == "occupations");
            Assert.Equal(3, occupations.Descendants(X + "tbody").Single().Elements().Count(row => row.Element(X + "th")!.Value == Shown));
            Assert.DoesNotContain(Controls[0], document.ToString());
        }
    }

    [Fact]
    public void ARespondentIdWithLoneSurrogatesRendersAsWellFormedXml()
    {
        var id = "p\uD800q\uDFFFr😀" + Controls;
        var profile = CareerProfile.FromResults(OnePerson.Results, respondentId: id);
        var document = Parse(ReportRenderer.Render(profile));
        Assert.Equal("p\uFFFDq\uFFFDr😀" + new string('\uFFFD', Controls.Length),
            document.Descendants(X + "p").Single(p => (string?)p.Attribute("class") == "person").Value["Person: ".Length..]);
        Assert.EndsWith("p\uFFFDq\uFFFDr😀" + new string('\uFFFD', Controls.Length), document.Descendants(X + "title").First().Value, StringComparison.Ordinal);
    }

    [Fact]
    public void HalfASurrogatePairInAResultBecomesTheReplacementCharacter()
    {
        // The JSON writer replaces it on the way out, so the profile reads back U+FFFD, as the report would show it.
        var stories = Instrument.Parse("""
            { "id": "stories", "version": "1.0.0", "kind": "likert", "languages": ["en"], "title": { "en": "Stories" },
              "responseFormats": { "f": { "min": 1, "max": 5 } },
              "items": [ { "id": "I1", "format": "f", "text": { "en": "I know" } }, { "id": "PROUD", "freeText": {}, "text": { "en": "Proud" } } ],
              "scales": [ { "id": "s", "items": ["I1"] } ] }
            """);
        var result = stories.Score(new Response("p", new Dictionary<string, int?> { ["I1"] = 4 }, new Dictionary<string, string> { ["PROUD"] = "a\uD800b" }));
        var profile = CareerProfile.FromResults([result]);
        Assert.Equal("a\uFFFDb", profile.FreeText.Single().Text);
        Assert.Equal("a\uFFFDb", Parse(ReportRenderer.Render(profile)).Descendants(X + "blockquote").Single().Value);
    }

    private static void Poison(JsonNode node)
    {
        switch (node)
        {
            case JsonObject o:
                foreach (var (name, child) in o.ToList())
                {
                    if (child is JsonValue v && v.TryGetValue<string>(out _) && name != "kind")
                    {
                        o[name] = Hostile;
                    }
                    else if (child is not null)
                    {
                        Poison(child);
                    }
                }

                break;
            case JsonArray a:
                for (var i = 0; i < a.Count; i++)
                {
                    if (a[i] is JsonValue v && v.TryGetValue<string>(out _))
                    {
                        a[i] = Hostile;
                    }
                    else if (a[i] is { } child)
                    {
                        Poison(child);
                    }
                }

                break;
        }
    }

    private OccupationCatalog HostileCatalog()
    {
        var catalog = JsonNode.Parse(File.ReadAllText(TestPaths.StarterCatalog))!;
        foreach (var occupation in catalog["occupations"]!.AsArray())
        {
            occupation!["title"] = new JsonObject { ["en"] = Hostile, ["fr"] = Hostile };
        }

        var path = Path.Combine(_folder, "hostile.json");
        File.WriteAllText(path, catalog.ToJsonString());
        return OccupationCatalog.LoadJson(path);
    }
}
