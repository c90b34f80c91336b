using System.Globalization;
using System.Text;
using System.Text.Json;
using Assessments.Localization;
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
        TextCatalog text, TextWriter stdout, TextWriter stderr)
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
        var analysis = Reliability.AnalyzeWithCorrelations(instrument, matrix, imputation);
        var stats = analysis.Scales;
        foreach (var s in stats.Where(s => s.DroppedItems.Count > 0))
        {
            // Item ids from the definition only: never an answer (the constant answer of a zero-variance item stays unsaid).
            stderr.WriteLine(text.Format("analyze.droppedWarning", s.ScaleId, s.DroppedItems.Count, s.Items,
                string.Join(", ", s.DroppedItems.Select(d => $"{d.ItemId} ({Why(text, d.Reason)})"))));
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

        var correlations = analysis.Correlations;
        stdout.WriteLine(format switch
        {
            "json" => Json(instrument, summary, stats, correlations, omega, perScale),
            "csv" => Csv(stats, omegaFactors is null ? null : perScale),
            "csv-items" => CsvItems(stats),
            _ => Table(text, instrument, summary, stats, imputation) + CorrelationText(text, correlations) + OmegaText(text, omega, perScale),
        });
        return summary.Rejected > 0 ? ExitCodes.SomeRejected : ExitCodes.Success;
    }

    /// <summary>Why an item was dropped, in words (no answer is ever quoted).</summary>
    private static string Why(TextCatalog text, DroppedItemReason reason) => text[reason switch
    {
        DroppedItemReason.NoAnswers => "analyze.dropped.noAnswers",
        DroppedItemReason.OneAnswer => "analyze.dropped.oneAnswer",
        _ => "analyze.dropped.constant",
    }];

    /// <summary>Why a statistic is empty, in words, for the table's footnotes.</summary>
    private static string Why(TextCatalog text, UndefinedReason reason) => text[reason switch
    {
        UndefinedReason.ItemDropped => "analyze.undefined.itemDropped",
        UndefinedReason.TooFewItems => "analyze.undefined.tooFewItems",
        UndefinedReason.TooFewPeople => "analyze.undefined.tooFewPeople",
        UndefinedReason.MissingCovariance => "analyze.undefined.missingCovariance",
        UndefinedReason.SingularCorrelations => "analyze.undefined.singularCorrelations",
        UndefinedReason.NotConverged => "analyze.undefined.notConverged",
        UndefinedReason.TooLarge => "analyze.undefined.tooLarge",
        _ => "analyze.undefined.divisionByZero",
    }];

    /// <summary>The reason's code in JSON: the enum member in camelCase.</summary>
    private static string Code<T>(T value)
        where T : struct, Enum => JsonNamingPolicy.CamelCase.ConvertName(value.ToString());

    /// <summary>A number right-aligned in <paramref name="width"/>, or a dash when it is undefined (NaN).</summary>
    private static string Cell(TextCatalog text, double value, int width, string format) =>
        (double.IsNaN(value) ? "-" : value.ToString(format, text.Culture)).PadLeft(width);

    private static string OmegaText(TextCatalog text, OmegaResult? omega, Dictionary<string, OmegaResult> perScale)
    {
        if (omega is null)
        {
            return "";
        }

        var output = new StringBuilder();
        var notes = new List<string>();
        output.Append("\n\n").Append(text.Format("analyze.omega.title", omega.Factors));
        foreach (var (scale, o) in perScale)
        {
            output.Append(CultureInfo.InvariantCulture, $"\n  {scale,-16} omega_h {Cell(text, o.OmegaHierarchical, 5, "0.000")}  omega_t {Cell(text, o.OmegaTotal, 5, "0.000")}");
            notes.AddRange(OmegaNotes(text, scale, o));
        }

        var allItems = text["analyze.omega.allItems"];
        output.Append(CultureInfo.InvariantCulture,
            $"\n  {allItems,-16} omega_h {Cell(text, omega.OmegaHierarchical, 5, "0.000")}  omega_t {Cell(text, omega.OmegaTotal, 5, "0.000")}  alpha_std {Cell(text, omega.AlphaStandardized, 5, "0.000")}  G6 {Cell(text, omega.G6, 5, "0.000")}");
        if (omega.Flipped.Any(f => f))
        {
            output.Append("  ").Append(text.Format("analyze.omega.flipped", omega.Flipped.Count(f => f)));
        }

        output.Append(GroupsText(text, omega));
        notes.AddRange(OmegaNotes(text, allItems, omega));
        if (perScale.Count < 1)
        {
            output.Append("\n  ").Append(text.Format("analyze.omega.noScale", 3 * omega.Factors, omega.Factors));
        }

        foreach (var note in notes)
        {
            output.Append("\n  - ").Append(note);
        }

        return output.ToString();
    }

    /// <summary>ECV, ω_limit and psych's omega.group table (row g, then each group factor with its items).</summary>
    private static string GroupsText(TextCatalog text, OmegaResult omega)
    {
        if (omega.Groups.Count == 0)
        {
            return "";
        }

        var output = new StringBuilder();
        output.Append(CultureInfo.InvariantCulture, $"\n  ECV {Cell(text, omega.Ecv, 5, "0.000")}  omega_limit {Cell(text, omega.OmegaLimit, 5, "0.000")}");
        output.Append("\n  ").Append(Columns((text["analyze.omega.factor"], -7), ("omega_t", 7), ("omega_h", 7), ("omega_group", 11), (text["analyze.omega.items"], -5)).TrimEnd());
        output.Append(CultureInfo.InvariantCulture,
            $"\n  {"g",-7} {Cell(text, omega.OmegaTotal, 7, "0.000")} {Cell(text, omega.OmegaHierarchical, 7, "0.000")} {Cell(text, omega.OmegaGroup, 11, "0.000")} {text.Format("analyze.omega.all", omega.ItemIds.Count - omega.DroppedItems.Count)}");
        foreach (var f in omega.Groups)
        {
            output.Append(CultureInfo.InvariantCulture,
                $"\n  {$"F{f.Factor}*",-7} {Cell(text, f.OmegaTotal, 7, "0.000")} {Cell(text, f.OmegaHierarchical, 7, "0.000")} {Cell(text, f.OmegaGroup, 11, "0.000")} {string.Join(' ', f.Items.Select(i => omega.ItemIds[i]))}");
        }

        return output.ToString();
    }

    /// <summary>
    /// <c>assess analyze --correlations FILE --omega N</c>: ω of a correlation matrix (psych::omega on a matrix), with
    /// ECV, ω_limit and the group factors; no answers are read.
    /// </summary>
    public static int RunCorrelations(string path, string format, int factors, TextCatalog text, TextWriter stdout)
    {
        var (names, matrix) = CorrelationMatrixCsv.Read(path);
        if (names.Count > Omega.MaxItems)
        {
            throw new InputFileException(string.Create(CultureInfo.InvariantCulture,
                $"{path}: the matrix has {names.Count:N0} variables; assess analyze --omega handles at most {Omega.MaxItems:N0}."));
        }

        OmegaResult omega;
        try
        {
            omega = Omega.FromCorrelations(matrix, factors, names);
        }
        catch (ArgumentException ex)
        {
            // The library names cells by zero-based position; the file's readers think in names.
            var message = ex.Message.Split(" (Parameter", 2)[0];
            message = System.Text.RegularExpressions.Regex.Replace(message, @"\[(\d+), (\d+)\]",
                m => $"(row '{names[int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)]}', column '{names[int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture)]}')");
            throw new InputFileException($"{path}: {message}");
        }

        stdout.WriteLine(format switch
        {
            "json" => MatrixJson(omega),
            "csv" => OmegaGroupsCsv(omega),
            _ => text.Format("analyze.omega.matrixTitle", names.Count, factors)
                + string.Create(CultureInfo.InvariantCulture,
                    $"\n  omega_h {Cell(text, omega.OmegaHierarchical, 5, "0.000")}  omega_t {Cell(text, omega.OmegaTotal, 5, "0.000")}  alpha_std {Cell(text, omega.AlphaStandardized, 5, "0.000")}  G6 {Cell(text, omega.G6, 5, "0.000")}")
                + (omega.Flipped.Any(f => f) ? "  " + text.Format("analyze.omega.flipped", omega.Flipped.Count(f => f)) : "")
                + GroupsText(text, omega)
                + string.Concat(OmegaNotes(text, text["analyze.omega.allItems"], omega).Select(n => "\n  - " + n)),
        });
        return ExitCodes.Success;
    }

    /// <summary>psych's omega.group as CSV: row g (with ECV, ω_limit, α_std and G6), then F1*, F2*, … with their items.</summary>
    private static string OmegaGroupsCsv(OmegaResult omega)
    {
        var csv = new StringBuilder("factor,omegaT,omegaH,omegaGroup,ecv,omegaLimit,alphaStd,g6,items");
        csv.Append("\ng,").Append(string.Join(",", CsvText.Number(omega.OmegaTotal), CsvText.Number(omega.OmegaHierarchical), CsvText.Number(omega.OmegaGroup),
            CsvText.Number(omega.Ecv), CsvText.Number(omega.OmegaLimit), CsvText.Number(omega.AlphaStandardized), CsvText.Number(omega.G6),
            CsvText.Escape(string.Join(' ', omega.ItemIds.Where((_, i) => !double.IsNaN(omega.General[i]))), ',')));
        foreach (var f in omega.Groups)
        {
            csv.Append(CultureInfo.InvariantCulture, $"\nF{f.Factor}*,").Append(string.Join(",", CsvText.Number(f.OmegaTotal), CsvText.Number(f.OmegaHierarchical),
                CsvText.Number(f.OmegaGroup), "", "", "", "", CsvText.Escape(string.Join(' ', f.Items.Select(i => omega.ItemIds[i])), ',')));
        }

        return csv.ToString();
    }

    private static string MatrixJson(OmegaResult omega)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            OmegaJson(json, omega);
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    /// <summary>The <c>omega</c> object: the coefficients, ECV, ω_limit, the group factors and each item's loadings.</summary>
    private static void OmegaJson(Utf8JsonWriter json, OmegaResult omega)
    {
        json.WriteStartObject("omega");
        json.WriteNumber("factors", omega.Factors);
        Number(json, "omegaH", omega.OmegaHierarchical);
        Number(json, "omegaT", omega.OmegaTotal);
        Number(json, "alphaStd", omega.AlphaStandardized);
        Number(json, "g6", omega.G6);
        Number(json, "ecv", omega.Ecv);
        Number(json, "omegaLimit", omega.OmegaLimit);
        Number(json, "omegaGroup", omega.OmegaGroup);
        Reasons(json, [.. omega.Undefined.Where(u => u.Statistic is not (nameof(OmegaResult.General) or nameof(OmegaResult.Communalities)))]);
        json.WriteStartArray("groups");
        foreach (var f in omega.Groups)
        {
            json.WriteStartObject();
            json.WriteString("factor", $"F{f.Factor}*");
            json.WriteStartArray("items");
            foreach (var i in f.Items)
            {
                json.WriteStringValue(omega.ItemIds[i]);
            }

            json.WriteEndArray();
            Number(json, "omegaT", f.OmegaTotal);
            Number(json, "omegaH", f.OmegaHierarchical);
            Number(json, "omegaGroup", f.OmegaGroup);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteStartArray("items");
        for (var i = 0; i < omega.ItemIds.Count; i++)
        {
            json.WriteStartObject();
            json.WriteString("item", omega.ItemIds[i]);
            Number(json, "general", omega.General[i]);
            Number(json, "communality", omega.Communalities[i]);
            json.WriteBoolean("flipped", omega.Flipped[i]);
            json.WriteStartArray("groupLoadings");
            foreach (var value in omega.GroupLoadings.Count > i ? omega.GroupLoadings[i] : [])
            {
                NumberValue(json, value);
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    /// <summary>Footnotes for ω's empty coefficients, one per reason.</summary>
    private static IEnumerable<string> OmegaNotes(TextCatalog text, string what, OmegaResult o) =>
        o.Undefined.Where(u => u.Statistic is not (nameof(OmegaResult.General) or nameof(OmegaResult.Communalities)))
            .GroupBy(u => u.Reason)
            .Select(g => text.Format("analyze.empty", what, string.Join(", ", g.Select(u => OmegaLabels[u.Statistic])), Why(text, g.Key)));

    private static readonly Dictionary<string, string> OmegaLabels = new(StringComparer.Ordinal)
    {
        [nameof(OmegaResult.OmegaHierarchical)] = "omega_h",
        [nameof(OmegaResult.OmegaTotal)] = "omega_t",
        [nameof(OmegaResult.AlphaStandardized)] = "alpha_std",
        [nameof(OmegaResult.G6)] = "G6",
        [nameof(OmegaResult.Ecv)] = "ECV",
        [nameof(OmegaResult.OmegaLimit)] = "omega_limit",
        [nameof(OmegaResult.OmegaGroup)] = "omega_group",
    };

    private static string Csv(IReadOnlyList<ScaleReliability> stats, Dictionary<string, OmegaResult>? perScale)
    {
        var text = new StringBuilder("scale,n,items,mean,sd,alpha,alphaStd,g6Alpha,g6ScoreItems,averageR,averageRScoreItems,signalNoise,sem,alphaSe,feldtLower,feldtUpper,duhachekLower,duhachekUpper,medianR,varianceR");
        if (perScale is not null)
        {
            text.Append(",omegaH,omegaT,omegaLimit,ecv");
        }

        foreach (var s in stats)
        {
            text.Append('\n').Append(string.Join(",", s.ScaleId, s.N.ToString(CultureInfo.InvariantCulture), s.Items.ToString(CultureInfo.InvariantCulture),
                CsvText.Number(s.Mean), CsvText.Number(s.StandardDeviation), CsvText.Number(s.AlphaRaw), CsvText.Number(s.AlphaStandardized),
                CsvText.Number(s.G6Alpha), CsvText.Number(s.G6ScoreItems), CsvText.Number(s.AverageR), CsvText.Number(s.AverageRScoreItems),
                CsvText.Number(s.SignalNoise), CsvText.Number(s.Sem), CsvText.Number(s.AlphaStandardError), CsvText.Number(s.FeldtLower),
                CsvText.Number(s.FeldtUpper), CsvText.Number(s.DuhachekLower), CsvText.Number(s.DuhachekUpper), CsvText.Number(s.MedianR),
                CsvText.Number(s.VarianceR)));
            if (perScale is not null)
            {
                var o = perScale.GetValueOrDefault(s.ScaleId);
                text.Append(',').Append(string.Join(",", CsvText.Number(o?.OmegaHierarchical ?? double.NaN), CsvText.Number(o?.OmegaTotal ?? double.NaN),
                    CsvText.Number(o?.OmegaLimit ?? double.NaN), CsvText.Number(o?.Ecv ?? double.NaN)));
            }
        }

        return text.ToString();
    }

    /// <summary>One row per item of each scale: psych's item.stats and alpha.drop, with the JSON's names.</summary>
    private static string CsvItems(IReadOnlyList<ScaleReliability> stats)
    {
        var text = new StringBuilder("scale,item,reverse,n,missing,mean,sd,rawR,stdR,rCor,rDrop,alphaIfDeleted,alphaStdIfDeleted,g6IfDeleted,averageRIfDeleted,signalNoiseIfDeleted,alphaSeIfDeleted,varianceRIfDeleted,medianRIfDeleted");
        foreach (var s in stats)
        {
            foreach (var i in s.ItemStatistics)
            {
                text.Append('\n').Append(string.Join(",", s.ScaleId, i.ItemId, i.Reverse ? "true" : "false", i.N.ToString(CultureInfo.InvariantCulture),
                    i.Missing.ToString(CultureInfo.InvariantCulture), CsvText.Number(i.Mean), CsvText.Number(i.StandardDeviation), CsvText.Number(i.RawR),
                    CsvText.Number(i.StdR), CsvText.Number(i.RCor), CsvText.Number(i.RDrop), CsvText.Number(i.AlphaIfDeleted),
                    CsvText.Number(i.AlphaStandardizedIfDeleted), CsvText.Number(i.G6IfDeleted), CsvText.Number(i.AverageRIfDeleted),
                    CsvText.Number(i.SignalNoiseIfDeleted), CsvText.Number(i.AlphaStandardErrorIfDeleted), CsvText.Number(i.VarianceRIfDeleted),
                    CsvText.Number(i.MedianRIfDeleted)));
            }
        }

        return text.ToString();
    }

    /// <summary>The scales' correlations as scoreItems prints <c>$corrected</c>: raw below the diagonal, α on it, corrected above.</summary>
    private static string CorrelationText(TextCatalog text, ScaleCorrelations correlations)
    {
        if (correlations.ScaleIds.Count < 2)
        {
            return "";
        }

        var output = new StringBuilder("\n\n").Append(text["analyze.correlations"]).Append('\n');
        var width = Math.Max(6, correlations.ScaleIds.Max(id => id.Length));
        output.Append(' ', 17).Append(string.Join(" ", correlations.ScaleIds.Select(id => id.PadLeft(width)))).Append('\n');
        for (var i = 0; i < correlations.ScaleIds.Count; i++)
        {
            output.Append(CultureInfo.InvariantCulture, $"{correlations.ScaleIds[i],-16} ")
                .Append(string.Join(" ", correlations.Corrected[i].Select(v => Cell(text, v, width, "0.000")))).Append('\n');
        }

        return output.ToString().TrimEnd('\n');
    }

    private static string Table(TextCatalog text, Instrument instrument, ScoreSummary summary, IReadOnlyList<ScaleReliability> stats, Imputation imputation)
    {
        var output = new StringBuilder();
        var method = text[imputation switch
        {
            Imputation.PsychMedian => "analyze.imputation.median",
            Imputation.PsychMean => "analyze.imputation.mean",
            _ => "analyze.imputation.none",
        }];
        var language = text.Language;
        output.AppendLine(text.Format("analyze.header", instrument.Title[language], instrument.Version, summary.Scored, summary.Rejected, method));
        var titled = instrument.Scales.Where(s => s.Title is not null).Select(s => text.Format("analyze.scaleTitle", s.Id, s.Title![language])).ToList();
        if (titled.Count > 0)
        {
            output.AppendLine(text.Format("analyze.scales", string.Join(text["common.listSeparator"], titled)));
        }

        output.AppendLine();
        output.AppendLine(Columns(
            (text["analyze.column.scale"], -16), ("n", 5), ("items", 7), (text["analyze.column.mean"], 7), (text["analyze.column.sd"], 6), ("alpha", 7),
            ("alpha.std", 10), ("G6(alpha)", 10), ("G6(scoreItems)", 15), ("av.r", 5), ("S/N", 6), ("SEM", 6)));
        var notes = new List<string>();
        foreach (var s in stats)
        {
            output.AppendLine(string.Create(CultureInfo.InvariantCulture,
                $"{s.ScaleId,-16} {s.N,5} {s.Items,7} {Cell(text, s.Mean, 7, "0.000")} {Cell(text, s.StandardDeviation, 6, "0.000")} {Cell(text, s.AlphaRaw, 7, "0.000")} {Cell(text, s.AlphaStandardized, 10, "0.000")} {Cell(text, s.G6Alpha, 10, "0.000")} {Cell(text, s.G6ScoreItems, 15, "0.000")} {Cell(text, s.AverageR, 5, "0.000")} {Cell(text, s.SignalNoise, 6, "0.00")} {Cell(text, s.Sem, 6, "0.000")}"));
            notes.AddRange(Notes(text, s.ScaleId, s.Undefined, ScaleLabels(text)));
        }

        AppendNotes(output, notes);
        output.AppendLine();
        output.AppendLine(text["analyze.confidence"]);
        output.AppendLine(Columns((text["analyze.column.scale"], -16), ("alpha", 7), ("ase", 6), ("Feldt 95 %", 16), ("Duhachek 95 %", 16), ("median_r", 8), ("var.r", 7)));
        foreach (var s in stats)
        {
            output.AppendLine(string.Create(CultureInfo.InvariantCulture,
                $"{s.ScaleId,-16} {Cell(text, s.AlphaRaw, 7, "0.000")} {Cell(text, s.AlphaStandardError, 6, "0.000")} {Interval(text, s.FeldtLower, s.FeldtUpper, 16)} {Interval(text, s.DuhachekLower, s.DuhachekUpper, 16)} {Cell(text, s.MedianR, 8, "0.000")} {Cell(text, s.VarianceR, 7, "0.000")}"));
        }

        foreach (var s in stats)
        {
            output.AppendLine();
            output.AppendLine(text.Format("analyze.itemStatistics", s.ScaleId));
            output.AppendLine(Columns(
                (text["analyze.column.item"], -10), ("n", 5), (text["analyze.column.missing"], 8), (text["analyze.column.mean"], 7), (text["analyze.column.sd"], 6),
                ("r.drop", 7), ("raw.r", 6), ("alpha.if.deleted", 17), ("std.r", 6), ("r.cor", 6)));
            var itemNotes = new List<string>();
            foreach (var i in s.ItemStatistics)
            {
                output.AppendLine(string.Create(CultureInfo.InvariantCulture,
                    $"{(i.Reverse ? "-" : "") + i.ItemId,-10} {i.N,5} {i.Missing,8} {Cell(text, i.Mean, 7, "0.000")} {Cell(text, i.StandardDeviation, 6, "0.000")} {Cell(text, i.RDrop, 7, "0.000")} {Cell(text, i.RawR, 6, "0.000")} {Cell(text, i.AlphaIfDeleted, 17, "0.000")} {Cell(text, i.StdR, 6, "0.000")} {Cell(text, i.RCor, 6, "0.000")}"));
                if (i.Dropped is { } why)
                {
                    itemNotes.Add(text.Format("analyze.itemLeftOut", i.ItemId, Why(text, why)));
                    itemNotes.AddRange(Notes(text, i.ItemId, [.. i.Undefined.Where(u => u.Reason != UndefinedReason.ItemDropped)], ItemLabels(text)));
                }
                else
                {
                    itemNotes.AddRange(Notes(text, i.ItemId, i.Undefined, ItemLabels(text)));
                }
            }

            AppendNotes(output, itemNotes);
            if (s.ItemStatistics.Count(i => i.Dropped is null) >= 3)
            {
                output.AppendLine(text.Format("analyze.ifDeleted", s.ScaleId));
                output.AppendLine(Columns((text["analyze.column.item"], -10), ("raw_alpha", 9), ("std.alpha", 9), ("G6(smc)", 8), ("average_r", 9), ("S/N", 6),
                    ("alpha se", 8), ("var.r", 6), ("med.r", 6)));
                foreach (var i in s.ItemStatistics.Where(i => i.Dropped is null))
                {
                    output.AppendLine(string.Create(CultureInfo.InvariantCulture,
                        $"{(i.Reverse ? "-" : "") + i.ItemId,-10} {Cell(text, i.AlphaIfDeleted, 9, "0.000")} {Cell(text, i.AlphaStandardizedIfDeleted, 9, "0.000")} {Cell(text, i.G6IfDeleted, 8, "0.000")} {Cell(text, i.AverageRIfDeleted, 9, "0.000")} {Cell(text, i.SignalNoiseIfDeleted, 6, "0.00")} {Cell(text, i.AlphaStandardErrorIfDeleted, 8, "0.0000")} {Cell(text, i.VarianceRIfDeleted, 6, "0.000")} {Cell(text, i.MedianRIfDeleted, 6, "0.000")}"));
                }
            }
        }

        return output.ToString().TrimEnd();
    }

    /// <summary>"[lower, upper]" right-aligned in <paramref name="width"/>, or a dash when a bound is undefined.</summary>
    private static string Interval(TextCatalog text, double lower, double upper, int width) =>
        (double.IsNaN(lower) || double.IsNaN(upper) ? "-" : text.Format("analyze.interval", lower, upper)).PadLeft(width);

    /// <summary>A table's header line: each label padded to its column's width (negative: left-aligned), one space between columns.</summary>
    internal static string Columns(params (string Label, int Width)[] columns) =>
        string.Join(" ", columns.Select(c => c.Width < 0 ? c.Label.PadRight(-c.Width) : c.Label.PadLeft(c.Width))).TrimEnd();

    /// <summary>The table's footnotes for one row's empty cells, one per reason (statistics not shown in the table are skipped).</summary>
    private static IEnumerable<string> Notes(TextCatalog text, string row, IReadOnlyList<UndefinedStatistic> undefined, Dictionary<string, string> labels) =>
        undefined.Where(u => labels.ContainsKey(u.Statistic)).GroupBy(u => u.Reason)
            .Select(g => text.Format("analyze.emptyCells", row, string.Join(", ", g.Select(u => labels[u.Statistic])), Why(text, g.Key)));

    private static void AppendNotes(StringBuilder text, List<string> notes)
    {
        foreach (var note in notes)
        {
            text.Append("  - ").AppendLine(note);
        }
    }

    private static Dictionary<string, string> ScaleLabels(TextCatalog text) => new(StringComparer.Ordinal)
    {
        [nameof(ScaleReliability.Mean)] = text["analyze.column.mean"],
        [nameof(ScaleReliability.StandardDeviation)] = text["analyze.column.sd"],
        [nameof(ScaleReliability.AlphaRaw)] = "alpha",
        [nameof(ScaleReliability.AlphaStandardized)] = "alpha.std",
        [nameof(ScaleReliability.G6Alpha)] = "G6(alpha)",
        [nameof(ScaleReliability.G6ScoreItems)] = "G6(scoreItems)",
        [nameof(ScaleReliability.AverageR)] = "av.r",
        [nameof(ScaleReliability.SignalNoise)] = "S/N",
        [nameof(ScaleReliability.Sem)] = "SEM",
    };

    private static Dictionary<string, string> ItemLabels(TextCatalog text) => new(StringComparer.Ordinal)
    {
        [nameof(ItemStatistics.Mean)] = text["analyze.column.mean"],
        [nameof(ItemStatistics.StandardDeviation)] = text["analyze.column.sd"],
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
        [nameof(ItemStatistics.StdR)] = "stdR",
        [nameof(ItemStatistics.RCor)] = "rCor",
        [nameof(ItemStatistics.AlphaStandardizedIfDeleted)] = "alphaStdIfDeleted",
        [nameof(ItemStatistics.G6IfDeleted)] = "g6IfDeleted",
        [nameof(ItemStatistics.AverageRIfDeleted)] = "averageRIfDeleted",
        [nameof(ItemStatistics.SignalNoiseIfDeleted)] = "signalNoiseIfDeleted",
        [nameof(ItemStatistics.AlphaStandardErrorIfDeleted)] = "alphaSeIfDeleted",
        [nameof(ItemStatistics.VarianceRIfDeleted)] = "varianceRIfDeleted",
        [nameof(ItemStatistics.MedianRIfDeleted)] = "medianRIfDeleted",
        [nameof(ScaleReliability.AlphaStandardError)] = "alphaSe",
        [nameof(ScaleReliability.FeldtLower)] = "feldtLower",
        [nameof(ScaleReliability.FeldtUpper)] = "feldtUpper",
        [nameof(ScaleReliability.MedianR)] = "medianR",
        [nameof(ScaleReliability.VarianceR)] = "varianceR",
        [nameof(OmegaResult.OmegaHierarchical)] = "omegaH",
        [nameof(OmegaResult.OmegaTotal)] = "omegaT",
        [nameof(OmegaResult.G6)] = "g6",
        [nameof(OmegaResult.Ecv)] = "ecv",
        [nameof(OmegaResult.OmegaLimit)] = "omegaLimit",
        [nameof(OmegaResult.OmegaGroup)] = "omegaGroup",
        [nameof(OmegaResult.General)] = "general",
        [nameof(OmegaResult.Communalities)] = "communalities",
    };

    private static string Json(Instrument instrument, ScoreSummary summary, IReadOnlyList<ScaleReliability> stats, ScaleCorrelations correlations, OmegaResult? omega,
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
                Number(json, "alphaSe", s.AlphaStandardError);
                Number(json, "feldtLower", s.FeldtLower);
                Number(json, "feldtUpper", s.FeldtUpper);
                Number(json, "duhachekLower", s.DuhachekLower);
                Number(json, "duhachekUpper", s.DuhachekUpper);
                Number(json, "medianR", s.MedianR);
                Number(json, "varianceR", s.VarianceR);
                IReadOnlyList<UndefinedStatistic> undefined = s.Undefined;
                if (perScale.TryGetValue(s.ScaleId, out var scaleOmega))
                {
                    Number(json, "omegaH", scaleOmega.OmegaHierarchical);
                    Number(json, "omegaT", scaleOmega.OmegaTotal);
                    Number(json, "omegaLimit", scaleOmega.OmegaLimit);
                    Number(json, "ecv", scaleOmega.Ecv);
                    undefined = [.. undefined, .. scaleOmega.Undefined.Where(u => u.Statistic is nameof(OmegaResult.OmegaHierarchical) or nameof(OmegaResult.OmegaTotal)
                        or nameof(OmegaResult.OmegaLimit) or nameof(OmegaResult.Ecv))];
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
                    Number(json, "stdR", i.StdR);
                    Number(json, "rCor", i.RCor);
                    Number(json, "alphaStdIfDeleted", i.AlphaStandardizedIfDeleted);
                    Number(json, "g6IfDeleted", i.G6IfDeleted);
                    Number(json, "averageRIfDeleted", i.AverageRIfDeleted);
                    Number(json, "signalNoiseIfDeleted", i.SignalNoiseIfDeleted);
                    Number(json, "alphaSeIfDeleted", i.AlphaStandardErrorIfDeleted);
                    Number(json, "varianceRIfDeleted", i.VarianceRIfDeleted);
                    Number(json, "medianRIfDeleted", i.MedianRIfDeleted);
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
            json.WriteStartObject("correlations");
            json.WriteStartArray("scales");
            foreach (var id in correlations.ScaleIds)
            {
                json.WriteStringValue(id);
            }

            json.WriteEndArray();
            foreach (var (name, rows) in new[] { ("raw", correlations.Raw), ("corrected", correlations.Corrected) })
            {
                json.WriteStartArray(name);
                foreach (var row in rows)
                {
                    json.WriteStartArray();
                    foreach (var value in row)
                    {
                        NumberValue(json, value);
                    }

                    json.WriteEndArray();
                }

                json.WriteEndArray();
            }

            json.WriteEndObject();
            if (omega is not null)
            {
                OmegaJson(json, omega);
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
