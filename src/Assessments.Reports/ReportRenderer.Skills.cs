using System.Text;
using Assessments.Matching;
using Assessments.Matching.Skills;

namespace Assessments.Reports;

/// <summary>The report's <i>Compétences</i> section: the portfolio with its evidence, the transitions, and the action plan.</summary>
public static partial class ReportRenderer
{
    /// <summary>
    /// PROJECT CHOICE: transferability counts as low everywhere when the best target reaches less than 10 % — under one
    /// skill in ten of the closest fiche; the report then says the portfolio is too thin to conclude.
    /// </summary>
    public const double LowTransferability = 0.10;

    private static readonly Lazy<Instrument> ShippedSkills = new(SkillsKind.LoadShippedDefinition);

    private static void SkillsSummaryItem(StringBuilder html, CareerProfile p, ReportText t)
    {
        if (p.Skills is not { } skills)
        {
            return;
        }

        var held = skills.Portfolio.Count(s => s.Held);
        if (p.SkillTransitions.Count > 0)
        {
            Item(html, t.SkillsSentence(held, skills.Strengths.Count, string.Join(" ; ".AsSpan(t.Language == "fr" ? 0 : 1).ToString(),
                p.SkillTransitions.Take(3).Select(s => s.Transition.Occupation.Title(t.Language)))));
        }
        else
        {
            Item(html, t.PortfolioIntro(held, skills.Portfolio.Count, HeldLevelLabel(skills, t), skills.Strengths.Count, skills.LeaveBehind.Count));
        }
    }

    private static void SkillsAttention(List<string> points, CareerProfile p, ReportText t)
    {
        if (p.Skills is not { } skills)
        {
            return;
        }

        if (skills.Proposed.Count > 0)
        {
            points.Add(t.ProposedAttention(skills.Proposed.Count));
        }

        if (p.SkillTransitions.Count > 0)
        {
            var best = p.SkillTransitions.Max(s => s.Transition.Transferability);
            if (best < LowTransferability)
            {
                points.Add(t.LowTransferability(t.Percent(best), skills.Portfolio.Count(s => s.Held)));
            }
        }

        var leave = skills.LeaveBehind.Select(s => s.Code).ToHashSet(StringComparer.Ordinal);
        foreach (var target in p.SkillTargets)
        {
            var carried = target.Transition.Transferable.Where(s => leave.Contains(s.Skill.Code)).Select(s => s.Skill.Label).ToArray();
            if (carried.Length > 0)
            {
                points.Add(t.LeaveBehindNeeded(target.Transition.Occupation.Title(t.Language), string.Join(" ; ", carried)));
            }
        }
    }

