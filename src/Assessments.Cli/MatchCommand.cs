using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Assessments.Localization;
using Assessments.Matching;
using Assessments.Data;

namespace Assessments.Cli;

/// <summary>
/// <c>assess match</c>: ranks a catalog's occupations for one profile, one Holland code, or every row of a scores CSV,
/// and shows each match with its components and the catalog's attribution.
/// </summary>
internal static class MatchCommand
{
    private static readonly string[] CsvColumns =
        ["respondent", "rank", "occupation", "title", "score", "pearson", "cosine", "distance", "cIndex", "mIndex", "sharedLetters", "profileHollandCode", "occupationHollandCode", "jobZone"];

    public static Command Create(CliStreams io)
    {
        var catalog = CliOptions.Text("--catalog", "The occupations: onet:DIR (an O*NET text database folder), rome:DIR (a ROME 4.0 folder) or a JSON catalog file.", required: true, helpName: "CATALOG");
        var profile = CliOptions.OptionalText("--profile", "An interest profile: R=..,I=..,A=..,S=..,E=..,C=.. on the profile scale.", "R=X,I=X,…");
        var code = CliOptions.OptionalText("--code", "A Holland code (e.g. SEC), matched by a code index.", "CODE");
        var scores = CliOptions.OptionalText("--scores", "A scores CSV as `assess score` writes it for an interests instrument: one ranking per row.", "FILE");
        var values = CliOptions.OptionalText("--values", "A work-values profile (0–1), as a card sort gives it: Achievement=..,WorkingConditions=..,Recognition=..,Relationships=..,Support=..,Independence=..", "NAME=X,…");
        var weight = CliOptions.Number("--interest-weight", "With --values and --profile: the weight of the interests' r (the values' r gets the rest).", 0, 1, 0.5);
        var top = CliOptions.Top(10);
        var metric = CliOptions.Choice("--metric", "How profiles are compared (default: pearson; c-index with --code).", "pearson", "pearson", "spearman", "cosine", "euclidean", "c-index", "m-index");
        var jobZone = CliOptions.OptionalText("--job-zone", "Keep occupations of this Job Zone or range (1–5, e.g. 3 or 2-4); needs Job Zone data.", "N|N-M");
        var format = CliOptions.Choice("--format", "The output (default: table; csv with --scores).", "table", "table", "csv", "jsonl");
        var profileScale = CliOptions.OptionalText("--profile-scale", "The range of the profile's scores (default 1-5).", "MIN-MAX");
        var jobZones = CliOptions.JobZonesFrom();
        var language = CliOptions.Language();
        var idColumn = CliOptions.IdColumn();
        var separator = CliOptions.Separator();
        var output = CliOptions.Out();
        var command = new Command("match", "Rank occupations for an interest profile, a Holland code, every row of a scores CSV, or a work-values profile; every match shows its parts.")
        {
            catalog, profile, code, scores, values, weight, top, metric, jobZone, format, profileScale, jobZones, language, idColumn, separator, output,
        };
        command.SetAction(parse =>
        {
            var spec = parse.GetValue(catalog)!;
            OutputFile.CheckDistinct([("--catalog", ScoreCommand.CatalogFile(spec)), ("--scores", parse.GetValue(scores))], [("--out", parse.GetValue(output))]);
            var request = new Request(
                spec, parse.GetValue(profile), parse.GetValue(code), parse.GetValue(scores), parse.GetValue(values), parse.GetValue(weight),
                ScoreCommand.Given(parse, weight), parse.GetValue(top), ScoreCommand.Given(parse, metric) ? parse.GetValue(metric) : null,
                parse.GetValue(jobZone), ScoreCommand.Given(parse, format) ? parse.GetValue(format) : null, parse.GetValue(profileScale),
                parse.GetValue(jobZones), parse.GetValue(language)!, parse.GetValue(idColumn), parse.GetValue(separator), parse.GetValue(output));
            return Run(request, io.Out, io.Error);
        });
        return command;
    }

