namespace Assessments.Ikigai;

/// <summary>
/// One candidate activity or occupation with the person's rating on each circle (on the circle's format), or a derived
/// membership for a circle filled from other results. Every circle needs exactly one of the two.
/// </summary>
/// <param name="Id">The candidate's id (a free-text activity id or a catalog occupation code); unique in a response.</param>
/// <param name="Label">What the person calls it, if different from the id.</param>
/// <param name="Ratings">Ratings by circle.</param>
/// <param name="Derived">Derived memberships by circle.</param>
public sealed record IkigaiCandidate(string Id, string? Label, IReadOnlyDictionary<IkigaiCircle, int>? Ratings,
    IReadOnlyDictionary<IkigaiCircle, DerivedMembership>? Derived = null);
