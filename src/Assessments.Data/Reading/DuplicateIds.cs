namespace Assessments.Data;

/// <summary>What a repeated respondent id does (<c>--duplicate-ids</c>).</summary>
public enum DuplicateIds
{
    /// <summary>A row whose id an earlier row already had is rejected (its answers are not scored).</summary>
    Error,

    /// <summary>Every row is scored; stderr says how many rows repeat an id and on which lines (the default).</summary>
    Warn,

    /// <summary>Ids are not compared (a file of several waves per person, say); nothing is kept in memory for them.</summary>
    Allow,
}
