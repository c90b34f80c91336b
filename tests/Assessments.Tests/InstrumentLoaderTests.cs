using Assessments.Definitions;
using Assessments.Testing;

namespace Assessments.Tests;

/// <summary>Every load error: exact message, JSON path, line and column, and all problems reported together.</summary>
public class InstrumentLoaderTests
{
    // Line numbers in the assertions below count lines of this text (1-based).
    private const string Valid = """
        {
          "id": "mini",
          "version": "1.0.0",
          "kind": "likert",
          "languages": ["en", "fr"],
          "title": { "en": "Mini", "fr": "Mini" },
          "responseFormats": { "agree5": { "min": 1, "max": 5 } },
          "items": [
            { "id": "A1", "format": "agree5", "text": { "en": "I plan.", "fr": "Je planifie." } },
            { "id": "A2", "format": "agree5", "text": { "en": "I improvise.", "fr": "J'improvise." } }
          ],
          "scales": [
            { "id": "plan", "items": ["A1", "-A2"] }
          ]
        }
        """;

    private static IReadOnlyList<InstrumentDiagnostic> Problems(string json, InstrumentLoadOptions? options = null)
    {
        Assert.False(Instrument.TryParse(json, out var instrument, out var diagnostics, options));
        Assert.Null(instrument);
        return diagnostics;
    }

    private static InstrumentDiagnostic Single(string json) => Assert.Single(Problems(json));

    [Fact]
    public void LoadsAValidDefinition()
    {
        var instrument = Instrument.Parse(Valid);
        Assert.Equal("mini@1.0.0", instrument.Reference);
        Assert.Equal(["A1", "A2"], instrument.Items.Select(i => i.Id));
        var scale = Assert.Single(instrument.Scales);
        Assert.True(scale.Items[1].Reverse);
        Assert.Equal(1.0, scale.MinAnswered);
        Assert.Equal("Je planifie.", instrument.Items[0].Text!["fr"]);
        Assert.Equal("I plan.", instrument.Items[0].Text!["de"]); // falls back to the first declared language
    }

