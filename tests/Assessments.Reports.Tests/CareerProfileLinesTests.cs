using System.Text;
using Assessments.Responses;
using Assessments.Scoring;
using Assessments.Testing;

namespace Assessments.Reports.Tests;

/// <summary>
/// <see cref="CareerProfile.FromJsonLines"/> on lines that are not what <c>assess score --format jsonl</c> writes: a null, a
/// wrong JSON type, a missing member or unreadable text anywhere the profile reads is a <see cref="FormatException"/> that
/// names the line and the JSON path, never another exception and never the value or the person.
/// </summary>
public class CareerProfileLinesTests
{
    private static readonly Instrument Stories = Instrument.Parse("""
        { "id": "stories", "version": "1.0.0", "kind": "likert", "languages": ["en"], "title": { "en": "Stories" },
          "responseFormats": { "f": { "min": 1, "max": 5 } },
          "items": [ { "id": "I1", "format": "f", "text": { "en": "I know" } }, { "id": "I2", "format": "f", "text": { "en": "I doubt" } },
                     { "id": "PROUD", "freeText": {}, "text": { "en": "Proud" } } ],
          "scales": [ { "id": "clarity", "items": ["I1"] }, { "id": "doubt", "items": ["I2"] } ] }
        """);

    /// <summary>The person's five lines: the four kinds, and a Likert result with a missing scale and a story.</summary>
    private static string[] Lines()
    {
        var stories = Stories.Score(new Response(OnePerson.Id, new Dictionary<string, int?> { ["I1"] = 4 }, new Dictionary<string, string> { ["PROUD"] = "A repair café" }));
        return [.. OnePerson.JsonLines(), Line(stories)];
    }

