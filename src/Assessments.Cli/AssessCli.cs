using System.Globalization;
using System.Reflection;
using Assessments.Definitions;
using Assessments.Scoring;

namespace Assessments.Cli;

/// <summary>The <c>assess</c> command: parses the command line and runs one command. Returns the exit code.</summary>
internal static class AssessCli
{
    public const string Usage = """
        Usage: assess <command> [options]

        Commands:
          validate FILE...                 Check instrument definitions; print every problem.
          score --instrument FILE --responses FILE.csv [--out FILE] [--format csv|jsonl]
                [--rejects FILE] [--id-column NAME] [--extra-columns error|ignore]
                [--separator CHAR] [--threads N] [--reader auto|general]
                [--match onet:DIR|rome:DIR|FILE.json [--top K] [--job-zones-from DIR]]
                                           Score a CSV of responses (header: id column, then item ids);
                                           for a card sort or an Ikigai exercise, JSON Lines.
          match --catalog onet:DIR|rome:DIR|FILE.json (--profile R=..,I=..,A=..,S=..,E=..,C=.. | --code SEC | --scores FILE.csv
                | --values Achievement=..,WorkingConditions=..,… [--profile …] [--interest-weight 0.5])
                [--top K] [--metric pearson|spearman|cosine|euclidean|c-index|m-index] [--job-zone N|N-M]
                [--format table|csv|jsonl] [--profile-scale MIN-MAX] [--job-zones-from DIR] [--lang en|fr] [--out FILE]
                                           Rank occupations for an interest profile, a Holland code or a scores CSV.
          analyze --instrument FILE --responses FILE [--format table|json|csv] [--impute none|median|mean] [--lang en|fr]
                                           Scales (CSV): alpha, G6, average r, S/N, SEM and item statistics as psych;
                                           card sorts (JSON Lines): Borda consensus, Kendall's W, Thurstone, Bradley–Terry.
          generate --instrument FILE --rows N [--seed S] [--missing 0.05] [--out FILE]
                                           A deterministic synthetic responses CSV (benchmarks, pipeline tests).
          norms --instrument FILE --responses FILE.csv --out FILE.json
                                           Write a copy of the instrument with norms (mean, SD, frequency table per scale).
          report --results FILE.jsonl --person ID [--lang en|fr] [--out FILE.html]
                 [--catalog onet:DIR|rome:DIR|FILE.json] [--job-zones-from DIR] [--top K]
                                           One person's results as a self-contained, printable HTML synthesis.
          demo [--lang en|fr] [--report FILE.html]
                                           Score the shipped example responses, print readable profiles and matches,
                                           and write the example person's synthesis (its path is printed).

        Cells that came from input text (ids, titles, codes) and start with = + - @ or a tab are written with a leading
        apostrophe so spreadsheets show them as text (numbers are unaffected); --allow-formulas writes them as they came.

        --instrument takes a definition file or the id of a shipped instrument (career-readiness, ikigai,
        interests-riasec, type-indicator, values-cards).

        Exit codes: 0 success, 1 some rows rejected, 2 usage error, 3 invalid instrument, 4 unreadable input.
        """;

    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        ArgumentNullException.ThrowIfNull(args);
        var previous = CultureInfo.CurrentCulture;
        try
        {
            // Every number is formatted explicitly with the invariant culture; this is a second guard for anything else.
            CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;

            // A global switch, anywhere on the line: write input text that looks like a formula as it came (see CsvText).
            CsvText.AllowFormulas = args.Contains("--allow-formulas");
            args = [.. args.Where(a => a != "--allow-formulas")];
            if (args.Length == 0)
            {
                stderr.WriteLine(Usage);
                return ExitCodes.Usage;
            }

            if (args[0] is "help" or "--help" or "-h")
            {
                stdout.WriteLine(Usage);
                return ExitCodes.Success;
            }

            if (args[0] is "--version")
            {
                stdout.WriteLine(typeof(AssessCli).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0");
                return ExitCodes.Success;
            }

            var rest = args.AsSpan(1).ToArray();
            return args[0] switch
            {
                "validate" => Validate(rest, stdout, stderr),
                "score" => Score(rest, stdout, stderr),
                "match" => MatchCommand.Run(rest, stdout, stderr),
                "analyze" => AnalyzeCommand.Run(rest, stdout, stderr),
                "norms" => NormsCommand.Run(rest, stdout, stderr),
                "generate" => GenerateCommand.Run(rest, stdout, stderr),
                "demo" => DemoCommand.Run(rest, stdout, stderr),
                "report" => ReportCommand.Run(rest, stdout, stderr),
                _ => throw new UsageException($"Unknown command '{args[0]}'."),
            };
        }
        catch (UsageException ex)
        {
            stderr.WriteLine("error: " + ex.Message);
            stderr.WriteLine();
            stderr.WriteLine(Usage);
            return ExitCodes.Usage;
        }
        catch (InstrumentLoadException ex)
        {
            foreach (var d in ex.Diagnostics)
            {
                stderr.WriteLine("error: " + d);
            }

            return ExitCodes.InvalidInstrument;
        }
        catch (InputException ex)
        {
            stderr.WriteLine("error: " + ex.Message);
            return ExitCodes.UnreadableInput;
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }
    }

