using System.Globalization;
using Assessments.Definitions;
using Assessments.Scoring;

namespace Assessments.Cli;

/// <summary>
/// <c>assess demo</c>: scores the shipped example responses with the shipped instruments (through the same streaming
/// path as <c>assess score</c>) and prints each person's profile as a counsellor would read it.
/// </summary>
internal static class DemoCommand
{
    private const int BarWidth = 20;

    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        var line = CommandLine.Parse(args, ["--lang", "--instruments"], []);
        var language = line.Choice("--lang", "en", "en", "fr");
        var folder = line.Get("--instruments") ?? Path.Combine(AppContext.BaseDirectory, "instruments");
        var instrumentPath = Path.Combine(folder, "career-readiness.json");
        var responsesPath = Path.Combine(folder, "examples", "career-readiness.responses.csv");
        if (!File.Exists(instrumentPath) || !File.Exists(responsesPath))
        {
            throw new InputException($"The shipped instruments were not found in {folder}; pass --instruments FOLDER.");
        }

        var instrument = AssessCli.LoadInstrument(instrumentPath);
        var results = new List<InstrumentResult>();
        var summary = new CsvScoreRun
        {
            Instrument = instrument,
            ResponsesPath = responsesPath,
            Log = stderr,
            OnResult = results.Add,
        }.Run();

        stdout.WriteLine($"{instrument.Title[language]}  ({instrument.Reference})");
        stdout.WriteLine($"fingerprint {instrument.Fingerprint}");
        if (instrument.Notice is { } notice)
        {
            stdout.WriteLine(notice[language]);
        }

        stdout.WriteLine();
        foreach (var scale in instrument.Scales)
        {
            stdout.WriteLine($"  {Title(scale, language)}: {scale.Description?[language]}");
        }

        var width = instrument.Scales.Max(s => Title(s, language).Length);
        foreach (var result in results)
        {
            stdout.WriteLine();
            stdout.WriteLine(result.RespondentId);
            foreach (var scale in instrument.Scales)
            {
                var score = result[scale.Id];
                var label = Title(scale, language).PadRight(width);
                stdout.WriteLine(score.Value is { } value
                    ? string.Create(CultureInfo.InvariantCulture, $"  {label}  {value,5:0.00}  {Bar(scale, value)}  ({score.Answered}/{score.ItemCount} answered)")
                    : $"  {label}    —    {score.MissingReason}");
            }
        }

        stdout.WriteLine();
        stdout.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{summary.Read} respondents read, {summary.Scored} scored, {summary.Rejected} rejected."));
        return summary.Rejected > 0 ? ExitCodes.SomeRejected : ExitCodes.Success;
    }

    private static string Title(Scale scale, string language) => scale.Title?[language] ?? scale.Id;

    /// <summary>A bar from the lowest to the highest possible score of the scale.</summary>
    private static string Bar(Scale scale, double value)
    {
        double low = 0, high = 0;
        foreach (var item in scale.Items)
        {
            low += item.Weight * item.Item.Format!.Min;
            high += item.Weight * item.Item.Format.Max;
        }

        if (scale.Aggregate == ScaleAggregate.Mean)
        {
            low /= scale.TotalWeight;
            high /= scale.TotalWeight;
        }

        var filled = (int)Math.Round((value - low) / (high - low) * BarWidth, MidpointRounding.AwayFromZero);
        filled = Math.Clamp(filled, 0, BarWidth);
        return new string('█', filled) + new string('░', BarWidth - filled);
    }
}
