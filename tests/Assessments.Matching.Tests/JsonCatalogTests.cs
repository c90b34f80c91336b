using Assessments.Testing;

namespace Assessments.Matching.Tests;

/// <summary>
/// JSON catalogs: a null or a wrong JSON type anywhere, an unknown or missing property, a value out of range or a code used
/// twice is a <see cref="CatalogProblem"/> naming the file, the line and the JSON path — never another exception.
/// </summary>
public sealed class JsonCatalogTests(Xunit.Abstractions.ITestOutputHelper output) : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("assess-json-catalog-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    // Line numbers in the assertions count lines of this text.
    private const string Catalog = """
        {
          "id": "mini", "version": "1.0.0", "languages": ["en", "fr"],
          "title": { "en": "Mini", "fr": "Mini" },
          "attribution": { "en": "Test" },
          "profileScale": { "min": 1, "max": 7 },
          "occupations": [
            { "code": "A-1", "title": { "en": "Baker", "fr": "Boulanger" }, "interests": { "R": 6, "I": 2, "A": 3, "S": 2, "E": 3, "C": 4 }, "jobZone": 2 },
            { "code": "A-2", "title": { "en": "Nurse", "fr": "Infirmier" }, "interests": { "R": 2, "I": 4, "A": 2, "S": 7, "E": 3, "C": 3 } }
          ]
        }
        """;

    private IReadOnlyList<CatalogProblem> Problems(string json)
    {
        var path = Path.Combine(_folder, "catalog.json");
        File.WriteAllText(path, json);
        var problems = Assert.Throws<CatalogLoadException>(() => OccupationCatalog.LoadJson(path)).Problems;
        Assert.All(problems, p => Assert.Equal(path, p.File));
        return problems;
    }

    [Fact]
    public void TheSampleLoads()
    {
        var path = Path.Combine(_folder, "catalog.json");
        File.WriteAllText(path, Catalog);
        var catalog = OccupationCatalog.LoadJson(path);
        Assert.Equal(["A-1", "A-2"], catalog.Occupations.Select(o => o.Code));
        Assert.True(catalog.HasJobZones);
        Assert.False(catalog.HasWorkValues);
    }

    [Theory]
    [InlineData("\"occupations\": [", "\"occupations\": [null, ", 6, "$.occupations[0]: null is not allowed here; expected an object.")]
    [InlineData("\"title\": { \"en\": \"Baker\", \"fr\": \"Boulanger\" }", "\"title\": null", 7, "$.occupations[0].title: null is not allowed here; expected an object.")]
    [InlineData("\"title\": { \"en\": \"Baker\", \"fr\": \"Boulanger\" }", "\"title\": { \"en\": \"Baker\", \"fr\": null }", 7, "$.occupations[0].title.fr: null is not allowed here; expected a string.")]
    [InlineData("\"title\": { \"en\": \"Baker\", \"fr\": \"Boulanger\" }", "\"title\": \"Baker\"", 7, "$.occupations[0].title: Expected an object here, found a string.")]
    [InlineData("\"code\": \"A-2\"", "\"code\": 2", 8, "$.occupations[1].code: Expected a string here, found a number.")]
    [InlineData("\"S\": 7", "\"S\": \"7\"", 8, "$.occupations[1].interests.S: Expected a number here, found a string.")]
    [InlineData("\"S\": 7", "\"S\": null", 8, "$.occupations[1].interests.S: null is not allowed here; expected a number.")]
    [InlineData("\"jobZone\": 2", "\"jobZone\": 2.5", 7, "$.occupations[0].jobZone: Expected a whole number between -2147483648 and 2147483647, found 2.5.")]
    [InlineData("[\"en\", \"fr\"]", "[\"en\", null]", 2, "$.languages[1]: null is not allowed here; expected a string.")]
    [InlineData("\"attribution\": { \"en\": \"Test\" }", "\"attribution\": [\"Test\"]", 4, "$.attribution: Expected an object here, found an array.")]
    [InlineData("\"occupations\": [", "\"occupations\": { \"x\": [", 6, "$.occupations: Expected an array here, found an object.")]
    [InlineData("\"jobZone\": 2", "\"jobZone\": 2, \"zone\": 3", 7, "$.occupations[0].zone: Unknown property 'zone'. Allowed here: code, title, description, interests, workValues, hollandCode, jobZone.")]
    [InlineData("{ \"code\": \"A-2\", ", "{ ", 8, "$.occupations[1]: The required property 'code' is missing.")]
    public void NullsAndWrongTypesAreProblemsAtTheirPathAndLine(string find, string replace, int line, string reason)
    {
        Assert.Contains(find, Catalog, StringComparison.Ordinal);
        var json = Catalog.Replace(find, replace, StringComparison.Ordinal);
        if (replace.EndsWith('[') && replace.Contains("\"x\"", StringComparison.Ordinal))
        {
            json = json.Replace("]\n}", "] }\n}", StringComparison.Ordinal);
        }

        var problem = Assert.Single(Problems(json));
        Assert.Equal((line, reason), (problem.Line, problem.Reason));
    }

    [Fact]
    public void ANullDocumentIsOneProblem()
    {
        var problem = Assert.Single(Problems("null"));
        Assert.Equal((1, "$: null is not allowed here; expected an object."), (problem.Line, problem.Reason));
    }

    [Fact]
    public void ADuplicateCodeNamesBothLines()
    {
        var problem = Assert.Single(Problems(Catalog.Replace("\"code\": \"A-2\"", "\"code\": \"A-1\"", StringComparison.Ordinal)));
        Assert.Equal((8, "$.occupations[1].code: The code A-1 is used twice; each occupation needs its own code. It is first used at $.occupations[0].code, line 7."),
            (problem.Line, problem.Reason));
    }

    [Theory]
    [InlineData("\"jobZone\": 2", "\"jobZone\": 6", 7, "$.occupations[0].jobZone: jobZone must be 1 to 5 (found 6).")]
    [InlineData("\"title\": { \"en\": \"Nurse\", \"fr\": \"Infirmier\" }", "\"title\": { \"en\": \"Nurse\" }", 8, "$.occupations[1].title: The title has no 'fr' version; give one in each of the catalog's languages (en, fr).")]
    [InlineData("\"S\": 7", "\"S\": 8", 8, "$.occupations[1].interests: interests.S must be given, between 1 and 7.")]
    [InlineData("\"max\": 7", "\"max\": 1", 5, "$.profileScale.max: max (1) must be greater than min (1).")]
    public void MeaningProblemsAreOnTheirLineToo(string find, string replace, int line, string reason)
    {
        Assert.Contains(find, Catalog, StringComparison.Ordinal);
        var problems = Problems(Catalog.Replace(find, replace, StringComparison.Ordinal));
        Assert.Contains(problems, p => (p.Line, p.Reason) == (line, reason));
    }

    [Fact]
    public void EveryValueOfTheStarterCatalogSwappedForNullOrAnotherTypeIsAProblemAtThatValue()
    {
        var original = File.ReadAllBytes(TestPaths.StarterCatalog);
        var path = Path.Combine(_folder, "starter.json");
        string[] optional = ["description", "license", "interests", "workValues", "hollandCode", "jobZone"];
        var failures = new List<string>();
        var mutations = 0;
        foreach (var position in JsonValuePosition.All(original))
        {
            foreach (var replacement in position.OtherTypes())
            {
                mutations++;
                var mutated = position.Replace(original, replacement);
                try
                {
                    Internals.JsonCatalogLoader.Load(new MemoryStream(mutated), path); // what LoadJson reads, without the disk
                    var name = position.Path[(position.Path.LastIndexOf('.') + 1)..];
                    if (replacement != "null" || !optional.Contains(name))
                    {
                        failures.Add($"{position.Path} = {replacement}: loaded");
                    }
                }
                catch (CatalogLoadException ex)
                {
                    var line = position.AnchorPosition(mutated).Line;
                    if (!ex.Problems.Any(p => p.Reason.StartsWith(position.Path + ": ", StringComparison.Ordinal) && p.Line == line))
                    {
                        failures.Add($"{position.Path} = {replacement}: no problem at line {line}; got {ex.Problems[0]}");
                    }
                }
                catch (Exception ex)
                {
                    failures.Add($"{position.Path} = {replacement}: {ex.GetType().Name}: {ex.Message}");
                }
            }
        }

        Assert.True(mutations > 3000, $"{mutations} mutations");
        output.WriteLine($"{mutations} mutations");
        Assert.True(failures.Count == 0, $"{failures.Count} of {mutations} mutations failed:\n" + string.Join("\n", failures.Take(40)));
    }

    [Fact]
    public void InvalidUtf8InAStringNamesItsLine()
    {
        // Found by the catalog fuzzer: the JSON reader accepts it until the string is read as text, then throws.
        var path = Path.Combine(_folder, "catalog.json");
        var bytes = System.Text.Encoding.UTF8.GetBytes(Catalog);
        var at = Catalog.IndexOf("Boulanger", StringComparison.Ordinal) + 2; // all ASCII before it
        bytes[at] = 0xC3;
        bytes[at + 1] = 0x28;
        File.WriteAllBytes(path, bytes);
        var problem = Assert.Single(Assert.Throws<CatalogLoadException>(() => OccupationCatalog.LoadJson(path)).Problems);
        Assert.Equal((7, "The file is not valid UTF-8 (a byte on this line does not start a character). Save the catalog as UTF-8."), (problem.Line, problem.Reason));
    }

    [Fact]
    public void ASyntaxErrorNamesItsLine()
    {
        var problem = Assert.Single(Problems(Catalog.Replace("\"jobZone\": 2 }", "\"jobZone\": 2 ", StringComparison.Ordinal)));
        Assert.Equal((8, "The file is not valid JSON: '{' is an invalid start of a property name. Expected a '\"'."), (problem.Line, problem.Reason));
    }
}
