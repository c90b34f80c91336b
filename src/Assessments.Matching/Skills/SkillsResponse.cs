using Assessments.Responses;

namespace Assessments.Matching.Skills;

/// <summary>A past job: a ROME fiche by code, or a job title as the person says it (resolved through the catalog's titles).</summary>
/// <param name="Id">The experience's id within the response (stories and ratings refer to it).</param>
/// <param name="OccupationCode">The fiche's code (<c>J1501</c>), or null when <paramref name="Title"/> is given.</param>
/// <param name="Title">A job title as typed ("aide soignante"), or null when <paramref name="OccupationCode"/> is given.</param>
/// <param name="Years">How long, if said.</param>
public sealed record Experience(string Id, string? OccupationCode, string? Title, double? Years = null);

/// <summary>How the person rates one skill of the referential.</summary>
/// <param name="Code">The skill's ROME <c>code_ogr</c>.</param>
/// <param name="Level">A level of the instrument's scale.</param>
/// <param name="Wish">Whether the person wants to use it in their next job: <c>yes</c>, <c>indifferent</c> or <c>no</c>; null if not said.</param>
/// <param name="Experiences">The experiences where the person used it (ids), if said.</param>
public sealed record SkillRating(string Code, int Level, string? Wish = null, IReadOnlyList<string>? Experiences = null);

/// <summary>A story the person told (storytelling): a moment that shows skills.</summary>
/// <param name="Id">The story's id within the response.</param>
/// <param name="Title">A short title.</param>
/// <param name="Text">The story, as told (carried, never scored).</param>
/// <param name="Skills">The skills it shows (ROME <c>code_ogr</c>).</param>
public sealed record SkillStory(string Id, string Title, string? Text, IReadOnlyList<string> Skills);

/// <summary>One person's skills portfolio: past jobs, rated skills and the stories that show them.</summary>
/// <param name="RespondentId">The person's id.</param>
/// <param name="Experiences">The past jobs.</param>
/// <param name="Ratings">The rated skills.</param>
/// <param name="Stories">The stories.</param>
public sealed record SkillsResponse(string? RespondentId, IReadOnlyList<Experience> Experiences, IReadOnlyList<SkillRating> Ratings, IReadOnlyList<SkillStory>? Stories = null) : IResponse;
