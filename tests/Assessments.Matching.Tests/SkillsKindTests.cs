using Assessments.Definitions;
using Assessments.Matching.Skills;
using Assessments.Responses;
using Assessments.Scoring;

namespace Assessments.Matching.Tests;

/// <summary>
/// The kind <c>skills</c> on the real ROME 4.0 v460 export, with the shipped instrument and its worked example
/// (instruments/examples/skills-portfolio.responses.jsonl, person m01). Every expected value is worked out by hand in the
/// comments from the fiches' lists in unix_coherence_item (J1501 aide-soignant: 13 core savoir-faire; M1609 secrétaire
/// médical: 9 core savoir-faire).
/// </summary>
public sealed class SkillsKindTests
{
    private static readonly Lazy<OccupationCatalog> Rome = new(() => OccupationCatalog.LoadRome(TestPaths.Rome));

    private static readonly Lazy<Instrument> Portfolio = new(() => SkillsKind.LoadShipped(Rome.Value));

    /// <summary>m01 as in the example file: aide-soignante 6 years (J1501), then "secrétaire médicale" 2 years (a title).</summary>
    private static SkillsResponse M01() => new("m01",
        [new Experience("e1", "J1501", null, 6), new Experience("e2", null, "secrétaire médicale", 2)],
        [
            new SkillRating("107740", 3, "no", ["e1"]), new SkillRating("115845", 3, "yes"), new SkillRating("300447", 2, "yes"),
            new SkillRating("489901", 1, "indifferent"), new SkillRating("123905", 2, "yes", ["e2"]), new SkillRating("107201", 2, "yes"),
            new SkillRating("300412", 3, "yes"), new SkillRating("300465", 2, "indifferent"), new SkillRating("107361", 1, "yes"),
            new SkillRating("477076", 2, "yes"),
        ],
        [new SkillStory("s1", "Une nuit aux urgences", "…", ["487074", "115845"]), new SkillStory("s2", "Le nouveau logiciel du cabinet", "…", ["477076", "124391"])]);

    [Fact]
    public void The_shipped_instrument_loads_with_the_kind_and_its_catalog()
    {
        var instrument = Portfolio.Value;
        Assert.Equal(("skills-portfolio", "skills"), (instrument.Id, instrument.Kind));
        var settings = Assert.IsType<SkillsSettings>(instrument.KindSettings);
        Assert.Equal([0, 1, 2, 3], settings.Levels.Select(l => l.Value));
        Assert.Equal("En autonomie", settings.Level(2)!.Label["fr"]);
        Assert.Equal(2, settings.Held);
        Assert.Equal([SkillFamily.KnowHow, SkillFamily.SoftSkill, SkillFamily.Knowledge], settings.Families);
        Assert.Equal(["held", "strengths", "leaveBehind", "proposed"], instrument.KindHandler.SummaryColumns(instrument));
    }

    [Fact]
    public void The_worked_example_gives_the_portfolio_computed_by_hand()
    {
        var result = Assert.IsType<SkillsResult>(Portfolio.Value.Score(M01()));

        // e2's title is read as ROME's "Secrétaire médical / Secrétaire médicale", fiche M1609.
        Assert.Equal(new ResolvedExperience("e2", "M1609", Rome.Value.Find("M1609")!.Title("fr"), 2, "Secrétaire médical / Secrétaire médicale"), result.Experiences[1]);
        Assert.Null(result.Experiences[0].JobTitle);

        // By family, highest level first, then code.
        Assert.Equal(["107740", "115845", "107201", "123905", "300447", "489901", "300412", "300465", "477076", "107361"], result.Portfolio.Select(s => s.Skill.Code));
        // Held from level 2: all but 489901 and 107361 (level 1) = 8; wished among them: all but 107740 (no) and 300465 (indifferent) = 6.
        Assert.Equal(["115845", "107201", "123905", "300447", "300412", "477076"], result.Strengths.Select(s => s.Skill.Code));
        Assert.Equal(["107740"], result.LeaveBehind.Select(s => s.Skill.Code));
        Assert.Equal(["8", "6", "1", "17"], result.SummaryValues());

        // Evidence: 115845 is listed by J1501 (e1) and told in s1; 477076 is listed by both fiches and told in s2; 123905 was
        // named for e2, which M1609 confirms.
        var byCode = result.Portfolio.ToDictionary(s => s.Skill.Code);
        Assert.Equal(["e1"], byCode["115845"].Experiences);
        Assert.Equal(["s1"], byCode["115845"].Stories);
        Assert.Equal(["e1", "e2"], byCode["477076"].Experiences);
        Assert.Equal(["s2"], byCode["477076"].Stories);
        Assert.Equal(["e2"], byCode["123905"].Experiences);

        // Proposed: J1501's 13 core savoir-faire less the 4 rated (107740, 115845, 300447, 489901) = 9, M1609's 9 less the 2 rated
        // (107201, 123905) = 7, and 124391 (M1609, emerging, not core) only because story s2 shows it: 17, none counted as held.
        Assert.Equal(17, result.Proposed.Count);
        var proposed = result.Proposed.ToDictionary(p => p.Skill.Code);
        Assert.Equal(["e1"], proposed["487074"].Experiences);
        Assert.Equal(["s1"], proposed["487074"].Stories);
        Assert.Empty(proposed["124391"].Experiences);
        Assert.Equal(["s2"], proposed["124391"].Stories);
        Assert.DoesNotContain(result.Proposed, p => byCode.ContainsKey(p.Skill.Code));
    }

