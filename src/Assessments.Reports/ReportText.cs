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

/// <summary>The report's words in French or English (written by this project).</summary>
internal sealed class ReportText
{
    private readonly bool _fr;

    public ReportText(string language)
    {
        _fr = language == "fr";
        Language = _fr ? "fr" : "en";
    }

    public string Language { get; }

    public string Title => _fr ? "Synthèse de bilan" : "Career review synthesis";

    public string PersonLabel => _fr ? "Personne" : "Person";

    public string Summary => _fr ? "En bref" : "Summary";

    public string Results => _fr ? "Résultats par questionnaire" : "Results by instrument";

    public string InterestsHeading => _fr ? "Intérêts professionnels (RIASEC)" : "Work interests (RIASEC)";

    public string TypeHeading => _fr ? "Préférences de fonctionnement" : "Working preferences";

    public string ValuesHeading => _fr ? "Valeurs" : "Values";

    public string IkigaiHeading => _fr ? "Ikigai" : "Ikigai";

    public string OtherHeading => _fr ? "Autres questionnaires" : "Other questionnaires";

    public string FreeTextHeading => _fr ? "Récits" : "Stories";

    public string OccupationsHeading => _fr ? "Métiers à explorer" : "Occupations to explore";

    public string AttentionHeading => _fr ? "Points d'attention" : "Points of attention";

    public string NextStepsHeading => _fr ? "Prochaines étapes" : "Next steps";

    public string AboutHeading => _fr ? "À propos de ces résultats" : "About these results";

    public string[] AreaNames => _fr
        ? ["Réaliste", "Investigateur", "Artistique", "Social", "Entreprenant", "Conventionnel"]
        : ["Realistic", "Investigative", "Artistic", "Social", "Enterprising", "Conventional"];

    public string[] AreaMeanings => _fr
        ? ["agir sur le concret : outils, machines, nature", "comprendre, analyser, chercher", "créer, s'exprimer, imaginer",
            "aider, former, prendre soin", "convaincre, diriger, entreprendre", "organiser, structurer, vérifier"]
        : ["hands-on work with tools, machines or nature", "understanding, analysing, researching", "creating, expressing, imagining",
            "helping, teaching, caring", "persuading, leading, starting things", "organising, structuring, checking"];

    public string[] CircleNames => _fr ? ["ce que j'aime", "ce en quoi je suis doué·e", "ce dont le monde a besoin", "ce pour quoi on peut me payer"]
        : ["what I love", "what I am good at", "what the world needs", "what I can be paid for"];

    public string HexagonTitle(string code) => _fr ? $"Hexagone RIASEC, code {code}" : $"RIASEC hexagon, code {code}";

    public string DichotomiesTitle(string type) => _fr ? $"Les quatre dimensions, type {type}" : $"The four dichotomies, type {type}";

    public string ValuesTitle => _fr ? "Valeurs classées" : "Ranked values";

    public string IkigaiTitle => _fr ? "Les quatre cercles de l'Ikigai et les pistes" : "The four Ikigai circles and the candidates";

    public string Region(string name) => name switch
    {
        "ikigai" => "ikigai",
        "passion" => "passion",
        "mission" => "mission",
        "profession" => "profession",
        "vocation" => "vocation",
        _ => _fr ? $"zone « {name} »" : $"region '{name}'",
    };

    public string CodeSentence(string code, string first, string second) => _fr
        ? $"Code Holland {code} : vos intérêts les plus marqués sont {first} et {second}."
        : $"Holland code {code}: your strongest interests are {first} and {second}.";

    public string TypeSentence(string type) => _fr ? $"Préférences indiquées : {type}." : $"Stated preferences: {type}.";

    public string ValuesSentence(string values) => _fr ? $"Valeurs prioritaires : {values}." : $"Top values: {values}.";

    public string IkigaiSentence(string label, string region) => _fr ? $"Piste Ikigai la plus complète : {label} ({region})." : $"Most complete Ikigai candidate: {label} ({region}).";

    public string OccupationSentence(string titles) => _fr ? $"Métiers à explorer en premier : {titles}." : $"Occupations to explore first: {titles}.";

    public string Area => _fr ? "Domaine" : "Area";

    public string Score => _fr ? "Score" : "Score";

    public string Meaning => _fr ? "Ce que cela recouvre" : "What it covers";

    public string Dimension => _fr ? "Dimension" : "Dichotomy";

    public string Letter => _fr ? "Lettre" : "Letter";

