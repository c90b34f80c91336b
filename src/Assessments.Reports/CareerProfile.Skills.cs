using System.Text.Json;
using Assessments.Matching;
using Assessments.Matching.Skills;

namespace Assessments.Reports;

/// <summary>A past job of the skills portfolio: the ROME fiche it was read as.</summary>
/// <param name="Id">The experience's id in the response.</param>
/// <param name="OccupationCode">The fiche's code.</param>
/// <param name="OccupationTitle">The fiche's title (French, as ROME writes it).</param>
/// <param name="Years">How long, if said.</param>
/// <param name="ReadAs">When the person gave a job title: the ROME title it was read as; null when they gave a code.</param>
public sealed record ExperienceSummary(string Id, string OccupationCode, string OccupationTitle, double? Years, string? ReadAs);

/// <summary>A rated skill of the portfolio.</summary>
/// <param name="Code">The skill's ROME <c>code_ogr</c>.</param>
/// <param name="Label">Its French label, as ROME writes it.</param>
/// <param name="Family">Savoir-faire, savoir-être or savoir.</param>
/// <param name="Level">The level the person gave.</param>
/// <param name="Wish"><c>yes</c>, <c>indifferent</c>, <c>no</c>, or null if not said.</param>
/// <param name="Held">Whether the level reaches the instrument's held level.</param>
/// <param name="Experiences">The experiences it comes from (ids).</param>
/// <param name="Stories">The stories that show it (ids).</param>
public sealed record PortfolioSkillSummary(string Code, string Label, SkillFamily Family, int Level, string? Wish, bool Held,
    IReadOnlyList<string> Experiences, IReadOnlyList<string> Stories);

/// <summary>A skill proposed to confirm: a core skill of a past fiche, or one a story shows, that the person did not rate.</summary>
/// <param name="Code">The skill's ROME <c>code_ogr</c>.</param>
/// <param name="Label">Its French label.</param>
/// <param name="Family">Savoir-faire, savoir-être or savoir.</param>
/// <param name="Experiences">The experiences whose fiche has it at its core (ids).</param>
/// <param name="Stories">The stories that show it (ids).</param>
public sealed record ProposedSkillSummary(string Code, string Label, SkillFamily Family, IReadOnlyList<string> Experiences, IReadOnlyList<string> Stories);

/// <summary>A story the person told, with the skills it shows (codes).</summary>
/// <param name="Id">The story's id.</param>
/// <param name="Title">Its title.</param>
/// <param name="Text">The story as told, if given.</param>
/// <param name="Skills">The skills it shows (<c>code_ogr</c>).</param>
public sealed record StorySummary(string Id, string Title, string? Text, IReadOnlyList<string> Skills);

/// <summary>A skills portfolio (kind <c>skills</c>) as its results line states it.</summary>
/// <param name="InstrumentId">The instrument it came from.</param>
/// <param name="Experiences">The past jobs.</param>
/// <param name="Portfolio">Every rated skill, by family, highest level first.</param>
/// <param name="Proposed">The skills proposed to confirm.</param>
/// <param name="Stories">The stories.</param>
public sealed record SkillsSummary(string InstrumentId, IReadOnlyList<ExperienceSummary> Experiences, IReadOnlyList<PortfolioSkillSummary> Portfolio,
    IReadOnlyList<ProposedSkillSummary> Proposed, IReadOnlyList<StorySummary> Stories)
{
    /// <summary>The held skills the person wants to use in their next job.</summary>
    public IReadOnlyList<PortfolioSkillSummary> Strengths => [.. Portfolio.Where(s => s.Held && s.Wish == "yes")];

    /// <summary>The held skills the person would rather not use any more.</summary>
    public IReadOnlyList<PortfolioSkillSummary> LeaveBehind => [.. Portfolio.Where(s => s.Held && s.Wish == "no")];
}

