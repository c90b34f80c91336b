using System.CommandLine;
using System.Globalization;
using Assessments.CardSort;
using Assessments.Definitions;
using Assessments.Ikigai;
using Assessments.Interests;
using Assessments.Localization;
using Assessments.Matching;
using Assessments.TypeIndicator;
using Assessments.Scoring;

namespace Assessments.Cli;

/// <summary>
/// <c>assess demo</c>: scores the shipped example responses with the shipped instruments (through the same streaming
/// path as <c>assess score</c>) and prints each person's profile as a counsellor would read it.
/// </summary>
internal static class DemoCommand
{
    private const int BarWidth = 20;

    public static Command Create(CliStreams io)
    {
        var language = CliOptions.Language();
        var instruments = CliOptions.OptionalText("--instruments", "The folder of the shipped instruments and examples (default: beside the tool).", "FOLDER");
        var svg = CliOptions.OptionalText("--svg", "Also write each example person's RIASEC hexagon as SVG into this folder.", "FOLDER");
        var report = CliOptions.OptionalText("--report", "Where to write the example person's HTML synthesis (default: a file in the temporary folder; its path is printed).", "FILE");
        var command = new Command("demo", "Score the shipped example responses, print readable profiles and matches, and write the example person's synthesis.")
        {
            language, instruments, svg, report,
        };
        command.SetAction(parse => Run(parse.GetValue(language)!, parse.GetValue(instruments), parse.GetValue(svg), parse.GetValue(report), io.Out, io.Error));
        return command;
    }

