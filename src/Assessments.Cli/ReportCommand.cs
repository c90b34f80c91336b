using System.CommandLine;
using Assessments.Reports;

namespace Assessments.Cli;

/// <summary>
/// <c>assess report --results FILE.jsonl --respondent ID [--lang fr|en] [--out FILE.html] [--catalog onet:DIR|rome:DIR|FILE.json]
/// [--job-zones-from DIR] [--top K] [--target CODE[,CODE…]]</c>: one person's results (the JSON lines <c>assess score --format jsonl</c> writes,
/// several instruments in one file) as a self-contained HTML synthesis; occupations from the catalog (default: the
/// starter catalog shipped in the package).
/// </summary>
internal static class ReportCommand
{
    public static Command Create(CliStreams io)
    {
        var results = CliOptions.Text("--results", "The person's results: JSON lines as `assess score --format jsonl` writes them (several instruments in one file).", required: true, helpName: "FILE");
        var person = CliOptions.Text("--respondent", "The respondent id whose synthesis to write.", required: true, helpName: "ID");
        var language = CliOptions.Language();
        var output = CliOptions.Out("Where to write the HTML synthesis (default: standard output).");
        var catalog = CliOptions.OptionalText("--catalog", "The occupations (onet:DIR, rome:DIR or FILE.json; default: the starter catalog shipped in the package).", "CATALOG");
        var jobZones = CliOptions.JobZonesFrom();
        var top = CliOptions.Top(10);
        var targets = CliOptions.OptionalText("--target", "With a skills portfolio and --catalog rome:DIR: the fiches the action plan is drawn toward (default: the first three transitions).", "CODE[,CODE…]");
        var name = CliOptions.OptionalText("--name", "The person's name as the header shows it (default: the id given by --respondent).", "TEXT");
        var date = CliOptions.OptionalText("--date", "The synthesis's date, YYYY-MM-DD (default: today); the same date gives the same file.", "YYYY-MM-DD");
        var taken = CliOptions.OptionalText("--taken", "The days the person took the instruments, shown beside their titles: instrument id=YYYY-MM-DD, comma-separated (default: the results lines' takenOn, if any).", "ID=YYYY-MM-DD[,…]");
        var command = new Command("report", "Write one person's results as a self-contained, printable HTML synthesis.")
        {
            results, person, language, output, catalog, jobZones, top, targets, name, date, taken,
        };
        command.SetAction(parse => Run(parse.GetValue(results)!, parse.GetValue(person)!, parse.GetValue(language)!, parse.GetValue(output),
            parse.GetValue(catalog), parse.GetValue(jobZones), parse.GetValue(top), parse.GetValue(targets),
            Options(parse.GetValue(name), parse.GetValue(date), parse.GetValue(taken)), io.Out, io.Error));
        return command;
    }

    /// <summary>The header's name and dates: <c>--date</c> as a clock stopped at noon UTC of that day, <c>--taken</c> by instrument id.</summary>
    private static ReportOptions Options(string? name, string? date, string? taken)
    {
        var options = new ReportOptions { RespondentName = name };
        if (date is not null)
        {
            options = options with { Clock = new FixedDay(Day("--date", date)) };
        }

        if (taken is not null)
        {
            var days = new Dictionary<string, DateOnly>(StringComparer.Ordinal);
            foreach (var pair in taken.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            {
                var parts = pair.Split('=', 2, StringSplitOptions.TrimEntries);
                if (parts.Length != 2 || parts[0].Length == 0)
                {
                    throw new UsageException($"--taken takes instrument id=YYYY-MM-DD pairs, comma-separated; found '{pair}'.");
                }

                if (!days.TryAdd(parts[0], Day("--taken", parts[1])))
                {
                    throw new UsageException($"--taken gives '{parts[0]}' twice.");
                }
            }

            options = options with { TakenOn = days };
        }

        return options;
    }

    private static DateOnly Day(string option, string text) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var day)
            ? day
            : throw new UsageException($"{option} takes a date as YYYY-MM-DD; found '{text}'.");

    private sealed class FixedDay(DateOnly day) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => new(day.ToDateTime(new TimeOnly(12, 0)), TimeSpan.Zero);

        public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;
    }

    private static int Run(string resultsPath, string person, string language, string? outPath, string? catalogSpec, string? jobZonesFrom, int top,
        string? targets, ReportOptions options, TextWriter stdout, TextWriter stderr)
    {
        OutputFile.CheckDistinct([("--results", resultsPath), ("--catalog", ScoreCommand.CatalogFile(catalogSpec))], [("--out", outPath)]);
        ScoreCommand.RequireFile(resultsPath);
        CareerProfile profile;
        try
        {
            profile = CareerProfile.FromJsonLines(JsonLines.Lines(resultsPath), person);
        }
        catch (FormatException ex)
        {
            throw new InputFileException($"{resultsPath}: {ex.Message}");
        }
        catch (ArgumentException)
        {
            // The library's message names the person; stderr does not (it may be a real name or an e-mail address).
            throw new InputFileException($"{resultsPath}: no result in the file belongs to the person given by --respondent.");
        }

        if (options.TakenOn?.Keys.FirstOrDefault(id => !profile.Sources.Any(s => s.InstrumentId == id)) is { } absent)
        {
            throw new UsageException($"--taken: '{absent}' is not among the person's results ({string.Join(", ", profile.Sources.Select(s => s.InstrumentId).Distinct(StringComparer.Ordinal))}).");
        }

        var catalog = catalogSpec is { } spec
            ? MatchCommand.LoadCatalog(spec, jobZonesFrom)
            : Assessments.Matching.OccupationCatalog.LoadStarter();
        profile = profile.WithOccupations(catalog, top);
        if (targets is not null)
        {
            var codes = targets.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            if (profile.Skills is null)
            {
                throw new UsageException("--target draws a skills action plan: the person has no skills portfolio in --results.");
            }

            if (catalog.Skills is null)
            {
                throw new UsageException("--target needs the fiches' skills: give --catalog rome:DIR, a ROME 4.0 folder with its skills files.");
            }

            if (codes.Length == 0)
            {
                throw new UsageException("--target: give one or more ROME codes, comma-separated.");
            }

            if (codes.FirstOrDefault(c => catalog.Skills.Of(c) is null) is { } unknown)
            {
                throw new UsageException($"--target: {unknown} is not a fiche of {catalog.Name}.");
            }

            profile = profile.WithTargets(codes);
        }

        using var output = OutputFile.Open(outPath, stdout);
        output.Writer.Write(ReportRenderer.Render(profile, language, options));
        output.Commit();
        stderr.WriteLine($"report of {profile.Sources.Count} result(s){(outPath is { } path ? " written to " + path : "")}");
        return ExitCodes.Success;
    }
}
