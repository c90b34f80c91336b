using System.Collections.Frozen;
using System.Globalization;
using Assessments.Definitions;
using Assessments.Responses;
using Assessments.Scoring;

namespace Assessments;

/// <summary>
/// A validated, compiled instrument definition: the front door of the library. Load one with <see cref="Load(string, InstrumentLoadOptions?)"/>,
/// then score one person with <see cref="Score(IResponse)"/> or many with <see cref="ScoreBatch(ResponseMatrix, ScoringOptions)"/>.
/// Immutable and thread-safe: load once, score from any number of threads.
/// </summary>
/// <example>
/// <code>
/// var instrument = Instrument.Load("instruments/career-readiness.json");
/// var result = instrument.Score(new Response("p01", answers));
/// Console.WriteLine(result["clarity"].Value);
/// </code>
/// </example>
public sealed class Instrument
{
    private readonly System.Collections.Frozen.FrozenDictionary<string, Item> _itemsById;
    private readonly Item[] _items;
    private readonly string[] _itemIds;   // by item index, with the answer range each allows (empty: 1–0, no rated answer)
    private readonly int[] _answerMin;
    private readonly int[] _answerMax;
    private readonly Dictionary<string, Scale> _scalesById;

    internal Instrument(InstrumentDto dto, IInstrumentKind kind, object? kindSettings, IReadOnlyList<string> languages, LocalizedText title,
        LocalizedText? description, LocalizedText? instructions, LocalizedText? notice, IReadOnlyDictionary<string, ResponseFormat> formats,
        IReadOnlyList<Item> items, IReadOnlyList<Scale> scales, string fingerprint)
    {
        Id = dto.Id;
        Version = dto.Version;
        Kind = dto.Kind;
        KindHandler = kind;
        KindSettings = kindSettings;
        Languages = languages;
        Title = title;
        Description = description;
        Instructions = instructions;
        Notice = notice;
        License = dto.License;
        Citation = dto.Citation;
        ResponseFormats = formats;
        Items = items;
        Scales = scales;
        Fingerprint = fingerprint;
        _itemsById = items.ToFrozenDictionary(i => i.Id, StringComparer.Ordinal); // read-optimised: one lookup per answer
        _items = [.. items];
        _itemIds = [.. items.Select(i => i.Id)];
        _answerMin = [.. items.Select(i => i.Format?.Min ?? 1)];
        _answerMax = [.. items.Select(i => i.Format?.Max ?? 0)];
        _scalesById = scales.ToDictionary(s => s.Id, StringComparer.Ordinal);
        CompiledScales = [.. scales.Select(s => new CompiledScale(s))];
        RatedItems = CompiledScales.Any(c => c.Centred) ? [.. items.Where(i => i.Format is not null).Select(i => i.Index)] : null;
    }

    /// <summary>
    /// What loads but deserves a look, located like load errors: two answers of one format sharing a label once folded
    /// (<c>ambiguous-label</c>). Empty for the shipped instruments.
    /// </summary>
    public IReadOnlyList<InstrumentDiagnostic> Warnings { get; internal init; } = [];

    /// <summary>The instrument's id, e.g. <c>career-readiness</c>.</summary>
    public string Id { get; }

    /// <summary>The definition's semantic version.</summary>
    public string Version { get; }

    /// <summary><c>id@version</c>, as results and messages cite the instrument.</summary>
    public string Reference => Id + "@" + Version;

    /// <summary>The kind name from the definition (e.g. <c>likert</c>).</summary>
    public string Kind { get; }

    /// <summary>The plug-in that scores this kind.</summary>
    public IInstrumentKind KindHandler { get; }

    /// <summary>What the kind compiled from its settings section (kind-specific; null for <c>likert</c>).</summary>
    public object? KindSettings { get; }

    /// <summary>The languages every text of the instrument carries; the first is the default.</summary>
    public IReadOnlyList<string> Languages { get; }

    /// <summary>The instrument's title.</summary>
    public LocalizedText Title { get; }

    /// <summary>What the instrument explores, if given.</summary>
    public LocalizedText? Description { get; }

    /// <summary>What the person is asked to do, if given.</summary>
    public LocalizedText? Instructions { get; }

