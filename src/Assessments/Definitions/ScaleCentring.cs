namespace Assessments.Definitions;

/// <summary>Whether a scale's reported score is centred on the person's own mean answer.</summary>
public enum ScaleCentring
{
    /// <summary>The score as the scale aggregates it (the default).</summary>
    None,

    /// <summary>
    /// The scale's mean minus the person's mean rating over all the instrument's rated items (MRAT), as Schwartz recommends
    /// for values questionnaires before comparing or correlating values: what is left is how much the person rates this
    /// value above or below their own average (<c>"centring": "mrat"</c>, mean scales only; docs/methods.md §6.8).
    /// </summary>
    Mrat,
}
