using System.Text.Json;
using System.Xml;
using System.Xml.Linq;
using Assessments.Matching;
using Assessments.Matching.Skills;
using Assessments.Scoring;

namespace Assessments.Reports.Tests;

/// <summary>
/// The synthesis's <i>Compétences</i> section on the real ROME v460 data, for the shipped worked examples
/// (<c>instruments/examples/skills-portfolio.responses.jsonl</c>): m02, ten years as a care assistant (J1501) with 27 rated
/// skills and two stories, and m01, whose thin portfolio (8 skills held) the report must flag. Expected values come from
/// the ROME files read here independently of the library (the fiches' skills, the passerelles) and from the worked counts
/// of <c>SkillsInputTests</c> (m02: 25 held, 18 strengths, 3 to leave behind, 1 proposed).
/// </summary>
public sealed class SkillsReportTests
{
    private static readonly XNamespace X = "http://www.w3.org/1999/xhtml";

    internal static Lazy<OccupationCatalog> Rome { get; } = new(() => OccupationCatalog.LoadRome(TestPaths.Rome));

    internal static CareerProfile Profile(string person, IEnumerable<InstrumentResult>? others = null)
    {
        var instrument = SkillsKind.LoadShipped(Rome.Value);
        var line = File.ReadLines(Path.Combine(TestPaths.RepoRoot, "instruments", "examples", "skills-portfolio.responses.jsonl"))
            .Single(l => l.Contains($"\"respondent\":\"{person}\"", StringComparison.Ordinal));
        var result = instrument.Score(Read(line));
        return CareerProfile.FromResults([result, .. others ?? []], person).WithOccupations(Rome.Value, top: 10);
    }

    /// <summary>A line of the examples file as the response it holds (the CLI's reader is tested in SkillsInputTests).</summary>
    private static SkillsResponse Read(string line)
    {
        using var doc = JsonDocument.Parse(line);
        var root = doc.RootElement;
        return new SkillsResponse(root.GetProperty("respondent").GetString(),
            [.. root.GetProperty("experiences").EnumerateArray().Select(e => new Experience(e.GetProperty("id").GetString()!,
                e.TryGetProperty("rome", out var rome) ? rome.GetString() : null, e.TryGetProperty("title", out var title) ? title.GetString() : null,
                e.TryGetProperty("years", out var years) ? years.GetDouble() : null))],
            [.. root.GetProperty("skills").EnumerateArray().Select(s => new SkillRating(s.GetProperty("code").GetString()!, s.GetProperty("level").GetInt32(),
                s.TryGetProperty("wish", out var wish) ? wish.GetString() : null,
                s.TryGetProperty("experiences", out var x) ? [.. x.EnumerateArray().Select(v => v.GetString()!)] : null))],
            root.TryGetProperty("stories", out var stories)
                ? [.. stories.EnumerateArray().Select(s => new SkillStory(s.GetProperty("id").GetString()!, s.GetProperty("title").GetString()!,
                    s.GetProperty("text").GetString(), [.. s.GetProperty("skills").EnumerateArray().Select(v => v.GetString()!)]))]
                : null);
    }

    private static XDocument Parse(string html)
    {
        using var reader = XmlReader.Create(new StringReader(html), new XmlReaderSettings { DtdProcessing = DtdProcessing.Ignore });
        return XDocument.Load(reader);
    }

    private static string Text(XElement element) => string.Concat(element.DescendantNodes().OfType<XText>().Select(t => t.Value + " "));

    /// <summary>The fiche's skills, read from the ROME files themselves (unix_coherence_item, unix_item): code → (rubrique, coeur_metier).</summary>
    private static Dictionary<string, (string Rubrique, string Core)> FicheSkills(string fiche)
    {
        var folder = TestPaths.Rome;
        var rubrique = File.ReadLines(Path.Combine(folder, "unix_item_v460_utf8.csv")).Skip(1).Select(Fields)
            .Where(f => f[^1] is "1" or "2" or "3").ToDictionary(f => f[0], f => f[^1]);
        return File.ReadLines(Path.Combine(folder, "unix_coherence_item_v460_utf8.csv")).Skip(1).Select(Fields)
            .Where(f => f[0] == fiche && rubrique.ContainsKey(f[1])).ToDictionary(f => f[1], f => (rubrique[f[1]], f[2]));
    }

    /// <summary>A line of a ROME file, where every field is quoted: its fields.</summary>
    private static string[] Fields(string line) => line.Trim()[1..^1].Split("\",\"");

