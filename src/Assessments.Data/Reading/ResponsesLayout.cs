namespace Assessments.Data;

/// <summary>
/// What each column of a responses file is: the id, an item (with its format's range) or a column to skip. Both readers
/// read the file through the same layout.
/// </summary>
/// <param name="Names">The header's names, trimmed (a UTF-8 byte-order mark removed).</param>
/// <param name="IdColumn">The id column's index.</param>
/// <param name="ItemOfColumn">Per column, the item's index in the instrument; −1 for the id and skipped columns.</param>
/// <param name="Min">Per column, the lowest answer of the item's format (1 for other columns).</param>
/// <param name="Max">Per column, the highest answer of the item's format (0 for other columns).</param>
internal sealed record ResponsesLayout(string[] Names, int IdColumn, int[] ItemOfColumn, int[] Min, int[] Max)
{
    /// <summary>Per column, how it was mapped (<c>--save-mapping</c> writes it): id, item id, folded id, question text…</summary>
    public string[] How { get; init; } = [];

    /// <summary>The tool whose export the file is (never <see cref="SurveyTool.Auto"/>).</summary>
    public SurveyTool Tool { get; init; } = SurveyTool.Plain;

    /// <summary>
    /// Maps the header's names to the id column and the items. Messages name columns by position, and by the item id of
    /// the definition where the column is an item — never by the header's own text, which may be a person's answer (a
    /// file without its header row). The order of the rules: <c>--columns</c>' mapping; the exact item id; the survey
    /// tool's metadata columns (skipped); the item id once folded, the item's text in any language, a grid row
    /// <c>Title [row]</c>, a Qualtrics <c>Prompt - statement</c> (also from the second header row of a Qualtrics export).
    /// </summary>
    /// <param name="header">The header's names.</param>
    /// <param name="labels">A second header row that holds the question texts (Qualtrics), or null.</param>
    /// <param name="instrument">The instrument whose items the columns are.</param>
    /// <param name="options">The id column, <c>--columns</c>, <c>--extra-columns</c>.</param>
    /// <param name="tool">The survey tool (not auto): its default id column and metadata columns.</param>
    /// <param name="path">The file, as messages name it.</param>
    /// <param name="log">Where notes and warnings go (stderr).</param>
    /// <exception cref="InputFileException">A name repeats, the id column is not there, or a column is not an item (unless ignored).</exception>
    public static ResponsesLayout Map(string[] header, string[]? labels, Instrument instrument, ResponsesReadOptions options, SurveyTool tool, string path, TextWriter log)
    {
        var names = header.Select(n => n.Trim().TrimStart('\uFEFF')).ToArray();
        var idColumn = 0;
        if (options.IdColumn is not null)
        {
            idColumn = Array.IndexOf(names, options.IdColumn);
            if (idColumn < 0)
            {
                throw new InputFileException($"{path}: the header has no column '{options.IdColumn}' (given by --id-column) among its {names.Length} column(s); names are compared exactly, case and spaces included.");
            }
        }
        else if (SurveyTools.DefaultIdColumn(tool, names) is { } toolId)
        {
            idColumn = toolId;
        }

        var itemOfColumn = new int[names.Length];
        var how = new string[names.Length];
        var folded = new List<(int Column, string Item)>();
        var metadata = 0;
        ILookup<string, Definitions.Item>? byFoldedId = null;
        ILookup<string, Definitions.Item>? byText = null;
        var firstColumn = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var c = 0; c < names.Length; c++)
        {
            itemOfColumn[c] = -1;
            how[c] = "skipped";
            if (!firstColumn.TryAdd(names[c], c))
            {
                var what = instrument.FindItem(names[c]) is { } repeated ? $" (item {repeated.Id})" : "";
                throw new InputFileException($"{path}: header columns {firstColumn[names[c]] + 1} and {c + 1} have the same name{what}; each column name must be unique.");
            }

            if (c == idColumn)
            {
                how[c] = "id";
                continue;
            }

            Definitions.Item? item;
            if (options.Columns is { } map && map.TryGet(names[c], out var mapped, out var line))
            {
                if (mapped.Length == 0)
                {
                    how[c] = "skipped (mapping file)";
                    continue;
                }

                item = instrument.FindItem(mapped)
                    ?? throw new InputFileException($"{map.Path}: line {line}: {instrument.Reference} has no item '{mapped}'{DidYouMean(mapped, instrument)}; the item column holds item ids exactly.");
                how[c] = "mapping file";
            }
            else if (instrument.FindItem(names[c]) is { } exact)
            {
                item = exact;
                how[c] = "item id";
            }
            else if (SurveyTools.IsMetadata(tool, names[c]))
            {
                metadata++;
                how[c] = $"skipped ({SurveyTools.Name(tool)} metadata)";
                continue;
            }
            else
            {
                byFoldedId ??= instrument.Items.ToLookup(i => Responses.TextFold.Fold(i.Id), StringComparer.Ordinal);
                byText ??= ByText(instrument);
                var candidates = Candidates(names[c], byFoldedId, byText);
                if (candidates.Count == 0 && labels is not null && c < labels.Length)
                {
                    candidates = Candidates(labels[c], byFoldedId, byText);
                }

                if (candidates.Count > 1)
                {
                    // "EN 1" or "en1" for item EN1: one candidate maps (and is said); several are an error, never a guess.
                    throw new InputFileException($"{path}: header column {c + 1} matches several items of {instrument.Reference} once case and spaces are ignored ({string.Join(", ", candidates.Select(i => i.Id))}); did you mean {candidates[0].Id}? Rename the column to the exact item id, or map it with --columns FILE.csv (column,item).");
                }

                if (candidates.Count == 0)
                {
                    if (!options.IgnoreExtraColumns)
                    {
                        throw new InputFileException($"{path}: header column {c + 1} is not an item of {instrument.Reference}{(LooksLikeData(names[c]) ? " (its name is a number or empty: is the header row missing?)" : DidYouMean(labels is not null && c < labels.Length ? labels[c] : names[c], instrument))}. Map it with --columns FILE.csv (column,item), or pass --extra-columns ignore to skip columns that are not items.");
                    }

                    continue;
                }

                item = candidates[0];
                how[c] = "folded id or question text";
                folded.Add((c + 1, item.Id));
            }

            if (item.FreeText is not null)
            {
                if (!options.IgnoreExtraColumns)
                {
                    throw new InputFileException($"{path}: header column {c + 1} is the free-text item '{item.Id}' of {instrument.Reference}; the CSV path scores rated answers only and does not carry free text. Give the texts through the library (Response texts), or pass --extra-columns ignore to skip the column.");
                }

                how[c] = "skipped (free text)";
                continue;
            }

            itemOfColumn[c] = item.Index;
        }

