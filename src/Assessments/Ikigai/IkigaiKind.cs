using System.Globalization;
using Assessments.Definitions;
using Assessments.Responses;
using Assessments.Scoring;

namespace Assessments.Ikigai;

/// <summary>
/// The <c>ikigai</c> kind: candidates rated on the four circles and combined as fuzzy sets (docs/methods.md §7.2 — a PROJECT
/// model: no published, validated scoring of the four-circle exercise exists). Settings:
/// <c>"ikigai": { "circles": { "love": "&lt;item&gt;", "goodAt": "…", "needs": "…", "paid": "…" }, "tNorm": "min",
/// "alpha": 0.5, "ranking": "ikigai-geomean-min-id" }</c>. Score with <see cref="IkigaiScorer.Score"/>.
/// </summary>
public sealed class IkigaiKind : IInstrumentKind
{
    /// <summary>The circles' JSON names, in <see cref="IkigaiCircle"/> order: love, goodAt, needs, paid.</summary>
    public static IReadOnlyList<string> CircleKeys { get; } = ["love", "goodAt", "needs", "paid"];

    /// <summary>
    /// The α-cut region in words for people, in <paramref name="language"/>: "ikigai", the named overlaps it covers
    /// (passion, mission, profession, vocation) with the circles it misses, or the circles alone. The results line keeps
    /// the English <see cref="IkigaiCandidateResult.RegionName"/>; this is its translation.
    /// </summary>
    /// <exception cref="ArgumentException">The language is not one the project writes.</exception>
    public static string DescribeRegion(IReadOnlyCollection<IkigaiCircle> region, string language)
    {
        ArgumentNullException.ThrowIfNull(region);
        var t = Localization.TextCatalog.For(language);
        if (region.Count == 4)
        {
            return t["ikigai.region.ikigai"];
        }

        if (region.Count == 0)
        {
            return t["ikigai.region.outside"];
        }

        bool Has(IkigaiCircle x) => region.Contains(x);
        var named = new List<string>();
        foreach (var (a, b, name) in new[] { (IkigaiCircle.Love, IkigaiCircle.GoodAt, "passion"), (IkigaiCircle.Love, IkigaiCircle.Needs, "mission"),
            (IkigaiCircle.GoodAt, IkigaiCircle.Paid, "profession"), (IkigaiCircle.Needs, IkigaiCircle.Paid, "vocation") })
        {
            if (Has(a) && Has(b))
            {
                named.Add(t["ikigai.region." + name]);
            }
        }

        string Short(IkigaiCircle c) => t["ikigai.circleShort." + CircleKeys[(int)c]];
        var missing = string.Join(", ", Enum.GetValues<IkigaiCircle>().Where(x => !Has(x)).Select(Short));
        return named.Count > 0
            ? t.Format("ikigai.region.named", string.Join(" + ", named), missing)
            : t.Format("ikigai.region.only", string.Join(" + ", Enum.GetValues<IkigaiCircle>().Where(Has).Select(Short)), missing);
    }

    /// <inheritdoc />
    public string Name => "ikigai";

    /// <inheritdoc />
    public object? Compile(KindCompilationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Section is null)
        {
            context.Report(context.SectionPath, "The kind 'ikigai' needs a section \"ikigai\": { \"circles\": { \"love\": …, \"goodAt\": …, \"needs\": …, \"paid\": … } }.");
            return null;
        }

        var dto = context.ReadSection(IkigaiJsonContext.Default.IkigaiSectionDto);
        if (dto is null)
        {
            return null;
        }

        var circles = new List<Item>();
        var circlesPath = JsonPath.Property(context.SectionPath, "circles");
        foreach (var key in CircleKeys)
        {
            var path = JsonPath.Property(circlesPath, key);
            if (!dto.Circles.TryGetValue(key, out var itemId))
            {
                context.Report(circlesPath, $"The circle '{key}' has no question; map love, goodAt, needs and paid to items.");
            }
            else if (context.Items.FirstOrDefault(i => i.Id == itemId) is not { } item)
            {
                context.Report(path, $"The circle '{key}' refers to item '{itemId}', which is not defined in $.items.");
            }
            else if (item.Format is null)
            {
                context.Report(path, $"The item '{itemId}' of circle '{key}' needs a rating format.");
            }
            else
            {
                circles.Add(item);
            }
        }

        foreach (var key in dto.Circles.Keys.Where(k => !CircleKeys.Contains(k, StringComparer.Ordinal)))
        {
            context.Report(JsonPath.Property(circlesPath, key), $"'{key}' is not a circle; use love, goodAt, needs and paid.");
        }

        var tNorm = dto.TNorm switch
        {
            null or "min" => TNorm.Minimum,
            "product" => TNorm.Product,
            "lukasiewicz" => TNorm.Lukasiewicz,
            _ => (TNorm?)null,
        };
        if (tNorm is null)
        {
            context.Report(JsonPath.Property(context.SectionPath, "tNorm"), $"Unknown t-norm '{dto.TNorm}'; use 'min', 'product' or 'lukasiewicz'.");
        }

        var alpha = dto.Alpha ?? 0.5;
        if (alpha is <= 0 or > 1)
        {
            context.Report(JsonPath.Property(context.SectionPath, "alpha"), string.Create(CultureInfo.InvariantCulture, $"alpha must be greater than 0 and at most 1 (found {alpha})."));
        }

        if (dto.Ranking is not (null or "ikigai-geomean-min-id"))
        {
            context.Report(JsonPath.Property(context.SectionPath, "ranking"), $"Unknown ranking '{dto.Ranking}'; the one rule is 'ikigai-geomean-min-id' (ikigai score, then geometric mean, then minimum membership, then id).");
        }

        return context.HasErrors ? null : new IkigaiSettings(circles, tNorm!.Value, alpha);
    }

    /// <summary>An Ikigai exercise rates candidates, not items: <see cref="Instrument.Score(IResponse)"/> takes an <see cref="IkigaiResponse"/>.</summary>
    /// <exception cref="InvalidOperationException">Always.</exception>
    public InstrumentResult Score(Instrument instrument, Response response, IReadOnlyList<ScaleScore> scales) =>
        throw new InvalidOperationException($"The Ikigai exercise '{instrument?.Reference}' rates candidates: pass an IkigaiResponse to Instrument.Score.");

    /// <summary>An Ikigai exercise takes an <see cref="IkigaiResponse"/>.</summary>
    public Type ResponseType => typeof(IkigaiResponse);

    /// <inheritdoc cref="IkigaiScorer.Validate"/>
    public IReadOnlyList<ResponseProblem> ValidateResponse(Instrument instrument, IResponse response) =>
        IkigaiScorer.Validate(instrument, (IkigaiResponse)response);

    /// <inheritdoc cref="IkigaiScorer.Score"/>
    public InstrumentResult ScoreResponse(Instrument instrument, IResponse response) =>
        IkigaiScorer.Score(instrument, (IkigaiResponse)response);
}
