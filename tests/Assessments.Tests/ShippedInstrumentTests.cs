using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Assessments.Responses;
using Json.Schema;

namespace Assessments.Tests;

/// <summary>Every file in instruments/ loads strictly, matches the JSON Schema, is bilingual, and reproduces its worked example.</summary>
public class ShippedInstrumentTests
{
    // Loaded once: JsonSchema.Net registers a schema by its $id globally and refuses a second registration.
    private static readonly Lazy<JsonSchema> Schema = new(() =>
        JsonSchema.FromText(File.ReadAllText(Path.Combine(TestPaths.Instruments, "schema", "instrument.schema.json"))));

    public static TheoryData<string> InstrumentFiles()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(TestPaths.Instruments, "*.json").Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(file));
        }

        return data;
    }

    /// <summary>The files the core loads on its own: skills-portfolio.json's kind lives in Assessments.Matching with the ROME catalog (its tests load it there).</summary>
    public static TheoryData<string> CoreInstrumentFiles() =>
        [.. Directory.GetFiles(TestPaths.Instruments, "*.json").Select(f => Path.GetFileName(f)).Where(f => f != "skills-portfolio.json").Order(StringComparer.Ordinal)];

    [Theory]
    [MemberData(nameof(CoreInstrumentFiles))]
    public void LoadsStrictlyInFrenchAndEnglish(string file)
    {
        var instrument = Instrument.Load(Path.Combine(TestPaths.Instruments, file));
        Assert.Equal(Path.GetFileNameWithoutExtension(file), instrument.Id);
        Assert.Contains("en", instrument.Languages);
        Assert.Contains("fr", instrument.Languages);
        Assert.NotNull(instrument.Notice);
        Assert.Equal("MIT", instrument.License);
    }

    [Theory]
    [MemberData(nameof(InstrumentFiles))]
    public void ValidatesAgainstTheJsonSchema(string file)
    {
        var schema = Schema.Value;
        using var instance = JsonDocument.Parse(File.ReadAllText(Path.Combine(TestPaths.Instruments, file)));
        var result = schema.Evaluate(instance.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
        Assert.True(result.IsValid, string.Join(Environment.NewLine, (result.Details ?? []).Where(d => d.Errors is not null)
            .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value}"))));
    }

    [Fact]
    public void TheSchemaRejectsWhatTheLoaderRejectsStructurally()
    {
        var schema = Schema.Value;
        var node = JsonNode.Parse(File.ReadAllText(TestPaths.CareerReadiness))!;
        node["items"]![0]!["txt"] = "typo";
        using var mutated = JsonDocument.Parse(node.ToJsonString());
        Assert.False(schema.Evaluate(mutated.RootElement).IsValid);
    }

    public static TheoryData<string> Examples()
    {
        var data = new TheoryData<string>();
        // Item-answer instruments have CSV responses; card sorts have JSON Lines, checked in CardSortExampleTests.
        foreach (var file in Directory.GetFiles(Path.Combine(TestPaths.Instruments, "examples"), "*.expected.csv").Order(StringComparer.Ordinal)
                     .Where(f => File.Exists(f.Replace(".expected.csv", ".responses.csv", StringComparison.Ordinal))))
        {
            data.Add(Path.GetFileName(file).Replace(".expected.csv", "", StringComparison.Ordinal));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public void ReproducesTheHandComputedWorkedExample(string id)
    {
        // The expected values were computed by hand; instruments/examples/{id}.md shows the arithmetic.
        var instrument = Instrument.Load(Path.Combine(TestPaths.Instruments, id + ".json"));
        var (header, rows) = Bfi.ReadCsv(Path.Combine(TestPaths.Instruments, "examples", id + ".responses.csv"));
        var (expectedHeader, expected) = Bfi.ReadCsv(Path.Combine(TestPaths.Instruments, "examples", id + ".expected.csv"));
        // The scale columns, then any of the kind's summary columns (e.g. the type), by name.
        var scaleCount = instrument.Scales.Count;
        Assert.Equal(instrument.Scales.Select(s => s.Id), expectedHeader.Skip(1).Take(scaleCount));
        var summaryColumns = instrument.KindHandler.SummaryColumns(instrument).ToList();
        var extra = expectedHeader.Skip(1 + scaleCount).Select(name => summaryColumns.IndexOf(name)).ToList();
        Assert.DoesNotContain(-1, extra);
        Assert.Equal(rows.Count, expected.Count);
        for (var r = 0; r < rows.Count; r++)
        {
            var answers = Enumerable.Range(1, header.Length - 1).ToDictionary(c => header[c],
                c => rows[r][c].Length == 0 ? (int?)null : int.Parse(rows[r][c], CultureInfo.InvariantCulture));
            var result = instrument.Score(new Response(rows[r][0], answers));
            var summary = result.SummaryValues();
            var actual = result.Scales.Select(s => s.Value?.ToString("R", CultureInfo.InvariantCulture) ?? "").Concat(extra.Select(i => summary[i]));
            Assert.Equal(expected[r].Skip(1), actual);
        }
    }
}
