using System.CommandLine;
using System.Globalization;

namespace Assessments.Cli;

/// <summary>
/// <c>assess generate --instrument FILE --rows N [--seed S] [--missing 0.05] [--out FILE]</c>: a deterministic synthetic
/// responses CSV (id column, then every item with a format; answers uniform over the format, a share left empty) for
/// benchmarks and for testing pipelines. The same arguments always give the same bytes (System.Random with a seed).
/// </summary>
internal static class GenerateCommand
{
    /// <summary>The most rows one run generates (a billion rows of 60 items is about 130 GB).</summary>
    public const long MaxRows = 1_000_000_000;

    public static Command Create(CliStreams io)
    {
        var instrument = CliOptions.Instrument();
        var rows = new Option<long>("--rows")
        {
            Description = "How many respondents to generate.",
            HelpName = "N",
            Required = true,
            CustomParser = r =>
            {
                var text = r.Tokens.Count > 0 ? r.Tokens[^1].Value : "";
                if (!long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value > MaxRows)
                {
                    r.AddError(string.Create(CultureInfo.InvariantCulture, $"--rows must be a whole number from 0 to {MaxRows}; found '{(text.Length > 40 ? text[..40] + "…" : text)}'."));
                }

                return value;
            },
        };
        var seed = new Option<int>("--seed")
        {
            Description = "The random seed: the same seed gives the same bytes.",
            HelpName = "S",
            DefaultValueFactory = _ => 1,
            CustomParser = r =>
            {
                var text = r.Tokens.Count > 0 ? r.Tokens[^1].Value : "";
                if (!int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
                {
                    r.AddError($"--seed must be a whole number from {int.MinValue} to {int.MaxValue}; found '{(text.Length > 40 ? text[..40] + "…" : text)}'.");
                }

                return value;
            },
        };
        var missing = CliOptions.Number("--missing", "The share of answers left empty.", 0, 1, 0.05);
        var output = CliOptions.Out();
        var command = new Command("generate", "Write a deterministic synthetic responses CSV (benchmarks, pipeline tests).")
        {
            instrument, rows, seed, missing, output,
        };
        command.SetAction(parse => Run(parse.GetValue(instrument)!, parse.GetValue(rows), parse.GetValue(seed), parse.GetValue(missing), parse.GetValue(output), io.Out, io.Error));
        return command;
    }

    private static int Run(string instrumentPath, long rows, int seed, double missing, string? outPath, TextWriter stdout, TextWriter stderr)
    {
        OutputFile.CheckDistinct([("--instrument", instrumentPath)], [("--out", outPath)]);
        var instrument = AssessCli.LoadInstrument(instrumentPath);
        var items = instrument.Items.Where(i => i.Format is not null).ToList();
        if (items.Count == 0)
        {
            throw new UsageException($"'{instrument.Reference}' has no rated items to generate answers for.");
        }

        var random = new Random(seed);
        using var output = OutputFile.Open(outPath, stdout);
        var writer = output.Writer;
        writer.WriteLine("id," + string.Join(",", items.Select(i => CsvText.Escape(i.Id, ','))));
        var buffer = new char[items.Count * 8 + 32];
        for (long r = 1; r <= rows; r++)
        {
            var length = 0;
            buffer[length++] = 'r';
            r.TryFormat(buffer.AsSpan(length), out var written, default, CultureInfo.InvariantCulture);
            length += written;
            foreach (var item in items)
            {
                buffer[length++] = ',';
                var draw = random.NextDouble();
                var answer = random.Next(item.Format!.Min, item.Format.Max + 1);
                if (draw >= missing)
                {
                    answer.TryFormat(buffer.AsSpan(length), out written, default, CultureInfo.InvariantCulture);
                    length += written;
                }
            }

            writer.WriteLine(buffer.AsSpan(0, length));
        }

        output.Commit();
        stderr.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{instrument.Reference}: {rows} rows × {items.Count} items generated (seed {seed}, {missing:P0} missing)"));
        return ExitCodes.Success;
    }
}
