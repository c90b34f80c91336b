namespace Assessments.Data;

/// <summary>
/// A reader of responses files: it reads every data row of its input (from the file's first byte; it skips
/// the header itself), gives every record it cannot take in its own way to the shared <see cref="RecordParser"/>, and
/// writes every row through the shared <see cref="ScoreWriter"/>, in input order. Rows read = scored + rejected.
/// </summary>
internal interface IResponsesReader
{
    /// <summary>"fast" or "general".</summary>
    string Name { get; }

    /// <summary>Reads and scores every data row.</summary>
    ScoreSummary Read(ReadContext context, Stream input);
}

/// <summary>Everything a reader works with, decided once before it starts.</summary>
internal sealed record ReadContext(
    Instrument Instrument,
    string Path,
    ResponsesReadOptions Options,
    CsvHead Head,
    RecordParser Parser,
    ScoreWriter Writer,
    TextWriter Log,
    bool ShowProgress)
{
    public ResponsesLayout Layout => Parser.Layout;

    public char Separator => Parser.Separator;

    public Scoring.ScoringOptions Scoring => new() { MaxDegreeOfParallelism = Options.MaxDegreeOfParallelism };
}
