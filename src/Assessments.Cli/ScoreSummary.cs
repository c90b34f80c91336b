namespace Assessments.Cli;

/// <summary>What a batch run did: rows read = scored + rejected, always; and which reader read them.</summary>
internal sealed record ScoreSummary(long Read, long Scored, long Rejected)
{
    /// <summary>"fast" or "general" for a CSV run; "json-lines" for sorts and Ikigai.</summary>
    public string Reader { get; init; } = "general";
}