    public string Clarity => _fr ? "Netteté" : "Clarity";

    public string Band(string? band) => band switch
    {
        "slight" => _fr ? "légère" : "slight",
        "moderate" => _fr ? "modérée" : "moderate",
        "clear" => _fr ? "nette" : "clear",
        "veryClear" => _fr ? "très nette" : "very clear",
        _ => "—",
    };

    public string Rank => _fr ? "Rang" : "Rank";

    public string Value => _fr ? "Valeur" : "Value";

    public string Pile => _fr ? "Pile" : "Pile";

    public string Candidate => _fr ? "Piste" : "Candidate";

    public string Occupation => _fr ? "Métier" : "Occupation";

    public string Code => _fr ? "Code" : "Code";

    public string JobZone => _fr ? "Niveau de préparation (Job Zone)" : "Job Zone";

    public string Combined => _fr ? "Score combiné" : "Combined score";

    public string FromInterests => _fr ? "dont intérêts" : "from interests";

    public string FromValues => _fr ? "dont valeurs" : "from values";

    public string WhyFits => _fr
        ? "Le score combiné additionne la part des intérêts (corrélation de Pearson entre vos six scores et le profil du métier) et la part des valeurs (corrélation entre vos valeurs et celles du métier), à poids égaux."
        : "The combined score adds the interests part (Pearson correlation between your six scores and the occupation's profile) and the values part (correlation between your values and the occupation's), with equal weights.";

    public string InterestsOnly => _fr
        ? "Le score est la corrélation de Pearson entre vos six scores d'intérêts et le profil du métier (de −1 à 1)."
        : "The score is the Pearson correlation between your six interest scores and the occupation's profile (−1 to 1).";

    public string LowDifferentiation(string spread) => _fr
        ? $"Intérêts peu différenciés (écart de {spread} point entre le domaine le plus fort et le plus faible) : le code est fragile, à discuter plutôt qu'à retenir tel quel."
        : $"Interests are not much differentiated ({spread} point between the strongest and weakest area): the code is fragile; discuss it rather than take it as given.";

    public string LowConsistency => _fr
        ? "Les deux premières lettres du code sont opposées sur l'hexagone : des intérêts variés, qui peuvent se combiner dans des métiers peu courants."
        : "The code's first two letters are opposite on the hexagon: varied interests, which may combine in less common occupations.";

    public string Undetermined(string scale) => _fr
        ? $"Dimension {scale} non tranchée (X) : aucune préférence ne ressort ; à explorer par des situations concrètes."
        : $"Dichotomy {scale} is undetermined (X): no preference stands out; explore it through concrete situations.";

    public string Slight(string scale, char letter) => _fr
        ? $"Préférence {letter} légère sur la dimension {scale} : à confirmer en entretien."
        : $"Slight {letter} preference on {scale}: to confirm in conversation.";

    public string WeakestCircle(string label, string circle, string gap) => _fr
        ? $"Pour « {label} », le cercle le plus faible est « {circle} » (écart au seuil : {gap}) : c'est le point à travailler dans le plan d'action."
        : $"For '{label}', the weakest circle is '{circle}' (gap to the threshold: {gap}): the point to work on in the action plan.";

    public string WeakestCircleMet(string label, string circle) => _fr
        ? $"Pour « {label} », le cercle le plus faible est « {circle} », déjà au seuil : le vérifier par une enquête métier."
        : $"For '{label}', the weakest circle is '{circle}', already at the threshold: check it through an occupational enquiry.";

    public string NoAttention => _fr ? "Aucun point particulier ne ressort des résultats." : "Nothing in particular stands out from the results.";

    public string Preparation(int zone) => (_fr, zone) switch
    {
        (true, 1) => "peu ou pas de préparation préalable ; quelques jours à quelques mois d'apprentissage sur le poste",
        (true, 2) => "une certaine préparation : souvent un diplôme de fin d'études secondaires et une formation sur le poste",
        (true, 3) => "une préparation moyenne : formation professionnelle, expérience ou diplôme de niveau bac + 2",
        (true, 4) => "une préparation importante : le plus souvent une licence et plusieurs années d'expérience",
        (true, 5) => "une préparation poussée : master, doctorat ou diplôme professionnel, et une longue expérience",
        (false, 1) => "little or no previous preparation; a few days to a few months of training on the job",
        (false, 2) => "some preparation: often a high-school diploma and training on the job",
        (false, 3) => "medium preparation: vocational training, experience or an associate's degree",
        (false, 4) => "considerable preparation: most often a bachelor's degree and several years of experience",
        (false, 5) => "extensive preparation: a graduate or professional degree and long experience",
        _ => _fr ? "préparation non renseignée" : "preparation not known",
    };

