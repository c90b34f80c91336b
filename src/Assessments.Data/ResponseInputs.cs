using System.Collections.Frozen;
using Assessments.CardSort;
using Assessments.Ikigai;

namespace Assessments.Data;

/// <summary>
/// How one instrument kind's responses come in and are scored, for <see cref="ScoreRun"/>. The shipped ones:
/// <see cref="ResponseInputs.Table"/> (CSV or Excel workbook, one row per person, any survey tool's layout: every item-based
/// kind) and the JSON Lines inputs of card sorts and Ikigai. An app's own kind registers its own
/// (<see cref="ResponseInputs.With"/>).
/// </summary>
public interface IResponseInput
{
    /// <summary>A short name: <c>table</c>, <c>card-sort-lines</c>, <c>ikigai-lines</c>…</summary>
    string Name { get; }

    /// <summary>What the file is, for messages: "a CSV or an Excel workbook", "JSON Lines, one card sort per line"…</summary>
    string Description { get; }

    /// <summary>
    /// Whether the input is a table, so that <see cref="ResponsesReadOptions"/> (separator, id column, layout, mapping files,
    /// answers, bad cells, readers, repeated ids) and matching apply. A run that sets any of them for another input is refused
    /// (<see cref="UnsupportedOptionException"/>), never silently ignored.
    /// </summary>
    bool IsTable { get; }

    /// <summary>The output format when none is asked for: CSV for most, JSON Lines where one row per person cannot hold the result (Ikigai).</summary>
    ScoreFormat DefaultFormat => ScoreFormat.Csv;

    /// <summary>Reads and scores every row of <see cref="ScoreRun.ResponsesPath"/>; rows read = scored + rejected.</summary>
    ScoreSummary Score(ScoreRun run);
}

/// <summary>
/// The registry of response inputs, keyed by instrument kind (<see cref="Instrument.Kind"/>).
/// <see cref="Default"/> maps <c>card-sort</c>, <c>ikigai</c> and <c>skills</c> to their JSON Lines inputs; every other kind, an app's own
/// included, is read as a table of item answers unless it is registered with its own input. Immutable: <see cref="With"/>
/// returns a new registry.
/// </summary>
/// <example>
/// <code>
/// var inputs = ResponseInputs.Default.With("my-kind", new MyKindInput());
/// var summary = new ScoreRun { Instrument = instrument, ResponsesPath = path, Output = output, Inputs = inputs }.Run();
/// </code>
/// </example>
public sealed class ResponseInputs
{
    private readonly FrozenDictionary<string, IResponseInput> _byKind;

    private ResponseInputs(IEnumerable<KeyValuePair<string, IResponseInput>> byKind) =>
        _byKind = byKind.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>The table input: CSV or Excel workbook, item answers as numbers, labels or codes, every survey tool's layout.</summary>
    public static IResponseInput Table { get; } = new TableInput();

    /// <summary>The JSON Lines input of card sorts (<c>{"respondent":…,"piles":{…},"ranks":{…},"choices":[…]}</c>).</summary>
    public static IResponseInput CardSortLines { get; } = new CardSortInput();

    /// <summary>The JSON Lines input of Ikigai exercises (<c>{"respondent":…,"candidates":[…]}</c>).</summary>
    public static IResponseInput IkigaiLines { get; } = new IkigaiInput();

    /// <summary>The JSON Lines input of skills portfolios (<c>{"respondent":…,"experiences":[…],"skills":[…],"stories":[…]}</c>).</summary>
    public static IResponseInput SkillsLines { get; } = new SkillsInput();

    /// <summary>The shipped kinds: <c>card-sort</c>, <c>ikigai</c> and <c>skills</c> in JSON Lines, every other kind as a table.</summary>
    public static ResponseInputs Default { get; } = new([new("card-sort", CardSortLines), new("ikigai", IkigaiLines), new("skills", SkillsLines)]);

    /// <summary>The kinds registered with an input of their own, in ordinal order.</summary>
    public IReadOnlyList<string> Kinds => [.. _byKind.Keys.Order(StringComparer.Ordinal)];

