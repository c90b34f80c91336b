namespace Assessments.Responses;

/// <summary>
/// One person's answers to one instrument, by item id. A null answer (or an absent item) is a missing answer.
/// Answers are validated when scored: an unknown item or an out-of-range answer is reported, never coerced.
/// </summary>
public sealed class Response : IResponse
{
    /// <summary>Creates a response.</summary>
    /// <param name="respondentId">The person's (anonymised) id; carried into the result.</param>
    /// <param name="answers">Answers by item id (ordinal, case-sensitive).</param>
    public Response(string? respondentId, IReadOnlyDictionary<string, int?> answers)
        : this(respondentId, answers, null)
    {
    }

    /// <summary>Creates a response with free-text answers (to items whose definition has <c>freeText</c>).</summary>
    /// <param name="respondentId">The person's (anonymised) id; carried into the result.</param>
    /// <param name="answers">Rated answers by item id (ordinal, case-sensitive).</param>
    /// <param name="texts">Free-text answers by item id, as written (validated for length when scored; never scored).</param>
    public Response(string? respondentId, IReadOnlyDictionary<string, int?> answers, IReadOnlyDictionary<string, string>? texts)
    {
        ArgumentNullException.ThrowIfNull(answers);
        RespondentId = respondentId;
        Answers = answers;
        Texts = texts ?? System.Collections.Frozen.FrozenDictionary<string, string>.Empty;
    }

    /// <summary>The person's id, if any.</summary>
    public string? RespondentId { get; }

    /// <summary>The answers by item id; null means missing.</summary>
    public IReadOnlyDictionary<string, int?> Answers { get; }

    /// <summary>The free-text answers by item id (empty when there are none).</summary>
    public IReadOnlyDictionary<string, string> Texts { get; }
}
