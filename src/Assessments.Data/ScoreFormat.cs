namespace Assessments.Data;

/// <summary>The format a <see cref="ScoreRun"/> writes its scores in.</summary>
public enum ScoreFormat
{
    /// <summary>CSV: one row per respondent (per candidate for Ikigai), the input's separator, numbers with a point.</summary>
    Csv,

    /// <summary>JSON Lines: one object per respondent with everything (scores, counts, reasons, norms).</summary>
    JsonLines,
}
