using System.Text.Json.Serialization;
using Assessments.Definitions;

namespace Assessments.Matching.Skills;

/// <summary>One level of the instrument's scale (e.g. 0 not yet, 1 with help, 2 on my own, 3 could teach it).</summary>
/// <param name="Value">The level's value.</param>
/// <param name="Label">Its label in each language of the instrument.</param>
public sealed record SkillLevel(int Value, LocalizedText Label);

/// <summary>The compiled <c>"skills"</c> section of a skills instrument.</summary>
public sealed class SkillsSettings
{
    internal SkillsSettings(IReadOnlyList<SkillLevel> levels, int held, IReadOnlyDictionary<string, LocalizedText> wishes, IReadOnlyList<SkillFamily> families, bool proposeCore)
    {
        Levels = levels;
        Held = held;
        Wishes = wishes;
        Families = families;
        ProposeCore = proposeCore;
    }

    /// <summary>The level scale, lowest first.</summary>
    public IReadOnlyList<SkillLevel> Levels { get; }

    /// <summary>The level from which a skill counts as held (for strengths and transitions).</summary>
    public int Held { get; }

    /// <summary>The wish answers (<c>yes</c>, <c>indifferent</c>, <c>no</c>) with their labels.</summary>
    public IReadOnlyDictionary<string, LocalizedText> Wishes { get; }

    /// <summary>The families the instrument asks about.</summary>
    public IReadOnlyList<SkillFamily> Families { get; }

    /// <summary>Whether the core skills of the person's past fiches that they did not rate are proposed to confirm.</summary>
    public bool ProposeCore { get; }

    /// <summary>The level with this value, or null.</summary>
    public SkillLevel? Level(int value) => Levels.FirstOrDefault(l => l.Value == value);
}

internal sealed class SkillsSectionDto
{
    public required List<LevelDto> Levels { get; set; }

    public required int Held { get; set; }

    public required Dictionary<string, Dictionary<string, string>> Wishes { get; set; }

    public required List<string> Families { get; set; }

    public bool ProposeCore { get; set; } = true;
}

internal sealed class LevelDto
{
    public required int Value { get; set; }

    public required Dictionary<string, string> Label { get; set; }
}

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, NumberHandling = JsonNumberHandling.Strict)]
[JsonSerializable(typeof(SkillsSectionDto))]
internal sealed partial class SkillsJsonContext : JsonSerializerContext;
