using System.Text.Json;
using Assessments.Definitions;
using Assessments.Responses;
using Assessments.Scoring;

namespace Assessments.Tests;

/// <summary>Kinds are plug-ins: an application registers its own without touching the library.</summary>
public class InstrumentKindRegistryTests
{
    private static string Definition(string section) => $$"""
        { "id": "pf", "version": "1.0.0", "kind": "pass-fail", "languages": ["en"], "title": { "en": "PF" },
          "responseFormats": { "f": { "min": 1, "max": 5 } },
          "items": [ { "id": "I1", "format": "f", "text": { "en": "1" } }, { "id": "I2", "format": "f", "text": { "en": "2" } } ],
          "scales": [ { "id": "s", "items": ["I1", "I2"] } ]{{section}} }
        """;

    private static readonly InstrumentLoadOptions WithPassFail = new() { Kinds = InstrumentKindRegistry.Default.With(new PassFailKind()) };

    [Fact]
    public void ScoresWithAKindRegisteredByTheApplication()
    {
        var instrument = Instrument.Parse(Definition(""", "pass-fail": { "scale": "s", "threshold": 3.5 }"""), WithPassFail);
        var pass = (PassFailResult)instrument.Score(new Response("a", new Dictionary<string, int?> { ["I1"] = 4, ["I2"] = 3 }));
        var fail = (PassFailResult)instrument.Score(new Response("b", new Dictionary<string, int?> { ["I1"] = 3, ["I2"] = 3 }));
        Assert.True(pass.Passed);   // mean 3.5 ≥ 3.5
        Assert.False(fail.Passed);  // mean 3 < 3.5

        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            pass.WriteJson(writer);
        }

        using var json = JsonDocument.Parse(stream.ToArray());
        Assert.True(json.RootElement.GetProperty("passed").GetBoolean());
        Assert.Equal(3.5, json.RootElement.GetProperty("scales").GetProperty("s").GetProperty("score").GetDouble());
    }

    [Fact]
    public void IsUnknownWithoutRegistration()
    {
        Assert.False(Instrument.TryParse(Definition(""", "pass-fail": { "scale": "s", "threshold": 3.5 }"""), out _, out var d));
        Assert.Equal("Unknown kind 'pass-fail'. Known kinds: card-sort, ikigai, interests, likert, type-indicator.", Assert.Single(d).Reason);
    }

    [Fact]
    public void AShippedIdGivenAsAPathSaysToUseInstrumentsLoad()
    {
        var error = Assert.Throws<FileNotFoundException>(() => Instrument.Load("career-readiness"));
        Assert.Equal("There is no file 'career-readiness'. 'career-readiness' is the id of a shipped instrument: load it with Instruments.Load(\"career-readiness\"); Instrument.Load reads a definition file.", error.Message);
        Assert.Throws<FileNotFoundException>(() => Instrument.Load("no-such-instrument")); // any other missing file: the usual error
    }

    [Fact]
    public void TheShippedSkillsPortfolioWithoutItsKindSaysWhereTheKindLives()
    {
        // The core never knows catalogs: skills-portfolio.json needs Assessments.Matching's SkillsKind, and the message says so.
        var problem = Assert.Throws<InstrumentLoadException>(() => Instrument.Load(Path.Combine(TestPaths.RepoRoot, "instruments", "skills-portfolio.json")));
        Assert.Contains("Unknown kind 'skills'. Known kinds: card-sort, ikigai, interests, likert, type-indicator. The skills kind reads a ROME catalog, so it lives in Assessments.Matching: register new SkillsKind(rome) (docs/skills.md).",
            problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ChecksThePlugInSectionStrictly()
    {
        Assert.False(Instrument.TryParse(Definition(""", "pass-fail": { "scale": "s", "treshold": 3.5 }"""), out _, out var d, WithPassFail));
        Assert.Equal(
        [
            "$['pass-fail'].treshold: Unknown property 'treshold'. Allowed here: scale, threshold.",
            "$['pass-fail']: The required property 'threshold' is missing.",
        ], d.Select(x => $"{x.Path}: {x.Reason}").Order(StringComparer.Ordinal));
    }

    [Fact]
    public void RefusesTwoKindsWithOneName() =>
        Assert.Throws<ArgumentException>(() => InstrumentKindRegistry.Default.With(new LikertKind()));
}