    /// <summary>A registry with <paramref name="kind"/> read through <paramref name="input"/> (replacing any earlier entry).</summary>
    public ResponseInputs With(string kind, IResponseInput input)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(kind);
        ArgumentNullException.ThrowIfNull(input);
        return new ResponseInputs(_byKind.Where(p => p.Key != kind).Append(new(kind, input)));
    }

    /// <summary>The input of the instrument's kind: its registered one, else <see cref="Table"/>.</summary>
    public IResponseInput For(Instrument instrument)
    {
        ArgumentNullException.ThrowIfNull(instrument);
        return _byKind.TryGetValue(instrument.Kind, out var input) ? input : Table;
    }

    /// <summary>Refuses table options on a run whose input is not a table, naming the first one set.</summary>
    internal static void RefuseTableOptions(ScoreRun run, IResponseInput input)
    {
        var defaults = new ResponsesReadOptions();
        var set = new (string Name, bool Set)[]
        {
            ("Separator (--separator)", run.Read.Separator is not null),
            ("IdColumn (--id-column)", run.Read.IdColumn is not null),
            ("Layout (--layout)", run.Read.Layout != defaults.Layout),
            ("Sheet (--sheet)", run.Read.Sheet is not null),
            ("Columns (--columns)", run.Read.Columns is not null),
            ("AnswerCodes (--answer-codes)", run.Read.AnswerCodes is not null),
            ("IgnoreExtraColumns (--extra-columns)", run.Read.IgnoreExtraColumns),
            ("Answers (--answers)", run.Read.Answers != defaults.Answers),
            ("BadCellsAsMissing (--bad-cell)", run.Read.BadCellsAsMissing),
            ("DuplicateIds (--duplicate-ids)", run.Read.DuplicateIds != defaults.DuplicateIds),
            ("Reader (--reader)", run.Read.Reader != defaults.Reader),
            ("Matcher (--match)", run.Matcher is not null),
            ("Mapping (--save-mapping)", run.Mapping is not null),
            ("Collector", run.Collector is not null),
            ("OnResponse", run.OnResponse is not null),
        };
        if (set.FirstOrDefault(s => s.Set) is { Name: { } name })
        {
            throw new UnsupportedOptionException($"{name} does not apply to {run.Instrument.Reference}: its responses are {input.Description}, not a table.");
        }
    }

    private sealed class TableInput : IResponseInput
    {
        public string Name => "table";

        public string Description => "a CSV or an Excel workbook (.xlsx), one row per person";

        public bool IsTable => true;

        public ScoreSummary Score(ScoreRun run) => run.RunTable();
    }

    private sealed class CardSortInput : IResponseInput
    {
        public string Name => "card-sort-lines";

        public string Description => "JSON Lines, one card sort per line";

        public bool IsTable => false;

        public ScoreSummary Score(ScoreRun run)
        {
            ArgumentNullException.ThrowIfNull(run);
            RefuseTableOptions(run, this);
            return Judge(run, CardSortScoreRun.Run(run.Instrument, run.ResponsesPath, run.Output, run.Format, run.Rejects, run.OnResult is { } on ? r => on(r) : null));
        }
    }

    private sealed class IkigaiInput : IResponseInput
    {
        public string Name => "ikigai-lines";

        public string Description => "JSON Lines, one Ikigai exercise per line";

        public bool IsTable => false;

        public ScoreFormat DefaultFormat => ScoreFormat.JsonLines;

        public ScoreSummary Score(ScoreRun run)
        {
            ArgumentNullException.ThrowIfNull(run);
            RefuseTableOptions(run, this);
            return Judge(run, IkigaiScoreRun.Run(run.Instrument, run.ResponsesPath, run.Output, run.Format, run.Rejects, run.OnResult is { } on ? r => on(r) : null));
        }
    }

    private sealed class SkillsInput : IResponseInput
    {
        public string Name => "skills-lines";

        public string Description => "JSON Lines, one skills portfolio per line";

        public bool IsTable => false;

        public ScoreSummary Score(ScoreRun run)
        {
            ArgumentNullException.ThrowIfNull(run);
            RefuseTableOptions(run, this);
            return Judge(run, SkillsScoreRun.Run(run.Instrument, run.ResponsesPath, run.Output, run.Format, run.Rejects, run.OnResult is { } on ? r => on(r) : null));
        }
    }

    private static ScoreSummary Judge(ScoreRun run, ScoreSummary summary) => summary.Read == 0
        ? throw new InputFileException($"{run.ResponsesPath}: the file holds no response (every line is blank); nothing was scored.")
        : summary with { Reader = "json-lines" };
}