    [Fact]
    public void RejectsInvalidJsonWithLineAndColumn()
    {
        var d = Single(Valid.Replace("\"version\": \"1.0.0\",", "\"version\": \"1.0.0\"", StringComparison.Ordinal));
        Assert.Equal("json-syntax", d.Code);
        Assert.Equal(4, d.Line);
        Assert.StartsWith("The file is not valid JSON: ", d.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void RejectsUnknownPropertiesNamingWhatIsAllowed()
    {
        var d = Single(Valid.Replace("\"format\": \"agree5\", \"text\": { \"en\": \"I plan.\"", "\"format\": \"agree5\", \"txt\": 1, \"text\": { \"en\": \"I plan.\"", StringComparison.Ordinal));
        Assert.Equal("$.items[0].txt", d.Path);
        Assert.Equal((9, 39), (d.Line, d.Column)); // diagnostics point at the property name
        Assert.Equal("Unknown property 'txt'. Allowed here: id, format, text, left, right, freeText.", d.Reason);
    }

    [Fact]
    public void RejectsDuplicatePropertyNames()
    {
        var d = Single(Valid.Replace("\"version\": \"1.0.0\",", "\"version\": \"1.0.0\", \"version\": \"1.0.0\",", StringComparison.Ordinal));
        Assert.Equal("$.version", d.Path);
        Assert.Equal((3, 23), (d.Line, d.Column));
        Assert.Equal("The property 'version' appears more than once in this object; keep one.", d.Reason);
    }

    [Fact]
    public void RejectsWrongTypesAndMissingRequiredProperties()
    {
        var problems = Problems(Valid.Replace("\"min\": 1,", "\"min\": \"1\",", StringComparison.Ordinal)
            .Replace("\"id\": \"mini\",", "", StringComparison.Ordinal));
        Assert.Equal(
        [
            "$: The required property 'id' is missing.",
            "$.responseFormats.agree5.min: Expected a whole number here, found a string.",
        ], problems.Select(p => $"{p.Path}: {p.Reason}"));
    }

    [Fact]
    public void ReportsEveryMeaningProblemTogether()
    {
        var json = Valid
            .Replace("\"id\": \"A2\"", "\"id\": \"A1\"", StringComparison.Ordinal)
            .Replace("[\"A1\", \"-A2\"]", "[\"A1\", \"-A9\"]", StringComparison.Ordinal)
            .Replace("\"kind\": \"likert\"", "\"kind\": \"likrt\"", StringComparison.Ordinal);
        Assert.Equal(
        [
            "(4,3) $.kind: Unknown kind 'likrt'. Known kinds: card-sort, ikigai, interests, likert, type-indicator.",
            "(10,7) $.items[1].id: The item id 'A1' is already used by $.items[0].",
            "(13,37) $.scales[0].items[1]: The scale refers to item 'A9', which is not defined in $.items.",
        ], Problems(json).Select(p => $"({p.Line},{p.Column}) {p.Path}: {p.Reason}"));
    }

    [Fact]
    public void ReportsUnknownPropertiesAndMeaningProblemsInOnePass()
    {
        var json = Valid
            .Replace("{ \"id\": \"plan\",", "{ \"id\": \"plan\", \"colour\": \"red\",", StringComparison.Ordinal)
            .Replace("[\"A1\", \"-A2\"]", "[\"A1\", \"-A9\"]", StringComparison.Ordinal);
        Assert.Equal(
        [
            "$.scales[0].colour: Unknown property 'colour'. Allowed here: id, title, description, items, aggregate, minAnswered, centring.",
            "$.scales[0].items[1]: The scale refers to item 'A9', which is not defined in $.items.",
        ], Problems(json).Select(p => $"{p.Path}: {p.Reason}"));
    }

    [Fact]
    public void RejectsAReverseKeyOnAnItemWithoutFormat()
    {
        var d = Single(Valid.Replace("{ \"id\": \"A2\", \"format\": \"agree5\",", "{ \"id\": \"A2\",", StringComparison.Ordinal));
        Assert.Equal("$.scales[0].items[1]", d.Path);
        Assert.Equal("Item 'A2' is reverse-keyed but has no response format, so there are no endpoints to reverse it with (min + max − x). Give the item a format.", d.Reason);
    }

    [Fact]
    public void RejectsAMissingTranslation()
    {
        var d = Single(Valid.Replace("\"fr\": \"J'improvise.\"", "\"fr\": \" \"", StringComparison.Ordinal));
        Assert.Equal("$.items[1].text", d.Path);
        Assert.Equal("The text has no 'fr' version; every text needs one in each declared language (en, fr).", d.Reason);
    }

    [Fact]
    public void RejectsATextInAnUndeclaredLanguage()
    {
        var d = Single(Valid.Replace("\"title\": { \"en\": \"Mini\", \"fr\": \"Mini\" }", "\"title\": { \"en\": \"Mini\", \"fr\": \"Mini\", \"de\": \"Mini\" }", StringComparison.Ordinal));
        Assert.Equal("$.title.de", d.Path);
        Assert.Equal("The language 'de' is not declared in $.languages (en, fr); declare it or remove this text.", d.Reason);
    }

    [Theory]
    [InlineData("\"min\": 1, \"max\": 5", "\"min\": 5, \"max\": 1", "$.responseFormats.agree5.max", "max (1) must be greater than min (5).")]
    [InlineData("\"min\": 1, \"max\": 5", "\"min\": 1, \"max\": 50000", "$.responseFormats.agree5", "min and max must lie between -32767 and 32767.")]
    [InlineData("\"min\": 1, \"max\": 5", "\"min\": 1, \"max\": 99999999999", "$.responseFormats.agree5.max", "Expected a whole number between -2147483648 and 2147483647, found 99999999999.")]
    [InlineData("{ \"id\": \"plan\", \"items\": [\"A1\", \"-A2\"] }", "{ \"id\": \"plan\", \"items\": [\"A1\", \"-A2\"], \"minAnswered\": 1.5 }", "$.scales[0].minAnswered", "minAnswered must be a fraction from 0 to 1 (found 1.5); 0.5 means half the items must be answered.")]
    [InlineData("{ \"id\": \"plan\", \"items\": [\"A1\", \"-A2\"] }", "{ \"id\": \"plan\", \"items\": [\"A1\", \"-A2\"], \"aggregate\": \"avg\" }", "$.scales[0].aggregate", "Unknown aggregate 'avg'; use 'mean' or 'sum'.")]
    [InlineData("[\"A1\", \"-A2\"]", "[\"A1\", { \"item\": \"A2\", \"weight\": -1 }]", "$.scales[0].items[1].weight", "The weight must be greater than 0 and at most 1000 (found -1); reverse-key the item instead of giving it a negative weight.")]
    [InlineData("[\"A1\", \"-A2\"]", "[\"A1\", \"A1\"]", "$.scales[0].items[1]", "Item 'A1' appears more than once in this scale.")]
    [InlineData("[\"A1\", \"-A2\"]", "[]", "$.scales[0].items", "A scale needs at least one item.")]
    [InlineData("[\"A1\", \"-A2\"]", "[\"A1\", 2]", "$.scales[0].items[1]", "Expected an item id such as \"A1\" or \"-A1\" (reverse-keyed), or an object { \"item\": \"A1\", \"reverse\": true, \"weight\": 1 } here, found a number.")]
    [InlineData("\"version\": \"1.0.0\"", "\"version\": \"1.0\"", "$.version", "The version '1.0' must be a semantic version such as '1.0.0'.")]
    [InlineData("\"id\": \"mini\"", "\"id\": \"Mini Test\"", "$.id", "The id 'Mini Test' must be lower-case letters and digits, with single '-', '.' or '_' between them (e.g. 'career-readiness').")]
    [InlineData("\"format\": \"agree5\", \"text\": { \"en\": \"I plan.\"", "\"format\": \"agree7\", \"text\": { \"en\": \"I plan.\"", "$.items[0].format", "The item uses response format 'agree7', which is not defined in $.responseFormats (defined: agree5).")]
    [InlineData("\"kind\": \"likert\",", "\"kind\": \"likert\", \"likert\": {},", "$.likert", "The kind 'likert' takes no settings section; remove this property.")]
    [InlineData("\"version\": \"1.0.0\"", "\"version\": null", "$.version", "null is not allowed here; expected a string. Leave an optional property out instead.")]
    public void RejectsOutOfRangeAndMalformedValues(string find, string replace, string path, string message)
    {
        var d = Single(Valid.Replace(find, replace, StringComparison.Ordinal));
        Assert.Equal(path, d.Path);
        Assert.Equal(message, d.Reason);
        Assert.True(d.Line > 0 && d.Column > 0);
    }

    [Fact]
    public void ANullDocumentIsOneDiagnosticNotACrash()
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory().FullName, "i.json");
        File.WriteAllText(path, "null\n");
        Assert.False(Instrument.TryLoad(path, out var instrument, out var diagnostics));
        Assert.Null(instrument);
        var d = Assert.Single(diagnostics);
        Assert.Equal((path, "$", 1, 1, "null-value"), (d.Source, d.Path, d.Line, d.Column, d.Code));
        Assert.Equal("null is not allowed here; expected an object. Leave an optional property out instead.", d.Reason);
    }

