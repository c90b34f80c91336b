namespace Assessments.Ikigai;

/// <summary>One person's Ikigai exercise: the candidates they rated.</summary>
/// <param name="RespondentId">The person's id, if any.</param>
/// <param name="Candidates">The candidates, in the person's order (the ranking does not depend on it).</param>
public sealed record IkigaiResponse(string? RespondentId, IReadOnlyList<IkigaiCandidate> Candidates) : Responses.IResponse;
