using System.Globalization;
using Assessments.Definitions;
using Assessments.Responses;
using Assessments.Scoring;

namespace Assessments.Matching.Skills;

/// <summary>
/// The kind <c>skills</c>: a person's skills portfolio on ROME 4.0's referential (past jobs, rated skills with level and wish,
/// stories as evidence). The kind needs a loaded ROME catalog with its skills, so it lives here, where catalogs live: an
/// application registers it with its catalog,
/// <c>new InstrumentLoadOptions { Kinds = InstrumentKindRegistry.Default.With(new SkillsKind(rome)) }</c>, then scores
/// <see cref="SkillsResponse"/>s with <see cref="Instrument.Score(IResponse)"/>.
/// </summary>
public sealed class SkillsKind : IInstrumentKind
{
    /// <summary>
    /// The shipped skills portfolio (<c>instruments/skills-portfolio.json</c>: levels 0 not yet · 1 with help · 2 on my own ·
    /// 3 could teach it, held from 2, wishes yes / indifferent / no, the three families), loaded with this kind on
    /// <paramref name="rome"/>.
    /// </summary>
    /// <exception cref="ArgumentException">The catalog has no skills.</exception>
    public static Instrument LoadShipped(OccupationCatalog rome)
    {
        return Shipped(new SkillsKind(rome));
    }

    /// <summary>
    /// The shipped skills portfolio's definition without a catalog: its levels, wishes and texts (to show the form, or to
    /// label a result), through a kind that cannot score. Score with <see cref="LoadShipped"/>.
    /// </summary>
    public static Instrument LoadShippedDefinition()
    {
        return Shipped(new SkillsKind());
    }

    /// <summary>The embedded skills-portfolio.json, loaded with <paramref name="kind"/> registered.</summary>
    private static Instrument Shipped(SkillsKind kind)
    {
        using var stream = typeof(SkillsKind).Assembly.GetManifestResourceStream("Assessments.Matching.Instruments.skills-portfolio.json")!;
        return Instrument.Load(stream, new InstrumentLoadOptions { Kinds = InstrumentKindRegistry.Default.With(kind) }, "skills-portfolio.json");
    }

    /// <summary>
    /// A skills kind without a catalog: it checks definitions (<c>assess validate</c>) but cannot validate or score a
    /// portfolio, which needs the fiches and skills of a ROME catalog.
    /// </summary>
    public SkillsKind()
    {
    }

    /// <summary>A skills kind that reads fiches, skills and titles from <paramref name="catalog"/>.</summary>
    /// <exception cref="ArgumentException">The catalog has no skills (not ROME, or a ROME folder without its skills files).</exception>
    public SkillsKind(OccupationCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        Catalog = catalog;
        SkillsOrNull = catalog.Skills ?? throw new ArgumentException($"The catalog {catalog.Name} has no skills: load a ROME 4.0 folder with its skills files (docs/skills.md).", nameof(catalog));
    }

    /// <summary>The catalog the kind reads; null for a kind that only checks definitions.</summary>
    public OccupationCatalog? Catalog { get; }

    private SkillCatalog? SkillsOrNull { get; }

    private SkillCatalog Skills => SkillsOrNull ?? throw new InvalidOperationException(
        "This skills kind was registered without a catalog: register new SkillsKind(rome) with a loaded ROME catalog to validate or score portfolios.");

    private OccupationCatalog Rome => Catalog ?? throw new InvalidOperationException(
        "This skills kind was registered without a catalog: register new SkillsKind(rome) with a loaded ROME catalog to validate or score portfolios.");

    /// <inheritdoc />
    public string Name => "skills";

    /// <summary>A skills instrument takes a <see cref="SkillsResponse"/>.</summary>
    public Type ResponseType => typeof(SkillsResponse);

    /// <summary>held, strengths, leaveBehind and proposed: how many skills are in each.</summary>
    public IReadOnlyList<string> SummaryColumns(Instrument instrument) => ["held", "strengths", "leaveBehind", "proposed"];

    private static readonly string[] WishKeys = ["yes", "indifferent", "no"];

    internal static string FamilyName(SkillFamily family) => family switch
    {
        SkillFamily.KnowHow => "knowHow",
        SkillFamily.SoftSkill => "softSkill",
        _ => "knowledge",
    };

