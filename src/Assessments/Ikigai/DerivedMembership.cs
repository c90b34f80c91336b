namespace Assessments.Ikigai;

/// <summary>A circle's membership computed from other results instead of rated by the person, with how it was derived.</summary>
/// <param name="Value">The membership in [0, 1].</param>
/// <param name="Derivation">The derivation in words, with its numbers (shown in the result).</param>
public sealed record DerivedMembership(double Value, string Derivation);
