using System.CommandLine;
using System.Globalization;
using System.Text;
using Assessments.Localization;
using Assessments.Psychometrics;
using Assessments.Responses;

namespace Assessments.Cli;

/// <summary>
/// <c>assess quality</c>: screening for careless and insufficient-effort responding (docs/quality.md). Reads the responses
/// as <c>assess score</c> does (bad rows to <c>--rejects</c> with their reasons), fits a <see cref="QualityScreen"/> on the
/// valid rows, and writes one CSV row per respondent, in input order: the indices, their counts, and one column per
/// <c>--flags</c> threshold. A summary (pairs found, complete cases, how often each flag was raised) goes to stderr; no
/// answer and no id ever does.
/// </summary>
internal static class QualityCommand
{
    /// <summary>Rows evaluated and written per block: the indices of a block are computed on every core, then written in order.</summary>
    private const int Block = 65_536;

    public static Command Create(CliStreams io)
    {
        var instrument = CliOptions.Instrument();
        var responses = CliOptions.Responses("The responses: a CSV or an Excel workbook (.xlsx), read as for `assess score`.");
        var output = CliOptions.Out("Where to write one row per respondent (default: standard output; '-' also means standard output).");
        var rejects = CliOptions.OptionalText("--rejects", "Where to write the rejected rows and bad cells (row, line, respondent, column, reason, status).", "FILE");
        var flags = CliOptions.OptionalText("--flags", "Thresholds that flag a respondent, comma-separated: index op value, e.g. longstring>=10,irv<0.5,mahalanobis-p<0.001 (indices: longstring, longstring-avg, irv, evenodd, synonyms, antonyms, mahalanobis, mahalanobis-p).", "LIST");
        var threshold = CliOptions.Number("--pair-threshold", "Item pairs correlating above this are psychometric synonyms, below its negative antonyms.", 0.01, 0.99, 0.60);
        var language = CliOptions.Language();
        var idColumn = CliOptions.IdColumn();
        var separator = CliOptions.Separator();
        var answers = CliOptions.Answers();
        var extra = CliOptions.ExtraColumns();
        var badCell = CliOptions.BadCell();
        var survey = new CliOptions.Survey();
        var sheet = CliOptions.OptionalText("--sheet", "The sheet of an Excel workbook to read (default: the first).", "NAME");
        var command = new Command("quality", "Careless-responding screen: per respondent longstring, IRV, even-odd, psychometric synonyms and antonyms, Mahalanobis D² with its p, and your flags.")
        {
            instrument, responses, output, rejects, flags, threshold, language, idColumn, extra, separator, answers, badCell, survey.Layout, survey.Columns, survey.AnswerCodes, sheet,
        };
        command.SetAction(parse =>
        {
            var responsesPath = parse.GetValue(responses)!;
            var outPath = parse.GetValue(output);
            var rejectsPath = parse.GetValue(rejects);
            var instrumentPath = parse.GetValue(instrument)!;
            var thresholds = Flags(parse.GetValue(flags));
            OutputFile.CheckDistinct(
                [("--instrument", instrumentPath), ("--responses", responsesPath), ("--columns", parse.GetValue(survey.Columns)), ("--answer-codes", parse.GetValue(survey.AnswerCodes))],
                [("--out", outPath), ("--rejects", rejectsPath)]);
            var definition = AssessCli.LoadInstrument(instrumentPath);
            if (!ResponseInputs.Default.For(definition).IsTable || definition.Items.All(i => i.Format is null))
            {
                throw new UsageException($"{definition.Reference} has no items with a response format to screen (assess quality reads answers to rated items).");
            }

            var items = definition.Items.Count(i => i.Format is not null);
            if (items > Reliability.MaxItems)
            {
                throw new InputFileException(string.Create(CultureInfo.InvariantCulture,
                    $"'{definition.Reference}': {items:N0} items; assess quality handles at most {Reliability.MaxItems:N0} (the covariance of D² grows with the square of the item count)."));
            }

            ScoreCommand.RequireFile(responsesPath);
            ScoreCommand.RefuseTableMismatch(parse, responsesPath, sheet, separator);
            var read = survey.Apply(parse, new ResponsesReadOptions
            {
                Separator = parse.GetValue(separator),
                Sheet = parse.GetValue(sheet),
                IdColumn = parse.GetValue(idColumn),
                IgnoreExtraColumns = parse.GetValue(extra) == "ignore",
                Answers = Enum.Parse<AnswerReading>(parse.GetValue(answers)!, ignoreCase: true),
                BadCellsAsMissing = parse.GetValue(badCell) == "missing",
            }, definition);
            var text = TextCatalog.For(parse.GetValue(language)!);
            using var scores = OutputFile.Open(outPath, io.Out);
            using var rejected = rejectsPath is null ? null : OutputFile.Open(rejectsPath, io.Out);
            var rows = new ResponseCollector(definition.Items.Count) { KeepIds = true };
            var summary = new ScoreRun
            {
                Instrument = definition,
                ResponsesPath = responsesPath,
                Log = io.Error,
                Read = read,
                Rejects = rejected?.Writer,
                Collector = rows,
            }.Run();
            var matrix = rows.ToMatrix();
            var screen = QualityScreen.Fit(definition, matrix, new QualityOptions { PairThreshold = parse.GetValue(threshold) });
            var raised = Write(scores.Writer, screen, matrix, rows.Ids, thresholds);
            OutputFile.CommitAll(scores, rejected);
            io.Error.WriteLine(ScoreCommand.Summary(definition, summary, rejectsPath is not null));
            io.Error.WriteLine(Describe(text, screen, matrix.RowCount, thresholds, raised));
            return summary.Rejected > 0 ? ExitCodes.SomeRejected : ExitCodes.Success;
        });
        return command;
    }

