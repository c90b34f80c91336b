using System.Globalization;
using Assessments.Psychometrics;
using Assessments.Responses;

namespace Assessments.Cli;

/// <summary>
/// <c>assess norms --instrument FILE --responses FILE.csv --out FILE.json</c>: scores the sample with the instrument's own
/// rules and writes a copy of the definition with a <c>norms</c> section (mean, SD, frequency table per scale).
/// </summary>
internal static class NormsCommand
{
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        var line = CommandLine.Parse(args, ["--instrument", "--responses", "--out", "--id-column"], []);
        var instrumentPath = line.Require("--instrument");
        var responsesPath = line.Require("--responses");
        var outPath = line.Require("--out");
        var instrument = AssessCli.LoadInstrument(instrumentPath);
        if (instrument.Scales.Count == 0)
        {
            throw new UsageException($"'{instrument.Reference}' has no scales to norm.");
        }

        if (!File.Exists(responsesPath))
        {
            throw new InputException($"{responsesPath}: file not found.");
        }

        var rows = new MatrixCollector(instrument.Items.Count);
        var summary = new CsvScoreRun
        {
            Instrument = instrument,
            ResponsesPath = responsesPath,
            Log = stderr,
            IdColumn = line.Get("--id-column"),
            Collector = rows,
        }.Run();
        IReadOnlyList<NormGroup> norms;
        try
        {
            norms = NormsBuilder.Build(instrument, rows.ToMatrix());
        }
        catch (ArgumentException ex)
        {
            throw new InputException($"{responsesPath}: {ex.Message.Split(" (Parameter", 2)[0]}");
        }

        var date = DateTime.UtcNow.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var population = instrument.Languages.ToDictionary(l => l, l => l == "fr"
            ? string.Create(CultureInfo.InvariantCulture, $"Échantillon de {summary.Scored} personnes ({Path.GetFileName(responsesPath)}, {date})")
            : string.Create(CultureInfo.InvariantCulture, $"Sample of {summary.Scored} people ({Path.GetFileName(responsesPath)}, {date})"));
        var json = NormsBuilder.WriteInto(File.ReadAllText(instrumentPath), norms, population);
        using (var output = OutputFile.Open(outPath, stdout))
        {
            output.Writer.WriteLine(json);
            output.Commit();
        }

        // The written definition must load: a norms section that does not validate would be worse than none.
        var check = AssessCli.LoadInstrument(outPath);
        stderr.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{check.Reference}: norms for {norms.Count} scale(s) from {summary.Scored} people written to {outPath} (fingerprint {check.Fingerprint})"));
        foreach (var n in norms)
        {
            stdout.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{n.ScaleId}: n {n.N}, mean {n.Mean:0.000}, sd {n.StandardDeviation:0.000}, {n.Table.Count} distinct scores"));
        }

        return summary.Rejected > 0 ? ExitCodes.SomeRejected : ExitCodes.Success;
    }
}
