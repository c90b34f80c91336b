namespace Assessments.Psychometrics;

/// <summary>An item left out of its scale's statistics because the sample gives it no variance (see <see cref="DroppedItemReason"/>).</summary>
/// <param name="ItemId">The item's id in the instrument definition.</param>
/// <param name="Reason">Why it was left out.</param>
public sealed record DroppedItem(string ItemId, DroppedItemReason Reason);