    /// <summary>The options of one <c>assess match</c> run.</summary>
    private sealed record Request(
        string Catalog, string? Profile, string? Code, string? Scores, string? Values, double InterestWeight, bool WeightGiven, int Top,
        string? Metric, string? JobZone, string? Format, string? ProfileScale, string? JobZonesFrom, string Language, string? IdColumn,
        char? Separator, string? Out);

    private static int Run(Request request, TextWriter stdout, TextWriter stderr)
    {
        if (request.Values is { } valuesText)
        {
            return MatchValues(request, valuesText, stdout);
        }

        if (request.WeightGiven)
        {
            throw new UsageException("--interest-weight goes with --values and --profile.");
        }

        var inputs = new[] { request.Profile, request.Code, request.Scores }.Count(o => o is not null);
        if (inputs != 1)
        {
            throw new UsageException("Give exactly one of --profile R=..,I=..,A=..,S=..,E=..,C=.., --code SEC or --scores FILE.csv.");
        }

        var code = request.Code;
        var metric = ParseMetric(request.Metric ?? (code is null ? "pearson" : "c-index"));
        if (code is not null && metric is not (MatchMetric.CIndex or MatchMetric.MIndex))
        {
            throw new UsageException("--code matches by a code index: use --metric c-index or m-index.");
        }

        if (request.Scores is null && (request.IdColumn is not null || request.Separator is not null))
        {
            throw new UsageException("--id-column and --separator go with --scores FILE.csv.");
        }

        var (minZone, maxZone) = ParseZones(request.JobZone);
        var format = request.Format ?? (request.Scores is null ? "table" : "csv");
        var (scaleMin, scaleMax) = ParseRange(request.ProfileScale ?? "1-5", "--profile-scale");
        var person = code is null && request.Profile is { } profileText ? ParseProfile(profileText, scaleMin, scaleMax) : null;
        if (request.Scores is { } scoresFile)
        {
            ScoreCommand.RequireFile(scoresFile);
        }

        var catalog = LoadCatalog(request.Catalog, request.JobZonesFrom);
        if (minZone is not null && !catalog.HasJobZones)
        {
            throw new UsageException($"--job-zone filters on Job Zones, but the catalog {catalog.Name} has none (O*NET keeps them in Job Zones.txt; --job-zones-from DIR reads them from another O*NET folder; ROME has none).");
        }

        var matcher = new OccupationMatcher(catalog, new MatchOptions { Metric = metric, Top = request.Top, MinJobZone = minZone, MaxJobZone = maxZone });
        using var output = OutputFile.Open(request.Out, stdout);
        var writer = output.Writer;
        var exit = ExitCodes.Success;
        if (format == "csv")
        {
            writer.WriteLine(string.Join(",", CsvColumns));
        }

        if (request.Scores is { } scoresPath)
        {
            exit = MatchScores(scoresPath, request.IdColumn, request.Separator, scaleMin, scaleMax, matcher, writer, format, request.Language, stderr);
        }
        else
        {
            IReadOnlyList<OccupationMatch> matches;
            try
            {
                matches = person is null ? matcher.Match(code!.ToUpperInvariant()) : matcher.Match(person);
            }
            catch (ArgumentException ex)
            {
                throw new UsageException(ex.Message.Split(" (Parameter", 2)[0]);
            }

            Write(writer, format, request.Language, "", matches, person?.Code ?? code!.ToUpperInvariant(), metric);
        }

        output.Commit();
        (format == "table" ? stdout : stderr).WriteLine(catalog.AttributionIn(request.Language));
        return exit;
    }

