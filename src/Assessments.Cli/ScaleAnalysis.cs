using System.Globalization;
using System.Text;
using System.Text.Json;
using Assessments.Psychometrics;
using Assessments.Responses;

namespace Assessments.Cli;

/// <summary>
/// <c>assess analyze</c> on a Likert-type instrument: reads the responses CSV (as <c>assess score</c> does; rows with bad
/// answers are left out and counted), then prints per scale n, mean, SD, α, standardised α, G6 (both of psych's variants),
/// average r, S/N and SEM, and per item the item statistics.
/// </summary>
internal static class ScaleAnalysis
{
    public static int Run(Instrument instrument, string path, string? idColumn, string format, Imputation imputation, int? omegaFactors,
        TextWriter stdout, TextWriter stderr)
    {
        // Collect the valid rows through the scoring path, so the same parsing and rejection rules apply.
        var rows = new MatrixCollector(instrument.Items.Count);
        var summary = new CsvScoreRun
        {
            Instrument = instrument,
            ResponsesPath = path,
            Log = stderr,
            Read = new Reading.CsvReadOptions { IdColumn = idColumn },
            Collector = rows,
        }.Run();
        if (rows.Rows < 2)
        {
            throw new InputException($"{path}: {rows.Rows} valid row(s); reliability needs at least two people.");
        }

        var matrix = rows.ToMatrix();
        var stats = Reliability.Analyze(instrument, matrix, imputation);
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

    private static string OmegaText(OmegaResult? omega, Dictionary<string, OmegaResult> perScale)
    {
        if (omega is null)
        {
            return "";
        }

        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"\n\nomega ({omega.Factors} group factors; minres, oblimin, Schmid–Leiman as psych::omega)");
        foreach (var (scale, o) in perScale)
        {
            text.Append(CultureInfo.InvariantCulture, $"\n  {scale,-16} omega_h {o.OmegaHierarchical:0.000}  omega_t {o.OmegaTotal:0.000}");
        }

        text.Append(CultureInfo.InvariantCulture,
            $"\n  {"all items",-16} omega_h {omega.OmegaHierarchical:0.000}  omega_t {omega.OmegaTotal:0.000}  alpha_std {omega.AlphaStandardized:0.000}  G6 {omega.G6:0.000}{(omega.Flipped.Any(f => f) ? $"  ({omega.Flipped.Count(f => f)} item(s) flipped)" : "")}");
        if (perScale.Count < 1)
        {
            text.Append(CultureInfo.InvariantCulture, $"\n  (no scale has the {3 * omega.Factors} items {omega.Factors} factors need for its own omega)");
        }

        return text.ToString();
    }

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
        foreach (var s in stats)
        {
            text.AppendLine(string.Create(CultureInfo.InvariantCulture,
                $"{s.ScaleId,-16} {s.N,5} {s.Items,7} {s.Mean,6:0.000} {s.StandardDeviation,6:0.000} {s.AlphaRaw,7:0.000} {s.AlphaStandardized,10:0.000} {s.G6Alpha,10:0.000} {s.G6ScoreItems,15:0.000} {s.AverageR,5:0.000} {s.SignalNoise,6:0.00} {s.Sem,6:0.000}"));
        }

        foreach (var s in stats)
        {
            text.AppendLine();
            text.AppendLine(CultureInfo.InvariantCulture, $"{s.ScaleId}: item statistics (keyed)");
            text.AppendLine("item          n  missing   mean     SD  r.drop  raw.r  alpha.if.deleted");
            foreach (var i in s.ItemStatistics)
            {
                text.AppendLine(string.Create(CultureInfo.InvariantCulture,
                    $"{(i.Reverse ? "-" : "") + i.ItemId,-10} {i.N,5} {i.Missing,8} {i.Mean,6:0.000} {i.StandardDeviation,6:0.000} {i.RDrop,7:0.000} {i.RawR,6:0.000} {i.AlphaIfDeleted,17:0.000}"));
            }
        }

        return text.ToString().TrimEnd();
    }

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
                json.WriteNumber("mean", s.Mean);
                json.WriteNumber("sd", s.StandardDeviation);
                json.WriteNumber("alpha", s.AlphaRaw);
                json.WriteNumber("alphaStd", s.AlphaStandardized);
                json.WriteNumber("g6Alpha", s.G6Alpha);
                json.WriteNumber("g6ScoreItems", s.G6ScoreItems);
                json.WriteNumber("averageR", s.AverageR);
                json.WriteNumber("averageRScoreItems", s.AverageRScoreItems);
                json.WriteNumber("signalNoise", s.SignalNoise);
                json.WriteNumber("sem", s.Sem);
                if (perScale.TryGetValue(s.ScaleId, out var scaleOmega))
                {
                    json.WriteNumber("omegaH", scaleOmega.OmegaHierarchical);
                    json.WriteNumber("omegaT", scaleOmega.OmegaTotal);
                }
                json.WriteStartArray("items");
                foreach (var i in s.ItemStatistics)
                {
                    json.WriteStartObject();
                    json.WriteString("item", i.ItemId);
                    json.WriteBoolean("reverse", i.Reverse);
                    json.WriteNumber("n", i.N);
                    json.WriteNumber("missing", i.Missing);
                    json.WriteNumber("mean", i.Mean);
                    json.WriteNumber("sd", i.StandardDeviation);
                    json.WriteNumber("rDrop", i.RDrop);
                    json.WriteNumber("rawR", i.RawR);
                    if (double.IsFinite(i.AlphaIfDeleted))
                    {
                        json.WriteNumber("alphaIfDeleted", i.AlphaIfDeleted);
                    }

                    json.WriteStartArray("frequencies");
                    foreach (var f in i.Frequencies)
                    {
                        json.WriteNumberValue(f);
                    }

                    json.WriteEndArray();
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
                json.WriteNumber("omegaH", omega.OmegaHierarchical);
                json.WriteNumber("omegaT", omega.OmegaTotal);
                json.WriteNumber("alphaStd", omega.AlphaStandardized);
                json.WriteNumber("g6", omega.G6);
                json.WriteEndObject();
            }

            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }
}