    private static int Validate(string[] args, TextWriter stdout, TextWriter stderr)
    {
        var line = CommandLine.Parse(args, [], []);
        if (line.Positional.Count == 0)
        {
            throw new UsageException("validate needs at least one instrument file.");
        }

        var exit = ExitCodes.Success;
        foreach (var path in line.Positional)
        {
            IReadOnlyList<InstrumentDiagnostic> diagnostics;
            Instrument? instrument;
            try
            {
                Instrument.TryLoad(path, out instrument, out diagnostics);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                stderr.WriteLine($"error: {path}: cannot be read: {ex.Message}");
                exit = Math.Max(exit, ExitCodes.UnreadableInput);
                continue;
            }

            if (instrument is not null)
            {
                stdout.WriteLine($"{path}: valid — {instrument.Reference}, kind {instrument.Kind}, {instrument.Items.Count} items, {instrument.Scales.Count} scales, fingerprint {instrument.Fingerprint}");
                continue;
            }

            foreach (var d in diagnostics)
            {
                stdout.WriteLine("error: " + d);
            }

            stdout.WriteLine($"{path}: invalid — {diagnostics.Count} problem(s)");
            exit = Math.Max(exit, ExitCodes.InvalidInstrument);
        }

        return exit;
    }

    private static int Score(string[] args, TextWriter stdout, TextWriter stderr)
    {
        var line = CommandLine.Parse(args,
            ["--instrument", "--responses", "--out", "--format", "--rejects", "--id-column", "--extra-columns", "--separator", "--threads", "--reader", "--match", "--top", "--job-zones-from"], []);
        if (line.Positional.Count > 0)
        {
            throw new UsageException($"Unexpected argument '{line.Positional[0]}'.");
        }

        var format = line.Choice("--format", "csv", "csv", "jsonl");
        var readerChoice = line.Choice("--reader", "auto", "auto", "general");
        var extra = line.Choice("--extra-columns", "error", "error", "ignore");
        var separator = line.Get("--separator") ?? ",";
        if (separator is "\\t" or "tab")
        {
            separator = "\t";
        }

        if (separator.Length != 1)
        {
            throw new UsageException($"--separator must be one character (or 'tab'); found '{separator}'.");
        }

        if (char.IsAsciiDigit(separator[0]) || separator[0] is '"' or '\r' or '\n' or '-' or '+')
        {
            // A digit or a sign would be part of an answer; a quote or a line end is CSV syntax itself.
            throw new UsageException($"--separator cannot be a digit, a sign, a quote or a line end; found '{separator}'.");
        }

        var threads = 0;
        if (line.Get("--threads") is { } t && (!int.TryParse(t, NumberStyles.None, CultureInfo.InvariantCulture, out threads) || threads < 1))
        {
            throw new UsageException($"--threads must be a positive whole number; found '{t}'.");
        }

        var instrumentPath = line.Require("--instrument");
        var responsesPath = line.Require("--responses");
        var instrument = LoadInstrument(instrumentPath);
        if (!File.Exists(responsesPath))
        {
            throw new InputException($"{responsesPath}: file not found.");
        }

        using var output = OutputFile.Open(line.Get("--out"), stdout);
        using var rejects = line.Get("--rejects") is { } rejectsPath ? OutputFile.Open(rejectsPath, stdout) : null;
        if (instrument.KindSettings is CardSort.CardSortSettings or Ikigai.IkigaiSettings)
        {
            var jsonFormat = line.Get("--format") is null && instrument.KindSettings is Ikigai.IkigaiSettings ? "jsonl" : format;
            var sorts = instrument.KindSettings is Ikigai.IkigaiSettings
                ? IkigaiScoreRun.Run(instrument, responsesPath, output.Writer, jsonFormat, rejects?.Writer)
                : CardSortScoreRun.Run(instrument, responsesPath, output.Writer, format, rejects?.Writer);
            output.Commit();
            rejects?.Commit();
            stderr.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{instrument.Reference}: rows read {sorts.Read}, scored {sorts.Scored}, rejected {sorts.Rejected}{(sorts.Rejected > 0 && rejects is null ? " (pass --rejects FILE to keep them)" : "")}"));
            return sorts.Rejected > 0 ? ExitCodes.SomeRejected : ExitCodes.Success;
        }

        ScoreMatching? matching = null;
        if (line.Get("--match") is { } catalogSpec)
        {
            if (format != "csv")
            {
                throw new UsageException("--match adds CSV columns; it needs --format csv.");
            }

            var top = MatchCommand.ParseInt(line.Get("--top") ?? "10", "--top", 1, 100);
            var catalog = MatchCommand.LoadCatalog(catalogSpec, line.Get("--job-zones-from"));
            var matcher = new Matching.OccupationMatcher(catalog, new Matching.MatchOptions { Top = top });
            matching = ScoreMatching.Create(instrument, matcher, separator[0]);
        }
        else if (line.Get("--top") is not null || line.Get("--job-zones-from") is not null)
        {
            throw new UsageException("--top and --job-zones-from go with --match CATALOG.");
        }

        var run = new CsvScoreRun
        {
            Matching = matching,
            Instrument = instrument,
            ResponsesPath = responsesPath,
            Log = stderr,
            Output = output.Writer,
            Format = format,
            Rejects = rejects?.Writer,
            IdColumn = line.Get("--id-column"),
            Separator = separator[0],
            IgnoreExtraColumns = extra == "ignore",
            ShowProgress = ReferenceEquals(stderr, Console.Error) && !Console.IsErrorRedirected,
            Scoring = new ScoringOptions { MaxDegreeOfParallelism = threads },
            GeneralReaderOnly = readerChoice == "general",
        };
        var summary = run.Run();
        output.Commit();
        rejects?.Commit();
        stderr.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{instrument.Reference}: rows read {summary.Read}, scored {summary.Scored}, rejected {summary.Rejected}{(summary.Rejected > 0 && rejects is null ? " (pass --rejects FILE to keep them)" : "")}"));
        return summary.Rejected > 0 ? ExitCodes.SomeRejected : ExitCodes.Success;
    }

    /// <summary>
    /// The instrument a <c>--instrument</c> value names: a definition file, or — when no such file exists — the id of a
    /// shipped instrument (<see cref="Instruments.Ids"/>), so that the installed tool scores them without any file.
    /// </summary>
    internal static Instrument LoadInstrument(string path)
    {
        if (!File.Exists(path) && Instruments.Ids.Contains(path, StringComparer.Ordinal))
        {
            return Instruments.Load(path);
        }

        try
        {
            return Instrument.Load(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new InputException($"{path}: cannot be read: {ex.Message}");
        }
    }
}
