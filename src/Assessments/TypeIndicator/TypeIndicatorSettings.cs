using System.Text.Json.Serialization;
using Assessments.Definitions;

namespace Assessments.TypeIndicator;

/// <summary>
/// The compiled <c>"type-indicator"</c> section: the dichotomies in order, the missing-answer rule and the type
/// descriptions shipped with the instrument (an app reads them from <see cref="Instrument.KindSettings"/>).
/// </summary>
public sealed class TypeIndicatorSettings
{
    internal TypeIndicatorSettings(IReadOnlyList<Dichotomy> dichotomies, MissingAnswerRule missing, IReadOnlyDictionary<string, LocalizedText> descriptions)
    {
        Dichotomies = dichotomies;
        Missing = missing;
        Descriptions = descriptions;
    }

    /// <summary>The dichotomies, in the order their letters make the type.</summary>
    public IReadOnlyList<Dichotomy> Dichotomies { get; }

    /// <summary>What a missing answer does.</summary>
    public MissingAnswerRule Missing { get; }

    /// <summary>Short descriptions by four-letter type (e.g. <c>ENFP</c>), in the instrument's languages.</summary>
    public IReadOnlyDictionary<string, LocalizedText> Descriptions { get; }
}

internal sealed class TypeIndicatorSectionDto
{
    public required List<DichotomyDto> Dichotomies { get; set; }
    public string? Missing { get; set; }
    public Dictionary<string, Dictionary<string, string>>? Descriptions { get; set; }
}

internal sealed class DichotomyDto
{
    public required string Scale { get; set; }
    public required string Low { get; set; }
    public required string High { get; set; }
    public double? Midpoint { get; set; }
    public string? Tie { get; set; }
}

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, NumberHandling = JsonNumberHandling.Strict)]
[JsonSerializable(typeof(TypeIndicatorSectionDto))]
internal sealed partial class TypeIndicatorJsonContext : JsonSerializerContext;