    [Fact]
    public void The_profile_reads_the_portfolio_with_its_stories_from_the_results_line()
    {
        var skills = Profile("m02").Skills!;
        Assert.Equal("skills-portfolio", skills.InstrumentId);
        var experience = Assert.Single(skills.Experiences);
        Assert.Equal(("J1501", 10.0, "Aide-soignant / Aide-soignante en gériatrie"), (experience.OccupationCode, experience.Years!.Value, experience.ReadAs));
        Assert.Equal((27, 25, 18, 3), (skills.Portfolio.Count, skills.Portfolio.Count(s => s.Held), skills.Strengths.Count, skills.LeaveBehind.Count));
        Assert.Equal(["107740", "300147", "489901"], skills.LeaveBehind.Select(s => s.Code).Order(StringComparer.Ordinal));
        var proposed = Assert.Single(skills.Proposed);
        Assert.Equal(("514786", SkillFamily.Knowledge), (proposed.Code, proposed.Family));
        Assert.Equal(["s2"], proposed.Stories);
        Assert.Equal(["s1", "s2"], skills.Stories.Select(s => s.Id));
        Assert.StartsWith("J'ai préparé avec la famille", skills.Stories[0].Text, StringComparison.Ordinal);
        Assert.Equal(["s1"], skills.Portfolio.Single(s => s.Code == "300412").Stories); // "Etre à l'écoute", shown by s1
    }

    [Fact]
    public void Transitions_and_targets_are_the_matchers_with_ROMEs_own_passerelles_beside_them()
    {
        var profile = Profile("m02");
        var skills = profile.Skills!;
        var held = skills.Portfolio.Where(s => s.Held).Select(s => s.Code).ToArray();
        var expected = new TransitionMatcher(Rome.Value, new TransitionOptions { Top = 10 }).Rank(held, ["J1501"]);
        Assert.Equal(expected.Select(t => (t.Occupation.Code, t.Transferability)), profile.SkillTransitions.Select(s => (s.Transition.Occupation.Code, s.Score)));
        Assert.All(profile.SkillTransitions, s => Assert.Null(s.InterestFit)); // no interests in this profile: skills alone

        // Passerelles from J1501, read from unix_rubrique_mobilite itself.
        var passerelles = File.ReadLines(Path.Combine(TestPaths.Rome, "unix_rubrique_mobilite_v460_utf8.csv")).Skip(1).Select(Fields)
            .Where(f => f[0] == "J1501").Select(f => f[1]).ToHashSet(StringComparer.Ordinal);
        Assert.All(profile.SkillTransitions, s => Assert.Equal(passerelles.Contains(s.Transition.Occupation.Code), s.Transition.Passerelle));
        Assert.Contains(profile.SkillTransitions, s => s.Transition.Passerelle);

        // The first three are the targets; each gap of a target, by family, is one step: knowledge learned, know-how practised, savoir-être shown.
        Assert.Equal(profile.SkillTransitions.Take(3).Select(s => s.Transition.Occupation.Code), profile.SkillTargets.Select(t => t.Transition.Occupation.Code));
        foreach (var target in profile.SkillTargets)
        {
            var fiche = FicheSkills(target.Transition.Occupation.Code);
            var gaps = fiche.Keys.Where(code => !held.Contains(code)).ToHashSet(StringComparer.Ordinal);
            Assert.Equal(gaps.Order(StringComparer.Ordinal), target.Plan.Select(s => s.Gap.Skill.Code).Order(StringComparer.Ordinal));
            Assert.Equal(fiche.Keys.Count - gaps.Count, target.Transition.Transferable.Count);
            Assert.All(target.Plan, s => Assert.Equal(fiche[s.Gap.Skill.Code].Rubrique switch { "1" => ActionStepKind.Practise, "2" => ActionStepKind.Show, _ => ActionStepKind.Learn }, s.Kind));
            Assert.All(target.Plan, s => Assert.Equal(fiche[s.Gap.Skill.Code].Core == "Principale", s.Gap.Core == SkillCore.Core));
            // Core gaps come first.
            var firstOther = target.Plan.ToList().FindIndex(s => s.Gap.Core != SkillCore.Core);
            Assert.True(firstOther < 0 || target.Plan.Skip(firstOther).All(s => s.Gap.Core != SkillCore.Core));
        }
    }

    [Fact]
    public void A_chosen_target_gets_its_plan_even_outside_the_ranking()
    {
        var profile = Profile("m02").WithTargets(["M1609"]); // secrétaire médicale: not among the ten
        var target = Assert.Single(profile.SkillTargets);
        Assert.Equal("M1609", target.Transition.Occupation.Code);
        Assert.DoesNotContain(profile.SkillTransitions, s => s.Transition.Occupation.Code == "M1609");
        var fiche = FicheSkills("M1609");
        var held = profile.Skills!.Portfolio.Where(s => s.Held).Select(s => s.Code).ToHashSet(StringComparer.Ordinal);
        Assert.Equal(fiche.Keys.Count(held.Contains), target.Transition.Transferable.Count);
        Assert.Equal(fiche.Keys.Count(k => !held.Contains(k)), target.Plan.Count);
        Assert.Throws<ArgumentException>(() => Profile("m02").WithTargets(["Z9999"]));
        Assert.Throws<ArgumentException>(() => Profile("m02").WithTargets([]));
        Assert.Throws<InvalidOperationException>(() => OnePerson.Profile.WithTargets(["M1609"])); // no portfolio
    }

