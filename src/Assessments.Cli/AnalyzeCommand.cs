using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Assessments.CardSort;
using Assessments.Localization;
using Assessments.Responses;

namespace Assessments.Cli;

/// <summary>
/// <c>assess analyze</c>: group statistics of a set of responses. For scales (a CSV, read as <c>assess score</c> reads it):
/// reliability and item statistics as R's psych computes them (<see cref="ScaleAnalysis"/>). For a card sort (JSON Lines):
/// Borda consensus, mean ranks, Kendall's W, and for paired comparisons Thurstone's and Bradley–Terry's scales.
/// </summary>
internal static class AnalyzeCommand
{
    public static Command Create(CliStreams io)
    {
        // Required unless --correlations gives a matrix instead (checked in the action).
        var instrument = CliOptions.Text("--instrument", "An instrument definition file, or the id of a shipped instrument (career-readiness, ikigai, interests-riasec, type-indicator, values-cards). Required unless --correlations.", helpName: "FILE|ID");
        var responses = CliOptions.Text("--responses", "The responses: a CSV as for `assess score` (scales), or JSON Lines of card sorts. Required unless --correlations.", helpName: "FILE");
        var correlations = CliOptions.OptionalText("--correlations", "Instead of an instrument and responses: a correlation matrix (CSV with a header of names and one named row per variable; a triangle is enough), for --omega.", "FILE");
        var format = CliOptions.Choice("--format", "The output: a table for people, JSON (everything), CSV of the scales' statistics, or CSV of the items' (csv-items).", "table", "table", "json", "csv", "csv-items");
        var language = CliOptions.Language();
        var idColumn = CliOptions.IdColumn();
        var separator = CliOptions.Separator();
        var answers = CliOptions.Answers();
        var extra = CliOptions.ExtraColumns();
        var survey = new CliOptions.Survey();
        var sheet = CliOptions.OptionalText("--sheet", "The sheet of an Excel workbook to read (default: the first).", "NAME");
        var impute = CliOptions.Choice("--impute", "Missing answers: left out pairwise (none), or replaced by the item's median or mean as psych's scoreItems does.", "none", "none", "median", "mean");
        var omega = CliOptions.OptionalWhole("--omega", "Also McDonald's omega with this many group factors (as psych::omega).", 1, 20);
        var command = new Command("analyze", "Scales: alpha, G6, average r, S/N, SEM and item statistics as R's psych computes them. Card sorts: Borda consensus, Kendall's W, Thurstone, Bradley–Terry.")
        {
            instrument, responses, correlations, format, language, idColumn, extra, separator, answers, survey.Layout, survey.Columns, survey.AnswerCodes, sheet, impute, omega,
        };
        command.SetAction(parse =>
        {
            if (parse.GetValue(correlations) is { } matrix)
            {
                ScoreCommand.Refuse(parse, "--correlations gives omega of a correlation matrix, and no answers are read", instrument, responses, idColumn, extra, separator, answers,
                    survey.Layout, survey.Columns, survey.AnswerCodes, sheet, impute);
                if (parse.GetValue(omega) is not { } factors)
                {
                    throw new UsageException("--correlations needs --omega N: the number of group factors of the omega to compute from the matrix.");
                }

                if (parse.GetValue(format) is "csv-items")
                {
                    throw new UsageException("--format csv-items lists items' statistics from answers; a correlation matrix gives omega as a table, JSON or CSV.");
                }

                ScoreCommand.RequireFile(matrix);
                return ScaleAnalysis.RunCorrelations(matrix, parse.GetValue(format)!, factors, TextCatalog.For(parse.GetValue(language)!), io.Out);
            }

            foreach (var required in new[] { instrument, responses })
            {
                if (parse.GetValue(required) is null)
                {
                    throw new UsageException($"Option '{required.Name}' is required (or --correlations FILE with --omega N for omega of a correlation matrix).");
                }
            }

            var path = parse.GetValue(responses)!;
            var definition = AssessCli.LoadInstrument(parse.GetValue(instrument)!);
            ScoreCommand.RequireFile(path);
            var imputation = parse.GetValue(impute) switch
            {
                "median" => Psychometrics.Imputation.PsychMedian,
                "mean" => Psychometrics.Imputation.PsychMean,
                _ => Psychometrics.Imputation.None,
            };
            if (definition.KindSettings is not CardSortSettings settings)
            {
                if (definition.Scales.Count == 0)
                {
                    throw new UsageException($"'{definition.Reference}' has no scales to analyse.");
                }

                ScoreCommand.RefuseTableMismatch(parse, path, sheet, separator);
                return ScaleAnalysis.Run(definition, path, survey.Apply(parse, new ResponsesReadOptions
                {
                    Sheet = parse.GetValue(sheet),
                    IdColumn = parse.GetValue(idColumn),
                    Separator = parse.GetValue(separator),
                    IgnoreExtraColumns = parse.GetValue(extra) == "ignore",
                    Answers = Enum.Parse<Responses.AnswerReading>(parse.GetValue(answers)!, ignoreCase: true),
                }, definition), parse.GetValue(format)!, imputation, parse.GetValue(omega), TextCatalog.For(parse.GetValue(language)!), io.Out, io.Error);
            }

            ScoreCommand.Refuse(parse, $"{definition.Reference} is a card sort (JSON Lines)", idColumn, extra, separator, answers, survey.Layout, survey.Columns, survey.AnswerCodes, sheet, impute, omega);
            if (parse.GetValue(format) is "csv" or "csv-items")
            {
                throw new UsageException($"--format {parse.GetValue(format)} gives statistics of scales; a card sort's analysis is a table or JSON.");
            }

            return CardSorts(definition, settings, path, parse.GetValue(format)!, TextCatalog.For(parse.GetValue(language)!), io.Out, io.Error);
        });
        return command;
    }