    public string PreparationSentence(string title, int zone, string preparation) => _fr
        ? $"{title} — Job Zone {zone} : {preparation}."
        : $"{title} — Job Zone {zone}: {preparation}.";

    public string EnquiryIntro => _fr
        ? "Pour une enquête métier, rencontrer deux ou trois personnes qui exercent ces métiers et leur demander :"
        : "For an occupational enquiry, meet two or three people who do these jobs and ask them:";

    public string[] EnquiryQuestions => _fr
        ?
        [
            "À quoi ressemble une journée ou une semaine type ?",
            "Qu'est-ce qui vous plaît le plus, et le moins, dans ce métier ?",
            "Quel parcours vous y a mené, et lequel conseilleriez-vous aujourd'hui ?",
            "Quelles compétences font la différence, et comment les acquérir ?",
            "Comment le métier évolue-t-il, et où recrute-t-on ?",
        ]
        :
        [
            "What does a typical day or week look like?",
            "What do you like most, and least, about the work?",
            "Which path led you here, and which would you advise today?",
            "Which skills make the difference, and how can one gain them?",
            "How is the occupation changing, and where are the openings?",
        ];

    public string Notice => _fr
        ? "Ces questionnaires servent à explorer et à ouvrir la discussion avec votre conseiller·ère. Ils ne sont pas étalonnés sur une population de référence et ne doivent pas servir à sélectionner ni à étiqueter une personne."
        : "These instruments are for exploration and for opening a conversation with your counsellor. They are not normed on a reference population and must not be used to select or label anyone.";

    public string SourcesIntro => _fr ? "Résultats calculés à partir de :" : "Results computed from:";

    public string Fingerprint => _fr ? "empreinte" : "fingerprint";

    // The skills section (issue 19): portfolio, transitions, action plan.
    public string SkillsHeading => _fr ? "Compétences" : "Skills";

    /// <summary>Said in an English report only: ROME writes its skills and occupations in French.</summary>
    public string? RomeInFrench => _fr ? null : "ROME 4.0 names its skills and occupations in French only: they are shown as ROME writes them.";

    public string ExperiencesHeading => _fr ? "Expériences" : "Past jobs";

    public string PortfolioHeading => _fr ? "Portefeuille de compétences" : "Skills portfolio";

    public string FamilyName(SkillFamily family) => (_fr, family) switch
    {
        (true, SkillFamily.KnowHow) => "Savoir-faire",
        (true, SkillFamily.SoftSkill) => "Savoir-être professionnels",
        (true, _) => "Savoirs (connaissances)",
        (false, SkillFamily.KnowHow) => "Know-how (savoir-faire)",
        (false, SkillFamily.SoftSkill) => "Behavioural skills (savoir-être)",
        _ => "Knowledge (savoirs)",
    };

    public string Skill => _fr ? "Compétence" : "Skill";

    public string Level => _fr ? "Niveau" : "Level";

    public string Wish => _fr ? "Souhait" : "Wish";

    public string Evidence => _fr ? "Preuves" : "Evidence";

    public string WishName(string? wish) => (_fr, wish) switch
    {
        (true, "yes") => "oui",
        (true, "no") => "non",
        (true, "indifferent") => "peu importe",
        (false, "yes") => "yes",
        (false, "no") => "no",
        (false, "indifferent") => "either way",
        _ => "—",
    };

    public string Years(double years) => _fr
        ? (years == 1 ? "1 an" : $"{Number(years)} ans")
        : (years == 1 ? "1 year" : $"{Number(years)} years");

    public string ReadAs(string title) => _fr ? $"intitulé retenu : « {title} »" : $"read as '{title}'";

    public string StoryEvidence(string title) => _fr ? $"récit « {title} »" : $"story '{title}'";

    public string PortfolioIntro(int held, int rated, string heldLevel, int strengths, int leave) => _fr
        ? $"{held} compétences détenues (niveau « {heldLevel} » ou plus) sur {rated} évaluées ; {strengths} que vous souhaitez mobiliser dans votre prochain poste, {leave} que vous préférez laisser derrière vous."
        : $"{held} skills held (level '{heldLevel}' or above) out of {rated} rated; {strengths} you want to use in your next job, {leave} you would rather leave behind.";

