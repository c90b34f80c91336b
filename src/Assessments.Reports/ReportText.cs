using Assessments.Localization;
using Assessments.Matching;

namespace Assessments.Reports;

/// <summary>HTML escaping for text and attribute values (the report is also well-formed XML).</summary>
internal static class Html
{
    /// <summary>The replacement character, which stands in for a character the report cannot carry.</summary>
    public const char Replacement = '\uFFFD';

    /// <summary>
    /// Escapes &amp;, &lt;, &gt; and quotes; other characters stay as UTF-8 text (readable French in the source).
    /// PROJECT CHOICE: characters that XML 1.0 cannot carry at all — the C0 controls U+0000–U+001F other than tab, line feed
    /// and carriage return, a lone (unpaired) surrogate, U+FFFE and U+FFFF — and the controls HTML forbids, U+007F–U+009F,
    /// are <em>replaced</em> by U+FFFD (�), not escaped: XML has no escape for them (<c>&amp;#1;</c> is itself ill-formed),
    /// and a visible mark tells the reader that something was there. So whatever text a person id, an instrument or
    /// occupation title or a free-text answer holds, the report stays well-formed XML.
    /// </summary>
    public static string Escape(string? text)
    {
        text ??= "";
        var span = text.AsSpan();
        var i = 0;
        while (i < span.Length && !NeedsWork(span, i))
        {
            i++;
        }

        if (i == span.Length)
        {
            return text;
        }

        var builder = new System.Text.StringBuilder(text.Length + 16).Append(span[..i]);
        for (; i < span.Length; i++)
        {
            var c = span[i];
            if (char.IsHighSurrogate(c) && i + 1 < span.Length && char.IsLowSurrogate(span[i + 1]))
            {
                builder.Append(c).Append(span[++i]); // a pair: one character beyond the BMP
                continue;
            }

            builder.Append(c switch
            {
                '&' => "&amp;",
                '<' => "&lt;",
                '>' => "&gt;",
                '"' => "&quot;",
                '\'' => "&#39;",
                _ when Forbidden(c) => Replacement.ToString(),
                _ => c.ToString(),
            });
        }

        return builder.ToString();
    }

    private static bool NeedsWork(ReadOnlySpan<char> text, int i)
    {
        var c = text[i];
        if (c is '&' or '<' or '>' or '"' or '\'')
        {
            return true;
        }

        return char.IsSurrogate(c) ? !(char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1])) && !(char.IsLowSurrogate(c) && i > 0 && char.IsHighSurrogate(text[i - 1])) : Forbidden(c);
    }

    /// <summary>A character the report replaces (a surrogate here is a lone one: pairs are handled before).</summary>
    private static bool Forbidden(char c) =>
        (c < ' ' && c is not ('\t' or '\n' or '\r')) || c is >= '\u007F' and <= '\u009F' || c is '\uFFFE' or '\uFFFF' || char.IsSurrogate(c);
}

/// <summary>The report's words, from the language's text catalog (<see cref="TextCatalog"/>): one place per language.</summary>
internal sealed class ReportText
{
    private readonly TextCatalog _t;

    /// <exception cref="ArgumentException">The language is not one the project writes (the message lists them).</exception>
    public ReportText(string language)
    {
        _t = TextCatalog.For(language);
        Language = _t.Language;
    }

    public string Language { get; }

    public TextCatalog Catalog => _t;

    public string Title => _t["report.title"];

    public string Summary => _t["report.summary"];

    public string Results => _t["report.results"];

    public string InterestsHeading => _t["report.interestsHeading"];

    public string TypeHeading => _t["report.typeHeading"];

    public string ValuesHeading => _t["report.valuesHeading"];

    public string IkigaiHeading => _t["report.ikigaiHeading"];

    public string OtherHeading => _t["report.otherHeading"];

    public string FreeTextHeading => _t["report.freeTextHeading"];

    public string OccupationsHeading => _t["report.occupationsHeading"];

    public string AttentionHeading => _t["report.attentionHeading"];

    public string NextStepsHeading => _t["report.nextStepsHeading"];

    public string AboutHeading => _t["report.aboutHeading"];

    public string HexagonTitle(string code) => _t.Format("report.hexagonTitle", code);

    public string DichotomiesTitle(string type) => _t.Format("report.dichotomiesTitle", type);

