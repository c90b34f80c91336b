using System.Globalization;
using System.Text;
using Assessments.CardSort;
using Assessments.Localization;

namespace Assessments.Reports;

/// <summary>
/// Writes a <see cref="CareerProfile"/> as one self-contained HTML file in French or English: real text under headings,
/// SVG charts with titles and descriptions, a print stylesheet, no script and nothing fetched from elsewhere (so it prints
/// to PDF from any browser and can be handed over as is). The markup is also well-formed XML. Sections: summary, each
/// instrument's result with its meaning, occupations to explore with why they fit, points of attention, next steps, and
/// the notice with the sources' fingerprints and the catalog's attribution.
/// </summary>
public static partial class ReportRenderer
{
    /// <summary>
    /// PROJECT CHOICE: interests count as little differentiated when the strongest and weakest of the six area means
    /// (1–5) are less than one point apart — a quarter of the scale.
    /// </summary>
    public const double LowSpread = 1.0;

    /// <summary>The report as an HTML document.</summary>
    /// <param name="profile">The person's results (with occupations, if ranked).</param>
    /// <param name="language"><c>fr</c> or <c>en</c> (<see cref="TextCatalog.Languages"/>).</param>
    /// <param name="options">The date's clock and the name shown in the header (default: now, and the person's id).</param>
    /// <exception cref="ArgumentException">The language is not one the project writes; the message lists those it does.</exception>
    public static string Render(CareerProfile profile, string language = "en", ReportOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(profile);
        options ??= new ReportOptions();
        var t = new ReportText(language);
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"").Append(t.Language).Append("\">\n<head>\n<meta charset=\"utf-8\" />\n")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\" />\n<title>").Append(Html.Escape(t.Title + " — " + profile.RespondentId)).Append("</title>\n")
            .Append("<style>").Append(Style).Append("</style>\n</head>\n<body>\n<main>\n")
            .Append("<h1>").Append(Html.Escape(t.Title)).Append("</h1>\n<p class=\"person\">").Append(Html.Escape(t.Catalog.Format("report.personLine", options.RespondentName ?? profile.RespondentId)))
            .Append("</p>\n<p class=\"date\">").Append(Html.Escape(t.Catalog.Format("report.dateLine", options.Clock.GetLocalNow().ToString("d MMMM yyyy", t.Catalog.Culture))))
            .Append("</p>\n<p class=\"taken\">").Append(Html.Escape(t.Catalog.Format("report.takenLine", string.Join(t.Catalog["common.listSeparator"], Taken(profile, options, t)))))
            .Append("</p>\n");

        Summary(html, profile, t);
        Results(html, profile, t);
        SkillsSection(html, profile, t);
        Occupations(html, profile, t);
        Attention(html, profile, t);
        NextSteps(html, profile, t);
        About(html, profile, t);
        html.Append("</main>\n</body>\n</html>\n");
        return html.ToString();
    }

    /// <summary>Each instrument taken, by its title, with the day it was taken when known (the options first, then the results line).</summary>
    private static IEnumerable<string> Taken(CareerProfile profile, ReportOptions options, ReportText t) =>
        profile.Sources.GroupBy(src => src.InstrumentId, StringComparer.Ordinal).Select(g =>
        {
            var title = Definition(profile, g.Key)?.Title.Get(t.Language) ?? g.Key;
            DateOnly? day = options.TakenOn?.TryGetValue(g.Key, out var given) == true ? given : g.Max(src => src.TakenOn);
            return day is { } d ? t.Catalog.Format("report.takenOn", title, d.ToString("d MMMM yyyy", t.Catalog.Culture)) : title;
        });

    private static void Summary(StringBuilder html, CareerProfile p, ReportText t)
    {
        html.Append("<section id=\"summary\">\n<h2>").Append(t.Summary).Append("</h2>\n<ul>\n");
        if (p.Interests is { } i)
        {
            var order = Enumerable.Range(0, 6).OrderByDescending(k => i.Areas[k]).ThenBy(k => k).ToArray();
            Item(html, t.CodeSentence(i.Code, t.AreaNames[order[0]], t.AreaNames[order[1]]));
        }

        if (p.Type is { } type)
        {
            Item(html, t.TypeSentence(type.Type));
        }

        if (p.Values is { } v)
        {
            Item(html, t.ValuesSentence(string.Join(", ", v.Top.Select(id => CardLabel(p, id, t)))));
        }

        if (p.Ikigai is { Count: > 0 } ikigai)
        {
            Item(html, t.IkigaiSentence(ikigai[0].Label, t.Region(ikigai[0])));
        }

        SkillsSummaryItem(html, p, t);
        if (p.Occupations.Count > 0)
        {
            Item(html, t.OccupationSentence(string.Join(", ", p.Occupations.Take(3).Select(o => Title(p, o, t)))));
        }

        html.Append("</ul>\n</section>\n");
    }

    private static void Results(StringBuilder html, CareerProfile p, ReportText t)
    {
        if (p.Interests is null && p.Type is null && p.Values is null && p.Ikigai is not { Count: > 0 } && p.OtherScales.Count == 0 && p.FreeText.Count == 0)
        {
            return; // nothing but a skills portfolio (its own section): no empty heading
        }

        html.Append("<section id=\"results\">\n<h2>").Append(t.Results).Append("</h2>\n");
        if (p.Interests is { } i)
        {
            html.Append("<section id=\"interests\">\n<h3>").Append(t.InterestsHeading).Append("</h3>\n<figure>").Append(Charts.Hexagon(i, t)).Append("</figure>\n");
            html.Append("<table>\n<thead><tr><th scope=\"col\">").Append(t.Area).Append("</th><th scope=\"col\">").Append(t.Score).Append("</th><th scope=\"col\">")
                .Append(t.Meaning).Append("</th></tr></thead>\n<tbody>\n");
            for (var k = 0; k < 6; k++)
            {
                html.Append("<tr><th scope=\"row\">").Append("RIASEC"[k]).Append(" — ").Append(t.AreaNames[k]).Append("</th><td class=\"num\">")
                    .Append(t.Number(i.Areas[k])).Append("</td><td>").Append(Html.Escape(t.AreaMeanings[k])).Append("</td></tr>\n");
            }

            html.Append("</tbody>\n</table>\n<p>").Append(Html.Escape(t.CodeLine(i.Code))).Append(i.AdmissibleCodes.Count > 1 ? Html.Escape(" (" + string.Join(", ", i.AdmissibleCodes) + ")") : "")
                .Append("</p>\n</section>\n");
        }

        if (p.Type is { } type)
        {
            html.Append("<section id=\"type\">\n<h3>").Append(t.TypeHeading).Append("</h3>\n<figure>").Append(Charts.Dichotomies(type, t)).Append("</figure>\n");
            html.Append("<table>\n<thead><tr><th scope=\"col\">").Append(t.Dimension).Append("</th><th scope=\"col\">").Append(t.Letter).Append("</th><th scope=\"col\">")
                .Append(t.Clarity).Append("</th></tr></thead>\n<tbody>\n");
            foreach (var d in type.Dichotomies)
            {
                html.Append("<tr><th scope=\"row\">").Append(Html.Escape(d.Scale)).Append("</th><td>").Append(Html.Escape(d.Letter.ToString())).Append("</td><td>")
                    .Append(d.Clarity is { } c ? t.Number(c) + " (" + t.Band(d.Band) + ")" : "—").Append("</td></tr>\n");
            }

            html.Append("</tbody>\n</table>\n");
            if (type.Description.TryGetValue(t.Language, out var description) || type.Description.TryGetValue("en", out description))
            {
                html.Append("<p>").Append(Html.Escape(description)).Append("</p>\n");
            }

            html.Append("</section>\n");
        }

        if (p.Values is { } v)
        {
            var shown = v.Ordered.Take(10).Select(c => (Label: CardLabel(p, c.Id, t), c.Score)).ToArray();
            html.Append("<section id=\"values\">\n<h3>").Append(t.ValuesHeading).Append("</h3>\n<figure>").Append(Charts.ValueBars(shown, t)).Append("</figure>\n");
            html.Append("<table>\n<thead><tr><th scope=\"col\">").Append(t.Rank).Append("</th><th scope=\"col\">").Append(t.Value).Append("</th><th scope=\"col\">")
                .Append(t.Score).Append("</th><th scope=\"col\">").Append(t.Pile).Append("</th></tr></thead>\n<tbody>\n");
            foreach (var c in v.Ordered.Take(10))
            {
                html.Append("<tr><td class=\"num\">").Append(t.Number(c.Rank)).Append("</td><th scope=\"row\">").Append(Html.Escape(CardLabel(p, c.Id, t))).Append("</th><td class=\"num\">")
                    .Append(t.Number(c.Score)).Append("</td><td>").Append(Html.Escape(PileLabel(p, c.Pile, t))).Append("</td></tr>\n");
            }

            html.Append("</tbody>\n</table>\n</section>\n");
        }

        if (p.Ikigai is { Count: > 0 } ikigai)
        {
            html.Append("<section id=\"ikigai\">\n<h3>").Append(t.IkigaiHeading).Append("</h3>\n<figure>").Append(Charts.IkigaiCircles(ikigai, t)).Append("</figure>\n");
            html.Append("<table>\n<thead><tr><th scope=\"col\">").Append(t.Rank).Append("</th><th scope=\"col\">").Append(t.Candidate).Append("</th>");
            foreach (var circle in t.CircleNames)
            {
                html.Append("<th scope=\"col\">").Append(Html.Escape(circle)).Append("</th>");
            }

            html.Append("<th scope=\"col\">Ikigai</th></tr></thead>\n<tbody>\n");
            foreach (var c in ikigai)
            {
                html.Append("<tr><td class=\"num\">").Append(c.Rank).Append("</td><th scope=\"row\">").Append(Html.Escape(c.Label)).Append(" (").Append(Html.Escape(t.Region(c))).Append(")</th>");
                foreach (var m in new[] { c.Love, c.GoodAt, c.Needs, c.Paid })
                {
                    html.Append("<td class=\"num\">").Append(t.Number(m)).Append("</td>");
                }

                html.Append("<td class=\"num\">").Append(t.Number(c.Ikigai)).Append("</td></tr>\n");
            }

            html.Append("</tbody>\n</table>\n</section>\n");
        }

        if (p.OtherScales.Count > 0)
        {
            html.Append("<section id=\"other\">\n<h3>").Append(t.OtherHeading).Append("</h3>\n");
            foreach (var other in p.OtherScales)
            {
                var definition = Definition(p, other.InstrumentId);
                html.Append("<h4>").Append(Html.Escape(definition?.Title.Get(t.Language) ?? other.InstrumentId)).Append("</h4>\n<ul>\n");
                foreach (var s in other.Scales)
                {
                    var title = definition?.Scales.FirstOrDefault(x => x.Id == s.ScaleId)?.Title?.Get(t.Language) ?? s.ScaleId;
                    var shown = s.Value is { } value ? t.Number(value)
                        : s.Items > 0 ? t.Catalog.MissingScore(s.Answered, s.Items, s.MinAnswered) : s.MissingReason ?? "—";
                    Item(html, s is { Value: { } centred, Mrat: { } mrat } // relative to the person's own mean rating: the sign in words
                        ? t.Catalog.Format(centred > 0 ? "report.scaleLineAbove" : centred < 0 ? "report.scaleLineBelow" : "report.scaleLineAtMean", title, shown, t.Number(mrat))
                        : t.Catalog.Format("report.scaleLine", title, shown));
                }

                html.Append("</ul>\n");
            }

            html.Append("</section>\n");
        }

        if (p.FreeText.Count > 0)
        {
            html.Append("<section id=\"stories\">\n<h3>").Append(t.FreeTextHeading).Append("</h3>\n");
            foreach (var story in p.FreeText)
            {
                html.Append("<blockquote><p>").Append(Html.Escape(story.Text)).Append("</p></blockquote>\n");
            }

            html.Append("</section>\n");
        }

        html.Append("</section>\n");
    }

    private static void Occupations(StringBuilder html, CareerProfile p, ReportText t)
    {
        if (p.Occupations.Count == 0)
        {
            return;
        }

        var combined = p.Occupations.Any(o => o.ValuesScore is not null);
        html.Append("<section id=\"occupations\">\n<h2>").Append(t.OccupationsHeading).Append("</h2>\n<p>").Append(Html.Escape(combined ? t.WhyFits : t.InterestsOnly)).Append("</p>\n");
        if (p.Catalog is { } catalog && p.Occupations.Any(o => catalog.Find(o.Code) is { } occupation && !occupation.Titles.ContainsKey(t.Language)))
        {
            // The titles are in another language than the report's (O*NET's are English, ROME's French): say so.
            html.Append("<p class=\"note\">").Append(Html.Escape(t.Catalog.Format("report.titlesNotTranslated", catalog.Name))).Append("</p>\n");
        }

        html.Append("<table class=\"occupations\">\n<thead><tr><th scope=\"col\">").Append(t.Rank).Append("</th><th scope=\"col\">").Append(t.Occupation).Append("</th><th scope=\"col\">")
            .Append(t.Code).Append("</th><th scope=\"col\">").Append(t.JobZone).Append("</th><th scope=\"col\">").Append(t.Combined).Append("</th>");
        if (combined)
        {
            html.Append("<th scope=\"col\">").Append(t.FromInterests).Append("</th><th scope=\"col\">").Append(t.FromValues).Append("</th>");
        }

        html.Append("</tr></thead>\n<tbody>\n");
        foreach (var o in p.Occupations)
        {
            html.Append("<tr><td class=\"num\">").Append(o.Rank).Append("</td><th scope=\"row\">").Append(Html.Escape(Title(p, o, t))).Append("</th><td><span class=\"code\">")
                .Append(Html.Escape(o.Code)).Append("</span> <span class=\"code\">").Append(Html.Escape(o.OccupationHollandCode)).Append("</span></td><td class=\"num\">").Append(o.JobZone?.ToString(CultureInfo.InvariantCulture) ?? "—")
                .Append("</td><td class=\"num\">").Append(t.Number(o.Score)).Append("</td>");
            if (combined)
            {
                html.Append("<td class=\"num\">").Append(o.InterestContribution is { } ic ? t.Number(ic) : "—").Append("</td><td class=\"num\">")
                    .Append(o.ValuesContribution is { } vc ? t.Number(vc) : "—").Append("</td>");
            }

            html.Append("</tr>\n");
        }

        html.Append("</tbody>\n</table>\n</section>\n");
    }

    private static void Attention(StringBuilder html, CareerProfile p, ReportText t)
    {
        var points = new List<string>();
        if (p.Interests is { } i)
        {
            if (i.Spread is { } spread && spread < LowSpread)
            {
                points.Add(t.LowDifferentiation(t.Number(spread)));
            }

            if (i.Consistency == "low")
            {
                points.Add(t.LowConsistency);
            }
        }

        foreach (var d in p.Type?.Dichotomies ?? [])
        {
            if (d.Letter == 'X')
            {
                points.Add(t.Undetermined(d.Scale));
            }
            else if (d.Band == "slight")
            {
                points.Add(t.Slight(d.Scale, d.Letter));
            }
        }

        if (p.Ikigai is { Count: > 0 } ikigai && ikigai[0].Weakest is { } weakest)
        {
            var index = weakest switch { "love" => 0, "goodAt" => 1, "needs" => 2, "paid" => 3, _ => -1 };
            var circle = index >= 0 ? t.CircleNames[index] : weakest;
            points.Add(ikigai[0].Gap is > 0 and var gap ? t.WeakestCircle(ikigai[0].Label, circle, t.Number(gap)) : t.WeakestCircleMet(ikigai[0].Label, circle));
        }

        SkillsAttention(points, p, t);
        html.Append("<section id=\"attention\">\n<h2>").Append(t.AttentionHeading).Append("</h2>\n<ul>\n");
        foreach (var point in points.DefaultIfEmpty(t.NoAttention))
        {
            Item(html, point);
        }

        html.Append("</ul>\n</section>\n");
    }

    private static void NextSteps(StringBuilder html, CareerProfile p, ReportText t)
    {
        html.Append("<section id=\"next-steps\">\n<h2>").Append(t.NextStepsHeading).Append("</h2>\n");
        var zoned = p.Occupations.Take(3).Where(o => o.JobZone is not null).ToArray();
        if (zoned.Length > 0)
        {
            html.Append("<ul>\n");
            foreach (var o in zoned)
            {
                Item(html, t.PreparationSentence(Title(p, o, t), o.JobZone!.Value, t.Preparation(o.JobZone.Value)));
            }

            html.Append("</ul>\n");
        }

        html.Append("<p>").Append(Html.Escape(t.EnquiryIntro)).Append("</p>\n<ol>\n");
        foreach (var question in t.EnquiryQuestions)
        {
            Item(html, question);
        }

        html.Append("</ol>\n</section>\n");
    }

    private static void About(StringBuilder html, CareerProfile p, ReportText t)
    {
        html.Append("<section id=\"about\">\n<h2>").Append(t.AboutHeading).Append("</h2>\n<p class=\"notice\">").Append(Html.Escape(t.Notice)).Append("</p>\n<p>")
            .Append(Html.Escape(t.SourcesIntro)).Append("</p>\n<ul>\n");
        foreach (var s in p.Sources)
        {
            var title = Definition(p, s.InstrumentId)?.Title.Get(t.Language);
            Item(html, (title is null ? "" : title + " — ") + $"{s.InstrumentId}@{s.Version} ({s.Kind}), {t.Fingerprint} {s.Fingerprint}");
        }

        html.Append("</ul>\n");
        if (p.Catalog is { } catalog)
        {
            html.Append("<p class=\"attribution\">").Append(Html.Escape(catalog.AttributionIn(t.Language))).Append("</p>\n");
        }

        html.Append("</section>\n");
    }

    private static string CardLabel(CareerProfile p, string id, ReportText t)
    {
        var source = p.Sources.FirstOrDefault(s => s.Kind == "card-sort");
        if (source is not null && Definition(p, source.InstrumentId) is { KindSettings: Assessments.CardSort.CardSortSettings })
        {
            var card = CardSortScorer.Settings(Definition(p, source.InstrumentId)!).Cards.FirstOrDefault(c => c.Id == id);
            if (card is not null)
            {
                return card.Title.Get(t.Language);
            }
        }

        return id;
    }

    /// <summary>The definition of an instrument the profile cites: the one it was scored with, or the shipped one of that id; null if unknown.</summary>
    private static Instrument? Definition(CareerProfile p, string id) =>
        p.Definitions.TryGetValue(id, out var known) ? known
        : Instruments.Ids.Contains(id, StringComparer.Ordinal) ? CachedInstrument(id)
        : id == "skills-portfolio" ? ShippedSkills.Value
        : null;

    private static string PileLabel(CareerProfile p, string? pile, ReportText t)
    {
        if (pile is null)
        {
            return "";
        }

        var source = p.Sources.FirstOrDefault(s => s.Kind == "card-sort");
        return source is not null && Definition(p, source.InstrumentId) is { KindSettings: Assessments.CardSort.CardSortSettings settings }
            && settings.Piles.FirstOrDefault(x => x.Id == pile)?.Label is { } label
            ? label.Get(t.Language)
            : pile;
    }

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, Instrument> Shipped = new(StringComparer.Ordinal);

    private static Instrument CachedInstrument(string id) => Shipped.GetOrAdd(id, static key => Instruments.Load(key));

    private static string Title(CareerProfile p, OccupationSuggestion o, ReportText t) =>
        p.Catalog?.Find(o.Code) is { } occupation ? occupation.Title(t.Language) : o.Title;

    private static void Item(StringBuilder html, string text) => html.Append("<li>").Append(Html.Escape(text)).Append("</li>\n");

    private const string Style = """
        body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif; color: #1b1b1b; line-height: 1.45; margin: 0; }
        main { max-width: 52rem; margin: 0 auto; padding: 1.5rem; }
        h1 { font-size: 1.8rem; margin-bottom: .2rem; } h2 { border-bottom: 2px solid #2d5b8a; padding-bottom: .2rem; margin-top: 2rem; }
        table { border-collapse: collapse; margin: .8rem 0; } th, td { border: 1px solid #c8c8c8; padding: .25rem .5rem; text-align: left; vertical-align: top; }
        td.num { text-align: right; font-variant-numeric: tabular-nums; } figure { margin: .8rem 0; }
        svg text { font-size: 12px; fill: #1b1b1b; } svg { max-width: 100%; height: auto; } .date, .taken { margin: .1rem 0; color: #3a3a3a; } #about li { overflow-wrap: anywhere; } .grid { fill: none; stroke: #c8c8c8; } .person { fill: rgba(45, 91, 138, .25); stroke: #2d5b8a; stroke-width: 2; }
        .vertex, .marker, .candidate { fill: #2d5b8a; } .axis { stroke: #6b6b6b; } .bar { fill: #2d5b8a; }
        .circle { fill-opacity: .18; stroke-width: 1.5; } .love { fill: #c0392b; stroke: #c0392b; } .good-at { fill: #2d5b8a; stroke: #2d5b8a; }
        .needs { fill: #27865f; stroke: #27865f; } .paid { fill: #b7791f; stroke: #b7791f; } .circle-label { font-weight: 600; }
        .notice { border-left: 4px solid #b7791f; padding-left: .8rem; } blockquote { border-left: 3px solid #c8c8c8; margin-left: 0; padding-left: 1rem; }
        caption { text-align: left; font-weight: 600; padding: .2rem 0; } .code { white-space: nowrap; color: #4a4a4a; font-weight: normal; }
        .tag { font-size: .85em; color: #7a5a12; white-space: nowrap; } tr.not-held th, tr.not-held td { color: #5a5a5a; }
        table.skills { width: 100%; table-layout: fixed; } table.transitions { width: 100%; } table.skills th[scope=row] { font-weight: normal; }
        table.occupations { font-size: .92em; } table.transitions { font-size: .85em; } table.occupations { width: 100%; } th[scope=col] { overflow-wrap: normal; } th[scope=row], td { overflow-wrap: break-word; }
        dl.gaps dt { font-weight: 600; margin-top: .6rem; } dl.gaps dd { margin-left: 1rem; } dl.gaps dd p { margin: .2rem 0; }
        .question { font-style: italic; } section.target { margin-top: 1.2rem; }
        @media print { main { max-width: none; padding: 0; } h2, h3, h4, caption { break-after: avoid; } figure, table, li { break-inside: avoid; } a { color: inherit; }
          table.skills, table.transitions { break-inside: auto; } tr, blockquote { break-inside: avoid; } }
        @page { margin: 18mm; }
        """;
}