    public string LeaveBehindSentence(string skills) => _fr ? $"À laisser derrière vous : {skills}." : $"To leave behind: {skills}.";

    public string ProposedHeading => _fr ? "À confirmer" : "To confirm";

    public string ProposedIntro => _fr
        ? "Ces compétences n'ont pas été évaluées ; elles sont proposées parce qu'elles sont au cœur d'un métier exercé ou qu'un récit les montre. Elles ne comptent pas comme détenues tant qu'elles ne sont pas confirmées."
        : "These skills were not rated; they are proposed because they are at the core of a past job or a story shows them. They do not count as held until confirmed.";

    public string CoreOf(string title) => _fr ? $"cœur du métier {title}" : $"core of {title}";

    public string StoriesHeading => _fr ? "Récits de réussite" : "Stories";

    public string StorySkills => _fr ? "Compétences montrées :" : "Skills shown:";

    public string TransitionsHeading => _fr ? "Où vos compétences se transfèrent" : "Where your skills transfer";

    public string TransitionsIntro(bool combined, double skillsWeight) => (_fr, combined) switch
    {
        (true, false) => "La transférabilité est la part des compétences du métier visé que vous détenez déjà (les compétences au cœur du métier pèsent 1,5 fois plus, les plus rares davantage que les plus courantes). La passerelle indique que le ROME de France Travail cite lui-même ce passage ; elle est montrée à côté du score, sans y entrer.",
        (true, true) => $"Le classement combine la transférabilité (part des compétences du métier visé que vous détenez, poids {Number(skillsWeight)}) et l'accord avec vos intérêts (corrélation entre votre profil RIASEC et celui du métier, ramenée entre 0 et 1, poids {Number(1 - skillsWeight)}). Le ROME n'a pas de valeurs de travail : elles n'entrent pas dans ce classement. La passerelle indique que le ROME cite lui-même ce passage ; elle est montrée à côté, sans entrer dans le score.",
        (false, false) => "Transferability is the share of the target occupation's skills you already hold (core skills weigh 1.5 times more, rarer skills more than common ones). A passerelle means France Travail's ROME itself lists the move; it is shown beside the score, not counted in it.",
        _ => $"The ranking combines transferability (the share of the target's skills you hold, weight {Number(skillsWeight)}) and the fit with your interests (the correlation of your RIASEC profile with the occupation's, moved onto 0 to 1, weight {Number(1 - skillsWeight)}). ROME has no work values, so they take no part. A passerelle means ROME itself lists the move; it is shown beside the score, not counted in it.",
    };

    public string Transferability => _fr ? "Transféra\u00ADbilité" : "Transfer\u00ADability";

    public string InterestFit => _fr ? "Accord intérêts" : "Interest fit";

    public string Passerelle => _fr ? "Passerelle ROME" : "ROME passerelle";

    public string SkillCounts => _fr ? "Transférables · à acquérir (cœur)" : "Transferable · to gain (core)";

    public string Yes => _fr ? "oui" : "yes";

    public string ActionPlanHeading => _fr ? "Plan d'action" : "Action plan";

    public string ActionPlanIntro => _fr
        ? "Pour chaque métier visé : ce que vous emportez, puis chaque écart à combler avec la démarche qui le comble (apprendre un savoir, pratiquer un savoir-faire, montrer un savoir-être) et la question à poser lors d'une enquête métier."
        : "For each target: what you bring, then each gap with the step that closes it (learn knowledge, practise know-how, show a behavioural skill) and the question to ask in an occupational enquiry.";

    public string TargetHeading(string title, string code) => _fr ? $"Vers : {title} ({code})" : $"Toward: {title} ({code})";

    public string TargetSummary(string percent, bool passerelle) => _fr
        ? $"Transférabilité {percent}" + (passerelle ? " ; passerelle citée par le ROME." : ".")
        : $"Transferability {percent}" + (passerelle ? "; ROME lists the move as a passerelle." : ".");

    public string YouBring(int n) => _fr ? $"Ce que vous emportez ({n}) :" : $"What you bring ({n}):";

    public string WouldLeave => _fr ? "que vous préférez laisser" : "you would rather leave";

    public string NothingTransferable => _fr ? "Aucune des compétences détenues n'est listée par ce métier." : "None of the skills held is listed by this occupation.";

