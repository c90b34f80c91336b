using System.Globalization;
using Assessments.Definitions;
using Assessments.Responses;
using Assessments.Scoring;

namespace Assessments.TypeIndicator;

/// <summary>
/// The <c>type-indicator</c> kind: a Jungian four-dichotomy type indicator (not the MBTI®). Each dichotomy is a summed
/// scale of bipolar items; its letter comes from where the sum falls against the midpoint (docs/methods.md §3). Settings:
/// <c>"type-indicator": { "dichotomies": [ { "scale": "EI", "low": "I", "high": "E", "midpoint": 24, "tie": "low" }, … ],
/// "missing": "requireAll", "descriptions": { "ISTJ": { … }, … } }</c>.
/// </summary>
public sealed class TypeIndicatorKind : IInstrumentKind
{
    /// <inheritdoc />
    public string Name => "type-indicator";

    /// <inheritdoc />
    public object? Compile(KindCompilationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Section is null)
        {
            context.Report(context.SectionPath, "The kind 'type-indicator' needs a section \"type-indicator\": { \"dichotomies\": [ { \"scale\": …, \"low\": …, \"high\": … } ] }.");
            return null;
        }

        var dto = context.ReadSection(TypeIndicatorJsonContext.Default.TypeIndicatorSectionDto);
        if (dto is null)
        {
            return null;
        }

        var dichotomies = new List<Dichotomy>();
        var letters = new HashSet<char>();
        if (dto.Dichotomies.Count == 0)
        {
            context.Report(JsonPath.Property(context.SectionPath, "dichotomies"), "Give at least one dichotomy.");
        }

        for (var i = 0; i < dto.Dichotomies.Count; i++)
        {
            if (CompileDichotomy(context, dto.Dichotomies[i], JsonPath.Index(JsonPath.Property(context.SectionPath, "dichotomies"), i), letters) is { } d)
            {
                dichotomies.Add(d);
            }
        }

        var missing = MissingAnswerRule.RequireAll;
        if (dto.Missing is "neutral")
        {
            missing = MissingAnswerRule.Neutral;
        }
        else if (dto.Missing is not (null or "requireAll"))
        {
            context.Report(JsonPath.Property(context.SectionPath, "missing"), $"Unknown missing-answer rule '{dto.Missing}'; use 'requireAll' or 'neutral'.");
        }

        var descriptions = new Dictionary<string, LocalizedText>(StringComparer.Ordinal);
        foreach (var (type, texts) in dto.Descriptions ?? [])
        {
            var path = JsonPath.Property(JsonPath.Property(context.SectionPath, "descriptions"), type);
            if (type.Length != dichotomies.Count || dichotomies.Where((d, k) => type[k] != d.Low && type[k] != d.High).Any())
            {
                context.Report(path, $"'{type}' is not a type of this instrument: it needs one pole letter per dichotomy, in order ({string.Join(" ", dichotomies.Select(d => $"{d.Low}/{d.High}"))}).");
            }
            else if (context.ReadText(texts, path) is { } text)
            {
                descriptions[type] = text;
            }
        }

