using System.Text.Json;
using System.Text.Json.Serialization;
using Assessments.Definitions;
using Assessments.Responses;
using Assessments.Scoring;

namespace Assessments.Tests;

/// <summary>
/// A kind defined outside the library, as an application would: it reads a strict settings section
/// (<c>"pass-fail": { "scale": "s", "threshold": 3.5 }</c>) and reports pass or fail on one scale.
/// </summary>
public sealed class PassFailKind : IInstrumentKind
{
    public string Name => "pass-fail";

    public object? Compile(KindCompilationContext context)
    {
        if (context.Section is null)
        {
            context.Report(context.SectionPath, "The kind 'pass-fail' needs a settings section.");
            return null;
        }

        var settings = context.ReadSection(PassFailJsonContext.Default.PassFailSettings);
        if (settings is not null && !context.Scales.Any(s => s.Id == settings.Scale))
        {
            context.Report(context.SectionPath + ".scale", $"No scale '{settings.Scale}'.");
        }

        return settings;
    }

    public InstrumentResult Score(Instrument instrument, Response response, IReadOnlyList<ScaleScore> scales)
    {
        var settings = (PassFailSettings)instrument.KindSettings!;
        var value = scales.Single(s => s.ScaleId == settings.Scale).Value;
        return new PassFailResult(instrument, response.RespondentId, scales, value >= settings.Threshold);
    }
}

public sealed class PassFailSettings
{
    public required string Scale { get; set; }

    public required double Threshold { get; set; }
}

public sealed class PassFailResult(Instrument instrument, string? respondentId, IReadOnlyList<ScaleScore> scales, bool passed)
    : InstrumentResult(instrument, respondentId, scales)
{
    public bool Passed { get; } = passed;

    protected override void WriteKindJson(Utf8JsonWriter writer) => writer.WriteBoolean("passed", Passed);
}

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(PassFailSettings))]
internal sealed partial class PassFailJsonContext : JsonSerializerContext;
