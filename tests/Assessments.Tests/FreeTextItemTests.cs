using System.Text.Json;
using Assessments.Definitions;
using Assessments.Responses;

namespace Assessments.Tests;

/// <summary>Free-text items: storytelling prompts, validated for length, never scored, carried into the result as written.</summary>
public class FreeTextItemTests
{
    private static string Definition(string story, string scaleItems = "\"I1\"") => $$"""
        { "id": "t", "version": "1.0.0", "kind": "likert", "languages": ["en", "fr"], "title": { "en": "T", "fr": "T" },
          "responseFormats": { "f": { "min": 1, "max": 5 } },
          "items": [ { "id": "I1", "format": "f", "text": { "en": "1", "fr": "1" } },
                     { "id": "STORY", {{story}} "text": { "en": "A moment at work you were proud of", "fr": "Un moment de travail dont vous êtes fier" } } ],
          "scales": [ { "id": "s", "items": [{{scaleItems}}] } ] }
        """;

    private static readonly Instrument Stories = Instrument.Parse(Definition("\"freeText\": { \"minLength\": 3, \"maxLength\": 20 },"));

    [Fact]
    public void AFreeTextItemLoadsWithItsLimitsAndNoFormat()
    {
        var story = Stories.Items[1];
        Assert.Equal(new FreeTextSettings(3, 20), story.FreeText);
        Assert.Null(story.Format);
        Assert.Equal(new FreeTextSettings(0, 4000), Instrument.Parse(Definition("\"freeText\": {},")).Items[1].FreeText);
    }

    [Theory]
    [InlineData("\"format\": \"f\", \"freeText\": {},", "$.items[1].format", "A free-text item is answered in words, not on a format")]
    [InlineData("\"freeText\": { \"maxLength\": 0 },", "$.items[1].freeText.maxLength", "maxLength must be from 1 to 100000 characters (found 0).")]
    [InlineData("\"freeText\": { \"minLength\": 30, \"maxLength\": 20 },", "$.items[1].freeText.minLength", "minLength must be from 0 to maxLength (20) (found 30).")]
    public void BadLimitsAreReportedWithTheirPath(string story, string path, string message)
    {
        var ex = Assert.Throws<InstrumentLoadException>(() => Instrument.Parse(Definition(story)));
        Assert.Contains(ex.Diagnostics, d => d.Path == path && d.Reason.StartsWith(message, StringComparison.Ordinal));
    }

    [Fact]
    public void AFreeTextItemCannotBeInAScale()
    {
        var ex = Assert.Throws<InstrumentLoadException>(() => Instrument.Parse(Definition("\"freeText\": {},", "\"I1\", \"STORY\"")));
        Assert.Contains(ex.Diagnostics, d => d.Reason == "Item 'STORY' is a free-text item: it is carried into results as written, never scored, so it cannot be in a scale.");
    }

    [Fact]
    public void TheTextIsCarriedIntoTheResultAndItsJsonAsWritten()
    {
        var text = "Led the \"move\" — été 2024 ✓"; // 27 characters: "Led the " 8, quoted "move" 6, " — " 3, "été " 4, "2024 " 5, "✓" 1
        var shortText = "Led the move, été ✓"; // 19 characters (Unicode scalar values)
        var result = Stories.Score(new Response("p", new Dictionary<string, int?> { ["I1"] = 4 }, new Dictionary<string, string> { ["STORY"] = shortText }));
        Assert.Equal(4, result["s"].Value); // the text changes no score
        Assert.Equal(shortText, result.FreeText["STORY"]);

        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            result.WriteJson(writer);
        }

        using var json = JsonDocument.Parse(buffer.WrittenMemory);
        Assert.Equal(shortText, json.RootElement.GetProperty("freeText").GetProperty("STORY").GetString());

        var tooLong = Assert.Throws<InvalidResponseException>(() => Stories.Score(new Response("p", new Dictionary<string, int?>(), new Dictionary<string, string> { ["STORY"] = text })));
        Assert.Equal("p / STORY: The text has 27 characters; item 'STORY' takes 3 to 20.", Assert.Single(tooLong.Problems).ToString());
    }

    [Fact]
    public void TextForARatedOrUnknownItemAndATooShortTextAreRefused()
    {
        var ex = Assert.Throws<InvalidResponseException>(() => Stories.Score(new Response("p", new Dictionary<string, int?>(),
            new Dictionary<string, string> { ["I1"] = "five", ["STORY"] = "ok", ["X9"] = "?" })));
        Assert.Equal(
        [
            "p / I1: Item 'I1' is not a free-text item, so it takes no text (it is answered on its format).",
            "p / STORY: The text has 2 characters; item 'STORY' takes 3 to 20.",
            "p / X9: The instrument 't@1.0.0' has no item 'X9'.",
        ], ex.Problems.Select(p => p.ToString()));
    }
}
