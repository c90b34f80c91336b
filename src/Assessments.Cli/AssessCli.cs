using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;
using System.Globalization;
using Assessments.Definitions;

namespace Assessments.Cli;

/// <summary>
/// The <c>assess</c> command: its commands and options (System.CommandLine, so help, completion and parsing come from the
/// same definitions), and the one place that turns every failure into a line on stderr and a documented exit code.
/// </summary>
internal static class AssessCli
{
    public const string Description = """
        Score career-assessment instruments defined as JSON, analyse their reliability, and match people to occupations.

        Exit codes: 0 success, 1 some rows rejected, 2 usage error, 3 invalid instrument, 4 input or output error.
        Standard error never shows an answer, a respondent id or a header text from your files: rows are named by their
        line, columns by their position. Those go only to the files you ask for (outputs, rejects).
        """;

    /// <summary>The global switch that writes input text that looks like a formula as it came (see <see cref="CsvText"/>).</summary>
    private static readonly Option<bool> AllowFormulas = new("--allow-formulas")
    {
        Description = "Write cells from input text that start with = + - @ or a tab as they came (by default they get a leading apostrophe so spreadsheets show them as text).",
        Recursive = true,
    };

    /// <summary>The whole command tree (a new one per run: System.CommandLine symbols are not shared between parsers).</summary>
    public static RootCommand CreateRoot(TextWriter stdout, TextWriter stderr)
    {
        var io = new CliStreams(stdout, stderr);
        var root = new RootCommand(Description)
        {
            ValidateCommand.Create(io),
            ScoreCommand.Create(io),
            MatchCommand.Create(io),
            SkillsCommand.Create(io),
            AnalyzeCommand.Create(io),
            QualityCommand.Create(io),
            NormsCommand.Create(io),
            GenerateCommand.Create(io),
            ReportCommand.Create(io),
            DemoCommand.Create(io),
            AllowFormulas,
        };
        return root;
    }

    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        ArgumentNullException.ThrowIfNull(args);
        var previous = CultureInfo.CurrentCulture;
        var command = "assess";
        try
        {
            // Every number is formatted explicitly with the invariant culture; this is a second guard for anything else.
            CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
            var root = CreateRoot(stdout, stderr);

            // No response files: an argument starting with @ is a file name or a value, never a list of arguments.
            var parse = root.Parse(args, new ParserConfiguration { ResponseFileTokenReplacer = null });
            command = CommandPath(parse.CommandResult.Command);
            if (parse.Action is ParseErrorAction || (parse.Errors.Count > 0 && parse.Action is not HelpAction))
            {
                // The most telling error first: a word not understood says more than "a command is required".
                var errors = parse.Errors.Select(e => OneLine(e.Message)).ToList();
                var first = errors.FirstOrDefault(e => e.StartsWith("Unrecognized", StringComparison.Ordinal)) ?? errors.FirstOrDefault() ?? "incomplete command.";
                if (args.Length == 0)
                {
                    first = "no command given; the commands are " + string.Join(", ", root.Subcommands.Select(c => c.Name)) + ".";
                }

                stderr.WriteLine($"error: {first} See '{command} --help'.");
                return ExitCodes.Usage;
            }

            CsvText.AllowFormulas = parse.GetValue(AllowFormulas);
            return parse.Invoke(new InvocationConfiguration { Output = stdout, Error = stderr, EnableDefaultExceptionHandler = false });
        }
        catch (Exception ex) when (ex is UsageException or UnsupportedOptionException)
        {
            stderr.WriteLine($"error: {OneLine(ex.Message)} See '{command} --help'.");
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
        catch (InputFileException ex)
        {
            stderr.WriteLine("error: " + ex.Message);
            return ExitCodes.InputOutput;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // An I/O failure that no command turned into its own message (a disk filling up, a folder going away): the
            // outputs were not committed (OutputFile), so whatever was at their paths is still there.
            stderr.WriteLine($"error: {command}: input or output failed: {OneLine(ex.Message)}");
            return ExitCodes.InputOutput;
        }
#pragma warning disable CA1031 // The last line of defence: no stack trace, no data, one line and exit 4.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            // Its message is not shown: an unexpected exception may quote whatever it was handling, a person's answers included.
            stderr.WriteLine($"error: {command} stopped on an unexpected {ex.GetType().Name} while reading {Inputs(args)}; nothing was written. This is a bug in assess: please report it with the command line (not the data).");
            return ExitCodes.InputOutput;
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }
    }

    /// <summary>
    /// The instrument a <c>--instrument</c> value names: a definition file, or — when no such file exists — the id of a
    /// shipped instrument (<see cref="Instruments.Ids"/>), so that the installed tool scores them without any file.
    /// </summary>
    internal static Instrument LoadInstrument(string path, Assessments.Scoring.InstrumentKindRegistry? kinds = null)
    {
        // The skills kind is known everywhere; without a ROME catalog it checks definitions only (score passes one).
        var options = new Definitions.InstrumentLoadOptions { Kinds = kinds ?? Assessments.Scoring.InstrumentKindRegistry.Default.With(new Matching.Skills.SkillsKind()) };
        if (!File.Exists(path) && !Directory.Exists(path) && Instruments.Ids.Contains(path, StringComparer.Ordinal))
        {
            return Instruments.Load(path, options);
        }

        if (!File.Exists(path) && !Directory.Exists(path) && path == SkillsPortfolioId)
        {
            path = Path.Combine(AppContext.BaseDirectory, "instruments", SkillsPortfolioId + ".json"); // shipped with the tool, beside Assessments.Matching's copy
        }

        if (Directory.Exists(path))
        {
            throw new InputFileException($"{path}: is a folder; --instrument takes a definition file or the id of a shipped instrument ({string.Join(", ", Instruments.Ids)}).");
        }

        if (!File.Exists(path))
        {
            throw new InputFileException($"{path}: no such file, and not the id of a shipped instrument ({string.Join(", ", Instruments.Ids)}).");
        }

        try
        {
            return Instrument.Load(path, options);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new InputFileException($"{path}: cannot be read: {ex.Message}");
        }
    }

    /// <summary>The shipped skills portfolio, which the core does not embed (its kind needs a ROME catalog).</summary>
    internal const string SkillsPortfolioId = "skills-portfolio";

    private static string CommandPath(Command command) => command is RootCommand ? "assess" : "assess " + command.Name;

    private static string OneLine(string message) => string.Join(' ', message.Split(['\r', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));

    /// <summary>The input files named on the command line (values of options that read files), for the last-resort message.</summary>
    private static string Inputs(string[] args)
    {
        string[] readers = ["--instrument", "--responses", "--catalog", "--scores", "--results"];
        var named = new List<string>();
        for (var i = 0; i < args.Length; i++)
        {
            var eq = args[i].IndexOf('=', StringComparison.Ordinal);
            var name = eq > 0 ? args[i][..eq] : args[i];
            if (readers.Contains(name, StringComparer.Ordinal))
            {
                named.Add(eq > 0 ? args[i][(eq + 1)..] : i + 1 < args.Length ? args[i + 1] : "");
            }
        }

        return named.Count == 0 ? "its input" : string.Join(", ", named);
    }
}

/// <summary>Where a command writes: its standard output and standard error.</summary>
internal sealed record CliStreams(TextWriter Out, TextWriter Error);
