namespace Assessments.Responses;

/// <summary>A bad answer in one person's response: which item, and what is wrong with it.</summary>
/// <param name="RespondentId">The person's id, if the response had one.</param>
/// <param name="ItemId">The item (as the response named it).</param>
/// <param name="Reason">What is wrong, in words (the name every problem record uses).</param>
public sealed record ResponseProblem(string? RespondentId, string ItemId, string Reason)
{
    /// <inheritdoc />
    public override string ToString() => $"{RespondentId ?? "(no id)"} / {ItemId}: {Reason}";
}