    private static void SkillsSection(StringBuilder html, CareerProfile p, ReportText t)
    {
        if (p.Skills is not { } skills)
        {
            return;
        }

        var stories = skills.Stories.ToDictionary(s => s.Id, StringComparer.Ordinal);
        var experiences = skills.Experiences.ToDictionary(e => e.Id, StringComparer.Ordinal);
        html.Append("<section id=\"skills\">\n<h2>").Append(t.SkillsHeading).Append("</h2>\n");
        if (t.RomeInFrench is { } note)
        {
            html.Append("<p class=\"note\">").Append(Html.Escape(note)).Append("</p>\n");
        }


        // Past jobs.
        html.Append("<h3>").Append(t.ExperiencesHeading).Append("</h3>\n<ul>\n");
        foreach (var e in skills.Experiences)
        {
            var text = new StringBuilder().Append(e.OccupationTitle).Append(" (").Append(e.OccupationCode).Append(')');
            if (e.Years is { } years)
            {
                text.Append(", ").Append(t.Years(years));
            }

            if (e.ReadAs is { } readAs)
            {
                text.Append(" — ").Append(t.ReadAs(readAs));
            }

            Item(html, text.ToString());
        }

        html.Append("</ul>\n");

        // The portfolio, by family, with its evidence.
        html.Append("<h3>").Append(t.PortfolioHeading).Append("</h3>\n<p>").Append(Html.Escape(t.PortfolioIntro(skills.Portfolio.Count(s => s.Held), skills.Portfolio.Count,
            HeldLevelLabel(skills, t), skills.Strengths.Count, skills.LeaveBehind.Count))).Append("</p>\n");
        var manyJobs = skills.Experiences.Count > 1;
        foreach (var family in skills.Portfolio.Select(s => s.Family).Distinct().Order())
        {
            html.Append("<table class=\"skills\">\n<caption>").Append(Html.Escape(t.FamilyName(family))).Append("</caption>\n")
                .Append("<colgroup><col style=\"width: 40%\" /><col style=\"width: 19%\" /><col style=\"width: 14%\" /><col /></colgroup>\n<thead><tr><th scope=\"col\">").Append(t.Skill)
                .Append("</th><th scope=\"col\">").Append(t.Level).Append("</th><th scope=\"col\">").Append(t.Wish).Append("</th><th scope=\"col\">").Append(t.Evidence)
                .Append("</th></tr></thead>\n<tbody>\n");
            foreach (var s in skills.Portfolio.Where(s => s.Family == family))
            {
                var evidence = s.Stories.Where(stories.ContainsKey).Select(id => t.StoryEvidence(stories[id].Title));
                if (manyJobs)
                {
                    evidence = s.Experiences.Where(experiences.ContainsKey).Select(id => experiences[id].OccupationTitle).Concat(evidence);
                }

                html.Append("<tr").Append(s.Held ? "" : " class=\"not-held\"").Append("><th scope=\"row\">").Append(Html.Escape(s.Label)).Append("</th><td>")
                    .Append(Html.Escape(LevelLabel(skills, s.Level, t))).Append("</td><td>").Append(Html.Escape(t.WishName(s.Wish))).Append("</td><td>")
                    .Append(Html.Escape(string.Join(" ; ", evidence))).Append("</td></tr>\n");
            }

            html.Append("</tbody>\n</table>\n");
        }

        if (skills.LeaveBehind.Count > 0)
        {
            html.Append("<p>").Append(Html.Escape(t.LeaveBehindSentence(string.Join(" ; ", skills.LeaveBehind.Select(s => s.Label))))).Append("</p>\n");
        }

        // Proposed, to confirm.
        if (skills.Proposed.Count > 0)
        {
            html.Append("<h3>").Append(t.ProposedHeading).Append("</h3>\n<p>").Append(Html.Escape(t.ProposedIntro)).Append("</p>\n<ul>\n");
            foreach (var s in skills.Proposed)
            {
                var why = s.Experiences.Where(experiences.ContainsKey).Select(id => t.CoreOf(experiences[id].OccupationTitle))
                    .Concat(s.Stories.Where(stories.ContainsKey).Select(id => t.StoryEvidence(stories[id].Title)));
                Item(html, s.Label + " — " + string.Join(" ; ", why));
            }

            html.Append("</ul>\n");
        }

        // Stories, with the skills each shows.
        if (skills.Stories.Count > 0)
        {
            var labels = skills.Portfolio.Select(s => (s.Code, s.Label)).Concat(skills.Proposed.Select(s => (s.Code, s.Label)))
                .GroupBy(x => x.Code, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().Label, StringComparer.Ordinal);
            html.Append("<h3>").Append(t.StoriesHeading).Append("</h3>\n");
            foreach (var story in skills.Stories)
            {
                html.Append("<h4>").Append(Html.Escape(story.Title)).Append("</h4>\n");
                if (story.Text is { Length: > 0 } text)
                {
                    html.Append("<blockquote><p>").Append(Html.Escape(text)).Append("</p></blockquote>\n");
                }

                if (story.Skills.Count > 0)
                {
                    html.Append("<p>").Append(Html.Escape(t.StorySkills)).Append(' ')
                        .Append(Html.Escape(string.Join(" ; ", story.Skills.Select(c => labels.GetValueOrDefault(c, c))))).Append("</p>\n");
                }
            }
        }

        Transitions(html, p, t);
        ActionPlan(html, p, skills, t);
        html.Append("</section>\n");
    }

    private static void Transitions(StringBuilder html, CareerProfile p, ReportText t)
    {
        if (p.SkillTransitions.Count == 0)
        {
            return;
        }

        var combined = p.SkillTransitions.Any(s => s.InterestFit is not null);
        html.Append("<h3>").Append(t.TransitionsHeading).Append("</h3>\n<p>").Append(Html.Escape(t.TransitionsIntro(combined, p.SkillTransitions[0].SkillsWeight))).Append("</p>\n");
        html.Append("<table class=\"transitions\">\n")
            .Append("<thead><tr><th scope=\"col\">").Append(t.Rank).Append("</th><th scope=\"col\">").Append(t.Occupation)
            .Append("</th><th scope=\"col\">").Append(t.Transferability).Append("</th>");
        if (combined)
        {
            html.Append("<th scope=\"col\">").Append(t.InterestFit).Append("</th><th scope=\"col\">").Append(t.Score).Append("</th>");
        }

        html.Append("<th scope=\"col\">").Append(t.SkillCounts).Append("</th><th scope=\"col\">").Append(t.Passerelle).Append("</th></tr></thead>\n<tbody>\n");
        foreach (var s in p.SkillTransitions)
        {
            var tr = s.Transition;
            html.Append("<tr><td class=\"num\">").Append(s.Rank).Append("</td><th scope=\"row\">").Append(Html.Escape(tr.Occupation.Title(t.Language)))
                .Append(" <span class=\"code\">").Append(Html.Escape(tr.Occupation.Code)).Append("</span></th><td class=\"num\">").Append(Html.Escape(t.Percent(tr.Transferability))).Append("</td>");
            if (combined)
            {
                html.Append("<td class=\"num\">").Append(s.InterestFit is { } f ? Html.Escape(t.Percent(f)) : "—").Append("</td><td class=\"num\">")
                    .Append(Html.Escape(t.Number(Math.Round(s.Score, 2)))).Append("</td>");
            }

            html.Append("<td class=\"num\">").Append(tr.Transferable.Count).Append(" · ").Append(tr.Gaps.Count).Append(" (")
                .Append(tr.Gaps.Count(g => g.Core == SkillCore.Core)).Append(")</td><td>").Append(tr.Passerelle ? Html.Escape(t.Yes) : "—").Append("</td></tr>\n");
        }

        html.Append("</tbody>\n</table>\n");
    }

