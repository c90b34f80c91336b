using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;

namespace Assessments.Cli;

/// <summary>
/// Every option of <c>assess</c> that more than one command takes, defined once with its range and its message, and the
/// factories that parse and check option values. A bad value is a parse error (exit 2, one line), never a crash: values are
/// parsed here, with the invariant culture, instead of by System.CommandLine's converters, so that every message has the
/// same shape (<c>--top must be a whole number from 1 to 2000; found '0'.</c>).
/// </summary>
internal static class CliOptions
{
    /// <summary>The largest <c>--top</c>: every occupation of O*NET (1,016) and ROME 4.0 (1,584) fits.</summary>
    public const int MaxTop = 2_000;

    /// <summary>The largest <c>--threads</c>: more threads than this only add memory (each holds a 512 KiB block).</summary>
    public const int MaxThreads = 256;

    public static Option<string> Instrument(string description = "An instrument definition file, or the id of a shipped instrument (career-readiness, ikigai, interests-riasec, type-indicator, values-cards).") =>
        Text("--instrument", description, required: true, helpName: "FILE|ID");

    public static Option<string> Responses(string description) => Text("--responses", description, required: true, helpName: "FILE");

    public static Option<string?> Out(string description = "Where to write the output (default: standard output; '-' also means standard output).") =>
        OptionalText("--out", description, "FILE");

    public static Option<string?> IdColumn() =>
        OptionalText("--id-column", "The name of the column that holds the respondent's id (default: the first column).", "NAME");

    public static Option<string?> JobZonesFrom() =>
        OptionalText("--job-zones-from", "An O*NET database folder to take Job Zones from, when the catalog's folder has none.", "DIR");

    public static Option<int> Top(int fallback) =>
        Whole("--top", "How many occupations to list per person.", 1, MaxTop, fallback);

    public static Option<string> Language() =>
        Choice("--lang", "The language of the text meant for people.", "en", [.. Assessments.Localization.TextCatalog.Languages]);

    public static Option<string> ExtraColumns() =>
        Choice("--extra-columns", "What a column that is not an item does: stop the run with an error, or be skipped.", "error", "error", "ignore");

    public static Option<string> Answers() =>
        Choice("--answers", "What answer cells hold: numbers, labels of the item's format (in any language of the instrument, also as '4 - D'accord'), or either (auto: numbers stay numbers, other text is looked up).", "auto", "auto", "numbers", "labels");

    public static Option<string> BadCell() =>
        Choice("--bad-cell", "What a bad answer cell does: reject its row (reject-row), or count as missing, the row scored under the scales' minAnswered rules and the cell listed in the rejects (missing).", "reject-row", "reject-row", "missing");

    /// <summary>The options that say how a survey tool's export is read: <c>--layout</c>, <c>--columns</c>, <c>--answer-codes</c>.</summary>
    public sealed class Survey
    {
        public Option<string> Layout { get; } = Choice("--layout", "The tool the file comes from: its header rows, id column and metadata columns (auto: detected from the head, and said on stderr).", "auto", "auto", "plain", "google-forms", "qualtrics", "limesurvey");

        public Option<string?> Columns { get; } = OptionalText("--columns", "A CSV mapping columns to items (column,item; an empty item skips the column), for headers that name no item.", "FILE");

        public Option<string?> AnswerCodes { get; } = OptionalText("--answer-codes", "A CSV of answer codes (format,code,value), for cells that hold codes such as A1…A5.", "FILE");

        public IEnumerable<Option> All => [Layout, Columns, AnswerCodes];

        /// <summary>The read options with these options applied (the mapping files are read and checked here).</summary>
        public ResponsesReadOptions Apply(ParseResult parse, ResponsesReadOptions read, Instrument instrument) => read with
        {
            Layout = SurveyTools.Parse(parse.GetValue(Layout)!),
            Columns = parse.GetValue(Columns) is { } columns ? Assessments.Data.ColumnMap.Load(columns) : null,
            AnswerCodes = parse.GetValue(AnswerCodes) is { } codes ? Assessments.Data.AnswerCodes.Load(codes, instrument) : null,
        };
    }

    public static Option<char?> Separator() => new("--separator")
    {
        Description = "The CSV field separator: , ; | : tab (or \\t) or space. Default: detected from the header and the first rows.",
        HelpName = "CHAR",
        CustomParser = ParseSeparator,
    };

    /// <summary>A text option whose value may not be empty (an empty path or id is always a mistake).</summary>
    public static Option<string> Text(string name, string description, bool required = false, string? helpName = null) => new(name)
    {
        Description = description,
        Required = required,
        HelpName = helpName ?? HelpNameOf(name),
        CustomParser = r => NonEmpty(r, name),
    };

