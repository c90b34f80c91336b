using System.Xml;
using System.Xml.Linq;

namespace Assessments.Cli.Tests;

/// <summary><c>assess report</c> and the synthesis <c>assess demo</c> writes.</summary>
public sealed class ReportCommandTests : IDisposable
{
    private static readonly XNamespace X = "http://www.w3.org/1999/xhtml";
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    private static XDocument Parse(string path)
    {
        using var reader = XmlReader.Create(path, new XmlReaderSettings { DtdProcessing = DtdProcessing.Ignore });
        return XDocument.Load(reader);
    }

    private static XDocument Parse(TextReader html)
    {
        using var reader = XmlReader.Create(html, new XmlReaderSettings { DtdProcessing = DtdProcessing.Ignore });
        return XDocument.Load(reader);
    }

    [Fact]
    public void WritesOnePersonsSynthesisFromScoredJsonLines()
    {
        // q01 of the interests example: R 1.5, I 3.5, A 4.125, S 4.625, E 2.5, C 1.875 (interests-riasec.md), code SAI.
        var results = _temp.PathOf("results.jsonl");
        var scored = AssessRunner.Run("score", "--instrument", Path.Combine(TestPaths.Instruments, "interests-riasec.json"),
            "--responses", Path.Combine(TestPaths.Instruments, "examples", "interests-riasec.responses.csv"), "--format", "jsonl", "--out", results);
        Assert.Equal(0, scored.ExitCode);

        var report = _temp.PathOf("q01.html");
        var result = AssessRunner.Run("report", "--results", results, "--respondent", "q01", "--lang", "fr", "--out", report, "--top", "3", "--name", "Marie D.", "--date", "2026-12-06");
        Assert.Equal(0, result.ExitCode);
        Assert.Equal($"report of 1 result(s) written to {report}\n", result.Stderr);
        var document = Parse(report);
        Assert.Equal("fr", document.Root!.Attribute("lang")!.Value);
        Assert.Equal(["summary", "results", "interests", "occupations", "attention", "next-steps", "about"],
            document.Descendants(X + "section").Select(s => s.Attribute("id")!.Value));
        var text = document.Root.Value;
        Assert.Contains("Code Holland SAI", text, StringComparison.Ordinal);
        Assert.Contains("Personne : Marie D.", text, StringComparison.Ordinal);
        Assert.Contains("Synthèse du 6 décembre 2026", text, StringComparison.Ordinal);
        Assert.Equal(2, AssessRunner.Run("report", "--results", results, "--respondent", "q01", "--date", "06/12/2026").ExitCode);

        // --taken dates the instruments in the header; an instrument the person did not take, or a date in another shape, is
        // a usage error.
        var dated = AssessRunner.Run("report", "--results", results, "--respondent", "q01", "--lang", "fr", "--taken", "interests-riasec=2026-11-03", "--date", "2026-12-06");
        Assert.Equal(0, dated.ExitCode);
        Assert.Contains("Questionnaires : Intérêts professionnels (RIASEC) (passé le 3 novembre 2026)", Parse(new StringReader(dated.Stdout)).Root!.Value, StringComparison.Ordinal);
        var absent = AssessRunner.Run("report", "--results", results, "--respondent", "q01", "--taken", "values-cards=2026-11-03");
        Assert.Equal(2, absent.ExitCode);
        Assert.StartsWith("error: --taken: 'values-cards' is not among the person's results (interests-riasec).", absent.Stderr, StringComparison.Ordinal);
        Assert.Equal(2, AssessRunner.Run("report", "--results", results, "--respondent", "q01", "--taken", "interests-riasec=3/11/2026").ExitCode);
        foreach (var score in new[] { "1,5", "3,5", "4,13", "4,63", "2,5", "1,88" }) // French decimals in a French report
        {
            Assert.Contains(score, text, StringComparison.Ordinal);
        }

        Assert.Equal(3, document.Descendants(X + "section").Single(s => s.Attribute("id")!.Value == "occupations").Descendants(X + "tbody").Single().Elements().Count());
    }

