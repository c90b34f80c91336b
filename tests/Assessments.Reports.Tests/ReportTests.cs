using System.Globalization;
using System.Xml;
using System.Xml.Linq;
using Assessments.ApiApproval;
using Assessments.Matching;
using Assessments.Responses;
using Assessments.Scoring;

namespace Assessments.Reports.Tests;

/// <summary>The HTML synthesis: well-formed, every section and number of the profile in it, charts whose geometry matches the numbers.</summary>
public class ReportTests
{
    private static readonly XNamespace X = "http://www.w3.org/1999/xhtml";
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    private static XDocument Parse(string html)
    {
        using var reader = XmlReader.Create(new StringReader(html), new XmlReaderSettings { DtdProcessing = DtdProcessing.Ignore });
        return XDocument.Load(reader); // throws on anything that is not well-formed
    }

    [Theory]
    [InlineData("en", "Summary", "Occupations to explore", "Points of attention", "Next steps", "About these results")]
    [InlineData("fr", "En bref", "Métiers à explorer", "Points d'attention", "Prochaines étapes", "À propos de ces résultats")]
    public void TheReportIsWellFormedAndHasEverySection(string language, params string[] headings)
    {
        var document = Parse(ReportRenderer.Render(OnePerson.Profile, language));
        Assert.Equal(language, document.Root!.Attribute("lang")!.Value);
        var ids = document.Descendants(X + "section").Select(s => s.Attribute("id")!.Value).ToArray();
        Assert.Equal(["summary", "results", "interests", "type", "values", "ikigai", "occupations", "attention", "next-steps", "about"], ids);
        var h2 = document.Descendants(X + "h2").Select(h => h.Value).ToArray();
        Assert.Equal(headings, h2.Where(h => headings.Contains(h)));
        Assert.Equal(4, document.Descendants(Svg + "svg").Count());
        Assert.All(document.Descendants(Svg + "svg"), svg =>
        {
            Assert.Equal("img", svg.Attribute("role")!.Value);
            Assert.False(string.IsNullOrWhiteSpace(svg.Element(Svg + "title")!.Value));
            Assert.False(string.IsNullOrWhiteSpace(svg.Element(Svg + "desc")!.Value));
        });
    }

