namespace Assessments.Testing;

/// <summary>
/// The small instrument the CSV fuzzers and recovery tests score: three items on 1–5, I2 reverse-keyed, one scale that
/// needs half its items. A scored row (a, b, c) gives (a + (6 − b) + c) / 3.
/// </summary>
internal static class ThreeItemLikert
{
    public const string Json = """
        { "id": "t", "version": "1.0.0", "kind": "likert", "languages": ["en"], "title": { "en": "T" },
          "responseFormats": { "f": { "min": 1, "max": 5 } },
          "items": [ { "id": "I1", "format": "f", "text": { "en": "1" } }, { "id": "I2", "format": "f", "text": { "en": "2" } },
                     { "id": "I3", "format": "f", "text": { "en": "3" } } ],
          "scales": [ { "id": "s", "items": ["I1", "-I2", "I3"], "minAnswered": 0.5 } ] }
        """;
}
