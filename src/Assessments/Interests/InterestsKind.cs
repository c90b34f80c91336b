using Assessments.Definitions;
using Assessments.Responses;
using Assessments.Scoring;

namespace Assessments.Interests;

/// <summary>
/// The <c>interests</c> kind: a RIASEC (Holland) interest inventory. Its settings map each area to a scale
/// (<c>"interests": { "areas": { "R": "R", … } }</c>); its result adds the Holland code with its admissible tie orderings,
/// consistency, differentiation (DI1–DI7), elevation and Prediger's Data/Ideas and People/Things coordinates.
/// </summary>
public sealed class InterestsKind : IInstrumentKind
{
    /// <inheritdoc />
    public string Name => "interests";

    /// <inheritdoc />
    public object? Compile(KindCompilationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Section is null)
        {
            context.Report(context.SectionPath, "The kind 'interests' needs a section \"interests\": { \"areas\": { \"R\": \"<scale id>\", … } } naming the scale of each RIASEC area.");
            return null;
        }

        var dto = context.ReadSection(InterestsJsonContext.Default.InterestsSettingsDto);
        if (dto is null)
        {
            return null;
        }

        var areasPath = JsonPath.Property(context.SectionPath, "areas");
        var scaleIndexes = new int[6];
        var ok = true;
        foreach (var letter in Holland.Letters)
        {
            var key = letter.ToString();
            if (!dto.Areas.TryGetValue(key, out var scaleId))
            {
                ok = false;
                context.Report(areasPath, $"The area '{key}' has no scale; map all six areas R, I, A, S, E, C.");
                continue;
            }

            var scale = context.Scales.FirstOrDefault(s => string.Equals(s.Id, scaleId, StringComparison.Ordinal));
            if (scale is null)
            {
                ok = false;
                context.Report(JsonPath.Property(areasPath, key), $"The area '{key}' refers to scale '{scaleId}', which is not defined in $.scales.");
                continue;
            }

            scaleIndexes[Holland.Position(letter)] = scale.Index;
        }

        foreach (var key in dto.Areas.Keys.Where(k => k.Length != 1 || !Holland.Letters.Contains(k[0], StringComparison.Ordinal)))
        {
            ok = false;
            context.Report(JsonPath.Property(areasPath, key), $"'{key}' is not a RIASEC area; use R, I, A, S, E and C.");
        }

        return ok ? new InterestsSettings(scaleIndexes) : null;
    }

    /// <inheritdoc />
    public InstrumentResult Score(Instrument instrument, Response response, IReadOnlyList<ScaleScore> scales)
    {
        ArgumentNullException.ThrowIfNull(instrument);
        ArgumentNullException.ThrowIfNull(response);
        ArgumentNullException.ThrowIfNull(scales);
        var settings = (InterestsSettings)instrument.KindSettings!;
        var areas = new double[6];
        var missing = new List<char>();
        for (var a = 0; a < 6; a++)
        {
            if (scales[settings.ScaleIndexes[a]].Value is { } v)
            {
                areas[a] = v;
            }
            else
            {
                missing.Add(Holland.Letters[a]);
            }
        }

        return new InterestsResult(instrument, response.RespondentId, scales, missing.Count == 0 ? areas : null, missing);
    }

    /// <inheritdoc />
    public IReadOnlyList<string> SummaryColumns(Instrument instrument) => InterestsResult.SummaryColumnNames;
}

/// <summary>
/// An interests instrument's settings (<see cref="Instrument.KindSettings"/>): which scale measures each RIASEC area. An app
/// that matches profiles itself (as the CLI's <c>--match</c> does) finds the six areas' scales here.
/// </summary>
public sealed class InterestsSettings
{
    internal InterestsSettings(int[] scaleIndexes) => ScaleIndexes = scaleIndexes;

    /// <summary>The index in <see cref="Instrument.Scales"/> of each area's scale, in the order R, I, A, S, E, C.</summary>
    public IReadOnlyList<int> ScaleIndexes { get; }
}
