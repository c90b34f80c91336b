namespace Assessments.Cli.Reading;

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
    /// <summary>
    /// Maps the header's names to the id column and the items. Messages name columns by position, and by the item id of
    /// the definition where the column is an item — never by the header's own text, which may be a person's answer (a
    /// file without its header row).
    /// </summary>
    /// <exception cref="InputException">A name repeats, the id column is not there, or a column is not an item (unless ignored).</exception>
    public static ResponsesLayout Map(string[] header, Instrument instrument, CsvReadOptions options, string path, TextWriter log)
    {
        var names = header.Select(n => n.Trim().TrimStart('\uFEFF')).ToArray();
        var idColumn = 0;
        if (options.IdColumn is not null)
        {
            idColumn = Array.IndexOf(names, options.IdColumn);
            if (idColumn < 0)
            {
                throw new InputException($"{path}: the header has no column '{options.IdColumn}' (given by --id-column) among its {names.Length} column(s); names are compared exactly, case and spaces included.");
            }
        }

        var itemOfColumn = new int[names.Length];
        var folded = new List<(int Column, string Item)>();
        ILookup<string, Definitions.Item>? byFoldedId = null;
        ILookup<string, Definitions.Item>? byText = null;
        var firstColumn = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var c = 0; c < names.Length; c++)
        {
            itemOfColumn[c] = -1;
            if (!firstColumn.TryAdd(names[c], c))
            {
                var what = instrument.FindItem(names[c]) is { } repeated ? $" (item {repeated.Id})" : "";
                throw new InputException($"{path}: header columns {firstColumn[names[c]] + 1} and {c + 1} have the same name{what}; each column name must be unique.");
            }

            if (c == idColumn)
            {
                continue;
            }

            if (instrument.FindItem(names[c]) is { FreeText: not null } story)
            {
                if (!options.IgnoreExtraColumns)
                {
                    throw new InputException($"{path}: header column {c + 1} is the free-text item '{story.Id}' of {instrument.Reference}; the CSV path scores rated answers only and does not carry free text. Give the texts through the library (Response texts), or pass --extra-columns ignore to skip the column.");
                }
            }
            else if (instrument.FindItem(names[c]) is { } item)
            {
                itemOfColumn[c] = item.Index;
            }
            else if (Candidates(names[c], byFoldedId ??= instrument.Items.ToLookup(i => Responses.TextFold.Fold(i.Id), StringComparer.Ordinal), byText ??= ByText(instrument)) is { Count: > 0 } candidates)
            {
                // "EN 1" or "en1" for item EN1: one candidate maps (and is said); several are an error, never a guess.
                if (candidates.Count > 1)
                {
                    throw new InputException($"{path}: header column {c + 1} matches several items of {instrument.Reference} once case and spaces are ignored ({string.Join(", ", candidates.Select(i => i.Id))}); did you mean {candidates[0].Id}? Rename the column to the exact item id.");
                }

                if (candidates[0].FreeText is not null)
                {
                    if (!options.IgnoreExtraColumns)
                    {
                        throw new InputException($"{path}: header column {c + 1} is the free-text item '{candidates[0].Id}' of {instrument.Reference}; the CSV path scores rated answers only and does not carry free text. Give the texts through the library (Response texts), or pass --extra-columns ignore to skip the column.");
                    }
                }
                else
                {
                    itemOfColumn[c] = candidates[0].Index;
                    folded.Add((c + 1, candidates[0].Id));
                }
            }
            else if (!options.IgnoreExtraColumns)
            {
                throw new InputException($"{path}: header column {c + 1} is not an item of {instrument.Reference}{(LooksLikeData(names[c]) ? " (its name is a number or empty: is the header row missing?)" : "")}. Pass --extra-columns ignore to skip columns that are not items.");
            }
        }

        var twice = itemOfColumn.Select((item, c) => (item, c)).Where(x => x.item >= 0).GroupBy(x => x.item).FirstOrDefault(g => g.Count() > 1);
        if (twice is not null)
        {
            throw new InputException($"{path}: header columns {string.Join(" and ", twice.Select(x => x.c + 1))} are both item {instrument.Items[twice.Key].Id} (once case and spaces are ignored); keep one.");
        }

        if (folded.Count > 0)
        {
            log.WriteLine($"note: {path}: {folded.Count} header column(s) read as items by their id once case and spaces are ignored, or by their question text: {string.Join(", ", folded.Take(10).Select(f => $"column {f.Column} as {f.Item}"))}{(folded.Count > 10 ? ", …" : "")}");
        }

        var absent = instrument.Items.Where(i => i.Format is not null && Array.IndexOf(itemOfColumn, i.Index) < 0).Select(i => i.Id).ToList();
        if (absent.Count > 0)
        {
            log.WriteLine($"warning: {path}: no column for {absent.Count} item(s) of {instrument.Reference} ({string.Join(", ", absent.Take(10))}{(absent.Count > 10 ? ", …" : "")}); their answers count as missing.");
        }

        var min = itemOfColumn.Select(i => i < 0 ? 1 : instrument.Items[i].Format?.Min ?? 1).ToArray();
        var max = itemOfColumn.Select(i => i < 0 ? 0 : instrument.Items[i].Format?.Max ?? 0).ToArray();
        return new ResponsesLayout(names, idColumn, itemOfColumn, min, max);
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