    private static void ActionPlan(StringBuilder html, CareerProfile p, SkillsSummary skills, ReportText t)
    {
        if (p.SkillTargets.Count == 0)
        {
            return;
        }

        var leave = skills.LeaveBehind.Select(s => s.Code).ToHashSet(StringComparer.Ordinal);
        var proposed = skills.Proposed.Select(s => s.Code).ToHashSet(StringComparer.Ordinal);
        html.Append("<h3>").Append(t.ActionPlanHeading).Append("</h3>\n<p>").Append(Html.Escape(t.ActionPlanIntro)).Append("</p>\n");
        foreach (var target in p.SkillTargets)
        {
            var tr = target.Transition;
            html.Append("<section class=\"target\">\n<h4>").Append(Html.Escape(t.TargetHeading(tr.Occupation.Title(t.Language), tr.Occupation.Code))).Append("</h4>\n<p>")
                .Append(Html.Escape(t.TargetSummary(t.Percent(tr.Transferability), tr.Passerelle))).Append("</p>\n<p><strong>")
                .Append(Html.Escape(t.YouBring(tr.Transferable.Count))).Append("</strong> ");
            html.Append(Html.Escape(tr.Transferable.Count == 0
                ? t.NothingTransferable
                : string.Join(" ; ", tr.Transferable.Select(s => s.Skill.Label + (leave.Contains(s.Skill.Code) ? " (" + t.WouldLeave + ")" : ""))))).Append("</p>\n");

            html.Append("<dl class=\"gaps\">\n");
            foreach (var group in target.Plan.GroupBy(s => s.Kind).OrderBy(g => g.Key))
            {
                var steps = group.OrderBy(s => s.Gap.Core switch { SkillCore.Core => 0, SkillCore.Emerging => 1, _ => 2 }).ToArray(); // the plan's order within each
                html.Append("<dt>").Append(Html.Escape(t.StepGroup(group.Key, steps.Length, steps.Count(s => s.Gap.Core == SkillCore.Core)))).Append("</dt>\n<dd><p class=\"how\">")
                    .Append(Html.Escape(t.StepHow(group.Key))).Append("</p><p>");
                for (var i = 0; i < steps.Length; i++)
                {
                    var gap = steps[i].Gap;
                    html.Append(i > 0 ? " ; " : "").Append(gap.Core == SkillCore.Core ? "<strong>" : "").Append(Html.Escape(gap.Skill.Label)).Append(gap.Core == SkillCore.Core ? "</strong>" : "")
                        .Append(gap.Core == SkillCore.Emerging ? " <span class=\"tag\">(" + Html.Escape(t.Emerging) + ")</span>" : "")
                        .Append(proposed.Contains(gap.Skill.Code) ? " <span class=\"tag\">(" + Html.Escape(t.MaybeHeld) + ")</span>" : "");
                }

                html.Append("</p><p class=\"question\">").Append(Html.Escape(t.StepQuestion(group.Key))).Append("</p></dd>\n");
            }

            html.Append("</dl>\n");
            html.Append("</section>\n");
        }
    }

    /// <summary>A level's label in the report's language, when the portfolio came from the shipped instrument; the number otherwise.</summary>
    private static string LevelLabel(SkillsSummary skills, int level, ReportText t) =>
        skills.InstrumentId == "skills-portfolio" && ShippedSkills.Value.KindSettings is SkillsSettings settings && settings.Level(level) is { } l
            ? $"{level} · {l.Label.Get(t.Language)}"
            : level.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static string HeldLevelLabel(SkillsSummary skills, ReportText t) =>
        skills.InstrumentId == "skills-portfolio" && ShippedSkills.Value.KindSettings is SkillsSettings settings && settings.Level(settings.Held) is { } l
            ? l.Label.Get(t.Language)
            : skills.Portfolio.Where(s => s.Held).Select(s => s.Level).DefaultIfEmpty(0).Min().ToString(System.Globalization.CultureInfo.InvariantCulture);
}
