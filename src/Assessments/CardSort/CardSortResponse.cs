namespace Assessments.CardSort;

/// <summary>
/// One person's card sort. Which parts are needed depends on the procedure: <see cref="Piles"/> for piles and Q-sorts,
/// <see cref="Ranks"/> for rankings (and the top of the first pile), <see cref="Choices"/> for paired comparisons.
/// </summary>
public sealed class CardSortResponse : Responses.IResponse
{
    /// <summary>Creates a response.</summary>
    public CardSortResponse(string? respondentId, IReadOnlyDictionary<string, string>? piles = null, IReadOnlyDictionary<string, int>? ranks = null,
        IReadOnlyList<PairedChoice>? choices = null)
    {
        RespondentId = respondentId;
        Piles = piles;
        Ranks = ranks;
        Choices = choices;
    }

    /// <summary>The person's id, if any.</summary>
    public string? RespondentId { get; }

    /// <summary>The pile id of each card.</summary>
    public IReadOnlyDictionary<string, string>? Piles { get; }

    /// <summary>The rank of each ranked card (1 = most important).</summary>
    public IReadOnlyDictionary<string, int>? Ranks { get; }

    /// <summary>The paired comparisons.</summary>
    public IReadOnlyList<PairedChoice>? Choices { get; }
}