    /// <summary>As <see cref="Text"/>, for an option that may be left out.</summary>
    public static Option<string?> OptionalText(string name, string description, string? helpName = null) => new(name)
    {
        Description = description,
        HelpName = helpName ?? HelpNameOf(name),
        CustomParser = r => NonEmpty(r, name),
    };

    /// <summary>One value among <paramref name="allowed"/>, compared ordinally.</summary>
    public static Option<string> Choice(string name, string description, string fallback, params string[] allowed)
    {
        var option = new Option<string>(name)
        {
            Description = description,
            HelpName = string.Join('|', allowed),
            DefaultValueFactory = _ => fallback,
            CustomParser = r =>
            {
                var value = Single(r);
                if (!allowed.Contains(value, StringComparer.Ordinal))
                {
                    r.AddError($"{name} must be one of {string.Join(", ", allowed)}; found '{value}'.");
                }

                return value;
            },
        };
        option.CompletionSources.Add(allowed);
        return option;
    }

    /// <summary>A whole number from <paramref name="min"/> to <paramref name="max"/>.</summary>
    public static Option<int> Whole(string name, string description, int min, int max, int fallback) => new(name)
    {
        Description = description,
        HelpName = "N",
        DefaultValueFactory = _ => fallback,
        CustomParser = r => ParseWhole(r, name, min, max),
    };

    /// <summary>As <see cref="Whole"/>, for an option that may be left out.</summary>
    public static Option<int?> OptionalWhole(string name, string description, int min, int max) => new(name)
    {
        Description = description,
        HelpName = "N",
        CustomParser = r => ParseWhole(r, name, min, max),
    };

    /// <summary>A finite number from <paramref name="min"/> to <paramref name="max"/> (invariant culture: 0.5, not 0,5).</summary>
    public static Option<double> Number(string name, string description, double min, double max, double fallback) => new(name)
    {
        Description = description,
        HelpName = "X",
        DefaultValueFactory = _ => fallback,
        CustomParser = r =>
        {
            var text = Single(r);
            if (!TryNumber(text, out var value) || value < min || value > max)
            {
                r.AddError(string.Create(CultureInfo.InvariantCulture, $"{name} must be a number from {min} to {max}; found '{text}'."));
            }

            return value;
        },
    };

    /// <summary>A finite number written with a point (0.5); NaN and infinities are refused.</summary>
    public static bool TryNumber(string text, out double value) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value) && double.IsFinite(value);

    /// <summary>The one value of an option; an option given twice is an error (System.CommandLine would take the last).</summary>
    private static string Single(ArgumentResult r)
    {
        if (r.Parent is OptionResult { IdentifierTokenCount: > 1 } option)
        {
            r.AddError($"The option {option.Option.Name} is given twice.");
        }

        return r.Tokens.Count > 0 ? r.Tokens[^1].Value : "";
    }

    private static string NonEmpty(ArgumentResult r, string name)
    {
        var value = Single(r);
        if (string.IsNullOrWhiteSpace(value))
        {
            r.AddError($"{name} needs a value; found an empty one.");
        }

        return value;
    }

    private static int ParseWhole(ArgumentResult r, string name, int min, int max)
    {
        var text = Single(r);
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max)
        {
            return value;
        }

        r.AddError(string.Create(CultureInfo.InvariantCulture, $"{name} must be a whole number from {min} to {max}; found '{Shown(text)}'."));
        return min;
    }

    private static char? ParseSeparator(ArgumentResult r)
    {
        var text = Single(r);
        var separator = text switch
        {
            "tab" or "\\t" or "\t" => '\t',
            "space" => ' ',
            _ when text.Length == 1 => text[0],
            _ => '\0',
        };
        if (separator is not (',' or ';' or '|' or ':' or '\t' or ' '))
        {
            // A digit, a sign or a point would be part of an answer; a quote or a line end is CSV syntax itself; a letter or
            // a non-ASCII character is almost always a mistake (and the byte-level reader takes a one-byte separator).
            r.AddError($"--separator must be one of , ; | : tab (or \\t) or space; found '{Shown(text)}'.");
            return null;
        }

        return separator;
    }

    /// <summary>An option value as an error message shows it: control characters and very long values are not echoed.</summary>
    private static string Shown(string text) =>
        text.Length > 40 ? text[..40] + "…" : text.Any(char.IsControl) ? string.Concat(text.Select(c => char.IsControl(c) ? '?' : c)) : text;

    private static string HelpNameOf(string name) => name.TrimStart('-').ToUpperInvariant().Replace('-', '_');
}
