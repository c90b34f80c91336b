using Assessments.Definitions;
using Assessments.Responses;

namespace Assessments.Scoring;

/// <summary>
/// An instrument kind (the JSON <c>kind</c>): a plug-in that validates the kind's own settings section and turns scale
/// scores into the kind's result. The core knows kinds only through this interface and <see cref="InstrumentKindRegistry"/>,
/// so an application can add a kind without changing the library.
/// </summary>
public interface IInstrumentKind
{
    /// <summary>The name used in the definition's <c>kind</c> property, e.g. <c>likert</c>.</summary>
    string Name { get; }

    /// <summary>
    /// Validates the kind-specific part of a definition (the root property named after the kind, see
    /// <see cref="KindCompilationContext.Section"/>) and returns the compiled settings the kind needs to score, or null.
    /// Problems are reported through <see cref="KindCompilationContext.Report"/>, never thrown.
    /// </summary>
    object? Compile(KindCompilationContext context);

    /// <summary>
    /// Builds one person's result. The scale scores are already computed by the core (keys, weights, prorating, norms) in
    /// definition order; <paramref name="response"/> has been validated against the instrument.
    /// </summary>
    InstrumentResult Score(Instrument instrument, Response response, IReadOnlyList<ScaleScore> scales);

    /// <summary>
    /// The names of the kind's summary columns, written after the scale columns by <c>assess score</c>'s CSV output
    /// (for example the Holland code); each result gives the values through <see cref="InstrumentResult.SummaryValues"/>.
    /// </summary>
    IReadOnlyList<string> SummaryColumns(Instrument instrument) => [];
}
