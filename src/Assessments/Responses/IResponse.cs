namespace Assessments.Responses;

/// <summary>
/// One person's input to an instrument, whatever its kind: item answers (<see cref="Response"/>), a card sort
/// (<see cref="CardSort.CardSortResponse"/>), Ikigai candidates (<see cref="Ikigai.IkigaiResponse"/>), or an app's own kind's
/// input. <see cref="Instrument.Score(IResponse)"/> scores any of them: the instrument's kind says which type it takes
/// (<see cref="Scoring.IInstrumentKind.ResponseType"/>).
/// </summary>
public interface IResponse
{
    /// <summary>The person's (anonymised) id, if any; carried into the result.</summary>
    string? RespondentId { get; }
}
