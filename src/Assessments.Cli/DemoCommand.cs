using System.CommandLine;
using System.Globalization;
using Assessments.CardSort;
using Assessments.Definitions;
using Assessments.Ikigai;
using Assessments.Interests;
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
        stdout.WriteLine((language == "fr" ? "Synthèse écrite pour la personne d'exemple : " : "Written synthesis for the example person: ") + reportPath);
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

        var french = language == "fr";
        stdout.WriteLine();
        Header(stdout, instrument, language);
        foreach (var result in results)
        {
            stdout.WriteLine();
            stdout.WriteLine($"{result.RespondentId}  {(french ? "type" : "type")} {result.Type}{(result.Temperament is { } t ? $"  ({(french ? "tempérament" : "temperament")} {t})" : "")}");
            for (var k = 0; k < result.Dichotomies.Count; k++)
            {
                var d = result.Dichotomies[k];
                var poles = settings.Dichotomies[k];
                stdout.WriteLine(d.Clarity is { } c
                    ? string.Create(CultureInfo.InvariantCulture,
                        $"  {poles.Low} {ClarityBar(c)} {poles.High}  {d.Letter}  {d.Score,2:0} ({(c >= 0 ? "+" : "")}{c:0.00}, {Band(d.Band!.Value, french)}{(d.AtMidpoint ? (french ? ", au point médian" : ", at the midpoint") : "")})")
                    : $"  {poles.Low} {new string(' ', 21)} {poles.High}  X  {d.MissingReason}");
            }

            if (result.Description is { } description)
            {
                stdout.WriteLine("  " + description[language]);
            }
            else
            {
                stdout.WriteLine(french
                    ? "  Préférence indéterminée (X) : à explorer en entretien plutôt qu'à trancher par un score."
                    : "  Undetermined preference (X): explore it in conversation rather than settle it with a score.");
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

    private static string Band(ClarityBand band, bool french) => (band, french) switch
    {
        (ClarityBand.Slight, false) => "slight",
        (ClarityBand.Moderate, false) => "moderate",
        (ClarityBand.Clear, false) => "clear",
        (ClarityBand.VeryClear, false) => "very clear",
        (ClarityBand.Slight, true) => "légère",
        (ClarityBand.Moderate, true) => "modérée",
        (ClarityBand.Clear, true) => "nette",
        _ => "très nette",
    };

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
        var french = language == "fr";
        foreach (var result in results)
        {
            stdout.WriteLine();
            stdout.WriteLine(result.RespondentId);
            foreach (var scale in instrument.Scales)
            {
                var score = result[scale.Id];
                stdout.WriteLine(score.Value is { } value
                    ? string.Create(CultureInfo.InvariantCulture, $"  {scale.Id} {Title(scale, language),-14} {value,5:0.00}  {Bar(scale, value)}")
                    : $"  {scale.Id} {Title(scale, language),-14}   —    {score.MissingReason}");
            }

            if (result.Code is null)
            {
                continue;
            }

            var ties = result.AdmissibleCodes.Count > 1
                ? (french ? $" (égalités : {result.AdmissibleCodes.Count} codes possibles, ex. {string.Join(", ", result.AdmissibleCodes.Take(4))})" : $" (ties: {result.AdmissibleCodes.Count} admissible codes, e.g. {string.Join(", ", result.AdmissibleCodes.Take(4))})")
                : "";
            stdout.WriteLine(french ? $"  Code Holland {result.Code}{ties}" : $"  Holland code {result.Code}{ties}");
            string AreaName(char letter) => Title(instrument.FindScale(letter.ToString())!, language);
            foreach (var hexagonLine in HexagonDrawing.Text(result.Areas!, AreaName))
            {
                stdout.WriteLine("  " + hexagonLine);
            }

            if (svgFolder is not null)
            {
                Directory.CreateDirectory(svgFolder);
                var svgPath = Path.Combine(svgFolder, $"interests-{result.RespondentId}.svg");
                using (var svg = OutputFile.Open(svgPath, stdout))
                {
                    svg.Writer.Write(HexagonDrawing.Svg($"{result.RespondentId}: {result.Code}", result.Areas!, 1, 5, AreaName));
                    svg.Commit();
                }

                stdout.WriteLine($"  → {svgPath}");
            }

            stdout.WriteLine(french
                ? string.Create(CultureInfo.InvariantCulture, $"  cohérence {Consistency(result.Consistency!.Value, true)}, différenciation (max − min) {result.Differentiation!.DI5:0.00}, élévation {result.Elevation:0.00}, Données/Idées {result.Prediger!.DataIdeas:+0.00;−0.00;0.00}, Personnes/Choses {result.Prediger.PeopleThings:+0.00;−0.00;0.00}")
                : string.Create(CultureInfo.InvariantCulture, $"  consistency {Consistency(result.Consistency!.Value, false)}, differentiation (high − low) {result.Differentiation!.DI5:0.00}, elevation {result.Elevation:0.00}, Data/Ideas {result.Prediger!.DataIdeas:+0.00;−0.00;0.00}, People/Things {result.Prediger.PeopleThings:+0.00;−0.00;0.00}"));
            var profile = new InterestProfile(result.Areas!, 1, 5);
            var matches = matcher.Match(profile);
            if (matches.Count > 0 && double.IsNaN(matches[0].Score))
            {
                stdout.WriteLine(french
                    ? "  Profil plat : aucune corrélation possible avec un métier ; explorer d'abord ce qui attire ou non."
                    : "  Flat profile: no correlation with any occupation can be computed; explore likes and dislikes first.");
                continue;
            }

            stdout.WriteLine(french ? "  Métiers proches (r = corrélation des profils, C = indice de Brown & Gore sur 18) :" : "  Closest occupations (r = profile correlation, C = Brown & Gore index out of 18):");
            foreach (var m in matches)
            {
                stdout.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"    {m.Rank}. {m.Occupation.Title(language),-42} r {m.Pearson,6:0.00}  C {m.CIndex,4:0.#}  {m.OccupationCode} ({m.SharedLetters} {(french ? (m.SharedLetters > 1 ? "lettres communes" : "lettre commune") : (m.SharedLetters == 1 ? "shared letter" : "shared letters"))})"));
            }
        }

        stdout.WriteLine();
        stdout.WriteLine(catalog.Attribution);
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
        var french = language == "fr";
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

            stdout.WriteLine(french ? "  Profil de valeurs (O*NET) :" : "  Work-values profile (O*NET):");
            foreach (var value in Enum.GetValues<WorkValue>())
            {
                if (result.WorkValues[(int)value] is { } v)
                {
                    var filled = (int)Math.Round(v * BarWidth, MidpointRounding.AwayFromZero);
                    stdout.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"    {WorkValueName(value, french),-22} {v,4:0.00}  {new string('█', filled)}{new string('░', BarWidth - filled)}"));
                }
            }
        }

        var person = interests.FirstOrDefault(r => r.RespondentId == "q01" && r.Areas is not null);
        var values = results.FirstOrDefault(r => r.RespondentId == "v03");
        if (person is not null && values is not null && values.WorkValues.All(v => v is not null))
        {
            var catalog = MatchCommand.LoadCatalog(Path.Combine(folder, "catalogs", "starter-occupations.json"), null);
            stdout.WriteLine();
            stdout.WriteLine(french
                ? "Intérêts de q01 et valeurs de v03, réunis pour l'exemple (0,5 × r intérêts + 0,5 × r valeurs) :"
                : "q01's interests with v03's values, joined for the example (0.5 × interest r + 0.5 × values r):");
            foreach (var m in CombinedMatcher.Match(catalog, new InterestProfile(person.Areas!, 1, 5), [.. values.WorkValues.Select(v => v!.Value)], top: 5))
            {
                stdout.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"  {m.Rank}. {m.Occupation.Title(language),-42} {m.Score:0.00}  ({(french ? "intérêts" : "interests")} {m.Interests.Score:0.00}, {(french ? "valeurs" : "values")} {m.Values.Score:0.00})"));
            }

            stdout.WriteLine();
            stdout.WriteLine(catalog.Attribution);
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
        var french = language == "fr";
        stdout.WriteLine();
        Header(stdout, instrument, language);
        foreach (var result in results)
        {
            stdout.WriteLine();
            stdout.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{result.RespondentId}  (t-norm {result.TNorm.ToString().ToLowerInvariant()}, α = {result.Alpha})"));
            stdout.WriteLine(french
                ? "  rang  candidat                    aime  doué  besoin  payé   ikigaï  zone"
                : "  rank  candidate                   love  good  needs   paid   ikigai  region");
            foreach (var c in result.Candidates)
            {
                var m = c.Memberships;
                stdout.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"  {c.Rank,4}  {(c.Label ?? c.Id),-26} {m[0],4:0.00}  {m[1],4:0.00}  {m[2],5:0.00}  {m[3],5:0.00}  {c.Ikigai,6:0.00}  {c.RegionName}"));
                if (c.Gap > 0)
                {
                    stdout.WriteLine(french
                        ? string.Create(CultureInfo.InvariantCulture, $"        → à travailler : « {IkigaiKind.CircleKeys[(int)c.Weakest]} », à {c.Gap:0.00} du seuil")
                        : string.Create(CultureInfo.InvariantCulture, $"        → to work on: '{IkigaiKind.CircleKeys[(int)c.Weakest]}', {c.Gap:0.00} below the threshold"));
                }
            }
        }

        if (results.Count > 0)
        {
            forReport.Add(results[0]);
        }

        return summary;
    }

    private static string WorkValueName(WorkValue value, bool french) => (value, french) switch
    {
        (WorkValue.Achievement, false) => "Achievement",
        (WorkValue.WorkingConditions, false) => "Working conditions",
        (WorkValue.Recognition, false) => "Recognition",
        (WorkValue.Relationships, false) => "Relationships",
        (WorkValue.Support, false) => "Support",
        (WorkValue.Independence, false) => "Independence",
        (WorkValue.Achievement, true) => "Accomplissement",
        (WorkValue.WorkingConditions, true) => "Conditions de travail",
        (WorkValue.Recognition, true) => "Reconnaissance",
        (WorkValue.Relationships, true) => "Relations",
        (WorkValue.Support, true) => "Soutien",
        _ => "Indépendance",
    };

    private static string Consistency(ConsistencyLevel level, bool french) => (level, french) switch
    {
        (ConsistencyLevel.High, false) => "high",
        (ConsistencyLevel.Medium, false) => "medium",
        (ConsistencyLevel.Low, false) => "low",
        (ConsistencyLevel.High, true) => "forte",
        (ConsistencyLevel.Medium, true) => "moyenne",
        _ => "faible",
    };

    /// <summary>A rule, then the instrument's title, reference, fingerprint and notice.</summary>
    private static void Header(TextWriter stdout, Instrument instrument, string language)
    {
        stdout.WriteLine(new string('─', 72));
        stdout.WriteLine($"{instrument.Title[language]}  ({instrument.Reference})");
        stdout.WriteLine($"fingerprint {instrument.Fingerprint}");
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