    [Fact]
    public void A_skills_portfolio_gives_the_skills_section_and_the_chosen_targets_plan()
    {
        // m02 of the skills example (ten years as a care assistant, J1501): the report ranks ROME fiches on her skills and
        // draws the plan toward the fiche --target names (M1609, medical secretary: not among the ten).
        var rome = "rome:" + Path.GetFullPath(Path.Combine(TestPaths.RepoRoot, "..", "shared", "data", "rome", "v460"));
        var skills = _temp.PathOf("skills.jsonl");
        Assert.Equal(0, AssessRunner.Run("score", "--instrument", "skills-portfolio", "--catalog", rome,
            "--responses", Path.Combine(TestPaths.Instruments, "examples", "skills-portfolio.responses.jsonl"), "--format", "jsonl", "--out", skills).ExitCode);
        var m02 = File.ReadLines(skills).Single(l => l.StartsWith("{\"respondent\":\"m02\"", StringComparison.Ordinal));
        Assert.Contains("\"stories\":[{\"id\":\"s1\",\"title\":\"Le retour à domicile de Mme L.\"", m02, StringComparison.Ordinal);

        var report = _temp.PathOf("m02.html");
        var result = AssessRunner.Run("report", "--results", skills, "--respondent", "m02", "--catalog", rome, "--lang", "fr", "--target", "M1609", "--out", report);
        Assert.Equal(0, result.ExitCode);
        var document = Parse(report);
        Assert.Equal(["summary", "skills", "target", "attention", "next-steps", "about"], // no interests: no occupations section
            document.Descendants(X + "section").Select(s => s.Attribute("id")?.Value ?? s.Attribute("class")!.Value));
        var target = document.Descendants(X + "section").Single(s => s.Attribute("class")?.Value == "target");
        Assert.Equal("Vers : Secrétaire médical / Secrétaire médicale (M1609)", target.Element(X + "h4")!.Value);

        Assert.Equal(2, AssessRunner.Run("report", "--results", skills, "--respondent", "m02", "--catalog", rome, "--target", "Z9999").ExitCode);
        Assert.Equal(2, AssessRunner.Run("report", "--results", skills, "--respondent", "m02", "--target", "M1609").ExitCode); // starter catalog: no skills
        Assert.Contains("--target needs the fiches' skills: give --catalog rome:DIR", AssessRunner.Run("report", "--results", skills, "--respondent", "m02", "--target", "M1609").Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void AnUnknownPersonOrAMissingFileIsAClearError()
    {
        var results = _temp.Write("results.jsonl", "{\"respondent\":\"a\",\"instrument\":\"x\",\"kind\":\"likert\",\"scales\":{}}\n");
        var unknown = AssessRunner.Run("report", "--results", results, "--respondent", "b");
        Assert.Equal(4, unknown.ExitCode);
        Assert.Equal($"error: {results}: no result in the file belongs to the person given by --respondent.\n", unknown.Stderr);

        var missing = AssessRunner.Run("report", "--results", _temp.PathOf("none.jsonl"), "--respondent", "a");
        Assert.Equal(4, missing.ExitCode);
        Assert.Contains("none.jsonl: file not found.", missing.Stderr, StringComparison.Ordinal);

        var broken = AssessRunner.Run("report", "--results", _temp.Write("broken.jsonl", "{\"respondent\":\"a\",\"instrument\":\"x\",\"version\":\"1.0.0\",\"fingerprint\":\"f\",\"kind\":\"likert\",\"scales\":{}}\nnot json\n"), "--respondent", "a");
        Assert.Equal(4, broken.ExitCode);
        Assert.Contains("Line 2 is not JSON (the error is at byte 2 of the line).", broken.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("'o'", broken.Stderr, StringComparison.Ordinal); // the line's own text stays out of stderr
    }

    [Fact]
    public void ACsvColumnOfAFreeTextItemIsAClearError()
    {
        var instrument = _temp.Write("stories.json", """
            { "id": "stories", "version": "1.0.0", "kind": "likert", "languages": ["en"], "title": { "en": "Stories" },
              "responseFormats": { "f": { "min": 1, "max": 5 } },
              "items": [ { "id": "I1", "format": "f", "text": { "en": "1" } }, { "id": "PROUD", "freeText": {}, "text": { "en": "Proud" } } ],
              "scales": [ { "id": "s", "items": ["I1"] } ] }
            """);
        var responses = _temp.Write("r.csv", "id,I1,PROUD\np1,4,a story\n");
        var refused = AssessRunner.Run("score", "--instrument", instrument, "--responses", responses);
        Assert.Equal(4, refused.ExitCode);
        Assert.Contains("header column 3 is the free-text item 'PROUD' of stories@1.0.0", refused.Stderr, StringComparison.Ordinal);

        var skipped = AssessRunner.Run("score", "--instrument", instrument, "--responses", responses, "--extra-columns", "ignore");
        Assert.Equal(0, skipped.ExitCode);
        Assert.Equal("id,s\np1,4\n", skipped.Stdout);
    }

    [Fact]
    public void TheDemoWritesTheExamplePersonsSynthesisAndPrintsItsPath()
    {
        var path = _temp.PathOf("demo.html");
        var result = AssessRunner.Run("demo", "--instruments", TestPaths.Instruments, "--report", path);
        Assert.Equal(0, result.ExitCode);
        Assert.Equal("Written synthesis for the example person: " + path, result.StdoutLines[^1]);
        var sections = Parse(path).Descendants(X + "section").Select(s => s.Attribute("id")!.Value).ToArray();
        Assert.Equal(["summary", "results", "interests", "type", "values", "ikigai", "occupations", "attention", "next-steps", "about"], sections);
    }
}