    /// <summary>The <c>--flags</c> list, each checked (a usage error names the bad one); the same flag twice is refused.</summary>
    internal static IReadOnlyList<QualityFlag> Flags(string? list)
    {
        if (string.IsNullOrWhiteSpace(list))
        {
            return [];
        }

        var flags = new List<QualityFlag>();
        foreach (var part in list.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            QualityFlag flag;
            try
            {
                flag = QualityFlag.Parse(part);
            }
            catch (FormatException ex)
            {
                throw new UsageException($"--flags: {ex.Message}");
            }

            if (flags.Any(f => f.Name == flag.Name))
            {
                throw new UsageException($"--flags: '{flag.Name}' is given twice.");
            }

            flags.Add(flag);
        }

        return flags;
    }

    /// <summary>The header, then one line per row in order; returns per flag how many rows raised it and how many could not be judged.</summary>
    private static (int Raised, int Undefined)[] Write(TextWriter output, QualityScreen screen, ResponseMatrix matrix, IReadOnlyList<string> ids, IReadOnlyList<QualityFlag> flags)
    {
        var header = new StringBuilder("respondent,answered,longstring,longstring_avg,irv,evenodd,evenodd_r,evenodd_scales,synonyms,synonym_pairs,antonyms,antonym_pairs,mahalanobis,mahalanobis_p");
        foreach (var flag in flags)
        {
            header.Append(',').Append(Data.CsvText.Escape("flag:" + flag.Name, ','));
        }

        if (flags.Count > 0)
        {
            header.Append(",flags");
        }

        output.WriteLine(header.ToString());
        var counts = new (int Raised, int Undefined)[flags.Count];
        var block = new QualityIndices[Math.Min(Block, Math.Max(1, matrix.RowCount))];
        const int Part = 4096; // rows formatted together on one core
        var parts = new string[(block.Length + Part - 1) / Part];
        var gate = new Lock();
        for (var start = 0; start < matrix.RowCount; start += block.Length)
        {
            var length = Math.Min(block.Length, matrix.RowCount - start);
            var slice = length == block.Length ? block : new QualityIndices[length];
            screen.Evaluate(matrix, start, slice);
            var first = start;
            var used = (length + Part - 1) / Part;
            Parallel.For(0, used, p =>
            {
                var local = new (int Raised, int Undefined)[flags.Count];
                var text = new StringBuilder();
                for (var i = p * Part; i < Math.Min(length, (p + 1) * Part); i++)
                {
                    Line(text, ids[first + i], slice[i], flags, local, output.NewLine);
                }

                parts[p] = text.ToString();
                lock (gate)
                {
                    for (var f = 0; f < flags.Count; f++)
                    {
                        counts[f].Raised += local[f].Raised;
                        counts[f].Undefined += local[f].Undefined;
                    }
                }
            });
            for (var p = 0; p < used; p++)
            {
                output.Write(parts[p]);
            }
        }

        return counts;
    }

