namespace Assessments.Definitions;

/// <summary>How a scale reports its score.</summary>
public enum ScaleAggregate
{
    /// <summary>The (weighted) mean of the answered items, in the answer metric. psych's <c>scoreItems</c> default.</summary>
    Mean,

    /// <summary>The (weighted) sum, prorated to all items when some are missing: <c>sum × total weight / answered weight</c>.</summary>
    Sum,
}