    /// <summary>
    /// <c>--values Achievement=..,WorkingConditions=..,…</c> (0–1, as a card sort's work-values profile): ranks occupations
    /// by work values alone, or together with <c>--profile</c> by the weighted combination (<c>--interest-weight</c>, 0.5).
    /// </summary>
    private static int MatchValues(Request request, string valuesText, TextWriter stdout)
    {
        if (request.Code is not null || request.Scores is not null)
        {
            throw new UsageException("--values combines with --profile only.");
        }

        if (request.Metric is not null || request.JobZone is not null || request.Format is not null || request.IdColumn is not null || request.Separator is not null)
        {
            throw new UsageException("--values ranks by Pearson r and writes a table; --metric, --job-zone, --format, --id-column and --separator do not apply.");
        }

        var values = ParseValues(valuesText);
        var profile = request.Profile is { } profileText
            ? ParseProfile(profileText, ParseRange(request.ProfileScale ?? "1-5", "--profile-scale").Min, ParseRange(request.ProfileScale ?? "1-5", "--profile-scale").Max)
            : null;
        var catalog = LoadCatalog(request.Catalog, request.JobZonesFrom);
        if (!catalog.HasWorkValues)
        {
            throw new UsageException($"--values ranks by work values, but the catalog {catalog.Name} has none (O*NET keeps them in Work Values.txt; ROME 4.0 publishes no work values).");
        }

        using var output = OutputFile.Open(request.Out, stdout);
        var writer = output.Writer;
        if (profile is not null)
        {
            var weight = request.InterestWeight;
            var matches = CombinedMatcher.Match(catalog, profile, values, request.Top, weight);
            var t = TextCatalog.For(request.Language);
            writer.WriteLine(t.Format("match.rankedCombined", weight, 1 - weight));
            writer.WriteLine();
            writer.WriteLine(t["match.combinedHeader"]);
            foreach (var m in matches)
            {
                writer.WriteLine(string.Format(t.Culture, "{0,4}  {1,-10}  {2,5:0.000}  {3,11:0.000}  {4,8:0.000}  {5}",
                    m.Rank, m.Occupation.Code, m.Score, m.Interests.Score, m.Values.Score, m.Occupation.Title(request.Language)));
            }
        }
        else
        {
            if (request.WeightGiven)
            {
                throw new UsageException("--interest-weight goes with --values and --profile.");
            }

            var t = TextCatalog.For(request.Language);
            writer.WriteLine(t["match.rankedValues"]);
            writer.WriteLine();
            writer.WriteLine(t["match.valuesHeader"]);
            foreach (var m in new ValuesMatcher(catalog).Match(values, request.Top))
            {
                writer.WriteLine(string.Format(t.Culture, "{0,4}  {1,-10}  {2,6}  {3,-27}  {4}",
                    m.Rank, m.Occupation.Code, T(m.Score, t), t["workValues." + m.OccupationTop], m.Occupation.Title(request.Language)));
            }
        }

        writer.WriteLine();
        output.Commit();
        stdout.WriteLine(catalog.AttributionIn(request.Language));
        return ExitCodes.Success;
    }

    private static double[] ParseValues(string text)
    {
        var names = Enum.GetNames<Assessments.CardSort.WorkValue>();
        var values = new double?[6];
        foreach (var part in text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var pair = part.Split('=', 2, StringSplitOptions.TrimEntries);
            var slot = Array.IndexOf(names, pair[0]);
            if (pair.Length != 2 || slot < 0 || !CliOptions.TryNumber(pair[1], out var v) || v is < 0 or > 1)
            {
                throw new UsageException($"--values: '{part}' is not NAME=NUMBER with NAME one of {string.Join(", ", names)} and NUMBER from 0 to 1.");
            }

            values[slot] = v;
        }

        var missing = names.Where((_, k) => values[k] is null).ToList();
        return missing.Count > 0
            ? throw new UsageException($"--values needs all six work values; missing {string.Join(", ", missing)}.")
            : [.. values.Select(v => v!.Value)];
    }