    [Theory]
    [InlineData("fr", "Compétences", "Portefeuille de compétences", "Où vos compétences se transfèrent", "Plan d'action", "À apprendre : ", "passerelle citée par le ROME")]
    [InlineData("en", "Skills", "Skills portfolio", "Where your skills transfer", "Action plan", "To learn: ", "ROME lists the move as a passerelle")]
    public void The_section_shows_portfolio_stories_transitions_and_the_plan(string language, string heading, params string[] texts)
    {
        var profile = Profile("m02");
        var document = Parse(ReportRenderer.Render(profile, language));
        var section = document.Descendants(X + "section").Single(s => s.Attribute("id")?.Value == "skills");
        Assert.Equal(heading, section.Element(X + "h2")!.Value);
        var text = Text(section);
        Assert.All(texts, t => Assert.Contains(t, text, StringComparison.Ordinal));

        // No empty "results by instrument": this person has only a portfolio.
        Assert.DoesNotContain(document.Descendants(X + "section"), s => s.Attribute("id")?.Value == "results");

        // Every rated skill with its level label, the stories with their text and the skills they show.
        var levels = language == "fr" ? new[] { "Avec de l'aide", "En autonomie", "Je pourrais l'enseigner" } : ["With help", "On my own", "I could teach it"];
        foreach (var s in profile.Skills!.Portfolio)
        {
            var row = section.Descendants(X + "tr").Single(r => r.Element(X + "th")?.Value == s.Label);
            Assert.Equal($"{s.Level} · {levels[s.Level - 1]}", row.Elements(X + "td").First().Value);
        }

        Assert.Contains("Pendant deux ans j'ai accueilli chaque nouveau résident", text, StringComparison.Ordinal);
        Assert.Contains(language == "fr" ? "récit « Le retour à domicile de Mme L. »" : "story 'Le retour à domicile de Mme L.'", text, StringComparison.Ordinal);

        // The transitions table: one row per transition, its percentage as the language writes it.
        var rows = section.Descendants(X + "table").Single(t => t.Attribute("class")?.Value == "transitions").Element(X + "tbody")!.Elements(X + "tr").ToArray();
        Assert.Equal(profile.SkillTransitions.Count, rows.Length);
        for (var i = 0; i < rows.Length; i++)
        {
            var tr = profile.SkillTransitions[i].Transition;
            var percent = Math.Round(tr.Transferability * 100).ToString(System.Globalization.CultureInfo.InvariantCulture) + (language == "fr" ? "\u00A0%" : "%");
            Assert.Equal(percent, rows[i].Elements(X + "td").ElementAt(1).Value);
            Assert.Contains(tr.Occupation.Code, rows[i].Element(X + "th")!.Value, StringComparison.Ordinal);
        }

        // The plan of each target: the counts per step, every gap named, the proposed skill marked as perhaps held.
        foreach (var target in profile.SkillTargets)
        {
            var block = section.Descendants(X + "section").Single(s => s.Element(X + "h4")!.Value.Contains($"({target.Transition.Occupation.Code})", StringComparison.Ordinal));
            var blockText = Text(block);
            var learn = target.Plan.Count(s => s.Kind == ActionStepKind.Learn);
            Assert.Contains(language == "fr" ? $"À apprendre : {learn} savoir(s)" : $"To learn: {learn} knowledge item(s)", blockText, StringComparison.Ordinal);
            Assert.All(target.Plan, s => Assert.Contains(s.Gap.Skill.Label, blockText, StringComparison.Ordinal));
            Assert.Equal(target.Plan.Count(s => s.Gap.Core == SkillCore.Core), block.Descendants(X + "strong").Count(e => !e.Value.EndsWith(':')));
        }

        Assert.Contains(language == "fr" ? "(proposée, à confirmer : peut-être déjà acquise)" : "(proposed, to confirm: perhaps already held)", text, StringComparison.Ordinal);
    }

