using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;

namespace Assessments.Cli;

/// <summary>
/// <c>assess score</c>: a responses CSV (or, for a card sort or an Ikigai exercise, JSON Lines) through an instrument, one
/// output row per respondent, every bad row in the rejects with its line and reason.
/// </summary>
internal static class ScoreCommand
{
    public static Command Create(CliStreams io)
    {
        var instrument = CliOptions.Instrument();
        var responses = CliOptions.Responses("The responses: a CSV or an Excel workbook (.xlsx) with a header (an id column, then item ids or question texts); JSON Lines for a card sort or an Ikigai exercise.");
        var sheet = CliOptions.OptionalText("--sheet", "The sheet of an Excel workbook to read (default: the first).", "NAME");
        var output = CliOptions.Out();
        var format = CliOptions.Choice("--format", "The output: CSV (one row per respondent), JSON Lines (everything: scores, counts, reasons, norms) or an Excel workbook (scores, rejects and run sheets; the default for --out FILE.xlsx). Ikigai defaults to jsonl.", "csv", "csv", "jsonl", "xlsx");
        var rejects = CliOptions.OptionalText("--rejects", "Where to write the rejected rows and bad cells (row, line, respondent, column, reason, status).", "FILE");
        var idColumn = CliOptions.IdColumn();
        var extra = CliOptions.ExtraColumns();
        var separator = CliOptions.Separator();
        var threads = CliOptions.OptionalWhole("--threads", "The most cores to use (default: all). The output never depends on it.", 1, CliOptions.MaxThreads);
        var reader = CliOptions.Choice("--reader", "The CSV reader: the fast one where it can serve the run (auto), the fast one or an error with the reason (fast), or the general one for every row (general).", "auto", "auto", "fast", "general");
        var duplicates = CliOptions.Choice("--duplicate-ids", "What a row repeating the respondent id of an earlier row does: rejected (error), scored with a warning (warn), or scored silently (allow).", "warn", "error", "warn", "allow");
        var answers = CliOptions.Answers();
        var badCell = CliOptions.BadCell();
        var survey = new CliOptions.Survey();
        var saveMapping = CliOptions.OptionalText("--save-mapping", "Write the mapping of columns to items actually used (column,item,how), ready for --columns.", "FILE");
        var match = CliOptions.OptionalText("--match", "A catalog (onet:DIR, rome:DIR or FILE.json): append each person's top occupations (interests instruments).", "CATALOG");
        var skillsCatalog = CliOptions.OptionalText("--catalog", "The ROME 4.0 folder a skills instrument reads its fiches, skills and job titles from (rome:DIR).", "rome:DIR");
        var top = CliOptions.Top(10);
        var jobZones = CliOptions.JobZonesFrom();
        var command = new Command("score", "Score responses: one output row per respondent; every bad row goes to the rejects with its line and reason.")
        {
            instrument, responses, output, format, rejects, idColumn, extra, separator, answers, badCell, survey.Layout, survey.Columns, survey.AnswerCodes, saveMapping, sheet, threads, reader, duplicates, match, top, jobZones, skillsCatalog,
        };
        command.SetAction(parse =>
        {
            var instrumentPath = parse.GetValue(instrument)!;
            var responsesPath = parse.GetValue(responses)!;
            var outPath = parse.GetValue(output);
            var rejectsPath = parse.GetValue(rejects);
            var catalog = parse.GetValue(match);
            var mappingPath = parse.GetValue(saveMapping);
            OutputFile.CheckDistinct(
                [("--instrument", instrumentPath), ("--responses", responsesPath), ("--match", CatalogFile(catalog)), ("--columns", parse.GetValue(survey.Columns)), ("--answer-codes", parse.GetValue(survey.AnswerCodes))],
                [("--out", outPath), ("--rejects", rejectsPath), ("--save-mapping", mappingPath)]);
            var rome = parse.GetValue(skillsCatalog) is { } romeSpec ? LoadSkillsCatalog(romeSpec) : null;
            var definition = AssessCli.LoadInstrument(instrumentPath, rome is null ? null : Scoring.InstrumentKindRegistry.Default.With(new Matching.Skills.SkillsKind(rome)));
            if (definition.KindHandler is Matching.Skills.SkillsKind { Catalog: null })
            {
                throw new UsageException($"{definition.Reference} reads ROME's fiches and skills: pass --catalog rome:DIR (the ROME 4.0 folder with its skills files).");
            }

            if (rome is not null && definition.KindHandler is not Matching.Skills.SkillsKind)
            {
                throw new UsageException($"--catalog gives a skills instrument its ROME catalog, and {definition.Reference} is a {definition.Kind} instrument (--match ranks occupations).");
            }

            RequireFile(responsesPath);
            var input = ResponseInputs.Default.For(definition);
            if (!input.IsTable)
            {
                Refuse(parse, $"{definition.Reference} takes {input.Description}, not a table", separator, idColumn, extra, answers, badCell, survey.Layout, survey.Columns, survey.AnswerCodes, saveMapping, sheet, reader, duplicates, match, top, jobZones, threads);
                if (Given(parse, format) && parse.GetValue(format) == "xlsx")
                {
                    throw new UsageException($"--format xlsx writes a table's scores; {definition.Reference} takes {input.Description}.");
                }

                using var sortOutput = OutputFile.Open(outPath, io.Out);
                using var sortRejects = rejectsPath is null ? null : OutputFile.Open(rejectsPath, io.Out);
                var jsonFormat = Given(parse, format) ? parse.GetValue(format)! : input.DefaultFormat == ScoreFormat.JsonLines ? "jsonl" : "csv";
                var sorts = new ScoreRun
                {
                    Instrument = definition,
                    ResponsesPath = responsesPath,
                    Log = io.Error,
                    Output = sortOutput.Writer,
                    Format = jsonFormat == "jsonl" ? ScoreFormat.JsonLines : ScoreFormat.Csv,
                    Rejects = sortRejects?.Writer,
                }.Run();
                OutputFile.CommitAll(sortOutput, sortRejects);
                io.Error.WriteLine(Summary(definition, sorts, rejectsPath is not null));
                return sorts.Rejected > 0 ? ExitCodes.SomeRejected : ExitCodes.Success;
            }

            if (catalog is null && (Given(parse, top) || Given(parse, jobZones)))
            {
                throw new UsageException("--top and --job-zones-from go with --match CATALOG.");
            }

            var outFormat = !Given(parse, format) && outPath is not null && outPath.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase) ? "xlsx" : parse.GetValue(format)!;
            if (catalog is not null && outFormat == "jsonl")
            {
                throw new UsageException("--match adds CSV columns; it needs --format csv or xlsx.");
            }

            if (outFormat == "xlsx" && outPath is null or "-")
            {
                throw new UsageException("--format xlsx writes a workbook, which needs --out FILE.xlsx (not standard output).");
            }

            RefuseTableMismatch(parse, responsesPath, sheet, separator);

            var matcher = catalog is null
                ? null
                : new Matching.OccupationMatcher(MatchCommand.LoadCatalog(catalog, parse.GetValue(jobZones)), new Matching.MatchOptions { Top = parse.GetValue(top) });
            if (matcher is not null)
            {
                ScoreRun.CheckMatchable(definition, matcher); // refuses an instrument without RIASEC scales before reading anything
            }
            var read = survey.Apply(parse, new ResponsesReadOptions
            {
                Separator = parse.GetValue(separator),
                Sheet = parse.GetValue(sheet),
                IdColumn = parse.GetValue(idColumn),
                IgnoreExtraColumns = parse.GetValue(extra) == "ignore",
                Answers = Enum.Parse<Responses.AnswerReading>(parse.GetValue(answers)!, ignoreCase: true),
                BadCellsAsMissing = parse.GetValue(badCell) == "missing",
                Reader = Enum.Parse<ReaderChoice>(parse.GetValue(reader)!, ignoreCase: true),
                DuplicateIds = Enum.Parse<DuplicateIds>(parse.GetValue(duplicates)!, ignoreCase: true),
                MaxDegreeOfParallelism = parse.GetValue(threads) ?? 0,
            }, definition);
            ScoreRun Run(TextWriter? output, TextWriter? rejects, TextWriter? mapping) => new()
            {
                Instrument = definition,
                ResponsesPath = responsesPath,
                Log = io.Error,
                Output = output,
                Format = outFormat == "jsonl" ? ScoreFormat.JsonLines : ScoreFormat.Csv,
                Rejects = rejects,
                Matcher = matcher,
                Mapping = mapping,
                ShowProgress = ReferenceEquals(io.Error, Console.Error) && !Console.IsErrorRedirected,
                Read = read,
            };
            ScoreSummary summary;
            if (outFormat == "xlsx")
            {
                summary = ScoreToWorkbook(outPath!, rejectsPath, mappingPath, Run, io);
            }
            else
            {
                using var scores = OutputFile.Open(outPath, io.Out);
                using var rejected = rejectsPath is null ? null : OutputFile.Open(rejectsPath, io.Out);
                using var mapping = mappingPath is null ? null : OutputFile.Open(mappingPath, io.Out);
                summary = Run(scores.Writer, rejected?.Writer, mapping?.Writer).Run();
                OutputFile.CommitAll(scores, rejected, mapping);
            }

            io.Error.WriteLine(Summary(definition, summary, rejectsPath is not null || outFormat == "xlsx"));
            return summary.Rejected > 0 ? ExitCodes.SomeRejected : ExitCodes.Success;
        });
        return command;
    }

    /// <summary>
    /// <c>--out FILE.xlsx</c>: <see cref="ScoreRun.RunToWorkbook"/> writes the workbook (through CSV in a private temporary
    /// folder); a CSV <c>--rejects</c> file gets the same rows, with the CSV guard. Nothing is committed unless all succeed.
    /// </summary>
    private static ScoreSummary ScoreToWorkbook(string outPath, string? rejectsPath, string? mappingPath,
        Func<TextWriter?, TextWriter?, TextWriter?, ScoreRun> run, CliStreams io)
    {
        using var mapping = mappingPath is null ? null : OutputFile.Open(mappingPath, io.Out);
        using var workbook = OutputFile.Open(outPath, io.Out);
        using var rejected = rejectsPath is null ? null : OutputFile.Open(rejectsPath, io.Out);
        workbook.Writer.Flush();
        ScoreSummary summary;
        try
        {
            summary = run(null, rejected?.Writer, mapping?.Writer).RunToWorkbook(((StreamWriter)workbook.Writer).BaseStream);
        }
        catch (IOException ex)
        {
            throw new InputFileException($"{outPath}: the workbook could not be made (temporary folder {Path.GetTempPath()}): {ex.Message}");
        }

        OutputFile.CommitAll(workbook, rejected, mapping);
        return summary;
    }

    /// <summary>The summary line on stderr: rows read, scored and rejected (read = scored + rejected).</summary>
    internal static string Summary(Instrument instrument, ScoreSummary summary, bool rejectsKept) => string.Create(CultureInfo.InvariantCulture,
        $"{instrument.Reference}: rows read {summary.Read}, scored {summary.Scored}, rejected {summary.Rejected}{(summary.Rejected > 0 && !rejectsKept ? " (pass --rejects FILE to keep them)" : "")}");

    /// <summary>Whether an option was given on the command line (not merely defaulted).</summary>
    internal static bool Given(ParseResult parse, Option option) => parse.GetResult(option) is OptionResult { Implicit: false };

    /// <summary>Refuses options that the run cannot honour, instead of ignoring them silently.</summary>
    internal static void Refuse(ParseResult parse, string because, params Option[] options)
    {
        if (options.FirstOrDefault(o => Given(parse, o)) is { } given)
        {
            throw new UsageException($"{given.Name} does not apply here: {because}.");
        }
    }

    /// <summary>A workbook has no separator, and only a workbook has sheets: refuses the option that does not fit the file.</summary>
    internal static void RefuseTableMismatch(ParseResult parse, string responsesPath, Option sheet, Option separator)
    {
        if (ScoreRun.IsWorkbook(responsesPath))
        {
            Refuse(parse, "a workbook's cells are read as they are, without a separator", separator);
        }
        else
        {
            Refuse(parse, "--sheet reads a sheet of an Excel workbook (.xlsx), and the responses are not one", sheet);
        }
    }

    /// <summary>Refuses a missing input file before any output is opened.</summary>
    internal static void RequireFile(string path)
    {
        if (Directory.Exists(path))
        {
            throw new InputFileException($"{path}: is a folder; expected a file.");
        }

        if (!File.Exists(path))
        {
            throw new InputFileException($"{path}: file not found.");
        }
    }

    /// <summary>The ROME catalog of <c>--catalog rome:DIR</c>, with its skills (an error otherwise).</summary>
    private static Matching.OccupationCatalog LoadSkillsCatalog(string spec)
    {
        if (!spec.StartsWith("rome:", StringComparison.Ordinal))
        {
            throw new UsageException($"--catalog takes rome:DIR, the ROME 4.0 folder; found '{spec}'.");
        }

        var catalog = MatchCommand.LoadCatalog(spec, null);
        return catalog.Skills is null
            ? throw new InputFileException($"{spec[5..]}: the ROME folder has no skills files ({string.Join(" ", catalog.Notes)}).")
            : catalog;
    }

    /// <summary>The file a catalog option reads, when it is a JSON catalog (folders are not outputs' concern).</summary>
    internal static string? CatalogFile(string? spec) =>
        spec is null || spec.StartsWith("onet:", StringComparison.Ordinal) || spec.StartsWith("rome:", StringComparison.Ordinal) ? null : spec;
}
