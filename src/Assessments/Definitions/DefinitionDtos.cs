using System.Text.Json;
using System.Text.Json.Serialization;

namespace Assessments.Definitions;

// The wire model of an instrument file. Strictness (unknown properties, required ones, types) is enforced by
// StrictReader from this context's metadata before deserializing, so every problem is reported, not only the first.
// It is internal: the loader validates it and compiles it into the
// public, immutable model (Instrument, Item, Scale, ...). Properties marked `required` must be present;
// any property not declared here is a load error (except the kind's own section at the root).

internal sealed class InstrumentDto
{
    [JsonPropertyName("$schema")] public string? Schema { get; set; }
    public required string Id { get; set; }
    public required string Version { get; set; }
    public required string Kind { get; set; }
    public required List<string> Languages { get; set; }
    public required Dictionary<string, string> Title { get; set; }
    public Dictionary<string, string>? Description { get; set; }
    public Dictionary<string, string>? Instructions { get; set; }
    public Dictionary<string, string>? Notice { get; set; }
    public string? License { get; set; }
    public string? Citation { get; set; }
    public required Dictionary<string, ResponseFormatDto> ResponseFormats { get; set; }
    public required List<ItemDto> Items { get; set; }
    public List<ScaleDto>? Scales { get; set; }
    public List<NormDto>? Norms { get; set; }
}

internal sealed class ResponseFormatDto
{
    public required int Min { get; set; }
    public required int Max { get; set; }
    public Dictionary<string, List<string>>? Labels { get; set; }
}

internal sealed class ItemDto
{
    public required string Id { get; set; }
    public string? Format { get; set; }
    // A statement (Likert) or, for a bipolar item, the two statements at either end of the format.
    public Dictionary<string, string>? Text { get; set; }
    public Dictionary<string, string>? Left { get; set; }
    public Dictionary<string, string>? Right { get; set; }
    // An unscored storytelling prompt answered in the person's own words.
    public FreeTextDto? FreeText { get; set; }
}

internal sealed class FreeTextDto
{
    public int? MinLength { get; set; }
    public int? MaxLength { get; set; }
}

internal sealed class ScaleDto
{
    public required string Id { get; set; }
    public Dictionary<string, string>? Title { get; set; }
    public Dictionary<string, string>? Description { get; set; }
    // Each entry is either "A1" / "-A1" or { "item": "A1", "reverse": true, "weight": 1 }; read by the loader.
    public required List<JsonElement> Items { get; set; }
    public string? Aggregate { get; set; }
    public double? MinAnswered { get; set; }
    public string? Centring { get; set; }
}

internal sealed class ScaleItemDto
{
    public required string Item { get; set; }
    public bool? Reverse { get; set; }
    public double? Weight { get; set; }
}

internal sealed class NormDto
{
    public required string Scale { get; set; }
    public Dictionary<string, string>? Population { get; set; }
    public double? Mean { get; set; }
    public double? Sd { get; set; }
    public string? SdDenominator { get; set; }
    public int? N { get; set; }
    public List<NormTableRowDto>? Table { get; set; }
    public string? Percentile { get; set; }
}

internal sealed class NormTableRowDto
{
    public required double Score { get; set; }
    public required int Count { get; set; }
}

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    RespectNullableAnnotations = true,
    RespectRequiredConstructorParameters = true,
    ReadCommentHandling = JsonCommentHandling.Disallow,
    AllowTrailingCommas = false,
    NumberHandling = JsonNumberHandling.Strict)]
[JsonSerializable(typeof(InstrumentDto))]
[JsonSerializable(typeof(ScaleItemDto))]
internal sealed partial class DefinitionJsonContext : JsonSerializerContext;
