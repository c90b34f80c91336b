using Assessments.Definitions;
using Assessments.Responses;

namespace Assessments.Scoring;

/// <summary>
/// The <c>likert</c> kind: statements rated on an n-point scale, scored per scale (reverse keys, weights, sum or mean,
/// prorating, norms). Its result is the plain <see cref="InstrumentResult"/>; it takes no settings section.
/// </summary>
public sealed class LikertKind : IInstrumentKind
{
    /// <inheritdoc />
    public string Name => "likert";

    /// <inheritdoc />
    public object? Compile(KindCompilationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Section is not null)
        {
            context.Report(context.SectionPath, "The kind 'likert' takes no settings section; remove this property.");
        }

        if (context.Scales.Count == 0)
        {
            context.Report("$.scales", "A likert instrument needs at least one scale.");
        }

        return null;
    }

    /// <inheritdoc />
    public InstrumentResult Score(Instrument instrument, Response response, IReadOnlyList<ScaleScore> scales) =>
        new(instrument, response.RespondentId, scales);
}
