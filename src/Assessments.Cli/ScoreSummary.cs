namespace Assessments.Cli;

/// <summary>What a batch run did: rows read = scored + rejected, always.</summary>
internal sealed record ScoreSummary(long Read, long Scored, long Rejected);
