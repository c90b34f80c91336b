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

}