    private static int MatchScores(string path, string? idColumn, char? separator, double min, double max, OccupationMatcher matcher, TextWriter writer,
        string format, string language, TextWriter stderr)
    {
        long read = 0, matched = 0, skipped = 0;
        var batch = new List<(string Id, InterestProfile Profile)>();
        foreach (var row in InterestProfileCsv.Read(path, idColumn, separator, min, max, stderr))
        {
            read++;
            if (row.Profile is null)
            {
                // Rows are named by their line, never by their id or their values: stderr carries no one's data.
                skipped++;
                stderr.WriteLine(string.Create(CultureInfo.InvariantCulture, $"warning: {path}: row {row.Row} (line {row.Line}): {row.Problem}; not matched."));
                continue;
            }

            batch.Add((row.RespondentId, row.Profile));
            if (batch.Count == 4096)
            {
                matched += Flush(batch, matcher, writer, format, language);
            }
        }

        matched += Flush(batch, matcher, writer, format, language);
        stderr.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{matcher.Catalog.Name}: profiles read {read}, matched {matched}, skipped {skipped}"));
        return skipped > 0 ? ExitCodes.SomeRejected : ExitCodes.Success;
    }

    private static int Flush(List<(string Id, InterestProfile Profile)> batch, OccupationMatcher matcher, TextWriter writer, string format, string language)
    {
        var results = matcher.MatchBatch([.. batch.Select(b => b.Profile)]);
        for (var i = 0; i < batch.Count; i++)
        {
            Write(writer, format, language, batch[i].Id, results[i], batch[i].Profile.Code, matcher.Options.Metric);
        }

        var count = batch.Count;
        batch.Clear();
        return count;
    }

    private static void Write(TextWriter writer, string format, string language, string person, IReadOnlyList<OccupationMatch> matches, string personCode, MatchMetric metric)
    {
        switch (format)
        {
            case "csv":
                foreach (var m in matches)
                {
                    writer.WriteLine(string.Join(",", CsvText.Escape(person, ','), N(m.Rank), CsvText.Escape(m.Occupation.Code, ','),
                        CsvText.Escape(m.Occupation.Title(language), ','), D(m.Score), D(m.Pearson), D(m.Cosine), D(m.Distance), D(m.CIndex),
                        D(m.MIndex), N(m.SharedLetters), m.ProfileHollandCode, m.OccupationHollandCode, m.Occupation.JobZone is { } z ? N(z) : ""));
                }

                break;
            case "jsonl":
                foreach (var m in matches)
                {
                    writer.WriteLine(Json(person, m, language));
                }

                break;
            default:
                var t = TextCatalog.For(language);
                writer.WriteLine(t.Format("match.rankedProfile", personCode, t["match.metric." + metric.ToString()]));
                writer.WriteLine();
                writer.WriteLine(t["match.profileHeader"]);
                foreach (var m in matches)
                {
                    writer.WriteLine(string.Format(t.Culture, "{0,4}  {1,-10}  {2,6}  {3,5}  {4,4:0.#}  {5,4:0.#}  {6,3} {7,-3}  {8,2}  {9}",
                        m.Rank, m.Occupation.Code, T(m.Score, t), T(m.Pearson, t), m.CIndex, m.MIndex, m.SharedLetters, m.OccupationHollandCode,
                        m.Occupation.JobZone is { } z ? z.ToString(CultureInfo.InvariantCulture) : "–", m.Occupation.Title(language)));
                }

                writer.WriteLine();
                break;
        }
    }

