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
    /// The type of response the kind scores: <see cref="Response"/> (item answers, scored through the scales and
    /// <see cref="Score(Instrument, Response, IReadOnlyList{ScaleScore})"/>) unless the kind takes its own input, such as a
    /// card sort's piles or an Ikigai exercise's candidates; then <see cref="ValidateResponse"/> and
    /// <see cref="ScoreResponse"/> handle it.
    /// </summary>
    Type ResponseType => typeof(Response);

    /// <summary>Every problem of a response of the kind's own <see cref="ResponseType"/> (not item answers); none by default.</summary>
    IReadOnlyList<ResponseProblem> ValidateResponse(Instrument instrument, IResponse response) => [];

    /// <summary>Scores a valid response of the kind's own <see cref="ResponseType"/> (not item answers).</summary>
    /// <exception cref="NotSupportedException">The kind scores item answers only (the default).</exception>
    InstrumentResult ScoreResponse(Instrument instrument, IResponse response) =>
        throw new NotSupportedException($"The kind '{Name}' scores item answers (Response) only.");

    /// <summary>
    /// The names of the kind's summary columns, written after the scale columns by <c>assess score</c>'s CSV output
    /// (for example the Holland code); each result gives the values through <see cref="InstrumentResult.SummaryValues"/>.
    /// </summary>
    IReadOnlyList<string> SummaryColumns(Instrument instrument) => [];
}