    public string ValuesTitle => _t["report.valuesTitle"];

    public string IkigaiTitle => _t["report.ikigaiTitle"];

    public string CodeSentence(string code, string first, string second) => _t.Format("report.codeSentence", code, first, second);

    public string TypeSentence(string type) => _t.Format("report.typeSentence", type);

    public string ValuesSentence(string values) => _t.Format("report.valuesSentence", values);

    public string IkigaiSentence(string label, string region) => _t.Format("report.ikigaiSentence", label, region);

    public string OccupationSentence(string titles) => _t.Format("report.occupationSentence", titles);

    public string Area => _t["report.area"];

    public string Score => _t["report.score"];

    public string Meaning => _t["report.meaning"];

    public string Dimension => _t["report.dimension"];

    public string Letter => _t["report.letter"];

    public string Clarity => _t["report.clarity"];

    public string Rank => _t["report.rank"];

    public string Value => _t["report.value"];

    public string Pile => _t["report.pile"];

    public string Candidate => _t["report.candidate"];

    public string Occupation => _t["report.occupation"];

    public string Code => _t["report.code"];

    public string JobZone => _t["report.jobZone"];

    public string Combined => _t["report.combined"];

    public string FromInterests => _t["report.fromInterests"];

    public string FromValues => _t["report.fromValues"];

    public string WhyFits => _t["report.whyFits"];

    public string InterestsOnly => _t["report.interestsOnly"];

    public string LowDifferentiation(string spread) => _t.Format("report.lowDifferentiation", spread);

    public string LowConsistency => _t["report.lowConsistency"];

    public string Undetermined(string scale) => _t.Format("report.undetermined", scale);

    public string Slight(string scale, char letter) => _t.Format("report.slight", scale, letter);

    public string WeakestCircle(string label, string circle, string gap) => _t.Format("report.weakestCircle", label, circle, gap);

    public string WeakestCircleMet(string label, string circle) => _t.Format("report.weakestCircleMet", label, circle);

    public string NoAttention => _t["report.noAttention"];

    public string PreparationSentence(string title, int zone, string preparation) => _t.Format("report.preparationSentence", title, zone, preparation);

    public string EnquiryIntro => _t["report.enquiryIntro"];

    public string Notice => _t["report.notice"];

    public string SourcesIntro => _t["report.sourcesIntro"];

    public string SkillsHeading => _t["report.skillsHeading"];

    public string ExperiencesHeading => _t["report.experiencesHeading"];

    public string PortfolioHeading => _t["report.portfolioHeading"];

    public string Skill => _t["report.skill"];

    public string Level => _t["report.level"];

    public string Wish => _t["report.wish"];

    public string Evidence => _t["report.evidence"];

    public string ReadAs(string title) => _t.Format("report.readAs", title);

    public string StoryEvidence(string title) => _t.Format("report.storyEvidence", title);

    public string PortfolioIntro(int held, int rated, string heldLevel, int strengths, int leave) => _t.Format("report.portfolioIntro", held, rated, heldLevel, strengths, leave);

    public string LeaveBehindSentence(string skills) => _t.Format("report.leaveBehindSentence", skills);

    public string ProposedHeading => _t["report.proposedHeading"];

    public string ProposedIntro => _t["report.proposedIntro"];

    public string CoreOf(string title) => _t.Format("report.coreOf", title);

    public string StoriesHeading => _t["report.storiesHeading"];

    public string StorySkills => _t["report.storySkills"];

    public string TransitionsHeading => _t["report.transitionsHeading"];

    public string Transferability => _t["report.transferability"];

    public string InterestFit => _t["report.interestFit"];

    public string Passerelle => _t["report.passerelle"];

    public string SkillCounts => _t["report.skillCounts"];

    public string Yes => _t["report.yes"];

    public string ActionPlanHeading => _t["report.actionPlanHeading"];

    public string ActionPlanIntro => _t["report.actionPlanIntro"];

    public string TargetHeading(string title, string code) => _t.Format("report.targetHeading", title, code);

    public string YouBring(int n) => _t.Format("report.youBring", n);

    public string WouldLeave => _t["report.wouldLeave"];

    public string NothingTransferable => _t["report.nothingTransferable"];

    public string MaybeHeld => _t["report.maybeHeld"];