    /// <inheritdoc />
    public object? Compile(KindCompilationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Section is null)
        {
            context.Report(context.SectionPath, "The kind 'skills' needs a section \"skills\": { \"levels\": […], \"held\": …, \"wishes\": {…}, \"families\": […] }.");
            return null;
        }

        var dto = context.ReadSection(SkillsJsonContext.Default.SkillsSectionDto);
        if (dto is null)
        {
            return null;
        }

        var levels = new List<SkillLevel>();
        for (var i = 0; i < dto.Levels.Count; i++)
        {
            var path = string.Create(CultureInfo.InvariantCulture, $"{context.SectionPath}.levels[{i}]");
            var label = context.ReadText(dto.Levels[i].Label, path + ".label");
            if (levels.Any(l => l.Value == dto.Levels[i].Value))
            {
                context.Report(path + ".value", string.Create(CultureInfo.InvariantCulture, $"The level {dto.Levels[i].Value} is given twice."));
            }
            else if (i > 0 && dto.Levels[i].Value < dto.Levels[i - 1].Value)
            {
                context.Report(path + ".value", "Give the levels from the lowest to the highest.");
            }
            else if (label is not null)
            {
                levels.Add(new SkillLevel(dto.Levels[i].Value, label));
            }
        }

        if (dto.Levels.Count < 2)
        {
            context.Report(context.SectionPath + ".levels", "Give at least two levels.");
        }
        else if (!dto.Levels.Any(l => l.Value == dto.Held))
        {
            context.Report(context.SectionPath + ".held", string.Create(CultureInfo.InvariantCulture, $"The held level {dto.Held} is not one of the levels."));
        }

        var wishes = new Dictionary<string, LocalizedText>(StringComparer.Ordinal);
        foreach (var (key, texts) in dto.Wishes)
        {
            var path = context.SectionPath + ".wishes." + key;
            if (key is not ("yes" or "indifferent" or "no"))
            {
                context.Report(path, $"The wish '{key}' is not one of yes, indifferent, no.");
            }
            else if (context.ReadText(texts, path) is { } label)
            {
                wishes[key] = label;
            }
        }

        foreach (var missing in WishKeys.Where(w => !dto.Wishes.ContainsKey(w)))
        {
            context.Report(context.SectionPath + ".wishes", $"The wish '{missing}' has no label; give yes, indifferent and no.");
        }

        var families = new List<SkillFamily>();
        for (var i = 0; i < dto.Families.Count; i++)
        {
            SkillFamily? family = dto.Families[i] switch { "knowHow" => SkillFamily.KnowHow, "softSkill" => SkillFamily.SoftSkill, "knowledge" => SkillFamily.Knowledge, _ => null };
            if (family is null)
            {
                context.Report(string.Create(CultureInfo.InvariantCulture, $"{context.SectionPath}.families[{i}]"), $"The family '{dto.Families[i]}' is not one of knowHow, softSkill, knowledge.");
            }
            else if (!families.Contains(family.Value))
            {
                families.Add(family.Value);
            }
        }

        if (dto.Families.Count == 0)
        {
            context.Report(context.SectionPath + ".families", "Ask about at least one family: knowHow, softSkill, knowledge.");
        }

