namespace Assessments.Data;

/// <summary>How a responses CSV is read: one record for both readers, so they can never read it differently.</summary>
public sealed record ResponsesReadOptions
{
    /// <summary>The field separator; null detects it from the header and the first rows (<see cref="CsvHead"/>).</summary>
    public char? Separator { get; init; }

    /// <summary>The header name of the respondent id column; null takes the first column.</summary>
    public string? IdColumn { get; init; }

    /// <summary>The survey tool the file comes from (<c>--layout</c>); auto detects it from the head and says what it chose.</summary>
    public SurveyTool Layout { get; init; } = SurveyTool.Auto;

    /// <summary>The sheet of a workbook to read (<c>--sheet</c>); null reads the first.</summary>
    public string? Sheet { get; init; }

    /// <summary>Which item each listed column is (<c>--columns FILE.csv</c>), or null.</summary>
    public ColumnMap? Columns { get; init; }

    /// <summary>Answer codes given by <c>--answer-codes FILE.csv</c>, or null (a LimeSurvey export adds its positional codes).</summary>
    public AnswerCodes? AnswerCodes { get; init; }

    /// <summary>Columns that are not items are skipped instead of refused.</summary>
    public bool IgnoreExtraColumns { get; init; }

    /// <summary>What an answer cell may hold: numbers, labels of the item's format, or both (default).</summary>
    public Responses.AnswerReading Answers { get; init; } = Responses.AnswerReading.Auto;

    /// <summary>A bad answer cell counts as missing (its row is scored and the cell listed in the rejects) instead of rejecting its row.</summary>
    public bool BadCellsAsMissing { get; init; }

    /// <summary>What a repeated respondent id does (default: a warning).</summary>
    public DuplicateIds DuplicateIds { get; init; } = DuplicateIds.Warn;

    /// <summary>Which reader scores the file (default: the fast one where it can).</summary>
    public ReaderChoice Reader { get; init; } = ReaderChoice.Auto;

    /// <summary>Rows per chunk of the general reader.</summary>
    public int ChunkSize { get; init; } = 16_384;

    /// <summary>Threads used at most (0: every core). The output never depends on it.</summary>
    public int MaxDegreeOfParallelism { get; init; }

    /// <summary>
    /// Added to every line and row number the readers report (0). Tests set it near 2³¹ to prove that line and row counters
    /// are 64-bit in both readers without reading a file of two billion lines.
    /// </summary>
    internal long NumberingOffset { get; init; }
}