    private static int Run(string language, string? instrumentsFolder, string? svgFolder, string? reportFile, TextWriter stdout, TextWriter stderr)
    {
        var folder = instrumentsFolder ?? Path.Combine(AppContext.BaseDirectory, "instruments");
        var instrumentPath = Path.Combine(folder, "career-readiness.json");
        var responsesPath = Path.Combine(folder, "examples", "career-readiness.responses.csv");
        if (!File.Exists(instrumentPath) || !File.Exists(responsesPath))
        {
            throw new InputFileException($"The shipped instruments were not found in {folder}; pass --instruments FOLDER.");
        }

        var instrument = AssessCli.LoadInstrument(instrumentPath);
        var results = new List<InstrumentResult>();
        var summary = new ScoreRun
        {
            Instrument = instrument,
            ResponsesPath = responsesPath,
            Log = stderr,
            Read = new ResponsesReadOptions { Separator = ',' },
            OnResult = results.Add,
        }.Run();

        var t = TextCatalog.For(language);
        stdout.WriteLine($"{instrument.Title[language]}  ({instrument.Reference})");
        stdout.WriteLine(t.Format("demo.fingerprint", instrument.Fingerprint));
        if (instrument.Notice is { } notice)
        {
            stdout.WriteLine(notice[language]);
        }

        stdout.WriteLine();
        foreach (var scale in instrument.Scales)
        {
            stdout.WriteLine(t.Format("demo.scaleDescription", Title(scale, language), scale.Description?[language]));
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
                    ? t.Format("demo.scaleScore", label, value, Bar(scale, value), score.Answered, score.ItemCount)
                    : $"  {label}    —    {Missing(score, t)}");
            }
        }

        stdout.WriteLine();
        stdout.WriteLine(t.Format("demo.counts", summary.Read, summary.Scored, summary.Rejected));
        var forReport = new List<InstrumentResult>();
        var types = TypeIndicatorDemo(folder, language, stdout, stderr, forReport);
        var interestResults = new List<InterestsResult>();
        var interests = InterestsDemo(folder, language, svgFolder, stdout, stderr, interestResults);
        if (interestResults.FirstOrDefault(r => r.Areas is not null) is { } firstInterests)
        {
            forReport.Add(firstInterests);
        }

        var values = ValuesDemo(folder, language, interestResults, stdout, forReport);
        var ikigai = IkigaiDemo(folder, language, stdout, forReport);

        // The written synthesis for an example person who took all four (the examples' first respondents, joined).
        var reportPath = Path.GetFullPath(reportFile ?? Path.Combine(Path.GetTempPath(), $"assess-demo-report-{language}.html"));
        var profile = Assessments.Reports.CareerProfile.FromResults(forReport, "demo")
            .WithOccupations(MatchCommand.LoadCatalog(Path.Combine(folder, "catalogs", "starter-occupations.json"), null), top: 5);
        using var report = OutputFile.Open(reportPath, stdout);
        report.Writer.Write(Assessments.Reports.ReportRenderer.Render(profile, language));
        report.Commit();
        stdout.WriteLine();
        stdout.WriteLine(t.Format("demo.reportWritten", reportPath));
        return summary.Rejected > 0 || types.Rejected > 0 || interests.Rejected > 0 || values.Rejected > 0 || ikigai.Rejected > 0
            ? ExitCodes.SomeRejected
            : ExitCodes.Success;
    }

    /// <summary>The type indicator's examples: each dichotomy as a bar from one pole to the other, the type and its description.</summary>
    private static ScoreSummary TypeIndicatorDemo(string folder, string language, TextWriter stdout, TextWriter stderr, List<InstrumentResult> forReport)
    {
        var instrument = AssessCli.LoadInstrument(Path.Combine(folder, "type-indicator.json"));
        var settings = (TypeIndicatorSettings)instrument.KindSettings!;
        var results = new List<TypeIndicatorResult>();
        var summary = new ScoreRun
        {
            Instrument = instrument,
            ResponsesPath = Path.Combine(folder, "examples", "type-indicator.responses.csv"),
            Log = stderr,
            Read = new ResponsesReadOptions { Separator = ',' },
            OnResult = r => results.Add((TypeIndicatorResult)r),
        }.Run();

        var t = TextCatalog.For(language);
        stdout.WriteLine();
        Header(stdout, instrument, language);
        foreach (var result in results)
        {
            stdout.WriteLine();
            stdout.WriteLine(result.Temperament is { } temperament
                ? t.Format("demo.typeWithTemperament", result.RespondentId, result.Type, temperament)
                : t.Format("demo.type", result.RespondentId, result.Type));
            for (var k = 0; k < result.Dichotomies.Count; k++)
            {
                var d = result.Dichotomies[k];
                var poles = settings.Dichotomies[k];
                stdout.WriteLine(d.Clarity is { } c
                    ? t.Format(d.AtMidpoint ? "demo.dichotomyAtMidpoint" : "demo.dichotomy", poles.Low, ClarityBar(c), poles.High, d.Letter, d.Score, c, t["type.band." + BandKey(d.Band!.Value)])
                    : $"  {poles.Low} {new string(' ', 21)} {poles.High}  X  {t.MissingScore(result[d.ScaleId].Answered, result[d.ScaleId].ItemCount, 1)}");
            }

            if (result.Description is { } description)
            {
                stdout.WriteLine("  " + description[language]);
            }
            else
            {
                stdout.WriteLine(t["demo.undetermined"]);
            }
        }

        if (results.Count > 0)
        {
            forReport.Add(results[0]);
        }

        return summary;
    }

    /// <summary>A 21-cell bar with the midpoint in the centre; the marker sits at the clarity's position from −1 to +1.</summary>
    private static string ClarityBar(double clarity)
    {
        var cells = new char[21];
        Array.Fill(cells, '─');
        cells[10] = '┼';
        cells[(int)Math.Round((clarity + 1) * 10, MidpointRounding.AwayFromZero)] = '●';
        return new string(cells);
    }

    private static string BandKey(ClarityBand band) => band switch
    {
        ClarityBand.Slight => "slight",
        ClarityBand.Moderate => "moderate",
        ClarityBand.Clear => "clear",
        _ => "veryClear",
    };

    /// <summary>Why a scale has no score, in the language: from its counts when too few items were answered.</summary>
    private static string Missing(ScaleScore score, TextCatalog t) =>
        score.ItemCount > 0 && score.Answered < score.ItemCount ? t.MissingScore(score.Answered, score.ItemCount, score.MinAnswered) : score.MissingReason ?? "—";

    /// <summary>The interest inventory's examples: each profile, its code and indices, and the closest starter occupations.</summary>
    private static ScoreSummary InterestsDemo(string folder, string language, string? svgFolder, TextWriter stdout, TextWriter stderr, List<InterestsResult> results)
    {
        var instrument = AssessCli.LoadInstrument(Path.Combine(folder, "interests-riasec.json"));
        var catalog = MatchCommand.LoadCatalog(Path.Combine(folder, "catalogs", "starter-occupations.json"), null);
        var matcher = new OccupationMatcher(catalog, new MatchOptions { Top = 5 });
        var summary = new ScoreRun
        {
            Instrument = instrument,
            ResponsesPath = Path.Combine(folder, "examples", "interests-riasec.responses.csv"),
            Log = stderr,
            Read = new ResponsesReadOptions { Separator = ',' },
            OnResult = r => results.Add((InterestsResult)r),
        }.Run();

        stdout.WriteLine();
        Header(stdout, instrument, language);
        var t = TextCatalog.For(language);
        foreach (var result in results)
        {
            stdout.WriteLine();
            stdout.WriteLine(result.RespondentId);
            foreach (var scale in instrument.Scales)
            {
                var score = result[scale.Id];
                stdout.WriteLine(score.Value is { } value
                    ? string.Format(t.Culture, "  {0} {1,-14} {2,5:0.00}  {3}", scale.Id, Title(scale, language), value, Bar(scale, value))
                    : $"  {scale.Id} {Title(scale, language),-14}   —    {Missing(score, t)}");
            }

            if (result.Code is null)
            {
                continue;
            }

            var ties = result.AdmissibleCodes.Count > 1 ? t.Format("demo.ties", result.AdmissibleCodes.Count, string.Join(", ", result.AdmissibleCodes.Take(4))) : "";
            stdout.WriteLine(t.Format("demo.hollandCode", result.Code, ties));
            string AreaName(char letter) => Title(instrument.FindScale(letter.ToString())!, language);
            foreach (var hexagonLine in HexagonDrawing.Text(result.Areas!, AreaName, t.Culture))
            {
                stdout.WriteLine("  " + hexagonLine);
            }

            if (svgFolder is not null)
            {
                Directory.CreateDirectory(svgFolder);
                var svgPath = Path.Combine(svgFolder, $"interests-{result.RespondentId}.svg");
                using (var svg = OutputFile.Open(svgPath, stdout))
                {
                    svg.Writer.Write(HexagonDrawing.Svg($"{result.RespondentId}: {result.Code}", result.Areas!, 1, 5, AreaName, t.Culture));
                    svg.Commit();
                }

                stdout.WriteLine($"  → {svgPath}");
            }

            stdout.WriteLine(t.Format("demo.indices", t["interests.consistency." + result.Consistency!.Value.ToString().ToLowerInvariant()], result.Differentiation!.DI5, result.Elevation,
                result.Prediger!.DataIdeas, result.Prediger.PeopleThings));
            var profile = new InterestProfile(result.Areas!, 1, 5);
            var matches = matcher.Match(profile);
            if (matches.Count > 0 && double.IsNaN(matches[0].Score))
            {
                stdout.WriteLine(t["demo.flatProfile"]);
                continue;
            }

            stdout.WriteLine(t["demo.closestOccupations"]);
            foreach (var m in matches)
            {
                stdout.WriteLine(t.Format(m.SharedLetters == 1 ? "demo.occupationOneLetter" : "demo.occupationLetters",
                    m.Rank, m.Occupation.Title(language), m.Pearson, m.CIndex, m.OccupationHollandCode, m.SharedLetters));
            }
        }

        stdout.WriteLine();
        stdout.WriteLine(catalog.AttributionIn(language));
        return summary;
    }

    /// <summary>
    /// The values deck's examples: each person's top cards and work-values profile; then, for illustration, one person's
    /// interests (q01) with another's values (v03) as if they were one person's, matched on both.
    /// </summary>
    private static ScoreSummary ValuesDemo(string folder, string language, List<InterestsResult> interests, TextWriter stdout, List<InstrumentResult> forReport)
    {
        var instrument = AssessCli.LoadInstrument(Path.Combine(folder, "values-cards.json"));
        var settings = CardSortScorer.Settings(instrument);
        var results = new List<CardSortResult>();
        var summary = CardSortScoreRun.Run(instrument, Path.Combine(folder, "examples", "values-cards.responses.jsonl"), null, ScoreFormat.JsonLines, null, results.Add);
        var t = TextCatalog.For(language);
        stdout.WriteLine();
        Header(stdout, instrument, language);
        var titles = settings.Cards.ToDictionary(c => c.Id, StringComparer.Ordinal);
        foreach (var result in results)
        {
            stdout.WriteLine();
            stdout.WriteLine(result.RespondentId);
            var position = 0;
            foreach (var id in result.Top)
            {
                var card = titles[id];
                stdout.WriteLine($"  {++position}. {card.Title[language]} — {card.Description?[language]}");
            }

            stdout.WriteLine(t["demo.workValuesProfile"]);
            foreach (var value in Enum.GetValues<WorkValue>())
            {
                if (result.WorkValues[(int)value] is { } v)
                {
                    var filled = (int)Math.Round(v * BarWidth, MidpointRounding.AwayFromZero);
                    stdout.WriteLine(string.Format(t.Culture, "    {0,-22} {1,4:0.00}  {2}{3}", t["workValues." + value.ToString()], v, new string('█', filled), new string('░', BarWidth - filled)));
                }
            }
        }

        var person = interests.FirstOrDefault(r => r.RespondentId == "q01" && r.Areas is not null);
        var values = results.FirstOrDefault(r => r.RespondentId == "v03");
        if (person is not null && values is not null && values.WorkValues.All(v => v is not null))
        {
            var catalog = MatchCommand.LoadCatalog(Path.Combine(folder, "catalogs", "starter-occupations.json"), null);
            stdout.WriteLine();
            stdout.WriteLine(t["demo.joined"]);
            foreach (var m in CombinedMatcher.Match(catalog, new InterestProfile(person.Areas!, 1, 5), [.. values.WorkValues.Select(v => v!.Value)], top: 5))
            {
                stdout.WriteLine(t.Format("demo.combinedOccupation", m.Rank, m.Occupation.Title(language), m.Score, m.Interests.Score, m.Values.Score));
            }

            stdout.WriteLine();
            stdout.WriteLine(catalog.AttributionIn(language));
        }

        if ((results.FirstOrDefault(r => r.RespondentId == "v03") ?? results.FirstOrDefault()) is { } forSynthesis)
        {
            forReport.Add(forSynthesis);
        }

        return summary;
    }

    /// <summary>The Ikigai example: candidates ranked, with their memberships, region and the gap to close.</summary>
    private static ScoreSummary IkigaiDemo(string folder, string language, TextWriter stdout, List<InstrumentResult> forReport)
    {
        var instrument = AssessCli.LoadInstrument(Path.Combine(folder, "ikigai.json"));
        var results = new List<IkigaiResult>();
        var summary = IkigaiScoreRun.Run(instrument, Path.Combine(folder, "examples", "ikigai.responses.jsonl"), null, ScoreFormat.JsonLines, null, results.Add);
        var t = TextCatalog.For(language);
        stdout.WriteLine();
        Header(stdout, instrument, language);
        foreach (var result in results)
        {
            stdout.WriteLine();
            stdout.WriteLine(t.Format("demo.ikigaiPerson", result.RespondentId, result.TNorm.ToString().ToLowerInvariant(), result.Alpha));
            stdout.WriteLine(t["demo.ikigaiHeader"]);
            foreach (var c in result.Candidates)
            {
                var m = c.Memberships;
                stdout.WriteLine(string.Format(t.Culture, "  {0,4}  {1,-26} {2,4:0.00}  {3,4:0.00}  {4,5:0.00}  {5,5:0.00}  {6,6:0.00}  {7}",
                    c.Rank, c.Label ?? c.Id, m[0], m[1], m[2], m[3], c.Ikigai, IkigaiKind.DescribeRegion(c.Region, language)));
                if (c.Gap > 0)
                {
                    stdout.WriteLine(t.Format("demo.ikigaiGap", t["ikigai.circle." + IkigaiKind.CircleKeys[(int)c.Weakest]], c.Gap));
                }
            }
        }

        if (results.Count > 0)
        {
            forReport.Add(results[0]);
        }

        return summary;
    }

    /// <summary>A rule, then the instrument's title, reference, fingerprint and notice.</summary>
    private static void Header(TextWriter stdout, Instrument instrument, string language)
    {
        stdout.WriteLine(new string('─', 72));
        stdout.WriteLine($"{instrument.Title[language]}  ({instrument.Reference})");
        stdout.WriteLine(TextCatalog.For(language).Format("demo.fingerprint", instrument.Fingerprint));
        stdout.WriteLine(instrument.Notice?[language]);
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
