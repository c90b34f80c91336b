using System.Globalization;
using System.Text.Json;
using Assessments.Matching;
using Assessments.Matching.Skills;
using Assessments.Scoring;

namespace Assessments.Reports;

/// <summary>An instrument a profile's results came from, as results cite it.</summary>
public sealed record ResultSource(string InstrumentId, string Version, string Fingerprint, string Kind)
{
    /// <summary>The day the person took the instrument, when the results line says (<c>"takenOn": "2026-11-03"</c>, or a date-time in ISO 8601).</summary>
    public DateOnly? TakenOn { get; init; }
}

/// <summary>Interest results: the six area scores in RIASEC order (1–5), the Holland code and what qualifies it.</summary>
public sealed record InterestsSummary(IReadOnlyList<double> Areas, string Code, IReadOnlyList<string> AdmissibleCodes, string? Consistency,
    double? Elevation, double? Spread);

/// <summary>One dichotomy of a type result: its letter (X when undetermined), clarity (−1 … 1) and band.</summary>
public sealed record TypeLetter(string Scale, char Letter, double? Clarity, string? Band, bool AtMidpoint);

/// <summary>A type-indicator result: the four letters, each dichotomy, and the description in each language given.</summary>
public sealed record TypeSummary(string Type, IReadOnlyList<TypeLetter> Dichotomies, IReadOnlyDictionary<string, string> Description);

/// <summary>A value card's place in a person's sort (rank 1 = most important; ties share the mean rank).</summary>
public sealed record ValueCard(string Id, double Rank, double Score, string? Pile);

/// <summary>One of the six O*NET work values the card sort maps to, on 0–1.</summary>
public sealed record WorkValueScore(string Name, double Value);

/// <summary>A values card sort: every card in order, the top cards, and the work-values profile when the instrument maps one.</summary>
public sealed record ValuesSummary(IReadOnlyList<ValueCard> Ordered, IReadOnlyList<string> Top, IReadOnlyList<WorkValueScore> WorkValues);

/// <summary>An Ikigai candidate: its four circle memberships (0–1), its overall score, region and weakest circle.</summary>
public sealed record IkigaiCandidateSummary(int Rank, string Id, string Label, double Love, double GoodAt, double Needs, double Paid, double Ikigai,
    string RegionName, string? Weakest, double? Gap)
{
    /// <summary>The circles the candidate reaches (their JSON keys: love, goodAt, needs, paid), when the results line gives them.</summary>
    public IReadOnlyList<string>? Region { get; init; }
}

/// <summary>The scale scores of an instrument without a kind of its own (a Likert questionnaire).</summary>
public sealed record ScaleResults(string InstrumentId, IReadOnlyList<ScaleValue> Scales);

/// <summary>One scale's reported value (null when too few items were answered, with the reason and the counts behind it).</summary>
/// <param name="ScaleId">The scale's id.</param>
/// <param name="Value">The score, or null.</param>
/// <param name="MissingReason">Why it is null, as the results line says it (English).</param>
/// <param name="Answered">How many of its items were answered.</param>
/// <param name="Items">How many items it has (0 when the results line does not say).</param>
/// <param name="MinAnswered">The share of items it needs.</param>
/// <param name="Mrat">For a scale centred on the person's mean rating (<c>"centring": "mrat"</c>): that mean rating, which the value is relative to; otherwise null.</param>
public sealed record ScaleValue(string ScaleId, double? Value, string? MissingReason, int Answered = 0, int Items = 0, double MinAnswered = 0, double? Mrat = null);

/// <summary>How a synthesis is written beyond its language.</summary>
public sealed record ReportOptions
{
    /// <summary>The clock the synthesis is dated by (inject a fixed one for reproducible files and tests).</summary>
    public TimeProvider Clock { get; init; } = TimeProvider.System;

    /// <summary>The name the header shows, when the counsellor gives one; the person's id otherwise.</summary>
    public string? RespondentName { get; init; }