    // Line and column count in Valid; a property's value is located at its name, an array element at the element.
    [Theory]
    [InlineData("\"items\": [", "\"items\": [null, ", "$.items[0]", 8, 13, "null-value", "null is not allowed here; expected an object. Leave an optional property out instead.")]
    [InlineData("{ \"id\": \"A1\",", "{ \"id\": null,", "$.items[0].id", 9, 7, "null-value", "null is not allowed here; expected a string. Leave an optional property out instead.")]
    [InlineData("{ \"id\": \"A1\",", "{ \"id\": [\"A1\"],", "$.items[0].id", 9, 7, "wrong-type", "Expected a string here, found an array.")]
    [InlineData("\"scales\": [", "\"scales\": [null, ", "$.scales[0]", 12, 14, "null-value", "null is not allowed here; expected an object. Leave an optional property out instead.")]
    [InlineData("\"scales\": [", "\"scales\": [\"plan\", ", "$.scales[0]", 12, 14, "wrong-type", "Expected an object here, found a string.")]
    [InlineData("[\"A1\", \"-A2\"]", "[null, \"-A2\"]", "$.scales[0].items[0]", 13, 31, "null-value", "null is not allowed here; expected an item id such as \"A1\" or \"-A1\" (reverse-keyed), or an object { \"item\": \"A1\", \"reverse\": true, \"weight\": 1 }.")]
    [InlineData("\"responseFormats\": { \"agree5\": { \"min\": 1, \"max\": 5 } }", "\"responseFormats\": { \"agree5\": null }", "$.responseFormats.agree5", 7, 24, "null-value", "null is not allowed here; expected an object. Leave an optional property out instead.")]
    [InlineData("\"responseFormats\": { \"agree5\": { \"min\": 1, \"max\": 5 } }", "\"responseFormats\": [1, 5]", "$.responseFormats", 7, 3, "wrong-type", "Expected an object here, found an array.")]
    [InlineData("\"max\": 5 }", "\"max\": 5, \"labels\": { \"en\": null, \"fr\": [\"a\", \"b\", \"c\", \"d\", \"e\"] } }", "$.responseFormats.agree5.labels.en", 7, 68, "null-value", "null is not allowed here; expected an array. Leave an optional property out instead.")]
    [InlineData("\"max\": 5 }", "\"max\": 5, \"labels\": { \"en\": [\"a\", null, \"c\", \"d\", \"e\"], \"fr\": [\"a\", \"b\", \"c\", \"d\", \"e\"] } }", "$.responseFormats.agree5.labels.en[1]", 7, 80, "null-value", "null is not allowed here; expected a string. Leave an optional property out instead.")]
    [InlineData("\"max\": 5 }", "\"max\": 5, \"labels\": \"agree\" }", "$.responseFormats.agree5.labels", 7, 56, "wrong-type", "Expected an object here, found a string.")]
    [InlineData("\"title\": { \"en\": \"Mini\", \"fr\": \"Mini\" }", "\"title\": { \"en\": \"Mini\", \"fr\": null }", "$.title.fr", 6, 28, "null-value", "null is not allowed here; expected a string. Leave an optional property out instead.")]
    [InlineData("\"title\": { \"en\": \"Mini\", \"fr\": \"Mini\" }", "\"title\": \"Mini\"", "$.title", 6, 3, "wrong-type", "Expected an object here, found a string.")]
    [InlineData("[\"en\", \"fr\"]", "[\"en\", null]", "$.languages[1]", 5, 23, "null-value", "null is not allowed here; expected a string. Leave an optional property out instead.")]
    [InlineData("[\"en\", \"fr\"]", "\"en\"", "$.languages", 5, 3, "wrong-type", "Expected an array here, found a string.")]
    [InlineData("\"kind\": \"likert\"", "\"kind\": 1", "$.kind", 4, 3, "wrong-type", "Expected a string here, found a number.")]
    public void RejectsNullsAndWrongTypesAtTheirPath(string find, string replace, string path, int line, int column, string code, string message)
    {
        Assert.Contains(find, Valid, StringComparison.Ordinal);
        var d = Single(Valid.Replace(find, replace, StringComparison.Ordinal));
        Assert.Equal((path, line, column, code, message), (d.Path, d.Line, d.Column, d.Code, d.Reason));
    }

