using Assessments.Definitions;

namespace Assessments.CardSort;

/// <summary>One value card: its id, title (the item's text), description and the O*NET work values it stands for.</summary>
/// <param name="Id">The card id (the item id).</param>
/// <param name="Index">The card's position in the deck.</param>
/// <param name="Title">The card's title.</param>
/// <param name="Description">What the value means, from the person's point of view.</param>
/// <param name="WorkValues">The O*NET work values the card maps to.</param>
public sealed record Card(string Id, int Index, LocalizedText Title, LocalizedText? Description, IReadOnlyList<WorkValue> WorkValues);