    private static int CardSorts(Instrument instrument, CardSortSettings settings, string path, string format, TextCatalog text, TextWriter stdout, TextWriter stderr)
    {
        var responses = new List<CardSortResponse>();
        var summary = CardSortScoreRun.Run(instrument, path, null, ScoreFormat.JsonLines, null, onResponse: responses.Add);
        if (summary.Rejected > 0)
        {
            stderr.WriteLine(text.Format("analyze.cards.invalid", summary.Rejected, summary.Read));
        }

        if (responses.Count == 0)
        {
            throw new InputFileException($"{path}: no valid card sort to analyse.");
        }

        var group = CardSortGroup.Analyze(instrument, responses);
        var titles = settings.Cards.ToDictionary(c => c.Id, c => c.Title[text.Language], StringComparer.Ordinal);
        if (format == "json")
        {
            stdout.WriteLine(Json(group));
        }
        else
        {
            Table(stdout, text, instrument, group, titles);
        }

        return summary.Rejected > 0 ? ExitCodes.SomeRejected : ExitCodes.Success;
    }

    private static void Table(TextWriter stdout, TextCatalog text, Instrument instrument, CardSortGroup group, Dictionary<string, string> titles)
    {
        stdout.WriteLine(text.Format("analyze.cards.header", instrument.Title[text.Language], instrument.Version, group.People, group.CardIds.Count));
        if (group.Concordance is { } w)
        {
            stdout.WriteLine(text.Format("analyze.cards.kendall", w.W, w.ChiSquare, w.DegreesOfFreedom, w.PValue));
        }

        stdout.WriteLine();
        stdout.WriteLine(ScaleAnalysis.Columns((text["analyze.cards.rank"], 4), (text["analyze.cards.card"], -30), ("Borda", 6), (text["analyze.cards.meanRank"], 10)).Insert(4, " "));
        var position = 0;
        foreach (var id in group.ConsensusOrder)
        {
            var i = group.CardIds.ToList().IndexOf(id);
            stdout.WriteLine(string.Create(text.Culture, $"{++position,4}  {titles[id],-30} {group.BordaPoints[i],6:0.#}  {group.MeanRanks[i],9:0.00}"));
        }

        if (group.Kemeny is { } kemeny)
        {
            stdout.WriteLine();
            stdout.WriteLine(text.Format(kemeny.Optimal ? "analyze.cards.kemenyOptimal" : "analyze.cards.kemenyHeuristic", kemeny.Distance, kemeny.LowerBound));
            var place = 0;
            foreach (var i in kemeny.Order)
            {
                stdout.WriteLine(string.Create(text.Culture, $"{++place,4}  {titles[group.CardIds[i]]}"));
            }
        }

        if (group.Thurstone is { } t)
        {
            stdout.WriteLine();
            stdout.WriteLine(text.Format("analyze.cards.thurstone", t.GoodnessOfFit, t.Clamped));
            foreach (var (id, value) in group.CardIds.Zip(t.Scale).OrderByDescending(p => p.Second))
            {
                stdout.WriteLine(string.Create(text.Culture, $"  {titles[id],-30} {value,6:0.000}"));
            }
        }

        if (group.BradleyTerry is { } bt)
        {
            stdout.WriteLine();
            if (bt.LogAbilities is { } abilities)
            {
                stdout.WriteLine(text.Format("analyze.cards.bradleyTerry", titles[group.CardIds[0]]));
                foreach (var (id, i) in group.CardIds.Select((id, i) => (id, i)).OrderByDescending(p => abilities[p.i]))
                {
                    stdout.WriteLine(string.Create(text.Culture, $"  {titles[id],-30} {abilities[i],7:0.000}  ({bt.StandardErrors![i]:0.000})"));
                }

                stdout.WriteLine(text.Format("analyze.cards.deviance", bt.Deviance, bt.DevianceDegreesOfFreedom, bt.NullDeviance, bt.NullDevianceDegreesOfFreedom));
            }
            else
            {
                stdout.WriteLine(text["analyze.cards.bradleyTerryNone"]);
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

            if (group.Kemeny is { } kemeny)
            {
                json.WriteStartObject("kemeny");
                json.WriteStartArray("order");
                foreach (var i in kemeny.Order)
                {
                    json.WriteStringValue(group.CardIds[i]);
                }

                json.WriteEndArray();
                json.WriteNumber("distance", kemeny.Distance);
                json.WriteNumber("lowerBound", kemeny.LowerBound);
                json.WriteBoolean("optimal", kemeny.Optimal);
                json.WriteBoolean("exact", kemeny.Exact);
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
                    json.WriteStartObject("standardErrors");
                    foreach (var (id, value) in group.CardIds.Zip(bt.StandardErrors!))
                    {
                        json.WriteNumber(id, value);
                    }

                    json.WriteEndObject();
                    json.WriteNumber("deviance", bt.Deviance);
                    json.WriteNumber("devianceDf", bt.DevianceDegreesOfFreedom);
                    json.WriteNumber("nullDeviance", bt.NullDeviance);
                    json.WriteNumber("nullDevianceDf", bt.NullDevianceDegreesOfFreedom);
                }

                json.WriteEndObject();
            }

            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }
}