    [Fact]
    public void RejectsFilesOverTheSizeLimit()
    {
        var d = Assert.Single(Problems(Valid, new InstrumentLoadOptions { MaxBytes = 100 }));
        Assert.Equal("too-large", d.Code);
        Assert.Equal($"The definition has {System.Text.Encoding.UTF8.GetByteCount(Valid)} bytes; an instrument definition may have at most 100 (InstrumentLoadOptions.MaxBytes).", d.Reason);
    }

    [Fact]
    public void ReportsTheRealSizeOfAFileOverTheLimitThoughOnlyTheLimitIsRead()
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory().FullName, "big.json");
        using (var file = File.Create(path))
        {
            file.SetLength(5_000_000); // sparse: the loader reads 4 MiB + 1 bytes of it, and takes the size from the file
        }

        Assert.False(Instrument.TryLoad(path, out _, out var diagnostics));
        var d = Assert.Single(diagnostics);
        Assert.Equal((path, "too-large"), (d.Source, d.Code));
        Assert.Equal("The definition has 5,000,000 bytes; an instrument definition may have at most 4,194,304 (InstrumentLoadOptions.MaxBytes).", d.Reason);
    }

    [Fact]
    public void SaysMoreThanTheLimitForAStreamThatCannotSeek()
    {
        using var stream = new ForwardOnlyStream(new byte[300]);
        var ex = Assert.Throws<InstrumentLoadException>(() => Instrument.Load(stream, new InstrumentLoadOptions { MaxBytes = 100 }));
        Assert.Equal("The definition has more than 100 bytes, the most an instrument definition may have (InstrumentLoadOptions.MaxBytes); the stream was not read further.",
            Assert.Single(ex.Diagnostics).Reason);
        Assert.Equal(101, stream.BytesRead); // one byte past the limit, no more
    }

    [Fact]
    public void CountsLanguagesItemsAndScalesOverTheirLimits()
    {
        var languages = string.Join(", ", Enumerable.Range(0, 51).Select(i => $"\"l{(char)('a' + (i / 26))}{(char)('a' + (i % 26))}\""));
        Assert.Contains(Problems(Valid.Replace("[\"en\", \"fr\"]", $"[{languages}]", StringComparison.Ordinal)),
            d => d.Path == "$.languages" && d.Reason == "An instrument may declare at most 50 languages; this one declares 51.");

        var items = LargeInstrument.Text(10_001, minified: false);
        Assert.Contains(Problems(items), d => d.Path == "$.items" && d.Reason == "An instrument may have at most 10,000 items; this one has 10,001.");

        var scales = string.Join(", ", Enumerable.Range(0, 1_001).Select(i => $$"""{ "id": "s{{i}}", "items": ["A1"] }"""));
        Assert.Contains(Problems(Valid.Replace("{ \"id\": \"plan\", \"items\": [\"A1\", \"-A2\"] }", scales, StringComparison.Ordinal)),
            d => d.Path == "$.scales" && d.Reason == "An instrument may have at most 1,000 scales; this one has 1,001.");
    }

    private sealed class ForwardOnlyStream(byte[] data) : Stream
    {
        private readonly MemoryStream _inner = new(data);

        public int BytesRead { get; private set; }

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            var n = _inner.Read(buffer, offset, count);
            BytesRead += n;
            return n;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }

    [Fact]
    public void RejectsNestingDeeperThanTheLimit()
    {
        var deep = Valid.Replace("\"license\"", "\"license\"", StringComparison.Ordinal)
            .Replace("\"title\": {", "\"x\": " + new string('[', 40) + new string(']', 40) + ", \"title\": {", StringComparison.Ordinal);
        var d = Single(deep);
        Assert.Equal("too-deep", d.Code);
        Assert.Equal("The JSON is nested 33 levels deep here, over the limit of 32; an instrument definition needs far fewer. Check for runaway brackets.", d.Reason);
    }

    [Fact]
    public void RejectsBadLabelCounts()
    {
        var d = Single(Valid.Replace("\"max\": 5 }", "\"max\": 5, \"labels\": { \"en\": [\"a\", \"b\"], \"fr\": [\"a\", \"b\", \"c\", \"d\", \"e\"] } }", StringComparison.Ordinal));
        Assert.Equal("$.responseFormats.agree5.labels.en", d.Path);
        Assert.Equal("The format runs from 1 to 5, so it needs 5 labels; found 2.", d.Reason);
    }

    [Fact]
    public void RejectsInconsistentNorms()
    {
        var json = Valid.Replace("\n  ]\n}", "\n  ],\n  \"norms\": [ { \"scale\": \"plann\", \"mean\": 3, \"table\": [ { \"score\": 2, \"count\": 1 }, { \"score\": 1, \"count\": 1 } ] } ]\n}", StringComparison.Ordinal);
        Assert.Equal(
        [
            "$.norms[0]: Give both mean and sd, or neither.",
            "$.norms[0].scale: The norm refers to scale 'plann', which is not defined in $.scales.",
            "$.norms[0].table[1].score: Scores must increase strictly down the table; 1 follows 2.",
        ], Problems(json).OrderBy(p => p.Line).ThenBy(p => p.Column).Select(p => $"{p.Path}: {p.Reason}"));
    }

    [Fact]
    public void ThrowsOneExceptionCarryingEveryDiagnostic()
    {
        var ex = Assert.Throws<InstrumentLoadException>(() => Instrument.Parse("{ \"id\": 1 }", sourceName: "x.json"));
        Assert.True(ex.Diagnostics.Count >= 2);
        Assert.All(ex.Diagnostics, d => Assert.Equal("x.json", d.Source));
        Assert.Contains("x.json(1,3): $.id: Expected a string here, found a number. [wrong-type]", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void NamesTheFileInDiagnosticsWhenLoadingFromAPath()
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory().FullName, "bad.json");
        File.WriteAllText(path, "{");
        Assert.False(Instrument.TryLoad(path, out _, out var diagnostics));
        Assert.Equal(path, Assert.Single(diagnostics).Source);
    }

    [Fact]
    public void SkipsAUtf8ByteOrderMark()
    {
        using var stream = new MemoryStream([0xEF, 0xBB, 0xBF, .. System.Text.Encoding.UTF8.GetBytes(Valid)]);
        Assert.Equal("mini", Instrument.Load(stream).Id);
    }
}