    [Fact]
    public void Each_bad_input_is_named_by_its_code_never_by_the_persons_words()
    {
        var response = new SkillsResponse("p2",
            [new Experience("e1", "Z9999", null), new Experience("e2", null, "zzzz qqqq"), new Experience("e2", "J1501", "aide soignant")],
            [new SkillRating("999999", 2), new SkillRating("107740", 7), new SkillRating("107747", 2, "maybe"), new SkillRating("107747", 2), new SkillRating("300446", 2, null, ["e9"])],
            [new SkillStory("s1", "t", null, ["888888"])]);
        var problems = Portfolio.Value.Validate(response);
        Assert.Equal(
        [
            ("Z9999", "Experience 'e1': Z9999 is not a fiche of ROME 4.0 v460."),
            ("e2", "Experience 'e2': the job title matches no title of ROME 4.0 v460; check the spelling or give the fiche's ROME code."),
            ("e2", "The experience id 'e2' is used twice."),
            ("e2", "An experience gives either a ROME code (\"rome\") or a job title (\"title\"), not both or neither."),
            ("999999", "The skill 999999 is not in the skills referential of ROME 4.0 v460."),
            ("107740", "The level 7 is not on the scale (0, 1, 2, 3)."),
            ("107747", "The wish is not one of yes, indifferent, no."),
            ("107747", "The skill 107747 is rated twice."),
            ("300446", "The skill 300446 names an experience 'e9' that the response does not have."),
            ("888888", "Story 's1' cites the skill 888888, which is not in the skills referential of ROME 4.0 v460."),
        ], problems.Select(p => (p.ItemId, p.Reason)));
        Assert.DoesNotContain(problems, p => p.Reason.Contains("zzzz", StringComparison.Ordinal));
        Assert.Equal(problems, Assert.Throws<InvalidResponseException>(() => Portfolio.Value.Score(response)).Problems);
    }

    [Fact]
    public void A_family_the_instrument_does_not_ask_about_is_refused()
    {
        var definition = Instrument.Parse(File.ReadAllText(Path.Combine(TestPaths.RepoRoot, "instruments", "skills-portfolio.json"))
                .Replace("\"families\": [\"knowHow\", \"softSkill\", \"knowledge\"]", "\"families\": [\"knowHow\"]", StringComparison.Ordinal),
            new InstrumentLoadOptions { Kinds = InstrumentKindRegistry.Default.With(new SkillsKind(Rome.Value)) });
        var problem = Assert.Single(definition.Validate(new SkillsResponse("p", [], [new SkillRating("300412", 2)])));
        Assert.Equal("The skill 300412 is a softSkill, which skills-portfolio@1.0.0 does not ask about.", problem.Reason);
    }

    [Fact]
    public void The_kind_needs_a_catalog_with_skills_and_checks_its_section()
    {
        Assert.Throws<ArgumentException>(() => new SkillsKind(OccupationCatalog.LoadStarter()));
        var kinds = InstrumentKindRegistry.Default.With(new SkillsKind(Rome.Value));
        var json = File.ReadAllText(Path.Combine(TestPaths.RepoRoot, "instruments", "skills-portfolio.json"))
            .Replace("\"held\": 2", "\"held\": 5", StringComparison.Ordinal)
            .Replace("\"indifferent\": {", "\"maybe\": {", StringComparison.Ordinal);
        Assert.False(Instrument.TryParse(json, out _, out var diagnostics, new InstrumentLoadOptions { Kinds = kinds }));
        Assert.Equal(
        [
            "$.skills.held: The held level 5 is not one of the levels.",
            "$.skills.wishes.maybe: The wish 'maybe' is not one of yes, indifferent, no.",
            "$.skills.wishes: The wish 'indifferent' has no label; give yes, indifferent and no.",
        ], diagnostics.Select(d => $"{d.Path}: {d.Reason}").Order(StringComparer.Ordinal));
    }
}
