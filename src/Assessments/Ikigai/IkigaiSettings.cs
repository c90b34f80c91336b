using System.Text.Json.Serialization;
using Assessments.Definitions;

namespace Assessments.Ikigai;

/// <summary>The compiled <c>"ikigai"</c> section: the item (question and rating format) of each circle, the t-norm and α.</summary>
public sealed class IkigaiSettings
{
    internal IkigaiSettings(IReadOnlyList<Item> circles, TNorm tNorm, double alpha)
    {
        Circles = circles;
        TNorm = tNorm;
        Alpha = alpha;
    }

    /// <summary>The question of each circle, in <see cref="IkigaiCircle"/> order; its format's range maps to memberships 0–1.</summary>
    public IReadOnlyList<Item> Circles { get; }

    /// <summary>The t-norm of the overlaps.</summary>
    public TNorm TNorm { get; }

    /// <summary>The α-cut: a candidate lies in a circle when its membership is at least α.</summary>
    public double Alpha { get; }
}

internal sealed class IkigaiSectionDto
{
    public required Dictionary<string, string> Circles { get; set; }
    public string? TNorm { get; set; }
    public double? Alpha { get; set; }
    public string? Ranking { get; set; }
}

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, NumberHandling = JsonNumberHandling.Strict)]
[JsonSerializable(typeof(IkigaiSectionDto))]
internal sealed partial class IkigaiJsonContext : JsonSerializerContext;
