namespace Assessments.Matching;

/// <summary>The three families of ROME 4.0's skills referential.</summary>
public enum SkillFamily
{
    /// <summary><i>Savoir-faire</i>: what a person can do (ROME <c>code_rubrique</c> 1), grouped into macro-skills.</summary>
    KnowHow,

    /// <summary><i>Savoir-être professionnel</i>: how a person behaves at work, such as team spirit (rubrique 2, 16 in v460).</summary>
    SoftSkill,

    /// <summary><i>Savoir</i>: knowledge (rubrique 3), with a category.</summary>
    Knowledge,
}

/// <summary>How central a skill is to a fiche (ROME's <c>coeur_metier</c>).</summary>
public enum SkillCore
{
    /// <summary>Listed by the fiche, without a flag.</summary>
    None,

    /// <summary><c>Principale</c>: the core of the trade.</summary>
    Core,

    /// <summary><c>Émergente</c>: emerging in the trade.</summary>
    Emerging,
}

/// <summary>One skill or knowledge item of the referential, by its ROME <c>code_ogr</c>.</summary>
/// <param name="Code">The ROME <c>code_ogr</c>.</param>
/// <param name="Label">The French label, as ROME writes it.</param>
/// <param name="Family">Savoir-faire, savoir-être or savoir.</param>
/// <param name="Category">For a savoir-faire or savoir-être, <c>cat_comp</c>'s sub-category (<c>Technique</c>, <c>Technique expert</c>, <c>Transverse</c>); for a savoir, <c>categorie_savoir</c>.</param>
/// <param name="SubCategory">For a savoir, <c>sous_categorie_savoir</c>; otherwise null.</param>
/// <param name="MacroSkillCode">For a savoir-faire, the <c>code_ogr</c> of its macro-skill; otherwise null.</param>
/// <param name="MacroSkillLabel">The macro-skill's label; otherwise null.</param>
public sealed record Skill(string Code, string Label, SkillFamily Family, string? Category, string? SubCategory, string? MacroSkillCode, string? MacroSkillLabel);

/// <summary>A skill as one fiche lists it, with its core flag.</summary>
/// <param name="Skill">The skill.</param>
/// <param name="Core">Core of the trade, emerging, or neither.</param>
public sealed record FicheSkill(Skill Skill, SkillCore Core);

/// <summary>A work context of ROME 4.0 (hours, travel, conditions…), by its <c>code_ogr</c>.</summary>
/// <param name="Code">The ROME <c>code_ogr</c>.</param>
/// <param name="Label">The French label.</param>
/// <param name="Type">The context's type (<c>libelle_type_cont_trav</c>), such as "Horaires et durée du travail".</param>
public sealed record WorkContext(string Code, string Label, string Type);

/// <summary>What one fiche lists: its skills and knowledge with their core flags, and its work contexts.</summary>
public sealed class OccupationSkills
{
    internal OccupationSkills(string occupationCode, IReadOnlyList<FicheSkill> skills, IReadOnlyList<WorkContext> contexts)
    {
        OccupationCode = occupationCode;
        Skills = skills;
        WorkContexts = contexts;
    }

    /// <summary>The fiche's code.</summary>
    public string OccupationCode { get; }

    /// <summary>Every skill and knowledge item the fiche lists: by family (savoir-faire, savoir-être, savoir), core first, then by code.</summary>
    public IReadOnlyList<FicheSkill> Skills { get; }

    /// <summary>The fiche's work contexts, by type then code.</summary>
    public IReadOnlyList<WorkContext> WorkContexts { get; }

    /// <summary>The skills of one family, in the order of <see cref="Skills"/>.</summary>
    public IEnumerable<FicheSkill> Of(SkillFamily family) => Skills.Where(s => s.Skill.Family == family);
}

/// <summary>
/// ROME 4.0's skills referential as a catalog holds it: every skill and knowledge item by <c>code_ogr</c>, and what each fiche
/// lists. Loaded with the catalog (<see cref="OccupationCatalog.LoadRome"/>) when the folder has the skills files;
/// <see cref="OccupationCatalog.Skills"/> is null otherwise.
/// </summary>
public sealed class SkillCatalog
{
    private readonly Dictionary<string, Skill> _skills;
    private readonly Dictionary<string, OccupationSkills> _byOccupation;

    internal SkillCatalog(Dictionary<string, Skill> skills, Dictionary<string, OccupationSkills> byOccupation)
    {
        _skills = skills;
        _byOccupation = byOccupation;
    }

    /// <summary>Every skill and knowledge item, by <c>code_ogr</c>.</summary>
    public IReadOnlyDictionary<string, Skill> Skills => _skills;

    /// <summary>The codes of the fiches that list skills, in ordinal order.</summary>
    public IReadOnlyList<string> OccupationCodes => [.. _byOccupation.Keys.Order(StringComparer.Ordinal)];

    /// <summary>The skill with this <c>code_ogr</c>, or null.</summary>
    public Skill? Find(string code) => _skills.GetValueOrDefault(code);

    /// <summary>What the fiche lists, or null for a code without skills.</summary>
    public OccupationSkills? Of(string occupationCode) => _byOccupation.GetValueOrDefault(occupationCode);
}