    private static string Json(string person, OccupationMatch m, string language)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteString("respondent", person);
            json.WriteNumber("rank", m.Rank);
            json.WriteString("occupation", m.Occupation.Code);
            json.WriteString("title", m.Occupation.Title(language));
            json.WriteString("metric", m.Metric.ToString());
            Number(json, "score", m.Score);
            Number(json, "pearson", m.Pearson);
            Number(json, "cosine", m.Cosine);
            Number(json, "distance", m.Distance);
            Number(json, "cIndex", m.CIndex);
            Number(json, "mIndex", m.MIndex);
            json.WriteNumber("sharedLetters", m.SharedLetters);
            json.WriteString("profileHollandCode", m.ProfileHollandCode);
            json.WriteString("occupationHollandCode", m.OccupationHollandCode);
            if (m.Occupation.JobZone is { } zone)
            {
                json.WriteNumber("jobZone", zone);
            }
            else
            {
                json.WriteNull("jobZone");
            }

            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray());

        static void Number(Utf8JsonWriter json, string name, double? value)
        {
            if (value is { } v && double.IsFinite(v))
            {
                json.WriteNumber(name, v);
            }
            else
            {
                json.WriteNull(name);
            }
        }
    }

    internal static OccupationCatalog LoadCatalog(string spec, string? jobZonesFrom)
    {
        try
        {
            if (spec.StartsWith("onet:", StringComparison.Ordinal))
            {
                return OccupationCatalog.LoadOnet(spec[5..], jobZonesFolder: jobZonesFrom);
            }

            return spec.StartsWith("rome:", StringComparison.Ordinal) ? OccupationCatalog.LoadRome(spec[5..]) : OccupationCatalog.LoadJson(spec);
        }
        catch (CatalogLoadException ex)
        {
            throw new InputFileException(string.Join(Environment.NewLine + "error: ", ex.Problems.Select(p => p.ToString())));
        }
    }

    internal static InterestProfile ParseProfile(string text, double min, double max)
    {
        var values = new double?[6];
        foreach (var part in text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var pair = part.Split('=', 2, StringSplitOptions.TrimEntries);
            var slot = pair[0].Length == 1 ? "RIASEC".IndexOf(char.ToUpperInvariant(pair[0][0]), StringComparison.Ordinal) : -1;
            if (pair.Length != 2 || slot < 0 || !CliOptions.TryNumber(pair[1], out var v))
            {
                throw new UsageException($"--profile: '{part}' is not AREA=NUMBER (e.g. R=2.5), with AREA one of R, I, A, S, E, C.");
            }

            if (v < min || v > max)
            {
                throw new UsageException(string.Create(CultureInfo.InvariantCulture, $"--profile: {pair[0]}={pair[1]} is outside the profile scale {min}–{max} (set it with --profile-scale MIN-MAX)."));
            }

            values[slot] = v;
        }

        var missing = "RIASEC".Where((_, k) => values[k] is null).ToList();
        return missing.Count > 0
            ? throw new UsageException($"--profile needs all six areas; missing {string.Join(", ", missing)}.")
            : new InterestProfile([.. values.Select(v => v!.Value)], min, max);
    }

    private static MatchMetric ParseMetric(string text) => text switch
    {
        "pearson" => MatchMetric.Pearson,
        "spearman" => MatchMetric.Spearman,
        "cosine" => MatchMetric.Cosine,
        "euclidean" => MatchMetric.Euclidean,
        "c-index" => MatchMetric.CIndex,
        "m-index" => MatchMetric.MIndex,
        _ => throw new UsageException($"--metric must be one of pearson, spearman, cosine, euclidean, c-index, m-index; found '{text}'."),
    };

    internal static int ParseInt(string text, string option, int min, int max) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var v) && v >= min && v <= max
            ? v
            : throw new UsageException($"{option} must be a whole number from {min} to {max}; found '{text}'.");

    private static (int? Min, int? Max) ParseZones(string? text)
    {
        if (text is null)
        {
            return (null, null);
        }

        var parts = text.Split('-', 2);
        var low = ParseInt(parts[0], "--job-zone", 1, 5);
        var high = parts.Length == 2 ? ParseInt(parts[1], "--job-zone", 1, 5) : low;
        return low <= high ? (low, high) : throw new UsageException($"--job-zone: {low} is above {high}.");
    }

    private static (double Min, double Max) ParseRange(string text, string option)
    {
        var parts = text.Split('-', 2);
        return parts.Length == 2
            && CliOptions.TryNumber(parts[0], out var min)
            && CliOptions.TryNumber(parts[1], out var max) && max > min
            ? (min, max)
            : throw new UsageException($"{option} must be MIN-MAX with MIN < MAX (e.g. 1-5); found '{text}'.");
    }

    private static string N(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string D(double? value) => value is { } v && double.IsFinite(v) ? v.ToString("R", CultureInfo.InvariantCulture) : "";

    private static string T(double? value, TextCatalog t) => value is { } v && double.IsFinite(v) ? v.ToString("0.000", t.Culture) : "–";
}
