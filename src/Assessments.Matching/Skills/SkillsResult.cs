using System.Globalization;
using System.Text.Json;
using Assessments.Scoring;

namespace Assessments.Matching.Skills;

/// <summary>A past job as the result states it: the fiche it was read as, and how.</summary>
/// <param name="Id">The experience's id in the response.</param>
/// <param name="OccupationCode">The fiche.</param>
/// <param name="OccupationTitle">The fiche's title.</param>
/// <param name="Years">How long, if said.</param>
/// <param name="JobTitle">When the person gave a job title: the ROME title it was read as (the best hit of the title search); null when they gave a code.</param>
public sealed record ResolvedExperience(string Id, string OccupationCode, string OccupationTitle, double? Years, string? JobTitle);

/// <summary>A rated skill in the portfolio, with its evidence.</summary>
/// <param name="Skill">The skill.</param>
/// <param name="Level">The level given.</param>
/// <param name="Wish"><c>yes</c>, <c>indifferent</c>, <c>no</c>, or null if not said.</param>
/// <param name="Held">Whether the level reaches the instrument's held level.</param>
/// <param name="Experiences">The experiences it comes from: those the person named, then those whose fiche lists it (ids, in the response's order).</param>
/// <param name="Stories">The stories that show it (ids).</param>
public sealed record PortfolioSkill(Skill Skill, int Level, string? Wish, bool Held, IReadOnlyList<string> Experiences, IReadOnlyList<string> Stories);

/// <summary>A skill proposed for the person to confirm: never counted as held until they rate it.</summary>
/// <param name="Skill">The skill.</param>
/// <param name="Experiences">The past experiences whose fiche has it as a core skill (ids).</param>
/// <param name="Stories">The stories that show it although it was not rated (ids).</param>
public sealed record ProposedSkill(Skill Skill, IReadOnlyList<string> Experiences, IReadOnlyList<string> Stories);

/// <summary>
/// A person's skills portfolio: the past jobs as read, every rated skill by family with its level, wish and evidence, the
/// strengths (held and wished), the skills to leave behind (held, not wished), and the skills only proposed.
/// </summary>
public sealed class SkillsResult : InstrumentResult
{
    internal SkillsResult(Instrument instrument, string? respondentId, IReadOnlyList<ResolvedExperience> experiences, IReadOnlyList<PortfolioSkill> portfolio, IReadOnlyList<ProposedSkill> proposed,
        IReadOnlyList<SkillStory> stories)
        : base(instrument, respondentId, [])
    {
        Experiences = experiences;
        Portfolio = portfolio;
        Proposed = proposed;
        Stories = stories;
    }

    /// <summary>The past jobs, in the response's order.</summary>
    public IReadOnlyList<ResolvedExperience> Experiences { get; }

    /// <summary>Every rated skill: by family (savoir-faire, savoir-être, savoir), highest level first, then by code.</summary>
    public IReadOnlyList<PortfolioSkill> Portfolio { get; }

    /// <summary>The held skills the person wants to use in their next job, in portfolio order.</summary>
    public IReadOnlyList<PortfolioSkill> Strengths => [.. Portfolio.Where(s => s.Held && s.Wish == "yes")];

    /// <summary>The held skills the person does not want to use any more, in portfolio order.</summary>
    public IReadOnlyList<PortfolioSkill> LeaveBehind => [.. Portfolio.Where(s => s.Held && s.Wish == "no")];

    /// <summary>Skills to confirm: core skills of the past fiches and skills shown in stories, not rated; by family then code.</summary>
    public IReadOnlyList<ProposedSkill> Proposed { get; }

    /// <summary>
    /// The person's stories as told (title, text, the skills each shows), in the response's order: carried into the results
    /// line so that a synthesis can quote them beside the skills they show; never scored.
    /// </summary>
    public IReadOnlyList<SkillStory> Stories { get; }

    /// <summary>held, strengths, leaveBehind, proposed: the counts.</summary>
    public override IReadOnlyList<string> SummaryValues() =>
        [.. new[] { Portfolio.Count(s => s.Held), Strengths.Count, LeaveBehind.Count, Proposed.Count }.Select(n => n.ToString(CultureInfo.InvariantCulture))];

    /// <inheritdoc />
    protected override void WriteKindJson(Utf8JsonWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStartArray("experiences");
        foreach (var e in Experiences)
        {
            writer.WriteStartObject();
            writer.WriteString("id", e.Id);
            writer.WriteString("rome", e.OccupationCode);
            writer.WriteString("title", e.OccupationTitle);
            if (e.Years is { } years)
            {
                writer.WriteNumber("years", years);
            }

            if (e.JobTitle is { } jobTitle)
            {
                writer.WriteString("readAs", jobTitle);
            }

            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteStartArray("portfolio");
        foreach (var s in Portfolio)
        {
            writer.WriteStartObject();
            WriteSkill(writer, s.Skill);
            writer.WriteNumber("level", s.Level);
            if (s.Wish is { } wish)
            {
                writer.WriteString("wish", wish);
            }

            writer.WriteBoolean("held", s.Held);
            WriteIds(writer, "experiences", s.Experiences);
            WriteIds(writer, "stories", s.Stories);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        WriteIds(writer, "strengths", [.. Strengths.Select(s => s.Skill.Code)]);
        WriteIds(writer, "leaveBehind", [.. LeaveBehind.Select(s => s.Skill.Code)]);
        writer.WriteStartArray("proposed");
        foreach (var p in Proposed)
        {
            writer.WriteStartObject();
            WriteSkill(writer, p.Skill);
            WriteIds(writer, "experiences", p.Experiences);
            WriteIds(writer, "stories", p.Stories);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteStartArray("stories");
        foreach (var story in Stories)
        {
            writer.WriteStartObject();
            writer.WriteString("id", story.Id);
            writer.WriteString("title", story.Title);
            if (story.Text is { } text)
            {
                writer.WriteString("text", text);
            }

            WriteIds(writer, "skills", story.Skills ?? []);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }

    private static void WriteSkill(Utf8JsonWriter writer, Skill skill)
    {
        writer.WriteString("code", skill.Code);
        writer.WriteString("label", skill.Label);
        writer.WriteString("family", SkillsKind.FamilyName(skill.Family));
    }

    private static void WriteIds(Utf8JsonWriter writer, string name, IReadOnlyList<string> ids)
    {
        writer.WriteStartArray(name);
        foreach (var id in ids)
        {
            writer.WriteStringValue(id);
        }

        writer.WriteEndArray();
    }
}