        if (options.Columns is { } given && given.LinesNotIn(names).ToList() is { Count: > 0 } notThere)
        {
            throw new InputFileException($"{given.Path}: line(s) {string.Join(", ", notThere.Take(10))}: the column is not in the header of {path}; names are compared exactly, case and spaces included.");
        }

        var twice = itemOfColumn.Select((item, c) => (item, c)).Where(x => x.item >= 0).GroupBy(x => x.item).FirstOrDefault(g => g.Count() > 1);
        if (twice is not null)
        {
            throw new InputFileException($"{path}: header columns {string.Join(" and ", twice.Select(x => x.c + 1))} are both item {instrument.Items[twice.Key].Id} (once case and spaces are ignored); keep one, or map them with --columns FILE.csv.");
        }

        if (tool != SurveyTool.Plain)
        {
            log.WriteLine($"note: {path}: read as a {SurveyTools.Name(tool)} export{(options.Layout == SurveyTool.Auto ? " (detected from its head; --layout sets it)" : "")}: the id is column {idColumn + 1}{(metadata > 0 ? $", {metadata} metadata column(s) of the tool skipped" : "")}");
        }

        if (folded.Count > 0)
        {
            log.WriteLine($"note: {path}: {folded.Count} header column(s) read as items by their id or question text (case, accents and spaces ignored; grid, matrix and code[item] forms): {string.Join(", ", folded.Take(10).Select(f => $"column {f.Column} as {f.Item}"))}{(folded.Count > 10 ? ", …" : "")} (--save-mapping FILE writes the whole mapping)");
        }

        var absent = instrument.Items.Where(i => i.Format is not null && Array.IndexOf(itemOfColumn, i.Index) < 0).Select(i => i.Id).ToList();
        if (absent.Count > 0)
        {
            log.WriteLine($"warning: {path}: no column for {absent.Count} item(s) of {instrument.Reference} ({string.Join(", ", absent.Take(10))}{(absent.Count > 10 ? ", …" : "")}); their answers count as missing.");
        }

