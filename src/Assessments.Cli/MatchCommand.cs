using System.Globalization;
using System.Text;
using System.Text.Json;
using Assessments.Matching;
using nietras.SeparatedValues;

namespace Assessments.Cli;

/// <summary>
/// <c>assess match</c>: ranks a catalog's occupations for one profile, one Holland code, or every row of a scores CSV,
/// and shows each match with its components and the catalog's attribution.
/// </summary>
internal static class MatchCommand
{
    private static readonly string[] CsvColumns =
        ["person", "rank", "occupation", "title", "score", "pearson", "cosine", "distance", "cIndex", "mIndex", "sharedLetters", "personCode", "occupationCode", "jobZone"];

    private static readonly string[] InputOptions = ["--profile", "--code", "--scores"];

    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        var line = CommandLine.Parse(args,
            ["--catalog", "--profile", "--code", "--scores", "--values", "--interest-weight", "--top", "--metric", "--job-zone", "--format", "--profile-scale", "--job-zones-from", "--lang", "--id-column", "--out"], []);
        if (line.Positional.Count > 0)
        {
            throw new UsageException($"Unexpected argument '{line.Positional[0]}'.");
        }

        if (line.Get("--values") is { } valuesText)
        {
            return MatchValues(line, valuesText, stdout);
        }

        var inputs = InputOptions.Count(o => line.Get(o) is not null);
        if (inputs != 1)
        {
            throw new UsageException("Give exactly one of --profile R=..,I=..,A=..,S=..,E=..,C=.., --code SEC or --scores FILE.csv.");
        }

        var code = line.Get("--code");
        var metric = ParseMetric(line.Get("--metric") ?? (code is null ? "pearson" : "c-index"));
        if (code is not null && metric is not (MatchMetric.CIndex or MatchMetric.MIndex))
        {
            throw new UsageException("--code matches by a code index: use --metric c-index or m-index.");
        }

        var top = ParseInt(line.Get("--top") ?? "10", "--top", 1, 10_000);
        var (minZone, maxZone) = ParseZones(line.Get("--job-zone"));
        var format = line.Choice("--format", line.Get("--scores") is null ? "table" : "csv", "table", "csv", "jsonl");
        var language = line.Choice("--lang", "en", "en", "fr");
        var (scaleMin, scaleMax) = ParseRange(line.Get("--profile-scale") ?? "1-5", "--profile-scale");
        var catalog = LoadCatalog(line.Require("--catalog"), line.Get("--job-zones-from"));
        var matcher = new OccupationMatcher(catalog, new MatchOptions { Metric = metric, Top = top, MinJobZone = minZone, MaxJobZone = maxZone });

        using var output = OutputFile.Open(line.Get("--out"), stdout);
        var writer = output.Writer;
        var exit = ExitCodes.Success;
        if (format == "csv")
        {
            writer.WriteLine(string.Join(",", CsvColumns));
        }

        if (line.Get("--scores") is { } scoresPath)
        {
            exit = MatchScores(scoresPath, line.Get("--id-column"), scaleMin, scaleMax, matcher, writer, format, language, stderr);
        }
        else
        {
            var person = code is null ? ParseProfile(line.Get("--profile")!, scaleMin, scaleMax) : null;
            IReadOnlyList<OccupationMatch> matches;
            try
            {
                matches = person is null ? matcher.Match(code!.ToUpperInvariant()) : matcher.Match(person);
            }
            catch (ArgumentException ex)
            {
                throw new UsageException(ex.Message.Split(" (Parameter", 2)[0]);
            }

            Write(writer, format, language, "", matches, person?.Code ?? code!.ToUpperInvariant(), metric);
        }

