using System.CommandLine;
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
    public static Command Create(CliStreams io)
    {
        var instrument = CliOptions.Instrument("The instrument definition file to copy with norms (or the id of a shipped instrument).");
        var responses = CliOptions.Responses("The norm sample: a responses CSV as for `assess score`.");
        var output = CliOptions.Text("--out", "Where to write the copy of the definition with its norms (JSON).", required: true, helpName: "FILE");
        var idColumn = CliOptions.IdColumn();
        var separator = CliOptions.Separator();
        var answers = CliOptions.Answers();
        var extra = CliOptions.ExtraColumns();
        var survey = new CliOptions.Survey();
        var sheet = CliOptions.OptionalText("--sheet", "The sheet of an Excel workbook to read (default: the first).", "NAME");
        var command = new Command("norms", "Write a copy of the instrument with norms from a sample: mean, SD and frequency table per scale.")
        {
            instrument, responses, output, idColumn, extra, separator, answers, survey.Layout, survey.Columns, survey.AnswerCodes, sheet,
        };
        command.SetAction(parse =>
        {
            ScoreCommand.RefuseTableMismatch(parse, parse.GetValue(responses)!, sheet, separator);
            return Run(parse.GetValue(instrument)!, parse.GetValue(responses)!, parse.GetValue(output)!, new ResponsesReadOptions
            {
                Sheet = parse.GetValue(sheet),
                IdColumn = parse.GetValue(idColumn),
                Separator = parse.GetValue(separator),
                IgnoreExtraColumns = parse.GetValue(extra) == "ignore",
                Answers = Enum.Parse<Responses.AnswerReading>(parse.GetValue(answers)!, ignoreCase: true),
            }, (definition, read) => survey.Apply(parse, read, definition), io.Out, io.Error);
        });
        return command;
    }

    private static int Run(string instrumentPath, string responsesPath, string outPath, ResponsesReadOptions read, Func<Instrument, ResponsesReadOptions, ResponsesReadOptions> survey, TextWriter stdout, TextWriter stderr)
    {
        OutputFile.CheckDistinct([("--instrument", instrumentPath), ("--responses", responsesPath)], [("--out", outPath)]);
        var instrument = AssessCli.LoadInstrument(instrumentPath);
        if (instrument.Scales.Count == 0)
        {
            throw new UsageException($"'{instrument.Reference}' has no scales to norm.");
        }

        ScoreCommand.RequireFile(responsesPath);
        var rows = new ResponseCollector(instrument.Items.Count);
        var summary = new ScoreRun
        {
            Instrument = instrument,
            ResponsesPath = responsesPath,
            Log = stderr,
            Read = survey(instrument, read),
            Collector = rows,
        }.Run();
        IReadOnlyList<NormGroup> norms;
        try
        {
            norms = NormsBuilder.Build(instrument, rows.ToMatrix());
        }
        catch (ArgumentException ex)
        {
            throw new InputFileException($"{responsesPath}: {ex.Message.Split(" (Parameter", 2)[0]}");
        }

        // A scale on which everyone in the sample scored alike (or that too few people scored) has no spread to norm against.
        if (norms.FirstOrDefault(n => n.N < 2 || !(n.StandardDeviation > 0)) is { } flat)
        {
            throw new InputFileException(string.Create(CultureInfo.InvariantCulture,
                $"{responsesPath}: scale '{flat.ScaleId}' has {(flat.N < 2 ? $"{flat.N} score(s)" : "no spread (every score the same)")} in this sample; norms need at least two different scores per scale. Nothing was written."));
        }

        var date = DateTime.UtcNow.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var population = instrument.Languages.ToDictionary(l => l, l => l == "fr"
            ? string.Create(CultureInfo.InvariantCulture, $"Échantillon de {summary.Scored} personnes ({Path.GetFileName(responsesPath)}, {date})")
            : string.Create(CultureInfo.InvariantCulture, $"Sample of {summary.Scored} people ({Path.GetFileName(responsesPath)}, {date})"));
        var definition = File.Exists(instrumentPath) ? File.ReadAllText(instrumentPath) : Instruments.Definition(instrumentPath);
        var json = NormsBuilder.WriteInto(definition, norms, population);

        // The written definition must load: it is checked before it replaces anything (a norms section that does not
        // validate would be worse than none).
        var check = Instrument.Parse(json, sourceName: outPath);
        using (var output = OutputFile.Open(outPath, stdout))
        {
            output.Writer.WriteLine(json);
            output.Commit();
        }

        stderr.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{check.Reference}: norms for {norms.Count} scale(s) from {summary.Scored} people written to {outPath} (fingerprint {check.Fingerprint})"));
        foreach (var n in norms)
        {
            stdout.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{n.ScaleId}: n {n.N}, mean {n.Mean:0.000}, sd {n.StandardDeviation:0.000}, {n.Table.Count} distinct scores"));
        }

        return summary.Rejected > 0 ? ExitCodes.SomeRejected : ExitCodes.Success;
    }
}