        var min = itemOfColumn.Select(i => i < 0 ? 1 : instrument.Items[i].Format?.Min ?? 1).ToArray();
        var max = itemOfColumn.Select(i => i < 0 ? 0 : instrument.Items[i].Format?.Max ?? 0).ToArray();
        return new ResponsesLayout(names, idColumn, itemOfColumn, min, max) { How = how, Tool = tool };
    }

    /// <summary>
    /// " (did you mean X?)" for the item whose id (at most 2 edits away once folded) or text (at most a tenth of its
    /// length) is nearest to the name; empty when none is near. The name itself is never shown.
    /// </summary>
    internal static string DidYouMean(string name, Instrument instrument)
    {
        var key = Responses.TextFold.Fold(name);
        if (key.Length == 0 || key.Length > 400)
        {
            return "";
        }

        Definitions.Item? best = null;
        var bestDistance = int.MaxValue;
        foreach (var item in instrument.Items)
        {
            var id = Responses.TextFold.Fold(item.Id);
            var d = Distance(key, id, 2);
            if (d < bestDistance && d <= Math.Min(2, id.Length / 2))
            {
                (best, bestDistance) = (item, d);
            }

            foreach (var language in item.Text?.Languages ?? [])
            {
                var text = Responses.TextFold.Fold(item.Text![language]);
                var bound = Math.Max(1, text.Length / 10);
                d = Distance(key, text, bound);
                if (d < bestDistance && d <= bound)
                {
                    (best, bestDistance) = (item, d);
                }
            }
        }

        return best is null ? "" : $" (did you mean {best.Id}?)";
    }

    /// <summary>The edit distance of two texts, or more than <paramref name="bound"/> as soon as it is sure to be.</summary>
    private static int Distance(string a, string b, int bound)
    {
        if (Math.Abs(a.Length - b.Length) > bound)
        {
            return bound + 1;
        }

        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            var rowMin = i;
            for (var j = 1; j <= b.Length; j++)
            {
                current[j] = Math.Min(Math.Min(current[j - 1], previous[j]) + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
                rowMin = Math.Min(rowMin, current[j]);
            }

            if (rowMin > bound)
            {
                return bound + 1;
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }

    /// <summary>
    /// The items a header may name when it is not an exact id: the id once folded (<see cref="Responses.TextFold"/>); else
    /// the item's text in any language of the instrument (Google Forms' question titles); else the part in brackets of
    /// <c>Title [row]</c> (a Google Forms grid row, or LimeSurvey's <c>CODE[SUBCODE]</c>) as an id or a text; else the
    /// part after the last <c> - </c> (Qualtrics' <c>Prompt - statement</c>) as a text.
    /// </summary>
    private static List<Definitions.Item> Candidates(string name, ILookup<string, Definitions.Item> byFoldedId, ILookup<string, Definitions.Item> byText)
    {
        var folded = Responses.TextFold.Fold(name);
        if (byFoldedId[folded].Any())
        {
            return [.. byFoldedId[folded]];
        }

        if (byText[folded].Any())
        {
            return [.. byText[folded].Distinct()];
        }

        var trimmed = name.Trim();
        var open = trimmed.LastIndexOf('[');
        if (trimmed.EndsWith(']') && open >= 0)
        {
            var inner = Responses.TextFold.Fold(trimmed.AsSpan()[(open + 1)..^1]);
            if (byFoldedId[inner].Any())
            {
                return [.. byFoldedId[inner]];
            }

            if (byText[inner].Any())
            {
                return [.. byText[inner].Distinct()];
            }
        }

        var dash = trimmed.LastIndexOf(" - ", StringComparison.Ordinal);
        return dash > 0 ? [.. byText[Responses.TextFold.Fold(trimmed.AsSpan()[(dash + 3)..])].Distinct()] : [];
    }

    private static ILookup<string, Definitions.Item> ByText(Instrument instrument) =>
        instrument.Items
            .Where(i => i.Text is not null)
            .SelectMany(i => i.Text!.Languages.Select(l => (Key: Responses.TextFold.Fold(i.Text[l]), Item: i)))
            .Where(x => x.Key.Length > 0)
            .ToLookup(x => x.Key, x => x.Item, StringComparer.Ordinal);

    /// <summary>Whether the layout reads at least one item.</summary>
    public bool HasItems => ItemOfColumn.Any(i => i >= 0);

    private static bool LooksLikeData(string name) =>
        name.Length == 0 || double.TryParse(name, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out _);
}
