using System.Text.Json.Serialization;

namespace Assessments.Interests;

/// <summary>The <c>"interests"</c> section of a definition: which scale measures each RIASEC area.</summary>
internal sealed class InterestsSettingsDto
{
    public required Dictionary<string, string> Areas { get; set; }
}

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, NumberHandling = JsonNumberHandling.Strict)]
[JsonSerializable(typeof(InterestsSettingsDto))]
internal sealed partial class InterestsJsonContext : JsonSerializerContext;