/// <summary>A fiche the portfolio's skills open, ranked.</summary>
/// <param name="Rank">1 for the first.</param>
/// <param name="Transition">The fiche, the transferability, the transferable skills, the gaps and whether ROME lists the move.</param>
/// <param name="InterestFit">(r + 1) / 2 for the person's interests and the fiche's RIASEC letters; null when ranked on skills alone.</param>
/// <param name="Score">What the ranking used: the transferability alone, or w · transferability + (1 − w) · interest fit.</param>
/// <param name="SkillsWeight">w: 1 when ranked on skills alone.</param>
public sealed record SkillTransitionSuggestion(int Rank, Transition Transition, double? InterestFit, double Score, double SkillsWeight);

/// <summary>What kind of step closes a gap (PROJECT CHOICE, by the skill's ROME family).</summary>
public enum ActionStepKind
{
    /// <summary>A <i>savoir</i> (knowledge): learn it — a training course, a certificate, reading, a MOOC.</summary>
    Learn,

    /// <summary>A <i>savoir-faire</i>: practise it — a work-placement (PMSMP), an internship, volunteering, a task in the current job.</summary>
    Practise,

    /// <summary>A <i>savoir-être professionnel</i>: show it — find the moment in one's experience that proves it, and tell it.</summary>
    Show,
}

/// <summary>One gap of a target and the step that closes it.</summary>
/// <param name="Gap">The skill the target requires and the person does not hold, with its core flag.</param>
/// <param name="Kind">Learn, practise or show.</param>
public sealed record ActionStep(FicheSkill Gap, ActionStepKind Kind)
{
    /// <summary>The step for a gap: knowledge is learned, savoir-faire practised, savoir-être shown.</summary>
    public static ActionStep For(FicheSkill gap)
    {
        ArgumentNullException.ThrowIfNull(gap);
        return new ActionStep(gap, gap.Skill.Family switch
        {
            SkillFamily.Knowledge => ActionStepKind.Learn,
            SkillFamily.SoftSkill => ActionStepKind.Show,
            _ => ActionStepKind.Practise,
        });
    }
}

/// <summary>A target the action plan is drawn for: the transition toward it and one step per gap, core gaps first.</summary>
/// <param name="Transition">The transition toward the target.</param>
/// <param name="Plan">One step per gap, in the transition's gap order (core, emerging, others; then family; then code).</param>
public sealed record SkillTarget(Transition Transition, IReadOnlyList<ActionStep> Plan);

public sealed partial class CareerProfile
{
    private TransitionMatcher? _matcher;

    /// <summary>The skills portfolio, when the profile has one (kind <c>skills</c>).</summary>
    public SkillsSummary? Skills { get; private set; }

    /// <summary>The fiches the portfolio's skills open, best first (empty until <see cref="WithOccupations"/> with a ROME catalog that has skills).</summary>
    public IReadOnlyList<SkillTransitionSuggestion> SkillTransitions { get; private set; } = [];

    /// <summary>The targets the action plan is drawn for: the first three transitions, or those chosen with <see cref="WithTargets"/>.</summary>
    public IReadOnlyList<SkillTarget> SkillTargets { get; private set; } = [];

    /// <summary>
    /// A copy of this profile whose action plan is drawn toward the fiches <paramref name="codes"/> (the person's chosen
    /// targets, ranked or not), in the order given.
    /// </summary>
    /// <exception cref="InvalidOperationException">The profile has no skills portfolio, or was not ranked against a ROME catalog with skills.</exception>
    /// <exception cref="ArgumentException">A code is not a fiche with skills, or no code is given.</exception>
    public CareerProfile WithTargets(IEnumerable<string> codes)
    {
        ArgumentNullException.ThrowIfNull(codes);
        if (Skills is not { } skills || _matcher is not { } matcher)
        {
            throw new InvalidOperationException("Targets need a skills portfolio in the profile and a ROME catalog with skills: call WithOccupations(rome) first.");
        }

        var list = codes.Distinct(StringComparer.Ordinal).ToArray();
        if (list.Length == 0)
        {
            throw new ArgumentException("Give at least one target fiche.", nameof(codes));
        }

        var (held, sources) = HeldAndSources(skills);
        var copy = (CareerProfile)MemberwiseClone();
        copy.SkillTargets = [.. list.Select(code => Target(matcher.Toward(held, sources, code)))];
        return copy;
    }

