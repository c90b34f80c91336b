namespace Assessments.Responses;

/// <summary>A bad answer in one person's response: which item, and what is wrong with it.</summary>
/// <param name="RespondentId">The person's id, if the response had one.</param>
/// <param name="ItemId">The item (as the response named it).</param>
/// <param name="Message">What is wrong, in words.</param>
public sealed record ResponseProblem(string? RespondentId, string ItemId, string Message)
{
    /// <inheritdoc />
    public override string ToString() => $"{RespondentId ?? "(no id)"} / {ItemId}: {Message}";
}