    /// <summary>
    /// The days the person took the instruments, by instrument id, shown in the header beside each title. They take the place
    /// of the results lines' <see cref="ResultSource.TakenOn"/>; an instrument known from neither shows no date.
    /// </summary>
    public IReadOnlyDictionary<string, DateOnly>? TakenOn { get; init; }
}

/// <summary>A free-text answer (a storytelling prompt's story), carried as written.</summary>
public sealed record FreeTextAnswer(string InstrumentId, string ItemId, string Text);

/// <summary>
/// An occupation suggested for the whole profile: the combined score and what each instrument contributed to it
/// (<c>score = w · interests + (1 − w) · values</c> when both are known; the interest correlation alone otherwise).
/// </summary>
public sealed record OccupationSuggestion(int Rank, string Code, string Title, int? JobZone, double Score, double? InterestScore,
    double? ValuesScore, double InterestWeight, string OccupationHollandCode)
{
    /// <summary>The part of <see cref="Score"/> that came from interests (w · r).</summary>
    public double? InterestContribution => InterestScore is { } r ? (ValuesScore is null ? r : InterestWeight * r) : null;

    /// <summary>The part of <see cref="Score"/> that came from work values ((1 − w) · r).</summary>
    public double? ValuesContribution => ValuesScore is { } v ? (1 - InterestWeight) * v : null;
}

/// <summary>
/// One person's results gathered from any subset of the instruments (interests, type indicator, values cards, Ikigai,
/// Likert questionnaires), each cited with its instrument's id, version and fingerprint, and — once a catalog is given —
/// a combined occupation ranking that shows what each instrument contributed. Build it from results in memory
/// (<see cref="FromResults"/>) or from the JSON lines <c>assess score --format jsonl</c> writes (<see cref="FromJsonLines"/>).
/// </summary>
public sealed partial class CareerProfile
{
    private CareerProfile(string respondentId)
    {
        RespondentId = respondentId;
    }

    /// <summary>
    /// The definitions of the instruments the results came from, when known: those results scored in this process carry
    /// (<see cref="FromResults"/>), by id. The report takes titles, scale titles, card and pile labels from them (and from
    /// the shipped instruments for the others).
    /// </summary>
    public IReadOnlyDictionary<string, Instrument> Definitions { get; private set; } = new Dictionary<string, Instrument>(StringComparer.Ordinal);

    /// <summary>The person's (anonymised) id.</summary>
    public string RespondentId { get; }

    /// <summary>Every instrument the results came from, in the order read.</summary>
    public IReadOnlyList<ResultSource> Sources { get; private set; } = [];

    /// <summary>Interest results, when the profile has them.</summary>
    public InterestsSummary? Interests { get; private set; }

    /// <summary>Type-indicator results, when the profile has them.</summary>
    public TypeSummary? Type { get; private set; }

    /// <summary>Values card-sort results, when the profile has them.</summary>
    public ValuesSummary? Values { get; private set; }

    /// <summary>Ikigai candidates, best first, when the profile has them.</summary>
    public IReadOnlyList<IkigaiCandidateSummary>? Ikigai { get; private set; }

    /// <summary>Scale scores of other (Likert) instruments.</summary>
    public IReadOnlyList<ScaleResults> OtherScales { get; private set; } = [];

    /// <summary>Free-text answers carried by the results.</summary>
    public IReadOnlyList<FreeTextAnswer> FreeText { get; private set; } = [];

    /// <summary>The combined occupation ranking (empty until <see cref="WithOccupations"/>).</summary>
    public IReadOnlyList<OccupationSuggestion> Occupations { get; private set; } = [];

    /// <summary>The catalog the occupations came from (for its attribution), once ranked.</summary>
    public OccupationCatalog? Catalog { get; private set; }