    private void RankTransitions(OccupationCatalog catalog, int top, double skillsWeight)
    {
        SkillTransitions = [];
        SkillTargets = [];
        _matcher = null;
        if (Skills is not { } skills || catalog.Skills is null)
        {
            return;
        }

        var matcher = _matcher = new TransitionMatcher(catalog, new TransitionOptions { Top = Math.Max(top, 1) });
        var (held, sources) = HeldAndSources(skills);
        if (Interests is { } interests)
        {
            SkillTransitions = [.. matcher.RankWithInterests(held, sources, new InterestProfile(interests.Areas, 1, 5), skillsWeight)
                .Select((t, i) => new SkillTransitionSuggestion(i + 1, t.Transition, t.InterestFit, t.Score, skillsWeight))];
        }
        else
        {
            SkillTransitions = [.. matcher.Rank(held, sources).Select((t, i) => new SkillTransitionSuggestion(i + 1, t, null, t.Transferability, 1))];
        }

        SkillTargets = [.. SkillTransitions.Take(3).Select(t => Target(t.Transition))];
    }

    private static (string[] Held, string[] Sources) HeldAndSources(SkillsSummary skills) =>
        ([.. skills.Portfolio.Where(s => s.Held).Select(s => s.Code)], [.. skills.Experiences.Select(e => e.OccupationCode).Distinct(StringComparer.Ordinal)]);

    private static SkillTarget Target(Transition transition) => new(transition, [.. transition.Gaps.Select(ActionStep.For)]);

    private static SkillFamily Family(Place at, JsonElement element, string path) => at.String(element, path, "family") switch
    {
        "knowHow" => SkillFamily.KnowHow,
        "softSkill" => SkillFamily.SoftSkill,
        "knowledge" => SkillFamily.Knowledge,
        _ => throw at.Error(Place.Member(path, "family"), "should be knowHow, softSkill or knowledge"),
    };

    private static SkillsSummary ReadSkills(JsonElement root, Place at, string instrumentId)
    {
        var experiences = at.Objects(at.Array(root, "$", "experiences"), "$.experiences").Select(e =>
            new ExperienceSummary(at.String(e.Element, e.Path, "id"), at.String(e.Element, e.Path, "rome"), at.String(e.Element, e.Path, "title"),
                at.OptionalNumber(e.Element, e.Path, "years"), at.OptionalString(e.Element, e.Path, "readAs"))).ToList();
        var portfolio = at.Objects(at.Array(root, "$", "portfolio"), "$.portfolio").Select(s =>
            new PortfolioSkillSummary(at.String(s.Element, s.Path, "code"), at.String(s.Element, s.Path, "label"), Family(at, s.Element, s.Path),
                at.WholeNumber(s.Element, s.Path, "level"), at.OptionalString(s.Element, s.Path, "wish"), at.OptionalBoolean(s.Element, s.Path, "held"),
                Ids(at, s.Element, s.Path, "experiences"), Ids(at, s.Element, s.Path, "stories"))).ToList();
        var proposed = at.OptionalArray(root, "$", "proposed") is { } p
            ? at.Objects(p, "$.proposed").Select(s => new ProposedSkillSummary(at.String(s.Element, s.Path, "code"), at.String(s.Element, s.Path, "label"),
                Family(at, s.Element, s.Path), Ids(at, s.Element, s.Path, "experiences"), Ids(at, s.Element, s.Path, "stories"))).ToList()
            : [];
        var stories = at.OptionalArray(root, "$", "stories") is { } st
            ? at.Objects(st, "$.stories").Select(s => new StorySummary(at.String(s.Element, s.Path, "id"), at.String(s.Element, s.Path, "title"),
                at.OptionalString(s.Element, s.Path, "text"), Ids(at, s.Element, s.Path, "skills"))).ToList()
            : [];
        return new SkillsSummary(instrumentId, experiences, portfolio, proposed, stories);
    }

    private static List<string> Ids(Place at, JsonElement element, string path, string name) =>
        at.OptionalArray(element, path, name) is { } array ? at.Strings(array, Place.Member(path, name)) : [];
}