        output.Commit();
        (format == "table" ? stdout : stderr).WriteLine(catalog.Attribution);
        return exit;
    }

    /// <summary>
    /// <c>--values Achievement=..,WorkingConditions=..,…</c> (0–1, as a card sort's work-values profile): ranks occupations
    /// by work values alone, or together with <c>--profile</c> by the weighted combination (<c>--interest-weight</c>, 0.5).
    /// </summary>
    private static int MatchValues(CommandLine line, string valuesText, TextWriter stdout)
    {
        if (line.Get("--code") is not null || line.Get("--scores") is not null)
        {
            throw new UsageException("--values combines with --profile only.");
        }

        var values = ParseValues(valuesText);
        var top = ParseInt(line.Get("--top") ?? "10", "--top", 1, 10_000);
        var language = line.Choice("--lang", "en", "en", "fr");
        var catalog = LoadCatalog(line.Require("--catalog"), line.Get("--job-zones-from"));
        using var output = OutputFile.Open(line.Get("--out"), stdout);
        var writer = output.Writer;
        if (line.Get("--profile") is { } profileText)
        {
            var (min, max) = ParseRange(line.Get("--profile-scale") ?? "1-5", "--profile-scale");
            var weightText = line.Get("--interest-weight") ?? "0.5";
            if (!double.TryParse(weightText, NumberStyles.Float, CultureInfo.InvariantCulture, out var weight) || weight is < 0 or > 1)
            {
                throw new UsageException($"--interest-weight must be a number from 0 to 1; found '{weightText}'.");
            }

            var matches = CombinedMatcher.Match(catalog, ParseProfile(profileText, min, max), values, top, weight);
            writer.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Ranked by {weight:0.##} × interest r + {1 - weight:0.##} × values r."));
            writer.WriteLine();
            writer.WriteLine("rank  code        score  interests r  values r  title");
            foreach (var m in matches)
            {
                writer.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{m.Rank,4}  {m.Occupation.Code,-10}  {m.Score,5:0.000}  {m.Interests.Score,11:0.000}  {m.Values.Score,8:0.000}  {m.Occupation.Title(language)}"));
            }
        }
        else
        {
            writer.WriteLine("Ranked by the correlation of work values (Pearson r).");
            writer.WriteLine();
            writer.WriteLine("rank  code        r       top value of the occupation  title");
            foreach (var m in new ValuesMatcher(catalog).Match(values, top))
            {
                writer.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{m.Rank,4}  {m.Occupation.Code,-10}  {T(m.Score),6}  {m.OccupationTop,-27}  {m.Occupation.Title(language)}"));
            }
        }

        writer.WriteLine();
        output.Commit();
        stdout.WriteLine(catalog.Attribution);
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
            if (pair.Length != 2 || slot < 0 || !double.TryParse(pair[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var v) || v is < 0 or > 1)
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

    private static int MatchScores(string path, string? idColumn, double min, double max, OccupationMatcher matcher, TextWriter writer,
        string format, string language, TextWriter stderr)
    {
        try
        {
            return MatchScoresCore(path, idColumn, min, max, matcher, writer, format, language, stderr);
        }
        catch (NotSupportedException ex) when (ex.Source == "Sep")
        {
            throw CsvScoreRun.SepRowLimit(path, ex);
        }
    }

    private static int MatchScoresCore(string path, string? idColumn, double min, double max, OccupationMatcher matcher, TextWriter writer,
        string format, string language, TextWriter stderr)
    {
        if (!File.Exists(path))
        {
            throw new InputException($"{path}: file not found.");
        }

        using var reader = Sep.New(',').Reader(o => o with { HasHeader = false, Unescape = true, DisableColCountCheck = true }).From(RecordLengthGuard.Open(path, quotes: true));
        var rows = reader.GetEnumerator();
        if (!rows.MoveNext())
        {
            throw new InputException($"{path}: the file is empty; expected the header of `assess score` output (an id column, then R, I, A, S, E, C).");
        }

        var header = Enumerable.Range(0, rows.Current.ColCount).Select(c => rows.Current[c].ToString().Trim().TrimStart('\uFEFF')).ToArray();
        var id = idColumn is null ? 0 : Array.IndexOf(header, idColumn);
        var areas = "RIASEC".Select(l => Array.IndexOf(header, l.ToString())).ToArray();
        if (id < 0 || areas.Any(a => a < 0))
        {
            throw new InputException($"{path}: the header needs {(id < 0 ? $"the id column '{idColumn}' and " : "")}the columns R, I, A, S, E and C (as `assess score` writes them for the interests instrument); found {string.Join(", ", header.Select(n => CsvText.HeaderName(n, quoted: false)))}.");
        }

        long read = 0, matched = 0, skipped = 0;
        var batch = new List<(string Id, InterestProfile Profile)>();
        while (rows.MoveNext())
        {
            var row = rows.Current;
            if (row.ColCount == 1 && row[0].Span.IsWhiteSpace())
            {
                continue;
            }

            read++;
            var personId = row.ColCount > id ? row[id].ToString() : "";
            var values = new double[6];
            string? problem = row.ColCount != header.Length ? $"the row has {row.ColCount} fields; the header has {header.Length}" : null;
            for (var k = 0; k < 6 && problem is null; k++)
            {
                var cell = row[areas[k]].Span.Trim();
                if (cell.IsEmpty)
                {
                    problem = $"the {"RIASEC"[k]} score is missing";
                }
                else if (!double.TryParse(cell, NumberStyles.Float, CultureInfo.InvariantCulture, out values[k]) || values[k] < min || values[k] > max)
                {
                    problem = string.Create(CultureInfo.InvariantCulture, $"the {"RIASEC"[k]} score is not a number from {min} to {max}");
                }
            }

            if (problem is not null)
            {
                skipped++;
                stderr.WriteLine(string.Create(CultureInfo.InvariantCulture, $"warning: {path}: row {read} (line {row.LineNumberFrom}, {personId}): {problem}; not matched."));
                continue;
            }

            batch.Add((personId, new InterestProfile(values, min, max)));
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
                        D(m.MIndex), N(m.SharedLetters), m.PersonCode, m.OccupationCode, m.Occupation.JobZone is { } z ? N(z) : ""));
                }

                break;
            case "jsonl":
                foreach (var m in matches)
                {
                    writer.WriteLine(Json(person, m, language));
                }

                break;
            default:
                writer.WriteLine($"Profile code {personCode}; ranked by {Describe(metric)}.");
                writer.WriteLine();
                writer.WriteLine("rank  code        score    r      C     M    shared  JZ  title");
                foreach (var m in matches)
                {
                    writer.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"{m.Rank,4}  {m.Occupation.Code,-10}  {T(m.Score),6}  {T(m.Pearson),5}  {m.CIndex,4:0.#}  {m.MIndex,4:0.#}  {m.SharedLetters,3} {m.OccupationCode,-3}  {(m.Occupation.JobZone is { } z ? z.ToString(CultureInfo.InvariantCulture) : "–"),2}  {m.Occupation.Title(language)}"));
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
            json.WriteString("person", person);
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
            json.WriteString("personCode", m.PersonCode);
            json.WriteString("occupationCode", m.OccupationCode);
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
            throw new InputException(string.Join(Environment.NewLine + "error: ", ex.Problems.Select(p => p.ToString())));
        }
    }

    internal static InterestProfile ParseProfile(string text, double min, double max)
    {
        var values = new double?[6];
        foreach (var part in text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var pair = part.Split('=', 2, StringSplitOptions.TrimEntries);
            var slot = pair[0].Length == 1 ? "RIASEC".IndexOf(char.ToUpperInvariant(pair[0][0]), StringComparison.Ordinal) : -1;
            if (pair.Length != 2 || slot < 0 || !double.TryParse(pair[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var v))
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

    private static string Describe(MatchMetric metric) => metric switch
    {
        MatchMetric.Pearson => "profile correlation (Pearson r)",
        MatchMetric.Spearman => "rank correlation (Spearman ρ)",
        MatchMetric.Cosine => "cosine of the rescaled profiles",
        MatchMetric.Euclidean => "closeness of the rescaled profiles (1 − distance/√6)",
        MatchMetric.CIndex => "Brown & Gore C index of the codes (0–18)",
        _ => "Iachan M index of the codes (0–28)",
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
            && double.TryParse(parts[0], NumberStyles.Float, CultureInfo.InvariantCulture, out var min)
            && double.TryParse(parts[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var max) && max > min
            ? (min, max)
            : throw new UsageException($"{option} must be MIN-MAX with MIN < MAX (e.g. 1-5); found '{text}'.");
    }

    private static string N(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string D(double? value) => value is { } v && double.IsFinite(v) ? v.ToString("R", CultureInfo.InvariantCulture) : "";

    private static string T(double? value) => value is { } v && double.IsFinite(v) ? v.ToString("0.000", CultureInfo.InvariantCulture) : "–";
}