    /// <summary>The notice to show with results (e.g. "not normed, for exploration"), if given.</summary>
    public LocalizedText? Notice { get; }

    /// <summary>The licence of the definition's content, if stated.</summary>
    public string? License { get; }

    /// <summary>How to cite the instrument, if stated.</summary>
    public string? Citation { get; }

    /// <summary>The response formats by id.</summary>
    public IReadOnlyDictionary<string, ResponseFormat> ResponseFormats { get; }

    /// <summary>The items in definition order (the column order of a <see cref="ResponseMatrix"/>).</summary>
    public IReadOnlyList<Item> Items { get; }

    /// <summary>The scales in definition order.</summary>
    public IReadOnlyList<Scale> Scales { get; }

    /// <summary>
    /// SHA-256 (lower-case hex) of the definition's canonical JSON (RFC 8785 style: sorted members, no white space,
    /// shortest numbers, <c>$schema</c> left out). Every result carries it.
    /// </summary>
    public string Fingerprint { get; }

    internal CompiledScale[] CompiledScales { get; }

    /// <summary>The indexes of the rated items (with a response format), whose raw mean is MRAT; null when no scale is centred.</summary>
    internal int[]? RatedItems { get; }

    /// <summary>Loads and validates a definition file.</summary>
    /// <exception cref="InstrumentLoadException">The definition has problems; every one is in <see cref="InstrumentLoadException.Diagnostics"/>.</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    public static Instrument Load(string path, InstrumentLoadOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        options ??= InstrumentLoadOptions.Default;
        var bytes = ReadFile(path, options, out var size);
        return Load(bytes, size, path, options);
    }

    /// <summary>Loads and validates a definition from a stream (read to its end, up to the size limit).</summary>
    /// <exception cref="InstrumentLoadException">The definition has problems.</exception>
    public static Instrument Load(Stream stream, InstrumentLoadOptions? options = null, string sourceName = "<stream>")
    {
        ArgumentNullException.ThrowIfNull(stream);
        options ??= InstrumentLoadOptions.Default;
        var bytes = ReadStream(stream, options.MaxBytes, out var size);
        return Load(bytes, size, sourceName, options);
    }

    /// <summary>Loads and validates a definition held in a string.</summary>
    /// <exception cref="InstrumentLoadException">The definition has problems.</exception>
    public static Instrument Parse(string json, InstrumentLoadOptions? options = null, string sourceName = "<string>")
    {
        ArgumentNullException.ThrowIfNull(json);
        var bytes = System.Text.Encoding.UTF8.GetBytes(json);
        return Load(bytes, bytes.Length, sourceName, options ?? InstrumentLoadOptions.Default);
    }

    /// <summary>Loads a definition file without throwing for definition problems: returns false and every diagnostic.</summary>
    /// <exception cref="IOException">The file cannot be read.</exception>
    public static bool TryLoad(string path, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out Instrument? instrument,
        out IReadOnlyList<InstrumentDiagnostic> diagnostics, InstrumentLoadOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        options ??= InstrumentLoadOptions.Default;
        var bytes = ReadFile(path, options, out var size);
        instrument = InstrumentLoader.Load(bytes, size, path, options, out diagnostics);
        return instrument is not null;
    }

    /// <summary>Validates a definition held in a string without throwing: returns false and every diagnostic.</summary>
    public static bool TryParse(string json, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out Instrument? instrument,
        out IReadOnlyList<InstrumentDiagnostic> diagnostics, InstrumentLoadOptions? options = null, string sourceName = "<string>")
    {
        ArgumentNullException.ThrowIfNull(json);
        var bytes = System.Text.Encoding.UTF8.GetBytes(json);
        instrument = InstrumentLoader.Load(bytes, bytes.Length, sourceName, options ?? InstrumentLoadOptions.Default, out diagnostics);
        return instrument is not null;
    }

    /// <summary>The item with this id, or null.</summary>
    public Item? FindItem(string id) => _itemsById.GetValueOrDefault(id);

    /// <summary>The scale with this id, or null.</summary>
    public Scale? FindScale(string id) => _scalesById.GetValueOrDefault(id);

    /// <summary>
    /// Every bad answer in <paramref name="response"/>: unknown items, answers outside their format, answers to unformatted
    /// items, texts of the wrong length or for items that take none, and answers or texts without an item id (a null key,
    /// which a custom dictionary can hold; reported with an empty item id).
    /// </summary>
    public IReadOnlyList<ResponseProblem> Validate(Response response)
    {
        ArgumentNullException.ThrowIfNull(response);
        RequireResponseType(response);

        // The common case first, without sorting or allocating: every answer names an item and fits its format.
        var valid = true;
        foreach (var (itemId, answer) in response.Answers)
        {
            if (itemId is null || !_itemsById.TryGetValue(itemId, out var known) || (answer is { } a && (known.Format is null || !known.Format.Contains(a))))
            {
                valid = false;
                break;
            }
        }

        if (valid && response.Texts.Count == 0)
        {
            return [];
        }

        var problems = new List<ResponseProblem>();
        foreach (var (itemId, answer) in response.Answers.OrderBy(a => Lookup(a.Key)?.Index ?? int.MaxValue).ThenBy(a => a.Key, StringComparer.Ordinal))
        {
            if (itemId is null)
            {
                problems.Add(new ResponseProblem(response.RespondentId, "", NoItemId));
            }
            else if (Lookup(itemId) is not { } item)
            {
                problems.Add(new ResponseProblem(response.RespondentId, itemId, $"The instrument '{Reference}' has no item '{itemId}'."));
            }
            else if (answer is { } x && (item.Format is null || !item.Format.Contains(x)))
            {
                problems.Add(new ResponseProblem(response.RespondentId, itemId, DescribeBadAnswer(item, x)));
            }
        }

        foreach (var (itemId, text) in response.Texts.OrderBy(t => Lookup(t.Key)?.Index ?? int.MaxValue).ThenBy(t => t.Key, StringComparer.Ordinal))
        {
            if (DescribeBadText(itemId, text) is { } reason)
            {
                problems.Add(new ResponseProblem(response.RespondentId, itemId ?? "", reason));
            }
        }

        return problems;
    }

    private const string NoItemId = "An answer has no item id (null); each answer names the item it answers.";

    /// <summary>The item with this id, or null — also for a null id, which a custom dictionary's key can be.</summary>
    private Item? Lookup(string? id) => id is null ? null : _itemsById.GetValueOrDefault(id);

    /// <summary>Scores one person: every scale (keys, weights, prorating, norms), then the kind's own result.</summary>
    /// <exception cref="InvalidResponseException">The response has bad answers (all are listed).</exception>
    [System.Runtime.CompilerServices.SkipLocalsInit]
    public InstrumentResult Score(Response response)
    {
        ArgumentNullException.ThrowIfNull(response);
        RequireResponseType(response);

        // One pass checks each answer and places it by item index; only when something is wrong does Validate run, for
        // every problem in order.
        Span<int> answers = _items.Length <= 256 ? stackalloc int[_items.Length] : new int[_items.Length];
        answers.Fill(ResponseMatrix.Missing);
        var valid = response.Answers is Dictionary<string, int?> dictionary ? PlaceInOrder(dictionary, answers) : PlaceAll(response.Answers, answers);
        foreach (var (itemId, text) in response.Texts)
        {
            valid &= DescribeBadText(itemId, text) is null;
        }

        if (!valid)
        {
            throw new InvalidResponseException(Validate(response), this);
        }

        var scores = new ScaleScore[CompiledScales.Length];
        var centre = RatedItems is null ? double.NaN : CompiledScale.Mrat(answers, RatedItems);
        for (var s = 0; s < scores.Length; s++)
        {
            scores[s] = CompiledScales[s].Score(answers, centre);
        }

        var result = KindHandler.Score(this, response, scores);
        if (response.Texts.Count > 0)
        {
            // Carried as written, in item order.
            result.FreeText = response.Texts.OrderBy(t => _itemsById[t.Key].Index).ToDictionary(t => t.Key, t => t.Value, StringComparer.Ordinal);
        }

        return result;
    }

    /// <summary>
    /// Scores one person's input, whatever the instrument's kind: item answers (<see cref="Response"/>) through the scales, or
    /// the kind's own input — a card sort (<see cref="CardSort.CardSortResponse"/>), an Ikigai exercise
    /// (<see cref="Ikigai.IkigaiResponse"/>), an app's own kind's — through the kind (<see cref="IInstrumentKind.ResponseType"/>).
    /// </summary>
    /// <exception cref="ArgumentException">The response is not of the type the instrument's kind takes (the message names it).</exception>
    /// <exception cref="InvalidResponseException">The response has problems (all are listed).</exception>
    public InstrumentResult Score(IResponse response)
    {
        ArgumentNullException.ThrowIfNull(response);
        if (response is Response answers)
        {
            return Score(answers);
        }

        RequireResponseType(response);
        var problems = KindHandler.ValidateResponse(this, response);
        return problems.Count > 0 ? throw new InvalidResponseException(problems, this) : KindHandler.ScoreResponse(this, response);
    }

    /// <summary>Every problem of one person's input, whatever the instrument's kind (see <see cref="Score(IResponse)"/>).</summary>
    /// <exception cref="ArgumentException">The response is not of the type the instrument's kind takes.</exception>
    public IReadOnlyList<ResponseProblem> Validate(IResponse response)
    {
        ArgumentNullException.ThrowIfNull(response);
        if (response is Response answers)
        {
            return Validate(answers);
        }

        RequireResponseType(response);
        return KindHandler.ValidateResponse(this, response);
    }

    /// <summary>Refuses a response of another type than the kind takes, naming the one it takes.</summary>
    private void RequireResponseType(IResponse response)
    {
        if (!KindHandler.ResponseType.IsInstanceOfType(response))
        {
            throw new ArgumentException(
                $"'{Reference}' is a {Kind} instrument: it is scored from a {KindHandler.ResponseType.Name}, not a {response.GetType().Name}.", nameof(response));
        }
    }

    /// <summary>Why a free-text answer cannot be taken (no such item, not a free-text item, too short or too long), or null.</summary>
    private string? DescribeBadText(string? itemId, string? text)
    {
        if (itemId is null)
        {
            return NoItemId;
        }

        if (!_itemsById.TryGetValue(itemId, out var item))
        {
            return $"The instrument '{Reference}' has no item '{itemId}'.";
        }

        if (item.FreeText is not { } limits)
        {
            return $"Item '{itemId}' is not a free-text item, so it takes no text (it is answered on its format).";
        }

        var length = 0;
        foreach (var _ in (text ?? "").EnumerateRunes())
        {
            length++;
        }

        return length < limits.MinLength || length > limits.MaxLength
            ? string.Create(CultureInfo.InvariantCulture, $"The text has {length} characters; item '{itemId}' takes {limits.MinLength} to {limits.MaxLength}.")
            : null;
    }

    /// <summary>Scores every row of <paramref name="matrix"/> into new result columns, in parallel, rows in input order.</summary>
    public ScaleScoreBatch ScoreBatch(ResponseMatrix matrix, ScoringOptions options = default)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        var output = ScaleScoreBatch.Create(this, matrix.RowCount);
        ScoreBatch(matrix, output, options);
        return output;
    }

    /// <summary>
    /// Scores every row of <paramref name="matrix"/> into preallocated <paramref name="output"/> (reusable across chunks).
    /// A row with a bad answer is rejected (listed in <see cref="ScaleScoreBatch.Rejections"/>) and the batch goes on;
    /// rows = scored + rejected, always.
    /// </summary>
    public void ScoreBatch(ResponseMatrix matrix, ScaleScoreBatch output, ScoringOptions options = default)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        ArgumentNullException.ThrowIfNull(output);
        if (!ReferenceEquals(output.Instrument, this))
        {
            throw new ArgumentException("The output was created for another instrument.", nameof(output));
        }

        BatchScorer.Score(this, matrix, output, options);
    }

    /// <summary>The message for an answer that <paramref name="item"/>'s format does not allow (the text batch rejections and <see cref="Validate(Response)"/> use).</summary>
    public static string DescribeBadAnswer(Item item, int answer)
    {
        ArgumentNullException.ThrowIfNull(item);
        return item.Format is { } f
            ? string.Create(CultureInfo.InvariantCulture, $"The answer {answer} is outside the range {f.Min}–{f.Max} of format '{f.Id}'.")
            : string.Create(CultureInfo.InvariantCulture, $"Item '{item.Id}' has no response format, so it takes no rated answer (found {answer}).");
    }

    private static byte[] ReadFile(string path, InstrumentLoadOptions options, out long? size)
    {
        if (!File.Exists(path) && !Directory.Exists(path) && Instruments.Ids.Contains(path, StringComparer.Ordinal))
        {
            // A shipped instrument's id given as a path: say where it is.
            throw new FileNotFoundException(
                $"There is no file '{path}'. '{path}' is the id of a shipped instrument: load it with Instruments.Load(\"{path}\"); Instrument.Load reads a definition file.", path);
        }

        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read);
        return ReadStream(stream, options.MaxBytes, out size);
    }

    /// <summary>
    /// Reads up to one byte past <paramref name="maxBytes"/>. <paramref name="size"/> is the definition's real size: the
    /// bytes read, or — when the limit stopped the reading — the remaining length of a seekable stream; null when a stream
    /// that cannot seek went past the limit (it is not read to its end: it may have none).
    /// </summary>
    private static byte[] ReadStream(Stream stream, int maxBytes, out long? size)
    {
        var start = stream.CanSeek ? stream.Position : 0;
        // Read at most one byte past the limit: enough to report "too large" without reading a huge file.
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = stream.Read(chunk, 0, (int)Math.Min(chunk.Length, (long)maxBytes + 1 - buffer.Length))) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > maxBytes)
            {
                break;
            }
        }

        size = buffer.Length <= maxBytes ? buffer.Length : stream.CanSeek ? stream.Length - start : null;
        return buffer.ToArray();
    }

    /// <summary>
    /// Places a dictionary's answers by item index (a method of its own, without stack allocation, so that the JIT can
    /// optimise it with profile data and inline the dictionary's enumerator). Answers are usually listed in item order:
    /// the item at the same position is tried before any hashing.
    /// </summary>
    private bool PlaceInOrder(Dictionary<string, int?> dictionary, Span<int> answers)
    {
        var valid = true;
        var position = 0;
        var ids = _itemIds;
        var mins = _answerMin;
        var maxs = _answerMax;
        unchecked
        {
            foreach (var (itemId, answer) in dictionary) // the struct enumerator: no allocation
            {
                if ((uint)position < (uint)ids.Length && SameId(itemId, ids[position]))
                {
                    if (answer is { } x)
                    {
                        valid &= (x >= mins[position]) & (x <= maxs[position]);
                        answers[position] = x; // an item's index is its position
                    }
                }
                else
                {
                    valid &= Place(itemId, answer, answers);
                }

                position++;
            }
        }

        return valid;
    }

    private bool PlaceAll(IReadOnlyDictionary<string, int?> answersById, Span<int> answers)
    {
        var valid = true;
        foreach (var (itemId, answer) in answersById)
        {
            valid &= Place(itemId, answer, answers);
        }

        return valid;
    }

    /// <summary>Ordinal equality of two short ids, inlined (item ids are a few characters; a call per answer costs more).</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    private static bool SameId(string a, string b) => (object)a == b || a.AsSpan().SequenceEqual(b);

    /// <summary>Checks one answer and writes it at its item's index; false when the item is unknown or the answer outside its format.</summary>
    private bool Place(string? itemId, int? answer, Span<int> answers) =>
        itemId is not null && _itemsById.TryGetValue(itemId, out var item) && Place(item, answer, answers);

    private static bool Place(Item item, int? answer, Span<int> answers)
    {
        if (answer is { } x)
        {
            if (item.Format is not { } format || !format.Contains(x))
            {
                return false;
            }

            answers[item.Index] = x;
        }

        return true;
    }

    private static Instrument Load(byte[] bytes, long? size, string source, InstrumentLoadOptions options) =>
        InstrumentLoader.Load(bytes, size, source, options, out var diagnostics) ?? throw new InstrumentLoadException(diagnostics);
}
