using System.Globalization;
using System.Text;
using System.Text.Json;
using Assessments.Psychometrics;
using Assessments.Responses;

namespace Assessments.Cli;

/// <summary>
/// <c>assess analyze</c> on a Likert-type instrument: reads the responses CSV (as <c>assess score</c> does; rows with bad
/// answers are left out and counted), then prints per scale n, mean, SD, α, standardised α, G6 (both of psych's variants),
/// average r, S/N and SEM, and per item the item statistics. Items without variance in the sample are left out of their
/// scales' statistics (one warning per scale on stderr, naming them by their definition ids); a statistic the sample
/// cannot give is shown empty with its reason: a dash and a footnote in the table, null and a <c>reasons</c> entry in
/// JSON, an empty cell in CSV.
/// </summary>
internal static class ScaleAnalysis
{
    public static int Run(Instrument instrument, string path, ResponsesReadOptions read, string format, Imputation imputation, int? omegaFactors,
        TextWriter stdout, TextWriter stderr)
    {
        // Refused before the data are read: the work grows with the cube of the item count (Reliability.MaxItems) and, for
        // ω, faster still (Omega.MaxItems). The instrument is valid, it is too large an input for this command: exit 4.
        var items = instrument.Scales.SelectMany(s => s.Items).Select(i => i.Item.Index).Distinct().Count();
        if (items > Reliability.MaxItems)
        {
            throw new InputFileException(string.Create(CultureInfo.InvariantCulture,
                $"'{instrument.Reference}': its scales use {items:N0} items; assess analyze handles at most {Reliability.MaxItems:N0} (the work grows with the cube of the item count)."));
        }

        if (omegaFactors is not null && items > Omega.MaxItems)
        {
            throw new InputFileException(string.Create(CultureInfo.InvariantCulture,
                $"'{instrument.Reference}': its scales use {items:N0} items; assess analyze --omega handles at most {Omega.MaxItems:N0} (leave out --omega for the other statistics)."));
        }

        // Collect the valid rows through the scoring path, so the same parsing and rejection rules apply.
        var rows = new ResponseCollector(instrument.Items.Count);
        var summary = new ScoreRun
        {
            Instrument = instrument,
            ResponsesPath = path,
            Log = stderr,
            Read = read,
            Collector = rows,
        }.Run();
        if (rows.Rows < 2)
        {
            throw new InputFileException($"{path}: {rows.Rows} valid row(s); reliability needs at least two people.");
        }

        var matrix = rows.ToMatrix();
        var stats = Reliability.Analyze(instrument, matrix, imputation);
        foreach (var s in stats.Where(s => s.DroppedItems.Count > 0))
        {
            // Item ids from the definition only: never an answer (the constant answer of a zero-variance item stays unsaid).
            stderr.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"warning: scale '{s.ScaleId}': {s.DroppedItems.Count} of {s.Items} items left out of its statistics, as psych does, because this sample gives them no variance: {string.Join(", ", s.DroppedItems.Select(d => $"{d.ItemId} ({Why(d.Reason)})"))}."));
        }

        OmegaResult? omega = null;
        var perScale = new Dictionary<string, OmegaResult>(StringComparer.Ordinal);
        if (omegaFactors is { } factors)
        {
            // Per scale where it has at least three items per factor; then the whole pool.
            foreach (var scale in instrument.Scales.Where(s => s.Items.Count >= 3 * factors))
            {
                perScale[scale.Id] = Omega.Compute(instrument, matrix, factors, imputation, scale);
            }

            // ω of every scored item together, keyed as the scales key them (psych::omega on the item pool).
            try
            {
                omega = Omega.Compute(instrument, matrix, factors, imputation);
            }
            catch (ArgumentException ex)
            {
                throw new UsageException(ex.Message.Split(" (Parameter", 2)[0]);
            }
        }

        stdout.WriteLine(format switch
        {
            "json" => Json(instrument, summary, stats, omega, perScale),
            "csv" => Csv(stats),
            _ => Table(instrument, summary, stats, imputation) + OmegaText(omega, perScale),
        });
        return summary.Rejected > 0 ? ExitCodes.SomeRejected : ExitCodes.Success;
    }

    /// <summary>Why an item was dropped, in words (no answer is ever quoted).</summary>
    private static string Why(DroppedItemReason reason) => reason switch
    {
        DroppedItemReason.NoAnswers => "nobody answered it",
        DroppedItemReason.OneAnswer => "one person answered it",
        _ => "everyone gave the same answer",
    };

    /// <summary>Why a statistic is empty, in words, for the table's footnotes.</summary>
    private static string Why(UndefinedReason reason) => reason switch
    {
        UndefinedReason.ItemDropped => "the item was left out of the scale's statistics",
        UndefinedReason.TooFewItems => "too few items left (alpha and the statistics built on it need two, alpha if deleted three, omega three per factor)",
        UndefinedReason.TooFewPeople => "too few people (a mean needs one answer, a standard deviation two)",
        UndefinedReason.MissingCovariance => "some pair of items was answered together by fewer than two people",
        UndefinedReason.SingularCorrelations => "the item correlations are singular (items that are combinations of others, or no more people than items): no SMCs",
        UndefinedReason.NotConverged => "a numerical iteration did not converge",
        _ => "the formula divides by zero here (e.g. perfectly correlated items) or takes the root of a negative number",
    };

    /// <summary>The reason's code in JSON: the enum member in camelCase.</summary>
    private static string Code<T>(T value)
        where T : struct, Enum => JsonNamingPolicy.CamelCase.ConvertName(value.ToString());

    /// <summary>A number right-aligned in <paramref name="width"/>, or a dash when it is undefined (NaN).</summary>
    private static string Cell(double value, int width, string format) =>
        (double.IsNaN(value) ? "-" : value.ToString(format, CultureInfo.InvariantCulture)).PadLeft(width);

    private static string OmegaText(OmegaResult? omega, Dictionary<string, OmegaResult> perScale)
    {
        if (omega is null)
        {
            return "";
        }

        var text = new StringBuilder();
        var notes = new List<string>();
        text.Append(CultureInfo.InvariantCulture, $"\n\nomega ({omega.Factors} group factors; minres, oblimin, Schmid–Leiman as psych::omega)");
        foreach (var (scale, o) in perScale)
        {
            text.Append(CultureInfo.InvariantCulture, $"\n  {scale,-16} omega_h {Cell(o.OmegaHierarchical, 5, "0.000")}  omega_t {Cell(o.OmegaTotal, 5, "0.000")}");
            notes.AddRange(OmegaNotes(scale, o));
        }

        text.Append(CultureInfo.InvariantCulture,
            $"\n  {"all items",-16} omega_h {Cell(omega.OmegaHierarchical, 5, "0.000")}  omega_t {Cell(omega.OmegaTotal, 5, "0.000")}  alpha_std {Cell(omega.AlphaStandardized, 5, "0.000")}  G6 {Cell(omega.G6, 5, "0.000")}{(omega.Flipped.Any(f => f) ? $"  ({omega.Flipped.Count(f => f)} item(s) flipped)" : "")}");
        notes.AddRange(OmegaNotes("all items", omega));
        if (perScale.Count < 1)
        {
            text.Append(CultureInfo.InvariantCulture, $"\n  (no scale has the {3 * omega.Factors} items {omega.Factors} factors need for its own omega)");
        }

        foreach (var note in notes)
        {
            text.Append("\n  - ").Append(note);
        }

        return text.ToString();
    }

    /// <summary>Footnotes for ω's empty coefficients, one per reason.</summary>
    private static IEnumerable<string> OmegaNotes(string what, OmegaResult o) =>
        o.Undefined.Where(u => u.Statistic is not (nameof(OmegaResult.General) or nameof(OmegaResult.Communalities)))
            .GroupBy(u => u.Reason)
            .Select(g => $"{what}: {string.Join(", ", g.Select(u => OmegaLabels[u.Statistic]))} empty: {Why(g.Key)}.");

    private static readonly Dictionary<string, string> OmegaLabels = new(StringComparer.Ordinal)
    {
        [nameof(OmegaResult.OmegaHierarchical)] = "omega_h",
        [nameof(OmegaResult.OmegaTotal)] = "omega_t",
        [nameof(OmegaResult.AlphaStandardized)] = "alpha_std",
        [nameof(OmegaResult.G6)] = "G6",
    };

    private static string Csv(IReadOnlyList<ScaleReliability> stats)
    {
        var text = new StringBuilder("scale,n,items,mean,sd,alpha,alphaStd,g6Alpha,g6ScoreItems,averageR,averageRScoreItems,signalNoise,sem");
        foreach (var s in stats)
        {
            text.Append('\n').Append(string.Join(",", s.ScaleId, s.N.ToString(CultureInfo.InvariantCulture), s.Items.ToString(CultureInfo.InvariantCulture),
                CsvText.Number(s.Mean), CsvText.Number(s.StandardDeviation), CsvText.Number(s.AlphaRaw), CsvText.Number(s.AlphaStandardized),
                CsvText.Number(s.G6Alpha), CsvText.Number(s.G6ScoreItems), CsvText.Number(s.AverageR), CsvText.Number(s.AverageRScoreItems),
                CsvText.Number(s.SignalNoise), CsvText.Number(s.Sem)));
        }

        return text.ToString();
    }

    private static string Table(Instrument instrument, ScoreSummary summary, IReadOnlyList<ScaleReliability> stats, Imputation imputation)
    {
        var text = new StringBuilder();
        var method = imputation switch
        {
            Imputation.PsychMedian => "after replacing missing answers by item medians (psych impute = median)",
            Imputation.PsychMean => "after replacing missing answers by item means (psych impute = mean)",
            _ => "pairwise-complete covariances (psych impute = none)",
        };
        text.AppendLine(string.Create(CultureInfo.InvariantCulture,
            $"{instrument.Reference}: {summary.Scored} people analysed ({summary.Rejected} rows with bad answers left out); {method}"));
        text.AppendLine();
        text.AppendLine("scale               n   items   mean     SD   alpha  alpha.std  G6(alpha)  G6(scoreItems)  av.r    S/N    SEM");
        var notes = new List<string>();
        foreach (var s in stats)
        {
            text.AppendLine(string.Create(CultureInfo.InvariantCulture,
                $"{s.ScaleId,-16} {s.N,5} {s.Items,7} {Cell(s.Mean, 6, "0.000")} {Cell(s.StandardDeviation, 6, "0.000")} {Cell(s.AlphaRaw, 7, "0.000")} {Cell(s.AlphaStandardized, 10, "0.000")} {Cell(s.G6Alpha, 10, "0.000")} {Cell(s.G6ScoreItems, 15, "0.000")} {Cell(s.AverageR, 5, "0.000")} {Cell(s.SignalNoise, 6, "0.00")} {Cell(s.Sem, 6, "0.000")}"));
            notes.AddRange(Notes(s.ScaleId, s.Undefined, ScaleLabels));
        }

        AppendNotes(text, notes);
        foreach (var s in stats)
        {
            text.AppendLine();
            text.AppendLine(CultureInfo.InvariantCulture, $"{s.ScaleId}: item statistics (keyed)");
            text.AppendLine("item          n  missing   mean     SD  r.drop  raw.r  alpha.if.deleted");
            var itemNotes = new List<string>();
            foreach (var i in s.ItemStatistics)
            {
                text.AppendLine(string.Create(CultureInfo.InvariantCulture,
                    $"{(i.Reverse ? "-" : "") + i.ItemId,-10} {i.N,5} {i.Missing,8} {Cell(i.Mean, 6, "0.000")} {Cell(i.StandardDeviation, 6, "0.000")} {Cell(i.RDrop, 7, "0.000")} {Cell(i.RawR, 6, "0.000")} {Cell(i.AlphaIfDeleted, 17, "0.000")}"));
                if (i.Dropped is { } why)
                {
                    itemNotes.Add($"{i.ItemId}: left out of the scale's statistics ({Why(why)}).");
                    itemNotes.AddRange(Notes(i.ItemId, [.. i.Undefined.Where(u => u.Reason != UndefinedReason.ItemDropped)], ItemLabels));
                }
                else
                {
                    itemNotes.AddRange(Notes(i.ItemId, i.Undefined, ItemLabels));
                }
            }

            AppendNotes(text, itemNotes);
        }

        return text.ToString().TrimEnd();
    }

    /// <summary>The table's footnotes for one row's empty cells, one per reason (statistics not shown in the table are skipped).</summary>
    private static IEnumerable<string> Notes(string row, IReadOnlyList<UndefinedStatistic> undefined, Dictionary<string, string> labels) =>
        undefined.Where(u => labels.ContainsKey(u.Statistic)).GroupBy(u => u.Reason)
            .Select(g => $"{row}: {string.Join(", ", g.Select(u => labels[u.Statistic]))} empty (-): {Why(g.Key)}.");

    private static void AppendNotes(StringBuilder text, List<string> notes)
    {
        foreach (var note in notes)
        {
            text.Append("  - ").AppendLine(note);
        }
    }

    private static readonly Dictionary<string, string> ScaleLabels = new(StringComparer.Ordinal)
    {
        [nameof(ScaleReliability.Mean)] = "mean",
        [nameof(ScaleReliability.StandardDeviation)] = "SD",
        [nameof(ScaleReliability.AlphaRaw)] = "alpha",
        [nameof(ScaleReliability.AlphaStandardized)] = "alpha.std",
        [nameof(ScaleReliability.G6Alpha)] = "G6(alpha)",
        [nameof(ScaleReliability.G6ScoreItems)] = "G6(scoreItems)",
        [nameof(ScaleReliability.AverageR)] = "av.r",
        [nameof(ScaleReliability.SignalNoise)] = "S/N",
        [nameof(ScaleReliability.Sem)] = "SEM",
    };

    private static readonly Dictionary<string, string> ItemLabels = new(StringComparer.Ordinal)
    {
        [nameof(ItemStatistics.Mean)] = "mean",
        [nameof(ItemStatistics.StandardDeviation)] = "SD",
        [nameof(ItemStatistics.RDrop)] = "r.drop",
        [nameof(ItemStatistics.RawR)] = "raw.r",
        [nameof(ItemStatistics.AlphaIfDeleted)] = "alpha.if.deleted",
    };

    /// <summary>JSON field names of the statistics, by property name.</summary>
    private static readonly Dictionary<string, string> JsonNames = new(StringComparer.Ordinal)
    {
        [nameof(ScaleReliability.Mean)] = "mean",
        [nameof(ScaleReliability.StandardDeviation)] = "sd",
        [nameof(ScaleReliability.AlphaRaw)] = "alpha",
        [nameof(ScaleReliability.AlphaStandardized)] = "alphaStd",
        [nameof(ScaleReliability.G6Alpha)] = "g6Alpha",
        [nameof(ScaleReliability.G6ScoreItems)] = "g6ScoreItems",
        [nameof(ScaleReliability.AverageR)] = "averageR",
        [nameof(ScaleReliability.AverageRScoreItems)] = "averageRScoreItems",
        [nameof(ScaleReliability.SignalNoise)] = "signalNoise",
        [nameof(ScaleReliability.Sem)] = "sem",
        [nameof(ItemStatistics.RDrop)] = "rDrop",
        [nameof(ItemStatistics.RawR)] = "rawR",
        [nameof(ItemStatistics.AlphaIfDeleted)] = "alphaIfDeleted",
        [nameof(ItemStatistics.Frequencies)] = "frequencies",
        [nameof(OmegaResult.OmegaHierarchical)] = "omegaH",
        [nameof(OmegaResult.OmegaTotal)] = "omegaT",
        [nameof(OmegaResult.G6)] = "g6",
        [nameof(OmegaResult.General)] = "general",
        [nameof(OmegaResult.Communalities)] = "communalities",
    };

    private static string Json(Instrument instrument, ScoreSummary summary, IReadOnlyList<ScaleReliability> stats, OmegaResult? omega,
        Dictionary<string, OmegaResult> perScale)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteString("instrument", instrument.Id);
            json.WriteString("version", instrument.Version);
            json.WriteString("fingerprint", instrument.Fingerprint);
            json.WriteNumber("rowsRead", summary.Read);
            json.WriteNumber("rowsAnalysed", summary.Scored);
            json.WriteStartArray("scales");
            foreach (var s in stats)
            {
                json.WriteStartObject();
                json.WriteString("scale", s.ScaleId);
                json.WriteNumber("n", s.N);
                json.WriteNumber("items", s.Items);
                Number(json, "mean", s.Mean);
                Number(json, "sd", s.StandardDeviation);
                Number(json, "alpha", s.AlphaRaw);
                Number(json, "alphaStd", s.AlphaStandardized);
                Number(json, "g6Alpha", s.G6Alpha);
                Number(json, "g6ScoreItems", s.G6ScoreItems);
                Number(json, "averageR", s.AverageR);
                Number(json, "averageRScoreItems", s.AverageRScoreItems);
                Number(json, "signalNoise", s.SignalNoise);
                Number(json, "sem", s.Sem);
                IReadOnlyList<UndefinedStatistic> undefined = s.Undefined;
                if (perScale.TryGetValue(s.ScaleId, out var scaleOmega))
                {
                    Number(json, "omegaH", scaleOmega.OmegaHierarchical);
                    Number(json, "omegaT", scaleOmega.OmegaTotal);
                    undefined = [.. undefined, .. scaleOmega.Undefined.Where(u => u.Statistic is nameof(OmegaResult.OmegaHierarchical) or nameof(OmegaResult.OmegaTotal))];
                }

                Reasons(json, undefined);
                json.WriteStartArray("dropped");
                foreach (var d in s.DroppedItems)
                {
                    json.WriteStartObject();
                    json.WriteString("item", d.ItemId);
                    json.WriteString("reason", Code(d.Reason));
                    json.WriteEndObject();
                }

                json.WriteEndArray();
                json.WriteStartArray("items");
                foreach (var i in s.ItemStatistics)
                {
                    json.WriteStartObject();
                    json.WriteString("item", i.ItemId);
                    json.WriteBoolean("reverse", i.Reverse);
                    if (i.Dropped is { } why)
                    {
                        json.WriteString("dropped", Code(why));
                    }

                    json.WriteNumber("n", i.N);
                    json.WriteNumber("missing", i.Missing);
                    Number(json, "mean", i.Mean);
                    Number(json, "sd", i.StandardDeviation);
                    Number(json, "rDrop", i.RDrop);
                    Number(json, "rawR", i.RawR);
                    Number(json, "alphaIfDeleted", i.AlphaIfDeleted);
                    json.WriteStartArray("frequencies");
                    foreach (var f in i.Frequencies)
                    {
                        NumberValue(json, f);
                    }

                    json.WriteEndArray();
                    Reasons(json, i.Undefined);
                    json.WriteEndObject();
                }

                json.WriteEndArray();
                json.WriteEndObject();
            }

            json.WriteEndArray();
            if (omega is not null)
            {
                json.WriteStartObject("omega");
                json.WriteNumber("factors", omega.Factors);
                Number(json, "omegaH", omega.OmegaHierarchical);
                Number(json, "omegaT", omega.OmegaTotal);
                Number(json, "alphaStd", omega.AlphaStandardized);
                Number(json, "g6", omega.G6);
                Reasons(json, [.. omega.Undefined.Where(u => u.Statistic is not (nameof(OmegaResult.General) or nameof(OmegaResult.Communalities)))]);
                json.WriteEndObject();
            }

            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    /// <summary>A number, or null when it is undefined (NaN; its reason goes in <c>reasons</c>).</summary>
    private static void Number(Utf8JsonWriter json, string name, double value)
    {
        json.WritePropertyName(name);
        NumberValue(json, value);
    }

    private static void NumberValue(Utf8JsonWriter json, double value)
    {
        if (double.IsFinite(value))
        {
            json.WriteNumberValue(value);
        }
        else
        {
            json.WriteNullValue();
        }
    }

    /// <summary><c>"reasons": { "alpha": "tooFewItems", … }</c> for the fields written as null; nothing when there are none.</summary>
    private static void Reasons(Utf8JsonWriter json, IReadOnlyList<UndefinedStatistic> undefined)
    {
        if (undefined.Count == 0)
        {
            return;
        }

        json.WriteStartObject("reasons");
        foreach (var u in undefined)
        {
            json.WriteString(u.Statistic == nameof(OmegaResult.AlphaStandardized) ? "alphaStd" : JsonNames.GetValueOrDefault(u.Statistic, u.Statistic), Code(u.Reason));
        }

        json.WriteEndObject();
    }
}