    [Fact]
    public void TheReportFetchesNothingAndRunsNoScript()
    {
        var html = ReportRenderer.Render(OnePerson.Profile);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<link", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("src=", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("url(", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("@media print", html, StringComparison.Ordinal);
    }

    [Fact]
    public void EveryNumberOfTheProfileIsInTheReport()
    {
        var p = OnePerson.Profile;
        var text = string.Concat(Parse(ReportRenderer.Render(p)).Descendants(X + "main").Single().DescendantNodes().OfType<XText>().Select(t => t.Value + " "));
        string N(double v) => v.ToString("0.##", CultureInfo.InvariantCulture);

        Assert.Equal("SIA", p.Interests!.Code);
        Assert.Equal([2.0, 4, 3, 5, 2, 1], p.Interests.Areas);
        Assert.Contains("Holland code SIA", text, StringComparison.Ordinal);
        foreach (var area in p.Interests.Areas)
        {
            Assert.Contains(N(area), text, StringComparison.Ordinal);
        }

        Assert.Contains(p.Type!.Type, text, StringComparison.Ordinal);
        Assert.All(p.Type.Dichotomies, d => Assert.Contains(N(d.Clarity!.Value), text, StringComparison.Ordinal));
        Assert.All(p.Values!.Ordered.Take(10), c => Assert.Contains(N(c.Score), text, StringComparison.Ordinal));
        Assert.Contains("Autonomy", text, StringComparison.Ordinal); // the first card's English title, from the shipped instrument
        Assert.All(p.Ikigai!, c => Assert.Contains(c.Label, text, StringComparison.Ordinal));
        Assert.Equal(5, p.Occupations.Count);
        Assert.All(p.Occupations, o =>
        {
            Assert.Contains(o.Code, text, StringComparison.Ordinal);
            Assert.Contains(N(o.Score), text, StringComparison.Ordinal);
            Assert.Contains(N(o.InterestContribution!.Value), text, StringComparison.Ordinal);
            Assert.Contains(N(o.ValuesContribution!.Value), text, StringComparison.Ordinal);
            Assert.Equal(o.Score, o.InterestContribution!.Value + o.ValuesContribution!.Value, 12); // w·r_i + (1 − w)·r_v
        });
        Assert.All(p.Sources, s => Assert.Contains(s.Fingerprint, text, StringComparison.Ordinal));
        Assert.Contains(OnePerson.Starter.Attribution, text, StringComparison.Ordinal);
        Assert.Contains("not normed", text, StringComparison.Ordinal);
    }

    [Fact]
    public void HexagonVerticesLieAtTheRadiusOfTheirScores()
    {
        var svg = Parse(ReportRenderer.Render(OnePerson.Profile)).Descendants(Svg + "svg").First();
        var vertices = svg.Descendants(Svg + "circle").Where(c => c.Attribute("class")?.Value == "vertex").ToArray();
        Assert.Equal("RIASEC", string.Concat(vertices.Select(v => v.Attribute("data-area")!.Value)));
        for (var k = 0; k < 6; k++)
        {
            var x = double.Parse(vertices[k].Attribute("cx")!.Value, CultureInfo.InvariantCulture) - 160;
            var y = double.Parse(vertices[k].Attribute("cy")!.Value, CultureInfo.InvariantCulture) - 160;
            // Radius 120 · (s − 1) / 4: S 5 → 120, I 4 → 90, A 3 → 60, R = E 2 → 30, C 1 → 0 (the centre).
            var expected = 120 * (OnePerson.Profile.Interests!.Areas[k] - 1) / 4;
            Assert.Equal(expected, Math.Sqrt((x * x) + (y * y)), 1);
            if (expected > 0)
            {
                Assert.Equal(-90 + (60 * k), Math.Atan2(y, x) * 180 / Math.PI, 0); // R at the top, then clockwise
            }
        }
    }

    [Fact]
    public void DichotomyMarkersAndIkigaiCandidatesSitWhereTheirNumbersSay()
    {
        var document = Parse(ReportRenderer.Render(OnePerson.Profile));
        var markers = document.Descendants(Svg + "circle").Where(c => c.Attribute("class")?.Value == "marker").ToArray();
        Assert.Equal(4, markers.Length);
        foreach (var (marker, d) in markers.Zip(OnePerson.Profile.Type!.Dichotomies))
        {
            Assert.Equal(200 + (150 * d.Clarity!.Value), double.Parse(marker.Attribute("cx")!.Value, CultureInfo.InvariantCulture), 1);
        }

        var placed = document.Descendants(Svg + "circle").Where(c => c.Attribute("class")?.Value == "candidate").ToArray();
        Assert.Equal(OnePerson.Profile.Ikigai!.Count, placed.Length);
        foreach (var (point, c) in placed.Zip(OnePerson.Profile.Ikigai))
        {
            // (200, 180) + 1.6 · Σ (mᵢ − m̄)(centreᵢ − (200, 180)), centres love (200, 110), good at (130, 180), needs (270, 180), paid (200, 250).
            var mean = (c.Love + c.GoodAt + c.Needs + c.Paid) / 4;
            Assert.Equal(200 + (1.6 * (((c.GoodAt - mean) * -70) + ((c.Needs - mean) * 70))), double.Parse(point.Attribute("cx")!.Value, CultureInfo.InvariantCulture), 1);
            Assert.Equal(180 + (1.6 * (((c.Love - mean) * -70) + ((c.Paid - mean) * 70))), double.Parse(point.Attribute("cy")!.Value, CultureInfo.InvariantCulture), 1);
        }
    }

    [Fact]
    public void TheSameResultsGiveTheSameBytesFromMemoryOrFromJsonLines()
    {
        var fromLines = CareerProfile.FromJsonLines(["{\"respondent\":\"someone else\",\"instrument\":\"x\"}", .. OnePerson.JsonLines()], OnePerson.Id)
            .WithOccupations(OnePerson.Starter, top: 5);
        Assert.Equal(ReportRenderer.Render(OnePerson.Profile, "fr"), ReportRenderer.Render(fromLines, "fr"));
        Assert.Equal(ReportRenderer.Render(OnePerson.Profile), ReportRenderer.Render(OnePerson.Profile));
    }

    [Fact]
    public void PointsOfAttentionComeFromTheData()
    {
        var html = ReportRenderer.Render(OnePerson.Profile);
        // The weakest Ikigai circle of the first candidate is named; every undetermined (X) or slight type letter of the
        // profile is listed, and a clear one is not.
        var text = System.Net.WebUtility.HtmlDecode(html);
        var first = OnePerson.Profile.Ikigai![0];
        Assert.Contains($"For '{first.Label}', the weakest circle is", text, StringComparison.Ordinal);
        foreach (var d in OnePerson.Profile.Type!.Dichotomies)
        {
            Assert.Equal(d.Letter == 'X', text.Contains($"Dichotomy {d.Scale} is undetermined (X)", StringComparison.Ordinal));
            Assert.Equal(d.Letter != 'X' && d.Band == "slight", text.Contains($"Slight {d.Letter} preference on {d.Scale}", StringComparison.Ordinal));
        }

        Assert.Contains("Job Zone", html, StringComparison.Ordinal);
    }

    [Fact]
    public void AProfileOfOneInstrumentHasOnlyItsSections()
    {
        var profile = CareerProfile.FromResults([OnePerson.Results[0]]);
        var document = Parse(ReportRenderer.Render(profile));
        Assert.Equal(["summary", "results", "interests", "attention", "next-steps", "about"], document.Descendants(X + "section").Select(s => s.Attribute("id")!.Value));
    }

    [Fact]
    public void FreeTextAndOtherQuestionnairesAreCarriedIntoTheReport()
    {
        var stories = Instrument.Parse("""
            { "id": "stories", "version": "1.0.0", "kind": "likert", "languages": ["en"], "title": { "en": "Stories" },
              "responseFormats": { "f": { "min": 1, "max": 5 } },
              "items": [ { "id": "I1", "format": "f", "text": { "en": "I know what I want" } },
                         { "id": "PROUD", "freeText": { "maxLength": 500 }, "text": { "en": "A moment at work you were proud of" } } ],
              "scales": [ { "id": "clarity", "items": ["I1"] } ] }
            """);
        const string Story = "I ran the <b>first</b> repair café & taught 12 people";
        var result = stories.Score(new Responses.Response("someone", new Dictionary<string, int?> { ["I1"] = 4 }, new Dictionary<string, string> { ["PROUD"] = Story }));
        var profile = CareerProfile.FromResults([.. OnePerson.Results, result], OnePerson.Id);
        Assert.Equal(new FreeTextAnswer("stories", "PROUD", Story), Assert.Single(profile.FreeText));

        var html = ReportRenderer.Render(profile);
        var document = Parse(html); // the markup in the story is escaped, so the document stays well-formed
        var section = document.Descendants(X + "section").Single(s => s.Attribute("id")!.Value == "stories");
        Assert.Equal(Story, section.Descendants(X + "blockquote").Single().Value);
        Assert.Contains("clarity: 4", document.Descendants(X + "section").Single(s => s.Attribute("id")!.Value == "other").Value, StringComparison.Ordinal);
    }

    [Fact]
    public void AValueCentredOnThePersonsMeanRatingSaysSoInTheReport()
    {
        // Two centred values (docs/methods.md §6.8): answers 6, 5 and 2, 3: MRAT 4; care 5.5 − 4 = 1.5, achievement 2.5 − 4 = −1.5.
        var values = Instrument.Parse("""
            { "id": "values-test", "version": "1.0.0", "kind": "likert", "languages": ["en", "fr"], "title": { "en": "Values", "fr": "Valeurs" },
              "responseFormats": { "f": { "min": 1, "max": 6 } },
              "items": [ { "id": "C1", "format": "f", "text": { "en": "c1", "fr": "c1" } }, { "id": "C2", "format": "f", "text": { "en": "c2", "fr": "c2" } },
                         { "id": "A1", "format": "f", "text": { "en": "a1", "fr": "a1" } }, { "id": "A2", "format": "f", "text": { "en": "a2", "fr": "a2" } } ],
              "scales": [ { "id": "care", "items": ["C1", "C2"], "centring": "mrat" }, { "id": "achievement", "items": ["A1", "A2"], "centring": "mrat" } ] }
            """);
        var result = values.Score(new Response("someone", new Dictionary<string, int?> { ["C1"] = 6, ["C2"] = 5, ["A1"] = 2, ["A2"] = 3 }));
        var profile = CareerProfile.FromResults([.. OnePerson.Results, result], OnePerson.Id);
        Assert.Equal(4, profile.OtherScales.Single().Scales[0].Mrat);

        string Other(string language) => Parse(ReportRenderer.Render(profile, language)).Descendants(X + "section").Single(s => s.Attribute("id")!.Value == "other").Value;
        Assert.Contains("care: 1.5 — rated above this person's average rating (4)", Other("en"), StringComparison.Ordinal);
        Assert.Contains("achievement: -1.5 — rated below this person's average rating (4)", Other("en"), StringComparison.Ordinal);
        Assert.Contains("care : 1,5 — au-dessus de la note moyenne de la personne (4)", Other("fr"), StringComparison.Ordinal);
        Assert.Contains("achievement : -1,5 — en dessous de la note moyenne de la personne (4)", Other("fr"), StringComparison.Ordinal);
    }

    [Fact]
    public void TheReadmeExampleRunsAsWritten()
    {
        // The lines of docs/report.md's example, run here, then the file they write.
        var folder = Directory.CreateTempSubdirectory("assess-readme-").FullName;
        var previous = Environment.CurrentDirectory;
        try
        {
            Environment.CurrentDirectory = folder;
            var riasec = Instruments.Load("interests-riasec"); // for the example, S items answered 5 and the others 2
            var interests = riasec.Score(new Response("p01", riasec.Items.ToDictionary(i => i.Id, i => (int?)(i.Id[0] == 'S' ? 5 : 2))));
            var profile = CareerProfile.FromResults([interests], respondentId: "p01") // any subset: interests, type, values, Ikigai, skills
                .WithOccupations(OccupationCatalog.LoadStarter(), top: 10);      // or O*NET, ROME
            File.WriteAllText("p01.html", ReportRenderer.Render(profile, "fr"));
            Assert.Equal(10, profile.Occupations.Count);
            Assert.Equal(5.0, profile.Interests!.Areas[3]); // S
            Assert.Contains("<h1>Synthèse de bilan</h1>", File.ReadAllText(Path.Combine(folder, "p01.html")), StringComparison.Ordinal);
        }
        finally
        {
            Environment.CurrentDirectory = previous;
            Directory.Delete(folder, recursive: true);
        }

        var readme = File.ReadAllText(Path.Combine(TestPaths.RepoRoot, "docs", "report.md")).ReplaceLineEndings("\n");
        Assert.Contains("""
            var riasec = Instruments.Load("interests-riasec"); // for the example, S items answered 5 and the others 2
            var interests = riasec.Score(new Response("p01", riasec.Items.ToDictionary(i => i.Id, i => (int?)(i.Id[0] == 'S' ? 5 : 2))));
            var profile = CareerProfile.FromResults([interests], respondentId: "p01") // any subset: interests, type, values, Ikigai, skills
                .WithOccupations(OccupationCatalog.LoadStarter(), top: 10);      // or O*NET, ROME
            File.WriteAllText("p01.html", ReportRenderer.Render(profile, "fr"));
            """, readme, StringComparison.Ordinal);
    }

    [Fact]
    public void ThePublicApiIsTheApprovedOne() =>
        PublicApi.Verify(typeof(CareerProfile).Assembly, Path.Combine(TestPaths.RepoRoot, "tests", "Assessments.Reports.Tests", "PublicApi", "Assessments.Reports.txt"));
}