    public string Emerging => _t["report.emerging"];

    public string Core => _t["report.core"];

    public string SkillsSentence(int held, int strengths, string titles) => _t.Format("report.skillsSentence", held, strengths, titles);

    public string ProposedAttention(int n) => _t.Format("report.proposedAttention", n);

    public string LowTransferability(string best, int held) => _t.Format("report.lowTransferability", best, held);

    public string LeaveBehindNeeded(string title, string skills) => _t.Format("report.leaveBehindNeeded", title, skills);

    public string[] AreaNames => [.. "RIASEC".Select(l => _t["riasec.area." + l])];

    public string[] AreaMeanings => [.. "RIASEC".Select(l => _t["riasec.meaning." + l])];

    private static readonly string[] Circles = ["love", "goodAt", "needs", "paid"];

    public string[] CircleNames => [.. Circles.Select(c => _t["ikigai.circle." + c])];

    public string Region(string name) => name is "ikigai" or "passion" or "mission" or "profession" or "vocation"
        ? _t["ikigai.region." + name]
        : _t.Format("ikigai.region.other", name);

    /// <summary>A candidate's region in words: from the circles it reaches when known, from its (English) name otherwise.</summary>
    public string Region(IkigaiCandidateSummary candidate)
    {
        if (candidate.Region is { } keys)
        {
            var circles = keys.Select(k => Assessments.Ikigai.IkigaiKind.CircleKeys.ToList().IndexOf(k)).ToList();
            if (circles.All(i => i >= 0))
            {
                return Assessments.Ikigai.IkigaiKind.DescribeRegion([.. circles.Select(i => (Assessments.Ikigai.IkigaiCircle)i)], Language);
            }
        }

        return Region(candidate.RegionName);
    }

    public string Band(string? band) => band is "slight" or "moderate" or "clear" or "veryClear" ? _t["type.band." + band] : "—";

    public string Preparation(int zone) => zone is >= 1 and <= 5 ? _t["report.preparation." + zone.ToString(System.Globalization.CultureInfo.InvariantCulture)] : _t["report.preparation.unknown"];

    public string[] EnquiryQuestions => [.. Enumerable.Range(1, 5).Select(i => _t["report.enquiryQuestion." + i.ToString(System.Globalization.CultureInfo.InvariantCulture)])];

    public string Fingerprint => _t["report.fingerprint"];

    public string CodeLine(string code) => _t.Format("report.codeLine", code);

    /// <summary>Said in an English report only: ROME writes its skills and occupations in French.</summary>
    public string? RomeInFrench => Language == "fr" ? null : _t["report.romeInFrench"];

    public string FamilyName(SkillFamily family) => _t["skills.family." + family switch
    {
        SkillFamily.KnowHow => "knowHow",
        SkillFamily.SoftSkill => "softSkill",
        _ => "knowledge",
    }];

    public string WishName(string? wish) => wish is "yes" or "no" or "indifferent" ? _t["skills.wish." + wish] : "—";

    public string Years(double years) => years == 1 ? _t["report.oneYear"] : _t.Format("report.years", Number(years));

    public string TransitionsIntro(bool combined, double skillsWeight) => combined
        ? _t.Format("report.transitionsIntro.combined", Number(skillsWeight), Number(1 - skillsWeight))
        : _t["report.transitionsIntro.skills"];

    public string TargetSummary(string percent, bool passerelle) => _t.Format(passerelle ? "report.targetSummaryPasserelle" : "report.targetSummary", percent);

    public string StepGroup(ActionStepKind kind, int count, int core) =>
        _t.Format("report.stepGroup." + StepKey(kind), count) + (core > 0 ? _t.Format("report.stepGroup.core", core) : "");

    public string StepHow(ActionStepKind kind) => _t["report.stepHow." + StepKey(kind)];

    public string StepQuestion(ActionStepKind kind) => _t["report.stepQuestion." + StepKey(kind)];

    private static string StepKey(ActionStepKind kind) => kind switch
    {
        ActionStepKind.Learn => "learn",
        ActionStepKind.Practise => "practise",
        _ => "show",
    };

    public string Percent(double share) => _t.Percent(share);

    /// <summary>A number for people: the language's decimal separator, at most two decimals.</summary>
    public string Number(double value) => _t.Number(value);
}
