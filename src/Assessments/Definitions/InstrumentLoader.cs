using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Assessments.Scoring;

namespace Assessments.Definitions;

/// <summary>
/// Turns definition bytes into a compiled <see cref="Instrument"/>, or into the list of every problem found. Four passes:
/// syntax, duplicates and depth (<see cref="JsonSourceMap"/>); shape against the source-generated model
/// (<see cref="StrictReader"/>); meaning (references, ranges, translations, here); the kind's own section (its plug-in).
/// </summary>
internal static partial class InstrumentLoader
{
    /// <summary>Largest number of items an instrument may have.</summary>
    public const int MaxItems = 10_000;

    /// <summary>Largest number of scales an instrument may have.</summary>
    public const int MaxScales = 1_000;

    /// <summary>Largest number of languages an instrument may declare.</summary>
    public const int MaxLanguages = 50;

    /// <summary>Loads a definition; <paramref name="size"/> is its real size in bytes (null: over the limit, not known).</summary>
    public static Instrument? Load(byte[] utf8, long? size, string source, InstrumentLoadOptions options, out IReadOnlyList<InstrumentDiagnostic> diagnostics)
    {
        var early = new List<InstrumentDiagnostic>();
        if (utf8.Length > options.MaxBytes)
        {
            early.Add(new InstrumentDiagnostic(source, JsonPath.Root, 0, 0, "too-large", size is { } known
                ? string.Create(CultureInfo.InvariantCulture,
                    $"The definition has {known:N0} bytes; an instrument definition may have at most {options.MaxBytes:N0} (InstrumentLoadOptions.MaxBytes).")
                : string.Create(CultureInfo.InvariantCulture,
                    $"The definition has more than {options.MaxBytes:N0} bytes, the most an instrument definition may have (InstrumentLoadOptions.MaxBytes); the stream was not read further.")));
            diagnostics = early;
            return null;
        }

        var start = utf8.AsSpan().StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]) ? 3 : 0;
        if (!System.Text.Unicode.Utf8.IsValid(utf8.AsSpan(start)))
        {
            // The JSON reader accepts invalid UTF-8 inside strings until one is read as text: refuse the file first, at the
            // first bad byte's line and column.
            var valid = utf8.AsSpan(start);
            var prefix = 0;
            while (System.Text.Rune.DecodeFromUtf8(valid[prefix..], out _, out var consumed) == System.Buffers.OperationStatus.Done)
            {
                prefix += consumed;
            }

            var before = valid[..prefix];
            var line = before.Count((byte)'\n') + 1;
            var column = prefix - (before.LastIndexOf((byte)'\n') + 1) + 1;
            early.Add(new InstrumentDiagnostic(source, JsonPath.Root, line, column, "invalid-utf8",
                string.Create(CultureInfo.InvariantCulture, $"The file is not valid UTF-8: byte {start + prefix} (0x{utf8[start + prefix]:X2}) does not start a character. Save the file as UTF-8.")));
            diagnostics = early;
            return null;
        }

        var map = JsonSourceMap.Scan(utf8, start, options.MaxDepth, source, early);
        var bag = new DiagnosticBag(source, map);
        bag.AddRange(early);
        if (map is null)
        {
            diagnostics = bag.Sorted();
            return null;
        }

        using var document = JsonDocument.Parse(utf8.AsMemory(start), new JsonDocumentOptions { MaxDepth = options.MaxDepth + 2 });
        var instrument = Compile(document.RootElement, bag, options);
        diagnostics = bag.Sorted();
        return bag.Count == 0 ? instrument : null;
    }

    private static Instrument? Compile(JsonElement root, DiagnosticBag bag, InstrumentLoadOptions options)
    {
        var kindName = root.ValueKind == JsonValueKind.Object && root.TryGetProperty("kind", out var k) && k.ValueKind == JsonValueKind.String
            ? k.GetString()
            : null;
        var before = bag.Count;
        StrictReader.Check(root, DefinitionJsonContext.Default.InstrumentDto, JsonPath.Root, bag, kindName);

        // Unknown properties do not stop the meaning checks below, so every problem is reported in one pass; a null, a wrong
        // type or a missing required property does (already reported above): the model would hold nulls where the checks
        // below rely on values.
        if (StrictReader.HasShapeErrors(bag, before))
        {
            return null;
        }

        InstrumentDto dto;
        try
        {
            dto = root.Deserialize(DefinitionJsonContext.Default.InstrumentDto)!;
        }
        catch (JsonException ex)
        {
            bag.Add(JsonPath.Root, "json-shape", "The definition could not be read: " + ex.Message);
            return null;
        }

        var c = new Compiler(bag, dto);
        var kind = c.CheckHeader(options.Kinds);
        var formats = c.CompileFormats();
        var items = c.CompileItems(formats, itemsNeeded: kind is null || kind.ResponseType == typeof(Responses.Response));
        var scales = c.CompileScales(items);
        object? settings = null;
        if (kind is not null)
        {
            var section = kindName is not null && root.TryGetProperty(kindName, out var s) ? s : (JsonElement?)null;
            settings = kind.Compile(new KindCompilationContext(bag, kind.Name, section, c.Languages, items, scales, formats));
        }

        if (bag.Count > 0)
        {
            return null;
        }

        return new Instrument(dto, kind!, settings, c.Languages, c.Text(dto.Title, "$.title")!,
            c.Text(dto.Description, "$.description"), c.Text(dto.Instructions, "$.instructions"), c.Text(dto.Notice, "$.notice"),
            formats, items, scales, CanonicalJson.Fingerprint(root)) { Warnings = [.. bag.Warnings] };
    }

    /// <summary>
    /// Reads a language map: every declared language must have a non-blank text, and no other language may appear.
    /// Returns null (with the problems reported) when it falls short, or when <paramref name="texts"/> is null.
    /// </summary>
    internal static LocalizedText? ReadText(DiagnosticBag bag, IReadOnlyList<string> languages, IReadOnlyDictionary<string, string>? texts, string path)
    {
        if (texts is null || languages.Count == 0)
        {
            return null;
        }

        var declared = string.Join(", ", languages);
        var ok = true;
        foreach (var language in languages)
        {
            if (!texts.TryGetValue(language, out var text) || string.IsNullOrWhiteSpace(text))
            {
                ok = false;
                bag.Add(path, "missing-translation",
                    $"The text has no '{language}' version; every text needs one in each declared language ({declared}).");
            }
        }

        foreach (var language in texts.Keys.Where(l => !languages.Contains(l, StringComparer.Ordinal)))
        {
            ok = false;
            bag.Add(JsonPath.Property(path, language), "undeclared-language",
                $"The language '{language}' is not declared in $.languages ({declared}); declare it or remove this text.");
        }

        return ok ? new LocalizedText(texts, languages[0]) : null;
    }

    [GeneratedRegex("^[a-z0-9]+(?:[._-][a-z0-9]+)*$", RegexOptions.CultureInvariant)]
    private static partial Regex InstrumentIdPattern();

    [GeneratedRegex(@"^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-[0-9A-Za-z.-]+)?$", RegexOptions.CultureInvariant)]
    private static partial Regex VersionPattern();

    [GeneratedRegex("^[A-Za-z0-9_][A-Za-z0-9_.-]*$", RegexOptions.CultureInvariant)]
    private static partial Regex LocalIdPattern();

    [GeneratedRegex("^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$", RegexOptions.CultureInvariant)]
    private static partial Regex LanguagePattern();

    private sealed class Compiler(DiagnosticBag bag, InstrumentDto dto)
    {
        public List<string> Languages { get; private set; } = [];

        // Items whose format is named but unusable (undefined or invalid): already reported, so scales do not repeat it.
        private HashSet<string> BadFormatItems { get; } = new(StringComparer.Ordinal);

        private string DeclaredLanguages => string.Join(", ", Languages);

        public IInstrumentKind? CheckHeader(InstrumentKindRegistry kinds)
        {
            if (!InstrumentIdPattern().IsMatch(dto.Id))
            {
                bag.Add("$.id", "invalid-id",
                    $"The id '{dto.Id}' must be lower-case letters and digits, with single '-', '.' or '_' between them (e.g. 'career-readiness').");
            }

            if (!VersionPattern().IsMatch(dto.Version))
            {
                bag.Add("$.version", "invalid-version", $"The version '{dto.Version}' must be a semantic version such as '1.0.0'.");
            }

            var languages = new List<string>();
            for (var i = 0; i < dto.Languages.Count; i++)
            {
                var language = dto.Languages[i];
                var path = JsonPath.Index("$.languages", i);
                if (!LanguagePattern().IsMatch(language))
                {
                    bag.Add(path, "invalid-language", $"'{language}' is not a language tag; use a lower-case code such as 'en' or 'fr'.");
                }
                else if (languages.Contains(language, StringComparer.Ordinal))
                {
                    bag.Add(path, "duplicate-language", $"The language '{language}' is listed twice.");
                }
                else
                {
                    languages.Add(language);
                }
            }

            if (dto.Languages.Count == 0)
            {
                bag.Add("$.languages", "no-language", "Declare at least one language, e.g. [\"en\", \"fr\"].");
            }
            else if (dto.Languages.Count > MaxLanguages)
            {
                bag.Add("$.languages", "too-many", string.Create(CultureInfo.InvariantCulture,
                    $"An instrument may declare at most {MaxLanguages} languages; this one declares {dto.Languages.Count}."));
            }

            Languages = languages;
            Text(dto.Title, "$.title");
            Text(dto.Description, "$.description");
            Text(dto.Instructions, "$.instructions");
            Text(dto.Notice, "$.notice");
            if (kinds.TryGet(dto.Kind, out var kind))
            {
                return kind;
            }

            bag.Add("$.kind", "unknown-kind", $"Unknown kind '{dto.Kind}'. Known kinds: {string.Join(", ", kinds.Names)}."
                + (dto.Kind == "skills" ? " The skills kind reads a ROME catalog, so it lives in Assessments.Matching: register new SkillsKind(rome) (docs/skills.md)." : ""));
            return null;
        }

        public LocalizedText? Text(Dictionary<string, string>? texts, string path) => ReadText(bag, Languages, texts, path);

        public Dictionary<string, ResponseFormat> CompileFormats()
        {
            var formats = new Dictionary<string, ResponseFormat>(StringComparer.Ordinal);
            foreach (var (id, f) in dto.ResponseFormats)
            {
                var path = JsonPath.Property("$.responseFormats", id);
                var ok = CheckLocalId(id, path, "response format");
                if (f.Min >= f.Max)
                {
                    ok = false;
                    bag.Add(JsonPath.Property(path, "max"), "invalid-range", $"max ({f.Max}) must be greater than min ({f.Min}).");
                }

                if (f.Min < -short.MaxValue || f.Max > short.MaxValue)
                {
                    ok = false;
                    bag.Add(path, "invalid-range", $"min and max must lie between {-short.MaxValue} and {short.MaxValue}.");
                }

                var labels = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
                if (f.Labels is not null && ok)
                {
                    var expected = f.Max - f.Min + 1;
                    foreach (var language in Languages.Where(l => !f.Labels.ContainsKey(l)))
                    {
                        bag.Add(JsonPath.Property(path, "labels"), "missing-translation",
                            $"The labels have no '{language}' version; give them in each declared language ({DeclaredLanguages}).");
                    }

                    foreach (var (language, list) in f.Labels)
                    {
                        var labelPath = JsonPath.Property(JsonPath.Property(path, "labels"), language);
                        if (!Languages.Contains(language, StringComparer.Ordinal))
                        {
                            bag.Add(labelPath, "undeclared-language", $"The language '{language}' is not declared in $.languages ({DeclaredLanguages}).");
                        }
                        else if (list.Count != expected)
                        {
                            bag.Add(labelPath, "label-count",
                                $"The format runs from {f.Min} to {f.Max}, so it needs {expected} labels; found {list.Count}.");
                        }
                        else if (list.FindIndex(string.IsNullOrWhiteSpace) is var blank and >= 0)
                        {
                            bag.Add(JsonPath.Index(labelPath, blank), "missing-translation", "A label is empty.");
                        }

                        labels[language] = list;
                    }
                }

                if (ok)
                {
                    var format = new ResponseFormat(id, f.Min, f.Max, labels);
                    formats[id] = format;
                    foreach (var label in format.AmbiguousLabels)
                    {
                        bag.Warn(JsonPath.Property(path, "labels"), "ambiguous-label",
                            $"Two answers share the label '{label}' once case, accents and spaces are ignored; a cell holding it cannot be read as a label (give it as a number).");
                    }
                }
            }

            return formats;
        }

        /// <param name="formats">The compiled response formats.</param>
        /// <param name="itemsNeeded">Whether the kind is answered item by item; a kind with its own input (a skills portfolio) may have no item.</param>
        public List<Item> CompileItems(Dictionary<string, ResponseFormat> formats, bool itemsNeeded)
        {
            var items = new List<Item>();
            var firstPath = new Dictionary<string, string>(StringComparer.Ordinal);
            if (dto.Items.Count == 0 && itemsNeeded)
            {
                bag.Add("$.items", "no-items", "An instrument needs at least one item.");
            }
            else if (dto.Items.Count > MaxItems)
            {
                bag.Add("$.items", "too-many", string.Create(CultureInfo.InvariantCulture,
                    $"An instrument may have at most {MaxItems:N0} items; this one has {dto.Items.Count:N0}."));
                return items;
            }

            for (var i = 0; i < dto.Items.Count; i++)
            {
                var it = dto.Items[i];
                var path = JsonPath.Index("$.items", i);
                CheckLocalId(it.Id, JsonPath.Property(path, "id"), "item");
                if (!firstPath.TryAdd(it.Id, path))
                {
                    bag.Add(JsonPath.Property(path, "id"), "duplicate-id", $"The item id '{it.Id}' is already used by {firstPath[it.Id]}.");
                }

                ResponseFormat? format = null;
                if (it.Format is not null && !formats.TryGetValue(it.Format, out format))
                {
                    BadFormatItems.Add(it.Id);
                }

                if (it.Format is not null && format is null && !dto.ResponseFormats.ContainsKey(it.Format))
                {
                    bag.Add(JsonPath.Property(path, "format"), "unknown-format",
                        $"The item uses response format '{it.Format}', which is not defined in $.responseFormats (defined: {string.Join(", ", dto.ResponseFormats.Keys)}).");
                }

                var text = Text(it.Text, JsonPath.Property(path, "text"));
                var left = Text(it.Left, JsonPath.Property(path, "left"));
                var right = Text(it.Right, JsonPath.Property(path, "right"));
                if (it.Text is null && (it.Left is null || it.Right is null))
                {
                    bag.Add(path, "missing-property", "An item needs a \"text\", or a \"left\" and a \"right\" statement for a bipolar item.");
                }
                else if ((it.Left is null) != (it.Right is null))
                {
                    bag.Add(path, "missing-property", "A bipolar item needs both a \"left\" and a \"right\" statement.");
                }

                FreeTextSettings? freeText = null;
                if (it.FreeText is { } ft)
                {
                    var ftPath = JsonPath.Property(path, "freeText");
                    var max = ft.MaxLength ?? FreeTextSettings.DefaultMaxLength;
                    var min = ft.MinLength ?? 0;
                    if (it.Format is not null)
                    {
                        bag.Add(JsonPath.Property(path, "format"), "free-text-format", "A free-text item is answered in words, not on a format: remove \"format\" or \"freeText\".");
                    }

                    if (max is < 1 or > FreeTextSettings.Limit)
                    {
                        bag.Add(JsonPath.Property(ftPath, "maxLength"), "out-of-range",
                            string.Create(CultureInfo.InvariantCulture, $"maxLength must be from 1 to {FreeTextSettings.Limit} characters (found {max})."));
                    }
                    else if (min < 0 || min > max)
                    {
                        bag.Add(JsonPath.Property(ftPath, "minLength"), "out-of-range",
                            string.Create(CultureInfo.InvariantCulture, $"minLength must be from 0 to maxLength ({max}) (found {min})."));
                    }
                    else
                    {
                        freeText = new FreeTextSettings(min, max);
                    }
                }

                items.Add(new Item(it.Id, i, format, text, left, right, freeText));
            }

            return items;
        }

        public List<Scale> CompileScales(List<Item> items)
        {
            var scales = new List<Scale>();
            var byId = new Dictionary<string, Item>(StringComparer.Ordinal);
            foreach (var item in items)
            {
                byId.TryAdd(item.Id, item);
            }

            var list = dto.Scales ?? [];
            if (list.Count > MaxScales)
            {
                bag.Add("$.scales", "too-many", string.Create(CultureInfo.InvariantCulture,
                    $"An instrument may have at most {MaxScales:N0} scales; this one has {list.Count:N0}."));
                return scales;
            }

            var norms = CompileNorms(list);
            var firstPath = new Dictionary<string, string>(StringComparer.Ordinal);
            for (var i = 0; i < list.Count; i++)
            {
                var dtoScale = list[i];
                var path = JsonPath.Index("$.scales", i);
                CheckLocalId(dtoScale.Id, JsonPath.Property(path, "id"), "scale");
                if (!firstPath.TryAdd(dtoScale.Id, path))
                {
                    bag.Add(JsonPath.Property(path, "id"), "duplicate-id", $"The scale id '{dtoScale.Id}' is already used by {firstPath[dtoScale.Id]}.");
                }

                var scaleItems = CompileScaleItems(dtoScale, JsonPath.Property(path, "items"), byId);
                var aggregate = ScaleAggregate.Mean;
                if (dtoScale.Aggregate is "sum")
                {
                    aggregate = ScaleAggregate.Sum;
                }
                else if (dtoScale.Aggregate is not (null or "mean"))
                {
                    bag.Add(JsonPath.Property(path, "aggregate"), "invalid-value", $"Unknown aggregate '{dtoScale.Aggregate}'; use 'mean' or 'sum'.");
                }

                var minAnswered = dtoScale.MinAnswered ?? 1.0;
                if (minAnswered is < 0 or > 1)
                {
                    bag.Add(JsonPath.Property(path, "minAnswered"), "out-of-range",
                        string.Create(CultureInfo.InvariantCulture, $"minAnswered must be a fraction from 0 to 1 (found {minAnswered}); 0.5 means half the items must be answered."));
                }

                var centring = ScaleCentring.None;
                if (dtoScale.Centring is "mrat")
                {
                    centring = ScaleCentring.Mrat;
                    if (aggregate != ScaleAggregate.Mean)
                    {
                        bag.Add(JsonPath.Property(path, "centring"), "invalid-value",
                            "MRAT centring subtracts the person's mean rating from the scale's mean, so the scale must be a mean: use \"aggregate\": \"mean\" or leave out \"centring\".");
                    }
                }
                else if (dtoScale.Centring is not (null or "none"))
                {
                    bag.Add(JsonPath.Property(path, "centring"), "invalid-value", $"Unknown centring '{dtoScale.Centring}'; use 'none' or 'mrat' (the scale's mean minus the person's mean rating over all items).");
                }

                scales.Add(new Scale(dtoScale.Id, i, Text(dtoScale.Title, JsonPath.Property(path, "title")),
                    Text(dtoScale.Description, JsonPath.Property(path, "description")), scaleItems, aggregate, minAnswered,
                    norms.GetValueOrDefault(dtoScale.Id), centring));
            }

            return scales;
        }

        private List<ScaleItem> CompileScaleItems(ScaleDto scale, string path, Dictionary<string, Item> byId)
        {
            var result = new List<ScaleItem>();
            if (scale.Items.Count == 0)
            {
                bag.Add(path, "no-items", "A scale needs at least one item.");
            }

            var seen = new HashSet<string>(StringComparer.Ordinal);
            for (var j = 0; j < scale.Items.Count; j++)
            {
                var entryPath = JsonPath.Index(path, j);
                var entry = scale.Items[j];
                string itemId;
                var reverse = false;
                var weight = 1.0;
                if (entry.ValueKind == JsonValueKind.String)
                {
                    var text = entry.GetString()!;
                    reverse = text.StartsWith('-');
                    itemId = reverse ? text[1..] : text;
                }
                else if (entry.ValueKind == JsonValueKind.Object)
                {
                    var before = bag.Count;
                    StrictReader.Check(entry, DefinitionJsonContext.Default.ScaleItemDto, entryPath, bag);
                    if (bag.Count > before)
                    {
                        continue;
                    }

                    var dtoItem = entry.Deserialize(DefinitionJsonContext.Default.ScaleItemDto)!;
                    itemId = dtoItem.Item;
                    reverse = dtoItem.Reverse ?? false;
                    weight = dtoItem.Weight ?? 1.0;
                    if (weight is <= 0 or > 1000)
                    {
                        bag.Add(JsonPath.Property(entryPath, "weight"), "out-of-range",
                            string.Create(CultureInfo.InvariantCulture, $"The weight must be greater than 0 and at most 1000 (found {weight}); reverse-key the item instead of giving it a negative weight."));
                        continue;
                    }
                }
                else
                {
                    const string Expected = "an item id such as \"A1\" or \"-A1\" (reverse-keyed), or an object { \"item\": \"A1\", \"reverse\": true, \"weight\": 1 }";
                    if (entry.ValueKind == JsonValueKind.Null)
                    {
                        bag.Add(entryPath, "null-value", $"null is not allowed here; expected {Expected}.");
                    }
                    else
                    {
                        bag.Add(entryPath, "wrong-type", $"Expected {Expected} here, found {StrictReader.Describe(entry.ValueKind)}.");
                    }

                    continue;
                }

                if (!byId.TryGetValue(itemId, out var item))
                {
                    bag.Add(entryPath, "unknown-item", $"The scale refers to item '{itemId}', which is not defined in $.items.");
                }
                else if (!seen.Add(itemId))
                {
                    bag.Add(entryPath, "duplicate-item", $"Item '{itemId}' appears more than once in this scale.");
                }
                else if (item.FreeText is not null)
                {
                    bag.Add(entryPath, "free-text-item", $"Item '{itemId}' is a free-text item: it is carried into results as written, never scored, so it cannot be in a scale.");
                }
                else if (item.Format is null && !BadFormatItems.Contains(itemId))
                {
                    bag.Add(entryPath, "no-format", reverse
                        ? $"Item '{itemId}' is reverse-keyed but has no response format, so there are no endpoints to reverse it with (min + max − x). Give the item a format."
                        : $"Item '{itemId}' has no response format, so it cannot be scored. Give the item a format.");
                }
                else if (item.Format is not null)
                {
                    result.Add(new ScaleItem(item, reverse, weight));
                }
            }

            return result;
        }

        private Dictionary<string, Norm> CompileNorms(List<ScaleDto> scales)
        {
            var result = new Dictionary<string, Norm>(StringComparer.Ordinal);
            var list = dto.Norms ?? [];
            for (var i = 0; i < list.Count; i++)
            {
                var n = list[i];
                var path = JsonPath.Index("$.norms", i);
                var ok = true;
                void Fail(string property, string code, string message)
                {
                    ok = false;
                    bag.Add(property.Length == 0 ? path : JsonPath.Property(path, property), code, message);
                }

                if (!scales.Exists(s => string.Equals(s.Id, n.Scale, StringComparison.Ordinal)))
                {
                    Fail("scale", "unknown-scale", $"The norm refers to scale '{n.Scale}', which is not defined in $.scales.");
                }
                else if (result.ContainsKey(n.Scale))
                {
                    Fail("scale", "duplicate-norm", $"The scale '{n.Scale}' already has norms; give each scale one norm entry.");
                }

                if ((n.Mean is null) != (n.Sd is null))
                {
                    Fail("", "incomplete-norm", "Give both mean and sd, or neither.");
                }

                if (n.Mean is null && (n.Table is null || n.Table.Count == 0))
                {
                    Fail("", "incomplete-norm", "A norm needs a mean and sd, a frequency table, or both.");
                }

                if (n.Sd is <= 0)
                {
                    Fail("sd", "out-of-range", string.Create(CultureInfo.InvariantCulture, $"sd must be greater than 0 (found {n.Sd})."));
                }

                if (n.SdDenominator is not (null or "n" or "n-1"))
                {
                    Fail("sdDenominator", "invalid-value", $"Unknown sdDenominator '{n.SdDenominator}'; use 'n-1' (sample SD) or 'n'.");
                }

                if (n.N is <= 0)
                {
                    Fail("n", "out-of-range", $"n must be at least 1 (found {n.N}).");
                }

                var percentile = PercentileDefinition.MidPoint;
                if (n.Percentile is "atOrBelow")
                {
                    percentile = PercentileDefinition.AtOrBelow;
                }
                else if (n.Percentile is not (null or "midPoint"))
                {
                    Fail("percentile", "invalid-value", $"Unknown percentile definition '{n.Percentile}'; use 'midPoint' or 'atOrBelow'.");
                }

                var table = new List<NormTableRow>();
                long total = 0;
                for (var r = 0; r < (n.Table?.Count ?? 0); r++)
                {
                    var row = n.Table![r];
                    var rowPath = JsonPath.Index(JsonPath.Property(path, "table"), r);
                    if (row.Count < 0)
                    {
                        ok = false;
                        bag.Add(JsonPath.Property(rowPath, "count"), "out-of-range", $"A count cannot be negative (found {row.Count}).");
                    }

                    if (table.Count > 0 && row.Score <= table[^1].Score)
                    {
                        ok = false;
                        bag.Add(JsonPath.Property(rowPath, "score"), "unsorted-table",
                            string.Create(CultureInfo.InvariantCulture, $"Scores must increase strictly down the table; {row.Score} follows {table[^1].Score}."));
                    }

                    total += Math.Max(0, row.Count);
                    table.Add(new NormTableRow(row.Score, row.Count));
                }

                if (n.Table is { Count: > 0 } && total == 0)
                {
                    Fail("table", "empty-table", "The table's counts add up to 0; it needs at least one case.");
                }

                if (ok)
                {
                    result[n.Scale] = new Norm(n.Scale, Text(n.Population, JsonPath.Property(path, "population")), n.Mean, n.Sd,
                        n.SdDenominator, n.N, table, percentile);
                }
            }

            return result;
        }

        private bool CheckLocalId(string id, string path, string what)
        {
            if (LocalIdPattern().IsMatch(id))
            {
                return true;
            }

            bag.Add(path, "invalid-id", $"The {what} id '{id}' may contain only letters, digits, '_', '.' and '-', and must not start with '-' or '.'.");
            return false;
        }
    }
}