        return context.HasErrors ? null : new SkillsSettings(levels, dto.Held, wishes, families, dto.ProposeCore);
    }

    /// <summary>Skills are not answered item by item: <see cref="Instrument.Score(IResponse)"/> takes a <see cref="SkillsResponse"/>.</summary>
    /// <exception cref="InvalidOperationException">Always (the instrument refuses item answers before this is reached).</exception>
    public InstrumentResult Score(Instrument instrument, Response response, IReadOnlyList<ScaleScore> scales) =>
        throw new InvalidOperationException($"The skills instrument '{instrument?.Reference}' is scored from a SkillsResponse.");

    /// <summary>
    /// Every problem of a portfolio, each with the code it concerns (a ROME code, a skill's <c>code_ogr</c>, or an experience or
    /// story id) and never the person's own words: an experience with neither or both of a code and a title, an unknown fiche,
    /// a title that matches no ROME title, a repeated id; a skill unknown to the referential or of a family not asked, rated
    /// twice, at a level outside the scale, with a wish other than yes, indifferent or no, or naming an unknown experience; a
    /// story citing an unknown skill.
    /// </summary>
    public IReadOnlyList<ResponseProblem> ValidateResponse(Instrument instrument, IResponse response)
    {
        ArgumentNullException.ThrowIfNull(instrument);
        var portfolio = (SkillsResponse)response;
        var settings = Settings(instrument);
        _ = Skills; // a kind without a catalog cannot check a portfolio
        var who = portfolio.RespondentId;
        var problems = new List<ResponseProblem>();
        var experienceIds = new HashSet<string>(StringComparer.Ordinal);
        foreach (var e in portfolio.Experiences ?? [])
        {
            var id = e?.Id ?? "";
            if (e is null || string.IsNullOrWhiteSpace(e.Id))
            {
                problems.Add(new ResponseProblem(who, "", "An experience has no id."));
                continue;
            }

            if (!experienceIds.Add(id))
            {
                problems.Add(new ResponseProblem(who, id, $"The experience id '{id}' is used twice."));
            }

            if ((e.OccupationCode is null) == (e.Title is null))
            {
                problems.Add(new ResponseProblem(who, id, "An experience gives either a ROME code (\"rome\") or a job title (\"title\"), not both or neither."));
            }
            else if (e.OccupationCode is { } code && Rome.Find(code) is null)
            {
                problems.Add(new ResponseProblem(who, code, $"Experience '{id}': {code} is not a fiche of {Rome.Name}."));
            }
            else if (e.Title is { } title && Resolve(title) is null)
            {
                problems.Add(new ResponseProblem(who, id, Rome.JobTitles is null
                    ? $"Experience '{id}': {Rome.Name} was loaded without its job titles; give the fiche's ROME code."
                    : $"Experience '{id}': the job title matches no title of {Rome.Name}; check the spelling or give the fiche's ROME code."));
            }

            if (e.Years is { } years && (!double.IsFinite(years) || years < 0 || years > 80))
            {
                problems.Add(new ResponseProblem(who, id, $"Experience '{id}': the years are not a number from 0 to 80."));
            }
        }

        var rated = new HashSet<string>(StringComparer.Ordinal);
        foreach (var r in portfolio.Ratings ?? [])
        {
            var code = r?.Code ?? "";
            if (r is null || Skills.Find(code) is not { } skill)
            {
                problems.Add(new ResponseProblem(who, code, $"The skill {code} is not in the skills referential of {Rome.Name}."));
                continue;
            }

            if (!settings.Families.Contains(skill.Family))
            {
                problems.Add(new ResponseProblem(who, code, $"The skill {code} is a {FamilyName(skill.Family)}, which {instrument.Reference} does not ask about."));
            }

            if (!rated.Add(code))
            {
                problems.Add(new ResponseProblem(who, code, $"The skill {code} is rated twice."));
            }

            if (settings.Level(r.Level) is null)
            {
                problems.Add(new ResponseProblem(who, code, string.Create(CultureInfo.InvariantCulture,
                    $"The level {r.Level} is not on the scale ({string.Join(", ", settings.Levels.Select(l => l.Value))}).")));
            }

            if (r.Wish is { } wish && !settings.Wishes.ContainsKey(wish))
            {
                problems.Add(new ResponseProblem(who, code, $"The wish is not one of yes, indifferent, no."));
            }

            foreach (var unknown in (r.Experiences ?? []).Where(x => !experienceIds.Contains(x)))
            {
                problems.Add(new ResponseProblem(who, code, $"The skill {code} names an experience '{unknown}' that the response does not have."));
            }
        }

        var storyIds = new HashSet<string>(StringComparer.Ordinal);
        foreach (var s in portfolio.Stories ?? [])
        {
            if (s is null || string.IsNullOrWhiteSpace(s.Id))
            {
                problems.Add(new ResponseProblem(who, "", "A story has no id."));
                continue;
            }

            if (!storyIds.Add(s.Id))
            {
                problems.Add(new ResponseProblem(who, s.Id, $"The story id '{s.Id}' is used twice."));
            }

            foreach (var code in (s.Skills ?? []).Where(c => Skills.Find(c) is null))
            {
                problems.Add(new ResponseProblem(who, code, $"Story '{s.Id}' cites the skill {code}, which is not in the skills referential of {Rome.Name}."));
            }
        }

        return problems;
    }

    /// <summary>Builds the portfolio of a valid response (see <see cref="SkillsResult"/>).</summary>
    public InstrumentResult ScoreResponse(Instrument instrument, IResponse response)
    {
        ArgumentNullException.ThrowIfNull(instrument);
        var portfolio = (SkillsResponse)response;
        var settings = Settings(instrument);
        var experiences = new List<ResolvedExperience>();
        foreach (var e in portfolio.Experiences ?? [])
        {
            var hit = e.Title is { } title ? Resolve(title) : null;
            var code = e.OccupationCode ?? hit!.Title.OccupationCode;
            experiences.Add(new ResolvedExperience(e.Id, code, Rome.Find(code)!.Title("fr"), e.Years, hit?.Title.Label));
        }

        var stories = portfolio.Stories ?? [];
        IReadOnlyList<string> StoriesOf(string code) => [.. stories.Where(s => (s.Skills ?? []).Contains(code)).Select(s => s.Id)];
        IReadOnlyList<string> ExperiencesListing(string code) =>
            [.. experiences.Where(x => Skills.Of(x.OccupationCode)?.Skills.Any(f => f.Skill.Code == code) == true).Select(x => x.Id)];

        var rated = portfolio.Ratings ?? [];
        var skills = rated
            .Select(r =>
            {
                var skill = Skills.Find(r.Code)!;
                var from = (r.Experiences ?? []).Concat(ExperiencesListing(r.Code)).Distinct(StringComparer.Ordinal);
                var ordered = experiences.Select(x => x.Id).Where(from.Contains).ToList();
                return new PortfolioSkill(skill, r.Level, r.Wish, r.Level >= settings.Held, ordered, StoriesOf(r.Code));
            })
            .OrderBy(s => s.Skill.Family).ThenByDescending(s => s.Level).ThenBy(s => s.Skill.Code, StringComparer.Ordinal)
            .ToList();

        var ratedCodes = new HashSet<string>(rated.Select(r => r.Code), StringComparer.Ordinal);
        var proposed = new Dictionary<string, (List<string> Experiences, List<string> Stories)>(StringComparer.Ordinal);
        if (settings.ProposeCore)
        {
            foreach (var x in experiences)
            {
                foreach (var f in Skills.Of(x.OccupationCode)?.Skills ?? [])
                {
                    if (f.Core == SkillCore.Core && settings.Families.Contains(f.Skill.Family) && !ratedCodes.Contains(f.Skill.Code))
                    {
                        Proposal(f.Skill.Code).Experiences.Add(x.Id);
                    }
                }
            }
        }

        foreach (var s in stories)
        {
            foreach (var code in (s.Skills ?? []).Where(c => !ratedCodes.Contains(c)))
            {
                Proposal(code).Stories.Add(s.Id);
            }
        }

        var proposals = proposed
            .Select(p => new ProposedSkill(Skills.Find(p.Key)!, [.. p.Value.Experiences.Distinct(StringComparer.Ordinal)], [.. p.Value.Stories.Distinct(StringComparer.Ordinal)]))
            .OrderBy(p => p.Skill.Family).ThenBy(p => p.Skill.Code, StringComparer.Ordinal)
            .ToList();
        return new SkillsResult(instrument, portfolio.RespondentId, experiences, skills, proposals, stories);

        (List<string> Experiences, List<string> Stories) Proposal(string code)
        {
            if (!proposed.TryGetValue(code, out var entry))
            {
                proposed[code] = entry = ([], []);
            }

            return entry;
        }
    }

    /// <summary>The best ROME title for what the person typed, or null.</summary>
    private JobTitleMatch? Resolve(string title) => Rome.JobTitles?.Search(title, top: 1) is [var best] ? best : null;

    private static SkillsSettings Settings(Instrument instrument) =>
        instrument.KindSettings as SkillsSettings ?? throw new ArgumentException($"'{instrument.Reference}' is not a skills instrument.", nameof(instrument));
}
