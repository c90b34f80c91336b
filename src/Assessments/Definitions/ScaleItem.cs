namespace Assessments.Definitions;

/// <summary>An item as it counts in one scale: forward or reverse keyed, with a weight.</summary>
/// <param name="Item">The item.</param>
/// <param name="Reverse">Whether the answer is recoded as <c>min + max − x</c> before it counts.</param>
/// <param name="Weight">The multiplier of the (recoded) answer; 1 unless the definition says otherwise.</param>
public sealed record ScaleItem(Item Item, bool Reverse, double Weight);