    public string StepGroup(ActionStepKind kind, int count, int core) => (_fr, kind) switch
    {
        (true, ActionStepKind.Learn) => $"À apprendre : {count} savoir(s)",
        (true, ActionStepKind.Practise) => $"À pratiquer : {count} savoir-faire",
        (true, ActionStepKind.Show) => $"À montrer : {count} savoir-être",
        (false, ActionStepKind.Learn) => $"To learn: {count} knowledge item(s)",
        (false, ActionStepKind.Practise) => $"To practise: {count} know-how skill(s)",
        _ => $"To show: {count} behavioural skill(s)",
    } + (core > 0 ? (_fr ? $", dont {core} au cœur du métier (en gras)" : $", {core} at the core of the trade (in bold)") : "");

    public string StepHow(ActionStepKind kind) => (_fr, kind) switch
    {
        (true, ActionStepKind.Learn) => "Comment : une formation, une certification, des lectures ; vérifier ce que l'employeur exige à l'embauche.",
        (true, ActionStepKind.Practise) => "Comment : une immersion en entreprise (PMSMP), un stage, du bénévolat, une mission dans le poste actuel.",
        (true, ActionStepKind.Show) => "Comment : retrouver dans votre parcours un moment qui le prouve, et le raconter en entretien.",
        (false, ActionStepKind.Learn) => "How: a course, a certificate, reading; check what employers require on hiring.",
        (false, ActionStepKind.Practise) => "How: a work placement (PMSMP), an internship, volunteering, a task in your current job.",
        _ => "How: find a moment in your past that proves it, and tell it in an interview.",
    };

    public string StepQuestion(ActionStepKind kind) => (_fr, kind) switch
    {
        (true, ActionStepKind.Learn) => "À demander en enquête métier, pour chacun : quel niveau attend-on à l'embauche, et quelle formation le donne ?",
        (true, ActionStepKind.Practise) => "À demander en enquête métier, pour chacun : dans quelles situations le pratique-t-on au quotidien, et où puis-je l'essayer ?",
        (true, ActionStepKind.Show) => "À demander en enquête métier, pour chacun : comment se manifeste-t-il dans l'équipe, et comment un recruteur le repère-t-il ?",
        (false, ActionStepKind.Learn) => "To ask in an occupational enquiry, for each: what level is expected on hiring, and which training gives it?",
        (false, ActionStepKind.Practise) => "To ask in an occupational enquiry, for each: in which situations is it practised day to day, and where could I try it?",
        _ => "To ask in an occupational enquiry, for each: how does it show in the team, and how does a recruiter spot it?",
    };

    public string MaybeHeld => _fr ? "proposée, à confirmer : peut-être déjà acquise" : "proposed, to confirm: perhaps already held";

    public string Emerging => _fr ? "émergente" : "emerging";

    public string Core => _fr ? "cœur du métier" : "core";

    public string SkillsSentence(int held, int strengths, string titles) => _fr
        ? $"Compétences : {held} détenues, dont {strengths} à mobiliser ; elles se transfèrent le mieux vers {titles}."
        : $"Skills: {held} held, {strengths} of them to use next; they transfer best toward {titles}.";

    public string ProposedAttention(int n) => _fr
        ? $"{n} compétence(s) proposée(s) restent à confirmer : les évaluer élargit le portefeuille et peut changer les métiers accessibles."
        : $"{n} proposed skill(s) are still to confirm: rating them widens the portfolio and may change the occupations within reach.";

    public string LowTransferability(string best, int held) => _fr
        ? $"La transférabilité reste faible partout (au plus {best}) : le portefeuille ne compte que {held} compétence(s) détenue(s). Compléter l'évaluation, notamment les compétences proposées, avant d'en tirer des conclusions."
        : $"Transferability is low everywhere (at most {best}): the portfolio holds only {held} skill(s). Complete the rating, the proposed skills first, before drawing conclusions.";

    public string LeaveBehindNeeded(string title, string skills) => _fr
        ? $"Vers {title}, vous emporteriez des compétences que vous préférez laisser derrière vous ({skills}) : à discuter avant de retenir cette cible."
        : $"Toward {title} you would carry skills you would rather leave behind ({skills}): discuss this before keeping the target.";

    public string Percent(double share) => _fr
        ? Math.Round(share * 100).ToString("0", System.Globalization.CultureInfo.InvariantCulture) + "\u00A0%"
        : Math.Round(share * 100).ToString("0", System.Globalization.CultureInfo.InvariantCulture) + "%";

    /// <summary>A number for people: the language's decimal separator, at most two decimals.</summary>
    public string Number(double value)
    {
        var text = value.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture);
        return _fr ? text.Replace('.', ',') : text;
    }

}