    /// <summary>One respondent's output line, with its newline; counts the flags it raised or could not judge.</summary>
    private static void Line(StringBuilder line, string id, in QualityIndices q, IReadOnlyList<QualityFlag> flags, (int Raised, int Undefined)[] counts, string newLine)
    {
        line.Append(Data.CsvText.Escape(id, ',')).Append(',')
            .Append(q.Answered.ToString(CultureInfo.InvariantCulture)).Append(',')
            .Append(q.Answered == 0 ? "" : q.Longstring.ToString(CultureInfo.InvariantCulture)).Append(',')
            .Append(Data.CsvText.Number(q.LongstringAverage)).Append(',')
            .Append(Data.CsvText.Number(q.Irv)).Append(',')
            .Append(Data.CsvText.Number(q.EvenOdd)).Append(',')
            .Append(Data.CsvText.Number(q.EvenOddCorrelation)).Append(',')
            .Append(q.EvenOddScales.ToString(CultureInfo.InvariantCulture)).Append(',')
            .Append(Data.CsvText.Number(q.Synonyms)).Append(',')
            .Append(q.SynonymPairs.ToString(CultureInfo.InvariantCulture)).Append(',')
            .Append(Data.CsvText.Number(q.Antonyms)).Append(',')
            .Append(q.AntonymPairs.ToString(CultureInfo.InvariantCulture)).Append(',')
            .Append(Data.CsvText.Number(q.Mahalanobis)).Append(',')
            .Append(Data.CsvText.Number(q.MahalanobisP));
        var raised = 0;
        for (var f = 0; f < flags.Count; f++)
        {
            var flag = flags[f].IsRaised(q);
            line.Append(',').Append(flag switch { true => "1", false => "0", null => "" });
            if (flag is true)
            {
                raised++;
                counts[f].Raised++;
            }
            else if (flag is null)
            {
                counts[f].Undefined++;
            }
        }

        if (flags.Count > 0)
        {
            line.Append(',').Append(raised.ToString(CultureInfo.InvariantCulture));
        }

        line.Append(newLine);
    }

    /// <summary>The run's summary for stderr, in the chosen language: the pairs, D²'s basis, each flag's count. Never an answer or an id.</summary>
    private static string Describe(TextCatalog text, QualityScreen screen, int people, IReadOnlyList<QualityFlag> flags, (int Raised, int Undefined)[] counts)
    {
        var lines = new List<string>
        {
            text.Format("quality.pairs", screen.Synonyms.Count, screen.Options.PairThreshold, screen.Antonyms.Count),
            text.Format("quality.evenodd", screen.EvenOddScaleIds.Count),
            screen.MahalanobisUndefined is { } reason
                ? text.Format("quality.mahalanobisUndefined", screen.CompleteCases, people, text[reason == UndefinedReason.TooFewPeople ? "quality.tooFewComplete" : "quality.singular"])
                : text.Format("quality.mahalanobis", screen.CompleteCases, people, screen.ItemIds.Count),
        };
        for (var f = 0; f < flags.Count; f++)
        {
            lines.Add(text.Format("quality.flag", flags[f].Name, counts[f].Raised, people, counts[f].Undefined));
        }

        return string.Join(Environment.NewLine, lines);
    }
}