    private static string Line(InstrumentResult result)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var writer = new System.Text.Json.Utf8JsonWriter(buffer))
        {
            result.WriteJson(writer);
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    // Members that results write as null when there is nothing to say (a line whose respondent is null is someone else's).
    private static readonly string[] Nullable = ["respondent", "label", "clarity", "band", "score", "Achievement", "WorkingConditions", "Recognition", "Relationships", "Support", "Independence"];

    [Fact]
    public void EveryValueSwappedForNullOrAnotherTypeIsAFormatExceptionNamingLineAndPathOrChangesNothing()
    {
        var lines = Lines();
        var reference = ReportRenderer.Render(CareerProfile.FromJsonLines(lines, OnePerson.Id));
        var failures = new List<string>();
        var (mutations, refused) = (0, 0);
        for (var l = 0; l < lines.Length; l++)
        {
            var bytes = Encoding.UTF8.GetBytes(lines[l]);
            foreach (var position in JsonValuePosition.All(bytes))
            {
                foreach (var replacement in position.OtherTypes())
                {
                    mutations++;
                    var mutated = (string[])lines.Clone();
                    mutated[l] = Encoding.UTF8.GetString(position.Replace(bytes, replacement));
                    var what = $"line {l + 1} {position.Path} = {replacement}";
                    try
                    {
                        var html = ReportRenderer.Render(CareerProfile.FromJsonLines(mutated, OnePerson.Id));
                        var member = position.Path[(position.Path.LastIndexOf('.') + 1)..];
                        // A null member may become null, or a null one a value (of its type: another type is refused).
                        var nullable = Nullable.Contains(member) && (replacement == "null" || position.Token == System.Text.Json.JsonTokenType.Null);
                        if (html != reference && !nullable)
                        {
                            failures.Add($"{what}: read without complaint, and the report changed");
                        }
                    }
                    catch (FormatException ex)
                    {
                        refused++;
                        var expected = position.Path == "$" ? $"Line {l + 1} is not a result" : $"{position.Path} ";
                        if (!ex.Message.StartsWith($"Line {l + 1}", StringComparison.Ordinal) || !ex.Message.Contains(expected, StringComparison.Ordinal))
                        {
                            failures.Add($"{what}: {ex.Message}");
                        }
                        else if (ex.Message.Contains(OnePerson.Id, StringComparison.Ordinal))
                        {
                            failures.Add($"{what}: the message quotes the person: {ex.Message}");
                        }
                    }
                    catch (Exception ex)
                    {
                        failures.Add($"{what}: {ex.GetType().Name}: {ex.Message}");
                    }
                }
            }
        }

        Assert.True(mutations > 2000 && refused > mutations / 4, $"{mutations} mutations, {refused} refused");
        Assert.True(failures.Count == 0, $"{failures.Count} of {mutations} mutations failed:\n" + string.Join("\n", failures.Take(40)));
    }

    private const string Head = """{"respondent":"p1","instrument":"x","version":"1.0.0","fingerprint":"f","kind":""";

    [Theory]
    [InlineData("null", "Line 2 is not a result: it needs \"respondent\" and \"instrument\".")]
    [InlineData("[1, 2]", "Line 2 is not a result: it needs \"respondent\" and \"instrument\".")]
    [InlineData("""{"respondent":7,"instrument":"x"}""", "Line 2: $.respondent should be a string or null, found a number.")]
    [InlineData("""{"respondent":"p1","instrument":null}""", "Line 2: $.instrument is null; expected a string.")]
    [InlineData(Head + "\"interests\",\"interests\":{\"areas\":{\"R\":\"2\",\"I\":1,\"A\":1,\"S\":1,\"E\":1,\"C\":1},\"code\":\"IAS\"}}", "Line 2 (x): $.interests.areas.R should be a number, found a string.")]
    [InlineData(Head + "\"interests\",\"interests\":{\"areas\":{\"R\":1e400,\"I\":1,\"A\":1,\"S\":1,\"E\":1,\"C\":1},\"code\":\"IAS\"}}", "Line 2 (x): $.interests.areas.R is too large a number.")]
    [InlineData(Head + "\"interests\",\"interests\":{\"areas\":null}}", "Line 2 (x): $.interests.areas is null; expected an object.")]
    [InlineData(Head + "\"ikigai\",\"ikigai\":{\"candidates\":[{\"rank\":1e300,\"id\":\"a\",\"memberships\":{},\"ikigai\":0}]}}", "Line 2 (x): $.ikigai.candidates[0].rank should be a whole number.")]
    [InlineData(Head + "\"ikigai\",\"ikigai\":{\"candidates\":[null]}}", "Line 2 (x): $.ikigai.candidates[0] should be an object, found null.")]
    [InlineData(Head + "\"card-sort\",\"cardSort\":{\"ordered\":[{\"card\":\"a\",\"rank\":1}]}}", "Line 2 (x): $.cardSort.ordered[0].score is missing; expected a number.")]
    [InlineData(Head + "\"type-indicator\",\"typeIndicator\":{\"type\":\"INTJ\",\"dichotomies\":{}}}", "Line 2 (x): $.typeIndicator.dichotomies should be an array, found an object.")]
    [InlineData(Head + "\"likert\",\"scales\":{\"s\":[]}}", "Line 2 (x): $.scales.s should be an object, found an array.")]
    [InlineData(Head + "\"likert\",\"scales\":{},\"freeText\":{\"PROUD\":\"a\\ud800b\"}}", "Line 2 (x): $.freeText.PROUD is not valid text (it escapes half of a surrogate pair).")]
    [InlineData(Head + "\"likert\",\"scales\":{},\"freeText\":{\"a b\":3}}", "Line 2 (x): $.freeText['a b'] should be a string, found a number.")]
    public void ABadLineIsAFormatExceptionNamingItAndThePath(string line, string message)
    {
        var ex = Assert.Throws<FormatException>(() => CareerProfile.FromJsonLines([OnePerson.JsonLines()[0], line], OnePerson.Id));
        Assert.Equal(message, ex.Message);
    }

    [Fact]
    public void AnotherPersonsLineIsNotReadBeyondItsRespondent()
    {
        var profile = CareerProfile.FromJsonLines([.. OnePerson.JsonLines(), """{"respondent":"someone else","instrument":"x","kind":7,"interests":null}"""], OnePerson.Id);
        Assert.Equal(4, profile.Sources.Count);
    }
}
