using System.Globalization;
using System.Text.Json;
using Assessments.Matching;
using Assessments.Scoring;

namespace Assessments.Reports;

/// <summary>An instrument a profile's results came from, as results cite it.</summary>
public sealed record ResultSource(string InstrumentId, string Version, string Fingerprint, string Kind);

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
    string RegionName, string? Weakest, double? Gap);

/// <summary>The scale scores of an instrument without a kind of its own (a Likert questionnaire).</summary>
public sealed record ScaleResults(string InstrumentId, IReadOnlyList<ScaleValue> Scales);

/// <summary>One scale's reported value (null when too few items were answered, with the reason).</summary>
public sealed record ScaleValue(string ScaleId, double? Value, string? MissingReason);

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
public sealed class CareerProfile
{
    private CareerProfile(string personId)
    {
        PersonId = personId;
    }

    /// <summary>The person's (anonymised) id.</summary>
    public string PersonId { get; }

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
    /// <paramref name="personId"/> every result must carry the same respondent id; with it, the results are taken as one
    /// person's whatever ids they carry (a person may have had another id in each tool).
    /// </summary>
    /// <exception cref="ArgumentException">No result, or results for more than one person when no id is given.</exception>
    public static CareerProfile FromResults(IEnumerable<InstrumentResult> results, string? personId = null)
    {
        ArgumentNullException.ThrowIfNull(results);
        var lines = new List<string>();
        string? person = null;
        foreach (var result in results)
        {
            var id = result.RespondentId ?? "";
            if (personId is null && person is not null && person != id)
            {
                throw new ArgumentException($"The results belong to more than one person ('{person}' and '{id}'); pass the person's id to gather them anyway.", nameof(results));
            }

            person = id;
            var buffer = new System.Buffers.ArrayBufferWriter<byte>();
            using (var writer = new Utf8JsonWriter(buffer))
            {
                result.WriteJson(writer);
            }

            lines.Add(System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan));
        }