    [Fact]
    public void The_attention_points_name_what_to_confirm_what_would_be_carried_and_a_thin_portfolio()
    {
        var m02 = Parse(ReportRenderer.Render(Profile("m02"), "fr"));
        var attention = Text(m02.Descendants(X + "section").Single(s => s.Attribute("id")?.Value == "attention"));
        Assert.Contains("1 compétence(s) proposée(s) restent à confirmer", attention, StringComparison.Ordinal);
        // K1306 (first target) lists 300147, which m02 would rather leave behind.
        Assert.Contains("Vers Accompagnant Educatif et Social (AES) / Accompagnante Educative et Sociale (AES), vous emporteriez des compétences que vous préférez laisser derrière vous (Adapter et optimiser sa pratique",
            attention, StringComparison.Ordinal);
        Assert.DoesNotContain("La transférabilité reste faible", attention, StringComparison.Ordinal);

        // m01 holds 8 skills (SkillsKindTests). Its best target, as the matcher ranks her held skills from her two past fiches,
        // stays under the 10 % of ReportRenderer.LowTransferability, and the report says so with that share.
        var m01 = Profile("m01");
        var held = m01.Skills!.Portfolio.Where(x => x.Held).Select(x => x.Code).ToArray();
        Assert.Equal(8, held.Length);
        var best = new TransitionMatcher(Rome.Value, new TransitionOptions { Top = 1 }).Rank(held, ["J1501", "M1609"])[0].Transferability;
        Assert.InRange(best, 0, ReportRenderer.LowTransferability);
        var percent = Math.Round(best * 100).ToString(System.Globalization.CultureInfo.InvariantCulture) + "\u00A0%";
        var thin = Text(Parse(ReportRenderer.Render(m01, "fr")).Descendants(X + "section").Single(s => s.Attribute("id")?.Value == "attention"));
        Assert.Contains($"La transférabilité reste faible partout (au plus {percent}) : le portefeuille ne compte que 8 compétence(s) détenue(s).", thin, StringComparison.Ordinal);
        Assert.Contains("17 compétence(s) proposée(s) restent à confirmer", thin, StringComparison.Ordinal);
    }

    [Fact]
    public void With_interests_the_transitions_rank_on_both_and_show_each_part()
    {
        var profile = Profile("m02", OnePerson.Results.Where(r => r.Kind == "interests"));
        Assert.All(profile.SkillTransitions, s =>
        {
            Assert.NotNull(s.InterestFit);
            Assert.Equal(0.5 * s.Transition.Transferability + 0.5 * s.InterestFit!.Value, s.Score, 12);
        });
        var interests = profile.Interests!;
        var expected = new TransitionMatcher(Rome.Value, new TransitionOptions { Top = 10 })
            .RankWithInterests([.. profile.Skills!.Portfolio.Where(s => s.Held).Select(s => s.Code)], ["J1501"], new InterestProfile(interests.Areas, 1, 5));
        Assert.Equal(expected.Select(c => c.Transition.Occupation.Code), profile.SkillTransitions.Select(s => s.Transition.Occupation.Code));
        var text = Text(Parse(ReportRenderer.Render(profile, "fr")).Descendants(X + "section").Single(s => s.Attribute("id")?.Value == "skills"));
        Assert.Contains("Le ROME n'a pas de valeurs de travail : elles n'entrent pas dans ce classement.", text, StringComparison.Ordinal);
        Assert.Contains("Intérêts", text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_bad_skills_line_names_its_line_and_path_and_a_storys_markup_stays_text()
    {
        const string Head = "{\"respondent\":\"a\",\"instrument\":\"skills-portfolio\",\"version\":\"1.0.0\",\"fingerprint\":\"f\",\"kind\":\"skills\",\"experiences\":[],";
        var bad = Head + "\"portfolio\":[{\"code\":\"1\",\"label\":\"L\",\"family\":\"other\",\"level\":2,\"held\":true}]}";
        Assert.Equal("Line 1 (skills-portfolio): $.portfolio[0].family should be knowHow, softSkill or knowledge.",
            Assert.Throws<FormatException>(() => CareerProfile.FromJsonLines([bad], "a")).Message);
        var noLevel = Head + "\"portfolio\":[{\"code\":\"1\",\"label\":\"L\",\"family\":\"knowHow\"}]}";
        Assert.Equal("Line 1 (skills-portfolio): $.portfolio[0].level is missing; expected a number.",
            Assert.Throws<FormatException>(() => CareerProfile.FromJsonLines([noLevel], "a")).Message);

        var story = Head + "\"portfolio\":[{\"code\":\"1\",\"label\":\"L\",\"family\":\"knowHow\",\"level\":2,\"held\":true,\"stories\":[\"s\"]}],"
            + "\"stories\":[{\"id\":\"s\",\"title\":\"<b>T</b>\",\"text\":\"<script>alert(1)</script> & co\",\"skills\":[\"1\"]}]}";
        var html = ReportRenderer.Render(CareerProfile.FromJsonLines([story], "a"), "fr");
        var document = Parse(html); // well-formed
        Assert.DoesNotContain("<script", html, StringComparison.Ordinal);
        Assert.Contains("<script>alert(1)</script> & co", Text(document.Root!), StringComparison.Ordinal);
        Assert.Contains("récit « <b>T</b> »", Text(document.Root!), StringComparison.Ordinal);
    }
}