    /// <summary>
    /// Gathers results scored in this process (each is written to JSON and read back, as a file would be). Without
    /// <paramref name="respondentId"/> every result must carry the same respondent id; with it, the results are taken as one
    /// person's whatever ids they carry (a person may have had another id in each tool).
    /// </summary>
    /// <exception cref="ArgumentException">
    /// No result, a null result, results for more than one person when no id is given, or a result holding a value that
    /// cannot be written as a results line (a number that is not finite). The message quotes no respondent id. Half of a
    /// surrogate pair in a text is written, and so read back, as U+FFFD.
    /// </exception>
    public static CareerProfile FromResults(IEnumerable<InstrumentResult> results, string? respondentId = null)
    {
        ArgumentNullException.ThrowIfNull(results);
        var lines = new List<string>();
        var definitions = new Dictionary<string, Instrument>(StringComparer.Ordinal);
        string? person = null;
        var number = 0;
        foreach (var result in results)
        {
            number++;
            if (result is null)
            {
                throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"Result {number} is null."), nameof(results));
            }

            var id = result.RespondentId ?? "";
            if (respondentId is null && person is not null && person != id)
            {
                throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                    $"The results belong to more than one person (result {number} has another respondent id than those before it); pass the person's id to gather them anyway."), nameof(results));
            }

            person = id;
            definitions[result.InstrumentId] = result.Instrument;
            var buffer = new System.Buffers.ArrayBufferWriter<byte>();
            try
            {
                using var writer = new Utf8JsonWriter(buffer);
                result.WriteJson(writer);
            }
            catch (ArgumentException ex)
            {
                throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                    $"Result {number} ({result.InstrumentId}) holds a value that cannot be written as a results line (a number that is not finite, say)."), nameof(results), ex);
            }

            lines.Add(System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan));
        }

        if (person is null)
        {
            throw new ArgumentException("No result was given.", nameof(results));
        }

        try
        {
            var profile = Gather(lines, respondentId ?? person, anyRespondent: respondentId is not null, unit: "Result");
            profile.Definitions = definitions;
            return profile;
        }
        catch (FormatException ex)
        {
            // Whatever the reader refuses in a line the writer made is a problem of that result: said of it, as an argument problem.
            throw new ArgumentException(ex.Message, nameof(results), ex);
        }
    }

    /// <summary>
    /// Gathers the results of <paramref name="respondentId"/> from JSON lines (one result per line; other people's lines are
    /// skipped after their <c>respondent</c> is read). In the person's lines, every member the profile uses is checked: a
    /// missing one, a null where a value is needed, a wrong JSON type, a number too large or text with half a surrogate pair
    /// is a <see cref="FormatException"/> naming the line and the JSON path (never the value); members it does not use are
    /// not read.
    /// </summary>
    /// <exception cref="FormatException">A line is not JSON or not a result (the message gives its number and the path).</exception>
    /// <exception cref="ArgumentException">No line belongs to the person.</exception>
    public static CareerProfile FromJsonLines(IEnumerable<string> lines, string respondentId)
    {
        ArgumentNullException.ThrowIfNull(lines);
        ArgumentNullException.ThrowIfNull(respondentId);
        return Gather(lines, respondentId, anyRespondent: false, unit: "Line");
    }

    /// <summary>A results line's <c>takenOn</c>: an ISO 8601 date, or a date-time whose date part is taken as written.</summary>
    private static DateOnly? TakenOn(string? text, int line)
    {
        if (text is null)
        {
            return null;
        }

        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            return day;
        }

        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out _) && text.Length > 10 && text[4] == '-' && text[10] == 'T')
        {
            return DateOnly.ParseExact(text[..10], "yyyy-MM-dd", CultureInfo.InvariantCulture);
        }

        throw new FormatException(string.Create(CultureInfo.InvariantCulture, $"Line {line}: \"takenOn\" must be a date as YYYY-MM-DD (or an ISO 8601 date-time)."));
    }

    private static CareerProfile Gather(IEnumerable<string> lines, string respondentId, bool anyRespondent, string unit)
    {
        var profile = new CareerProfile(respondentId);
        var sources = new List<ResultSource>();
        var others = new List<ScaleResults>();
        var freeText = new List<FreeTextAnswer>();
        var number = 0;
        foreach (var line in lines)
        {
            number++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            JsonDocument document;
            try
            {
                document = JsonDocument.Parse(line);
            }
            catch (JsonException ex)
            {
                // Not ex.Message: it quotes the bad character, and a results line may hold free text.
                throw new FormatException(string.Create(CultureInfo.InvariantCulture, $"Line {number} is not JSON (the error is at byte {ex.BytePositionInLine + 1} of the line)."), ex);
            }

            using (document)
            {
                var at = new Place(number, null, unit);
                try
                {
                    var root = document.RootElement;
                    if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("respondent", out _) || !root.TryGetProperty("instrument", out _))
                    {
                        throw new FormatException(string.Create(CultureInfo.InvariantCulture, $"Line {number} is not a result: it needs \"respondent\" and \"instrument\"."));
                    }

                    var respondent = at.OptionalString(root, "$", "respondent", allowNull: true); // a result may have no respondent id
                    var instrumentId = at.String(root, "$", "instrument");
                    if (!anyRespondent && respondent != respondentId)
                    {
                        continue; // another person's line: not read further
                    }

                    at = new Place(number, instrumentId, unit);
                    var kind = at.String(root, "$", "kind");
                    sources.Add(new ResultSource(instrumentId, at.String(root, "$", "version"), at.String(root, "$", "fingerprint"), kind)
                    {
                        TakenOn = TakenOn(at.OptionalString(root, "$", "takenOn", allowNull: true), number),
                    });
                    Read(profile, root, at, instrumentId, kind, others);
                    if (at.OptionalObject(root, "$", "freeText") is { } texts)
                    {
                        foreach (var text in texts.EnumerateObject())
                        {
                            freeText.Add(new FreeTextAnswer(instrumentId, text.Name, at.String(texts, "$.freeText", text.Name)));
                        }
                    }
                }
                catch (InvalidOperationException ex)
                {
                    // What the checks above do not foresee (a lone surrogate escape in a property name, say) still names its line.
                    throw new FormatException(string.Create(CultureInfo.InvariantCulture,
                        $"{unit} {number}{at.Suffix}: a value or name in it cannot be read as text or as the number expected."), ex);
                }
            }
        }

        if (sources.Count == 0)
        {
            throw new ArgumentException($"No result belongs to '{respondentId}'.", nameof(respondentId));
        }

        profile.Sources = sources;
        profile.OtherScales = others;
        profile.FreeText = freeText;
        return profile;
    }

    /// <summary>
    /// A copy of this profile with its occupations ranked against <paramref name="catalog"/>: by interests and work values
    /// together when the profile has both (<see cref="CombinedMatcher"/>, weight <paramref name="interestWeight"/> on
    /// interests), by interests alone (Pearson r) otherwise; none without interests. When the profile has a skills portfolio
    /// and the catalog has ROME's skills, its <see cref="SkillTransitions"/> are ranked too (on skills and interests together
    /// when it has interests), and the first three become the <see cref="SkillTargets"/> (choose others with
    /// <see cref="WithTargets"/>).
    /// </summary>
    /// <param name="catalog">O*NET, ROME or a catalog of your own.</param>
    /// <param name="top">How many occupations (and transitions) to keep.</param>
    /// <param name="interestWeight">The weight of interests against work values in the occupations' combined score.</param>
    /// <param name="skillsWeight">The weight of skills against interests in the transitions' combined score (<see cref="TransitionMatcher.RankWithInterests"/>).</param>
    public CareerProfile WithOccupations(OccupationCatalog catalog, int top = 10, double interestWeight = 0.5, double skillsWeight = 0.5)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        var copy = (CareerProfile)MemberwiseClone();
        copy.Catalog = catalog;
        copy.Occupations = [];
        copy.RankTransitions(catalog, top, skillsWeight);
        if (Interests is not { } interests)
        {
            return copy;
        }

        var person = new InterestProfile(interests.Areas, 1, 5);
        if (Values is { WorkValues.Count: 6 } values && catalog.HasWorkValues)
        {
            copy.Occupations = [.. CombinedMatcher.Match(catalog, person, [.. values.WorkValues.Select(v => v.Value)], top, interestWeight)
                .Select(m => new OccupationSuggestion(m.Rank, m.Occupation.Code, m.Occupation.Title("en"), m.Occupation.JobZone, m.Score,
                    m.Interests.Score, m.Values.Score, interestWeight, m.Occupation.MatchingCode))];
        }
        else
        {
            copy.Occupations = [.. new OccupationMatcher(catalog, new MatchOptions { Top = top }).Match(person)
                .Select(m => new OccupationSuggestion(m.Rank, m.Occupation.Code, m.Occupation.Title("en"), m.Occupation.JobZone, m.Score,
                    m.Score, null, 1, m.OccupationHollandCode))];
        }

        return copy;
    }

    private static void Read(CareerProfile profile, JsonElement root, Place at, string instrumentId, string kind, List<ScaleResults> others)
    {
        switch (kind)
        {
            case "interests" when at.OptionalObject(root, "$", "interests") is { } interests && at.OptionalObject(interests, "$.interests", "areas") is { } areas:
                double[] values = [.. "RIASEC".Select(letter => at.Number(areas, "$.interests.areas", letter.ToString()))];
                profile.Interests = new InterestsSummary(values, at.String(interests, "$.interests", "code"),
                    at.OptionalArray(interests, "$.interests", "admissibleCodes") is { } codes ? at.Strings(codes, "$.interests.admissibleCodes") : [],
                    at.OptionalString(interests, "$.interests", "consistencyLevel"), at.OptionalNumber(interests, "$.interests", "elevation"), values.Max() - values.Min());
                break;
            case "type-indicator" when at.OptionalObject(root, "$", "typeIndicator") is { } type:
                var description = new Dictionary<string, string>(StringComparer.Ordinal);
                if (at.OptionalObject(type, "$.typeIndicator", "description") is { } texts)
                {
                    foreach (var t in texts.EnumerateObject())
                    {
                        description[t.Name] = at.String(texts, "$.typeIndicator.description", t.Name);
                    }
                }

                var dichotomies = at.Objects(at.Array(type, "$.typeIndicator", "dichotomies"), "$.typeIndicator.dichotomies").Select(d =>
                    new TypeLetter(at.String(d.Element, d.Path, "scale"), at.OptionalString(d.Element, d.Path, "letter") is { Length: 1 } l ? l[0] : 'X',
                        at.OptionalNumber(d.Element, d.Path, "clarity", allowNull: true), at.OptionalString(d.Element, d.Path, "band", allowNull: true), at.OptionalBoolean(d.Element, d.Path, "atMidpoint")));
                profile.Type = new TypeSummary(at.String(type, "$.typeIndicator", "type"), [.. dichotomies], description);
                break;
            case "card-sort" when at.OptionalObject(root, "$", "cardSort") is { } sort:
                var ordered = at.Objects(at.Array(sort, "$.cardSort", "ordered"), "$.cardSort.ordered").Select(c =>
                    new ValueCard(at.String(c.Element, c.Path, "card"), at.Number(c.Element, c.Path, "rank"), at.Number(c.Element, c.Path, "score"),
                        at.OptionalString(c.Element, c.Path, "pile")));
                var work = new List<WorkValueScore>();
                if (at.OptionalObject(sort, "$.cardSort", "workValues") is { } workValues)
                {
                    foreach (var w in workValues.EnumerateObject())
                    {
                        if (at.OptionalNumber(workValues, "$.cardSort.workValues", w.Name, allowNull: true) is { } value)
                        {
                            work.Add(new WorkValueScore(w.Name, value)); // null: no card maps to this value
                        }
                    }
                }

                profile.Values = new ValuesSummary([.. ordered],
                    at.OptionalArray(sort, "$.cardSort", "top") is { } top ? at.Strings(top, "$.cardSort.top") : [], work);
                break;
            case "ikigai" when at.OptionalObject(root, "$", "ikigai") is { } ikigai:
                profile.Ikigai = [.. at.Objects(at.Array(ikigai, "$.ikigai", "candidates"), "$.ikigai.candidates").Select(c =>
                {
                    var path = c.Path + ".memberships";
                    var m = at.Object(c.Element, c.Path, "memberships");
                    double Membership(string circle) => at.Number(at.Object(m, path, circle), path + "." + circle, "value");
                    var id = at.String(c.Element, c.Path, "id");
                    return new IkigaiCandidateSummary(at.WholeNumber(c.Element, c.Path, "rank"), id, at.OptionalString(c.Element, c.Path, "label", allowNull: true) ?? id,
                        Membership("love"), Membership("goodAt"), Membership("needs"), Membership("paid"), at.Number(c.Element, c.Path, "ikigai"),
                        at.OptionalString(c.Element, c.Path, "regionName") ?? "", at.OptionalString(c.Element, c.Path, "weakest"), at.OptionalNumber(c.Element, c.Path, "gap"))
                    {
                        Region = at.OptionalArray(c.Element, c.Path, "region") is { } region ? at.Strings(region, c.Path + ".region") : null,
                    };
                })];
                break;
            case "skills" when at.OptionalArray(root, "$", "portfolio") is not null:
                profile.Skills = ReadSkills(root, at, instrumentId);
                break;
            default:
                if (at.OptionalObject(root, "$", "scales") is { } scales && scales.EnumerateObject().Any())
                {
                    others.Add(new ScaleResults(instrumentId, [.. scales.EnumerateObject().Select(s =>
                    {
                        var path = Place.Member("$.scales", s.Name);
                        var scale = at.Object(scales, "$.scales", s.Name);
                        return new ScaleValue(s.Name, at.OptionalNumber(scale, path, "score", allowNull: true), at.OptionalString(scale, path, "missingReason"),
                            at.OptionalWholeNumber(scale, path, "answered") ?? 0, at.OptionalWholeNumber(scale, path, "items") ?? 0, at.OptionalNumber(scale, path, "minAnswered") ?? 0,
                            at.OptionalNumber(scale, path, "mrat"));
                    })]));
                }

                break;
        }
    }

    /// <summary>
    /// Where a results line is read (its number, and its instrument once known), with typed accessors that turn a missing
    /// value, a null where a value is needed or a wrong JSON type into a <see cref="FormatException"/> naming the line and the
    /// JSON path — never the value (a results line may hold a person's words). Members the profile does not use are not read.
    /// </summary>
    private readonly record struct Place(int Line, string? Instrument, string Unit)
    {
        public string Suffix => Instrument is null ? "" : $" ({Instrument})";

        public static string Member(string parent, string name) =>
            name.Length > 0 && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '$') && !char.IsAsciiDigit(name[0])
                ? parent + "." + name
                : parent + "['" + name.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("'", "\\'", StringComparison.Ordinal) + "']";

        public FormatException Error(string path, string problem) =>
            new(string.Create(CultureInfo.InvariantCulture, $"{Unit} {Line}{Suffix}: {path} {problem}."));

        /// <summary>
        /// The member <paramref name="name"/> of the expected kind; null when it is absent and not <paramref name="required"/>,
        /// or when it is null and <paramref name="allowNull"/> (the members results write as null: a missing score, say).
        /// </summary>
        private JsonElement? Find(JsonElement parent, string parentPath, string name, JsonValueKind expected, string what, bool required, bool allowNull = false)
        {
            var path = Member(parentPath, name);
            if (!parent.TryGetProperty(name, out var value))
            {
                return required ? throw Error(path, $"is missing; expected {what}") : null;
            }

            if (value.ValueKind == JsonValueKind.Null)
            {
                return allowNull ? null : throw Error(path, $"is null; expected {what}");
            }

            return value.ValueKind == expected || (expected == JsonValueKind.True && value.ValueKind == JsonValueKind.False)
                ? value
                : throw Error(path, $"should be {what}, found {Describe(value.ValueKind)}");
        }

        public JsonElement Object(JsonElement parent, string path, string name) => Find(parent, path, name, JsonValueKind.Object, "an object", true)!.Value;

        public JsonElement? OptionalObject(JsonElement parent, string path, string name) => Find(parent, path, name, JsonValueKind.Object, "an object", false);

        public JsonElement Array(JsonElement parent, string path, string name) => Find(parent, path, name, JsonValueKind.Array, "an array", true)!.Value;

        public JsonElement? OptionalArray(JsonElement parent, string path, string name) => Find(parent, path, name, JsonValueKind.Array, "an array", false);

        public string String(JsonElement parent, string path, string name) => Text(Find(parent, path, name, JsonValueKind.String, "a string", true)!.Value, Member(path, name));

        public string? OptionalString(JsonElement parent, string path, string name, bool allowNull = false) =>
            Find(parent, path, name, JsonValueKind.String, allowNull ? "a string or null" : "a string", false, allowNull) is { } value ? Text(value, Member(path, name)) : null;

        public double Number(JsonElement parent, string path, string name) => Finite(Find(parent, path, name, JsonValueKind.Number, "a number", true)!.Value, Member(path, name));

        public double? OptionalNumber(JsonElement parent, string path, string name, bool allowNull = false) =>
            Find(parent, path, name, JsonValueKind.Number, allowNull ? "a number or null" : "a number", false, allowNull) is { } value ? Finite(value, Member(path, name)) : null;

        public bool OptionalBoolean(JsonElement parent, string path, string name) =>
            Find(parent, path, name, JsonValueKind.True, "true or false", false)?.ValueKind == JsonValueKind.True;

        public int? OptionalWholeNumber(JsonElement parent, string path, string name) =>
            parent.TryGetProperty(name, out _) ? WholeNumber(parent, path, name) : null;

        public int WholeNumber(JsonElement parent, string path, string name)
        {
            var value = Number(parent, path, name);
            return value == Math.Floor(value) && value is >= int.MinValue and <= int.MaxValue ? (int)value : throw Error(Member(path, name), "should be a whole number");
        }

        /// <summary>The elements of an array that must all be objects, each with its path.</summary>
        public IEnumerable<(JsonElement Element, string Path)> Objects(JsonElement array, string path)
        {
            var i = 0;
            foreach (var item in array.EnumerateArray())
            {
                var itemPath = string.Create(CultureInfo.InvariantCulture, $"{path}[{i++}]");
                yield return item.ValueKind == JsonValueKind.Object ? (item, itemPath) : throw Error(itemPath, $"should be an object, found {Describe(item.ValueKind)}");
            }
        }

        /// <summary>The elements of an array that must all be strings.</summary>
        public List<string> Strings(JsonElement array, string path)
        {
            var result = new List<string>();
            var i = 0;
            foreach (var item in array.EnumerateArray())
            {
                var itemPath = string.Create(CultureInfo.InvariantCulture, $"{path}[{i++}]");
                result.Add(item.ValueKind == JsonValueKind.String ? Text(item, itemPath) : throw Error(itemPath, $"should be a string, found {Describe(item.ValueKind)}"));
            }

            return result;
        }

        private string Text(JsonElement value, string path)
        {
            try
            {
                return value.GetString()!;
            }
            catch (InvalidOperationException)
            {
                throw Error(path, "is not valid text (it escapes half of a surrogate pair)");
            }
        }

        private double Finite(JsonElement value, string path) =>
            value.TryGetDouble(out var d) && double.IsFinite(d) ? d : throw Error(path, "is too large a number");

        private static string Describe(JsonValueKind kind) => kind switch
        {
            JsonValueKind.Object => "an object",
            JsonValueKind.Array => "an array",
            JsonValueKind.String => "a string",
            JsonValueKind.Number => "a number",
            JsonValueKind.True or JsonValueKind.False => "true/false",
            _ => "null",
        };
    }

    /// <summary>A number as the report prints it: invariant culture, at most two decimals.</summary>
    internal static string Format(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);
}
