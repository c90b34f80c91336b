using System.Globalization;

namespace Assessments.Cli;

/// <summary>
/// <c>assess generate --instrument FILE --rows N [--seed S] [--missing 0.05] [--out FILE]</c>: a deterministic synthetic
/// responses CSV (id column, then every item with a format; answers uniform over the format, a share left empty) for
/// benchmarks and for testing pipelines. The same arguments always give the same bytes (System.Random with a seed).
/// </summary>
internal static class GenerateCommand
{
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        var line = CommandLine.Parse(args, ["--instrument", "--rows", "--seed", "--missing", "--out"], []);
        var instrument = AssessCli.LoadInstrument(line.Require("--instrument"));
        var rowsText = line.Require("--rows");
        if (!long.TryParse(rowsText, NumberStyles.None, CultureInfo.InvariantCulture, out var rows) || rows < 0)
        {
            throw new UsageException($"--rows must be a whole number, 0 or more; found '{rowsText}'.");
        }

        var seedText = line.Get("--seed") ?? "1";
        if (!int.TryParse(seedText, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var seed))
        {
            throw new UsageException($"--seed must be a whole number; found '{seedText}'.");
        }

        var missingText = line.Get("--missing") ?? "0.05";
        if (!double.TryParse(missingText, NumberStyles.Float, CultureInfo.InvariantCulture, out var missing) || missing is < 0 or > 1)
        {
            throw new UsageException($"--missing must be a share from 0 to 1; found '{missingText}'.");
        }

        var items = instrument.Items.Where(i => i.Format is not null).ToList();
        if (items.Count == 0)
        {
            throw new UsageException($"'{instrument.Reference}' has no rated items to generate answers for.");
        }

        var random = new Random(seed);
        using var output = OutputFile.Open(line.Get("--out"), stdout);
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
