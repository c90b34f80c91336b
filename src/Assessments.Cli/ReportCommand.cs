using Assessments.Reports;

namespace Assessments.Cli;

/// <summary>
/// <c>assess report --results FILE.jsonl --person ID [--lang fr|en] [--out FILE.html] [--catalog onet:DIR|rome:DIR|FILE.json]
/// [--job-zones-from DIR] [--top K]</c>: one person's results (the JSON lines <c>assess score --format jsonl</c> writes,
/// several instruments in one file) as a self-contained HTML synthesis; occupations from the catalog (default: the
/// starter catalog shipped in the package).
/// </summary>
internal static class ReportCommand
{
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        var line = CommandLine.Parse(args, ["--results", "--person", "--lang", "--out", "--catalog", "--job-zones-from", "--top"], []);
        var resultsPath = line.Get("--results") ?? throw new UsageException("report needs --results FILE.jsonl (as written by assess score --format jsonl).");
        var person = line.Get("--person") ?? throw new UsageException("report needs --person ID.");
        var language = line.Choice("--lang", "en", "en", "fr");
        var top = int.TryParse(line.Get("--top") ?? "10", System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var k) && k is > 0 and <= 100
            ? k
            : throw new UsageException("--top takes a whole number from 1 to 100.");
        if (!File.Exists(resultsPath))
        {
            throw new InputException($"{resultsPath}: the results file does not exist.");
        }

        CareerProfile profile;
        try
        {
            profile = CareerProfile.FromJsonLines(File.ReadLines(resultsPath), person);
        }
        catch (FormatException ex)
        {
            throw new InputException($"{resultsPath}: {ex.Message}");
        }
        catch (ArgumentException ex)
        {
            throw new InputException($"{resultsPath}: {ex.Message}");
        }

        var catalog = line.Get("--catalog") is { } spec
            ? MatchCommand.LoadCatalog(spec, line.Get("--job-zones-from"))
            : Assessments.Matching.OccupationCatalog.LoadStarter();
        profile = profile.WithOccupations(catalog, top);
        var output = OutputFile.Open(line.Get("--out"), stdout);
        output.Writer.Write(ReportRenderer.Render(profile, language));
        output.Commit();
        stderr.WriteLine($"{person}: report of {profile.Sources.Count} result(s){(line.Get("--out") is { } path ? " written to " + path : "")}");
        return ExitCodes.Success;
    }
}