        return context.HasErrors ? null : new TypeIndicatorSettings(dichotomies, missing, descriptions);
    }

    private static Dichotomy? CompileDichotomy(KindCompilationContext context, DichotomyDto d, string path, HashSet<char> letters)
    {
        var scale = context.Scales.FirstOrDefault(s => string.Equals(s.Id, d.Scale, StringComparison.Ordinal));
        if (scale is null)
        {
            context.Report(JsonPath.Property(path, "scale"), $"The dichotomy refers to scale '{d.Scale}', which is not defined in $.scales.");
            return null;
        }

        if (scale.Aggregate != ScaleAggregate.Sum || !scale.UnitWeights)
        {
            context.Report(JsonPath.Property(path, "scale"), $"The scale '{d.Scale}' of a dichotomy must aggregate as a \"sum\" with weight 1 on every item.");
            return null;
        }

        var ok = true;
        foreach (var (pole, text) in new[] { ("low", d.Low), ("high", d.High) })
        {
            if (text.Length != 1 || text[0] is < 'A' or > 'Z' || text[0] == 'X')
            {
                ok = false;
                context.Report(JsonPath.Property(path, pole), $"The {pole} pole must be one upper-case letter other than X (X marks an undetermined preference); found '{text}'.");
            }
            else if (!letters.Add(text[0]))
            {
                ok = false;
                context.Report(JsonPath.Property(path, pole), $"The letter '{text}' is already used by another pole; every pole needs its own letter.");
            }
        }

        var tie = d.Tie switch
        {
            null or "low" => TieRule.Low,
            "high" => TieRule.High,
            "X" => TieRule.Undetermined,
            _ => (TieRule?)null,
        };
        if (tie is null)
        {
            ok = false;
            context.Report(JsonPath.Property(path, "tie"), $"Unknown tie rule '{d.Tie}'; use 'low', 'high' or 'X'.");
        }

        double min = 0, max = 0;
        foreach (var item in scale.Items)
        {
            min += item.Item.Format!.Min;
            max += item.Item.Format.Max;
        }

        var midpoint = d.Midpoint ?? ((min + max) / 2);
        if (midpoint <= min || midpoint >= max)
        {
            ok = false;
            context.Report(JsonPath.Property(path, "midpoint"), string.Create(CultureInfo.InvariantCulture, $"The midpoint {midpoint} must lie strictly between the scale's lowest ({min}) and highest ({max}) sums."));
        }

        return ok ? new Dichotomy(scale.Id, scale.Index, d.Low[0], d.High[0], midpoint, min, max, tie!.Value) : null;
    }

    /// <inheritdoc />
    public InstrumentResult Score(Instrument instrument, Response response, IReadOnlyList<ScaleScore> scales)
    {
        ArgumentNullException.ThrowIfNull(instrument);
        ArgumentNullException.ThrowIfNull(response);
        ArgumentNullException.ThrowIfNull(scales);
        var settings = (TypeIndicatorSettings)instrument.KindSettings!;
        var results = settings.Dichotomies.Select(d => ScoreDichotomy(instrument, settings, d, response, scales[d.ScaleIndex])).ToList();
        return new TypeIndicatorResult(instrument, response.RespondentId, scales, results, settings);
    }

    /// <inheritdoc />
    public IReadOnlyList<string> SummaryColumns(Instrument instrument)
    {
        ArgumentNullException.ThrowIfNull(instrument);
        var settings = (TypeIndicatorSettings)instrument.KindSettings!;
        return ["type", "temperament", .. settings.Dichotomies.SelectMany(d => new[] { d.ScaleId + "_score", d.ScaleId + "_letter", d.ScaleId + "_clarity" })];
    }

    private static DichotomyResult ScoreDichotomy(Instrument instrument, TypeIndicatorSettings settings, Dichotomy d, Response response, ScaleScore scale)
    {
        var score = scale.RawSum;
        var imputed = 0;
        if (scale.Answered < scale.ItemCount)
        {
            if (settings.Missing == MissingAnswerRule.RequireAll)
            {
                return new DichotomyResult
                {
                    ScaleId = d.ScaleId,
                    Letter = 'X',
                    MissingReason = $"Only {scale.Answered} of {scale.ItemCount} items were answered; this dichotomy needs every item.",
                };
            }

            foreach (var item in instrument.Scales[d.ScaleIndex].Items)
            {
                if (!response.Answers.TryGetValue(item.Item.Id, out var answer) || answer is null)
                {
                    score += item.Item.Format!.Midpoint; // the neutral point is its own reverse: min + max − mid = mid
                    imputed++;
                }
            }
        }

        var clarity = score >= d.Midpoint ? (score - d.Midpoint) / (d.Maximum - d.Midpoint) : (score - d.Midpoint) / (d.Midpoint - d.Minimum);
        var atMidpoint = score == d.Midpoint;
        var letter = score > d.Midpoint ? d.High : score < d.Midpoint ? d.Low : d.Tie switch
        {
            TieRule.Low => d.Low,
            TieRule.High => d.High,
            _ => 'X',
        };
        var magnitude = Math.Abs(clarity);
        return new DichotomyResult
        {
            ScaleId = d.ScaleId,
            Score = score,
            Letter = letter,
            Clarity = clarity,
            Band = magnitude < 0.25 ? ClarityBand.Slight : magnitude < 0.5 ? ClarityBand.Moderate : magnitude < 0.75 ? ClarityBand.Clear : ClarityBand.VeryClear,
            AtMidpoint = atMidpoint,
            Imputed = imputed,
        };
    }
}
