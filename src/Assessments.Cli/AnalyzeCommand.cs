using System.Globalization;
using System.Text;
using System.Text.Json;
using Assessments.CardSort;
using Assessments.Responses;

namespace Assessments.Cli;

/// <summary>
/// <c>assess analyze</c>: group statistics of a set of responses. For a card sort: Borda consensus, mean ranks, Kendall's W,
/// and for paired comparisons Thurstone's and Bradley–Terry's scales. (Reliability of Likert scales comes with the
/// psychometrics work and is refused here for now.)
/// </summary>
internal static class AnalyzeCommand
{
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        var line = CommandLine.Parse(args, ["--instrument", "--responses", "--format", "--lang", "--id-column", "--impute", "--omega"], []);
        var format = line.Choice("--format", "table", "table", "json", "csv");
        var impute = line.Choice("--impute", "none", "none", "median", "mean") switch
        {
            "median" => Psychometrics.Imputation.PsychMedian,
            "mean" => Psychometrics.Imputation.PsychMean,
            _ => Psychometrics.Imputation.None,
        };
        var language = line.Choice("--lang", "en", "en", "fr");
        var instrument = AssessCli.LoadInstrument(line.Require("--instrument"));
        var path = line.Require("--responses");
        if (!File.Exists(path))
        {
            throw new InputException($"{path}: file not found.");
        }

        if (instrument.KindSettings is not CardSortSettings settings)
        {
            if (instrument.Scales.Count == 0)
            {
                throw new UsageException($"'{instrument.Reference}' has no scales to analyse.");
            }

            int? omega = null;
            if (line.Get("--omega") is { } omegaText)
            {
                omega = int.TryParse(omegaText, NumberStyles.None, CultureInfo.InvariantCulture, out var f) && f >= 1 && f <= 20
                    ? f
                    : throw new UsageException($"--omega takes the number of group factors, 1 to 20; found '{omegaText}'.");
            }

            return ScaleAnalysis.Run(instrument, path, line.Get("--id-column"), format, impute, omega, stdout, stderr);
        }

        var responses = new List<CardSortResponse>();
        var summary = CardSortScoreRun.Run(instrument, path, null, "jsonl", null, onResponse: responses.Add);
        if (summary.Rejected > 0)
        {
            stderr.WriteLine(string.Create(CultureInfo.InvariantCulture, $"warning: {summary.Rejected} of {summary.Read} sorts are invalid and left out; `assess score --rejects FILE` lists why."));
        }

        if (responses.Count == 0)
        {
            throw new InputException($"{path}: no valid card sort to analyse.");
        }

        var group = CardSortGroup.Analyze(instrument, responses);
        var titles = settings.Cards.ToDictionary(c => c.Id, c => c.Title[language], StringComparer.Ordinal);
        if (format == "json")
        {
            stdout.WriteLine(Json(group));
        }
        else
        {
            Table(stdout, instrument, group, titles);
        }

        return summary.Rejected > 0 ? ExitCodes.SomeRejected : ExitCodes.Success;
    }

    private static void Table(TextWriter stdout, Instrument instrument, CardSortGroup group, Dictionary<string, string> titles)
    {
        stdout.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{instrument.Reference}: {group.People} card sort(s), {group.CardIds.Count} cards"));
        if (group.Concordance is { } w)
        {
            stdout.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Kendall's W = {w.W:0.000} (tie-corrected), chi-square = {w.ChiSquare:0.00}, df = {w.DegreesOfFreedom}, p = {w.PValue:0.0000}"));
        }

        stdout.WriteLine();
        stdout.WriteLine("rank  card                            Borda  mean rank");
        var position = 0;
        foreach (var id in group.ConsensusOrder)
        {
            var i = group.CardIds.ToList().IndexOf(id);
            stdout.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{++position,4}  {titles[id],-30} {group.BordaPoints[i],6:0.#}  {group.MeanRanks[i],9:0.00}"));
        }

        if (group.Thurstone is { } t)
        {
            stdout.WriteLine();
            stdout.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Thurstone Case V (GF = {t.GoodnessOfFit:0.0000}, {t.Clamped} proportion(s) of 0 or 1 clamped):"));
            foreach (var (id, value) in group.CardIds.Zip(t.Scale).OrderByDescending(p => p.Second))
            {
                stdout.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {titles[id],-30} {value,6:0.000}"));
            }
        }

        if (group.BradleyTerry is { } bt)
        {
            stdout.WriteLine();
            if (bt.LogAbilities is { } abilities)
            {
                stdout.WriteLine($"Bradley–Terry log-abilities (relative to {titles[group.CardIds[0]]}):");
                foreach (var (id, value) in group.CardIds.Zip(abilities).OrderByDescending(p => p.Second))
                {
                    stdout.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {titles[id],-30} {value,7:0.000}"));
                }
            }
            else
            {
                stdout.WriteLine("Bradley–Terry: no maximum-likelihood estimate exists (some card never wins or never loses).");
            }
        }
    }

    private static string Json(CardSortGroup group)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteNumber("people", group.People);
            json.WriteStartArray("consensus");
            foreach (var id in group.ConsensusOrder)
            {
                var i = group.CardIds.ToList().IndexOf(id);
                json.WriteStartObject();
                json.WriteString("card", id);
                json.WriteNumber("borda", group.BordaPoints[i]);
                json.WriteNumber("meanRank", group.MeanRanks[i]);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            if (group.Concordance is { } w)
            {
                json.WriteStartObject("kendallW");
                json.WriteNumber("w", w.W);
                json.WriteNumber("chiSquare", w.ChiSquare);
                json.WriteNumber("df", w.DegreesOfFreedom);
                json.WriteNumber("p", w.PValue);
                json.WriteEndObject();
            }

            if (group.Thurstone is { } t)
            {
                json.WriteStartObject("thurstone");
                json.WriteNumber("gf", t.GoodnessOfFit);
                json.WriteStartObject("scale");
                foreach (var (id, value) in group.CardIds.Zip(t.Scale))
                {
                    json.WriteNumber(id, value);
                }

                json.WriteEndObject();
                json.WriteEndObject();
            }

            if (group.BradleyTerry is { } bt)
            {
                json.WriteStartObject("bradleyTerry");
                json.WriteBoolean("exists", bt.Exists);
                if (bt.LogAbilities is { } abilities)
                {
                    json.WriteStartObject("logAbilities");
                    foreach (var (id, value) in group.CardIds.Zip(abilities))
                    {
                        json.WriteNumber(id, value);
                    }

                    json.WriteEndObject();
                }

                json.WriteEndObject();
            }

            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }
}