        return person is null ? throw new ArgumentException("No result was given.", nameof(results)) : Gather(lines, personId ?? person, anyRespondent: personId is not null);
    }

    /// <summary>Gathers the results of <paramref name="personId"/> from JSON lines (one result per line; other people's lines are skipped).</summary>
    /// <exception cref="FormatException">A line is not a result (the message gives its number).</exception>
    /// <exception cref="ArgumentException">No line belongs to the person.</exception>
    public static CareerProfile FromJsonLines(IEnumerable<string> lines, string personId)
    {
        ArgumentNullException.ThrowIfNull(lines);
        ArgumentNullException.ThrowIfNull(personId);
        return Gather(lines, personId, anyRespondent: false);
    }

    private static CareerProfile Gather(IEnumerable<string> lines, string personId, bool anyRespondent)
    {
        var profile = new CareerProfile(personId);
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
                var root = document.RootElement;
                if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("respondent", out var respondent) || !root.TryGetProperty("instrument", out var instrument))
                {
                    throw new FormatException($"Line {number} is not a result: it needs \"respondent\" and \"instrument\".");
                }

                if (!anyRespondent && respondent.GetString() != personId)
                {
                    continue;
                }

                var instrumentId = instrument.GetString() ?? "";
                var kind = Text(root, "kind") ?? "";
                sources.Add(new ResultSource(instrumentId, Text(root, "version") ?? "", Text(root, "fingerprint") ?? "", kind));
                try
                {
                    Read(profile, root, instrumentId, kind, others);
                }
                catch (Exception ex) when (ex is InvalidOperationException or KeyNotFoundException or FormatException)
                {
                    throw new FormatException($"Line {number} ({instrumentId}): {ex.Message}", ex);
                }

                if (root.TryGetProperty("freeText", out var texts) && texts.ValueKind == JsonValueKind.Object)
                {
                    freeText.AddRange(texts.EnumerateObject().Where(p => p.Value.ValueKind == JsonValueKind.String)
                        .Select(p => new FreeTextAnswer(instrumentId, p.Name, p.Value.GetString()!)));
                }
            }
        }

        if (sources.Count == 0)
        {
            throw new ArgumentException($"No result belongs to '{personId}'.", nameof(personId));
        }

        profile.Sources = sources;
        profile.OtherScales = others;
        profile.FreeText = freeText;
        return profile;
    }

    /// <summary>
    /// A copy of this profile with its occupations ranked against <paramref name="catalog"/>: by interests and work values
    /// together when the profile has both (<see cref="CombinedMatcher"/>, weight <paramref name="interestWeight"/> on
    /// interests), by interests alone (Pearson r) otherwise; none without interests.
    /// </summary>
    public CareerProfile WithOccupations(OccupationCatalog catalog, int top = 10, double interestWeight = 0.5)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        var copy = (CareerProfile)MemberwiseClone();
        copy.Catalog = catalog;
        copy.Occupations = [];
        if (Interests is not { } interests)
        {
            return copy;
        }

        var person = new InterestProfile(interests.Areas, 1, 5);
        if (Values is { WorkValues.Count: 6 } values && catalog.Occupations.Any(o => o.WorkValues is not null))
        {
            copy.Occupations = [.. CombinedMatcher.Match(catalog, person, [.. values.WorkValues.Select(v => v.Value)], top, interestWeight)
                .Select(m => new OccupationSuggestion(m.Rank, m.Occupation.Code, m.Occupation.Title("en"), m.Occupation.JobZone, m.Score,
                    m.Interests.Score, m.Values.Score, interestWeight, m.Occupation.MatchingCode))];
        }
        else
        {
            copy.Occupations = [.. new OccupationMatcher(catalog, new MatchOptions { Top = top }).Match(person)
                .Select(m => new OccupationSuggestion(m.Rank, m.Occupation.Code, m.Occupation.Title("en"), m.Occupation.JobZone, m.Score,
                    m.Score, null, 1, m.OccupationCode))];
        }

        return copy;
    }

    private static void Read(CareerProfile profile, JsonElement root, string instrumentId, string kind, List<ScaleResults> others)
    {
        switch (kind)
        {
            case "interests" when root.TryGetProperty("interests", out var interests) && interests.TryGetProperty("areas", out var areas)
                && areas.ValueKind == JsonValueKind.Object:
                double[] values = [.. "RIASEC".Select(letter => areas.GetProperty(letter.ToString()).GetDouble())];
                profile.Interests = new InterestsSummary(values, Text(interests, "code") ?? "",
                    interests.TryGetProperty("admissibleCodes", out var codes) ? [.. codes.EnumerateArray().Select(c => c.GetString() ?? "")] : [],
                    Text(interests, "consistencyLevel"), Number(interests, "elevation"), values.Max() - values.Min());
                break;
            case "type-indicator" when root.TryGetProperty("typeIndicator", out var type):
                var description = new Dictionary<string, string>(StringComparer.Ordinal);
                if (type.TryGetProperty("description", out var texts) && texts.ValueKind == JsonValueKind.Object)
                {
                    foreach (var t in texts.EnumerateObject())
                    {
                        description[t.Name] = t.Value.GetString() ?? "";
                    }
                }

                profile.Type = new TypeSummary(Text(type, "type") ?? "", [.. type.GetProperty("dichotomies").EnumerateArray().Select(d =>
                    new TypeLetter(Text(d, "scale") ?? "", (Text(d, "letter") ?? "X") is { Length: 1 } l ? l[0] : 'X', Number(d, "clarity"), Text(d, "band"),
                        d.TryGetProperty("atMidpoint", out var mid) && mid.ValueKind == JsonValueKind.True))], description);
                break;
            case "card-sort" when root.TryGetProperty("cardSort", out var sort):
                profile.Values = new ValuesSummary(
                    [.. sort.GetProperty("ordered").EnumerateArray().Select(c => new ValueCard(Text(c, "card") ?? "", Number(c, "rank") ?? 0, Number(c, "score") ?? 0, Text(c, "pile")))],
                    sort.TryGetProperty("top", out var top) ? [.. top.EnumerateArray().Select(t => t.GetString() ?? "")] : [],
                    sort.TryGetProperty("workValues", out var work) && work.ValueKind == JsonValueKind.Object
                        ? [.. work.EnumerateObject().Where(p => p.Value.ValueKind == JsonValueKind.Number).Select(p => new WorkValueScore(p.Name, p.Value.GetDouble()))]
                        : []);
                break;
            case "ikigai" when root.TryGetProperty("ikigai", out var ikigai):
                profile.Ikigai = [.. ikigai.GetProperty("candidates").EnumerateArray().Select(c =>
                {
                    var m = c.GetProperty("memberships");
                    double Membership(string circle) => m.GetProperty(circle).GetProperty("value").GetDouble();
                    return new IkigaiCandidateSummary((int)(Number(c, "rank") ?? 0), Text(c, "id") ?? "", Text(c, "label") ?? Text(c, "id") ?? "",
                        Membership("love"), Membership("goodAt"), Membership("needs"), Membership("paid"), Number(c, "ikigai") ?? 0,
                        Text(c, "regionName") ?? "", Text(c, "weakest"), Number(c, "gap"));
                })];
                break;
            default:
                if (root.TryGetProperty("scales", out var scales) && scales.ValueKind == JsonValueKind.Object && scales.EnumerateObject().Any())
                {
                    others.Add(new ScaleResults(instrumentId, [.. scales.EnumerateObject().Select(s =>
                        new ScaleValue(s.Name, Number(s.Value, "score"), Text(s.Value, "missingReason")))]));
                }

                break;
        }
    }

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static double? Number(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number ? value.GetDouble() : null;

    /// <summary>A number as the report prints it: invariant culture, at most two decimals.</summary>
    internal static string Format(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);
}
