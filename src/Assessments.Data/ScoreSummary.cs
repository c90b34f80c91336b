namespace Assessments.Data;

/// <summary>What a batch run did: rows read = scored + rejected, always; and which reader read them.</summary>
/// <param name="Read">Data rows read (blank lines are not rows).</param>
/// <param name="Scored">Rows scored and written to the output.</param>
/// <param name="Rejected">Rows written to the rejects with their reasons.</param>
public sealed record ScoreSummary(long Read, long Scored, long Rejected)
{
    /// <summary>"fast" or "general" for a CSV run; "json-lines" for sorts and Ikigai.</summary>
    public string Reader { get; init; } = "general";

    /// <summary>The separator of the CSV the run wrote (that of its input).</summary>
    public char Separator { get; init; } = ',';

    /// <summary>Bad cells read as missing in rows that were scored (<c>--bad-cell missing</c>).</summary>
    public long CellsKeptAsMissing { get; init; }
}
