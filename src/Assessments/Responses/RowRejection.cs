namespace Assessments.Responses;

/// <summary>A batch row that was not scored, and why: the row (0-based, in the matrix), the item column, and the reason.</summary>
/// <param name="Row">The 0-based row in the <see cref="ResponseMatrix"/>.</param>
/// <param name="ItemId">The item whose answer is bad.</param>
/// <param name="Reason">What is wrong, in words.</param>
public sealed record RowRejection(int Row, string ItemId, string Reason);
