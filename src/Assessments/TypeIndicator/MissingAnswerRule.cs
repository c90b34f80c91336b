namespace Assessments.TypeIndicator;

/// <summary>What a missing answer does to a dichotomy (docs/methods.md §3.4; OEJTS itself has no rule).</summary>
public enum MissingAnswerRule
{
    /// <summary>The dichotomy needs every item; with one missing its letter is X and the reason is given. The default.</summary>
    RequireAll,

    /// <summary>
    /// A missing answer counts as the format's neutral point (3 on 1–5), which keeps the midpoint, unlike the person mean
    /// on mixed-polarity items; the dichotomy records how many answers were imputed.
    /// </summary>
    Neutral,
}
