using System.Collections.Frozen;
using System.Globalization;
using System.Text.Json;

namespace Assessments.Localization;

/// <summary>
/// Every text the packages show to a person — the command line's human output, the reasons a score is missing, Ikigai
/// region and pile names, the synthesis report and its charts — in each language the project writes, one catalog per
/// language (<c>src/Assessments/Localization/texts.LANG.json</c>, embedded). A test checks that every key exists in every
/// language with the same placeholders. Texts take their arguments as <see cref="string.Format(IFormatProvider, string, object[])"/>
/// does, with the language's culture, so a number in a French sentence is written <c>0,75</c>; data outputs (CSV, JSON)
/// never go through here and stay invariant.
/// </summary>
public sealed class TextCatalog
{
    private static readonly Lazy<FrozenDictionary<string, TextCatalog>> Catalogs = new(LoadAll);

    private readonly FrozenDictionary<string, string> _texts;

    private TextCatalog(string language, FrozenDictionary<string, string> texts)
    {
        Language = language;
        _texts = texts;
        Culture = CultureInfo.GetCultureInfo(texts.TryGetValue("common.culture", out var culture) ? culture : language);
    }

    private const string Prefix = "Assessments.Localization.texts.";

    /// <summary>
    /// The languages the project writes, in ordinal order (<c>en</c>, <c>fr</c>): one per embedded catalog, so adding a
    /// language is adding its <c>texts.LANG.json</c> beside the others (a test then checks it has every key).
    /// </summary>
    public static IReadOnlyList<string> Languages { get; } = [.. typeof(TextCatalog).Assembly.GetManifestResourceNames()
        .Where(n => n.StartsWith(Prefix, StringComparison.Ordinal) && n.EndsWith(".json", StringComparison.Ordinal))
        .Select(n => n[Prefix.Length..^".json".Length]).Order(StringComparer.Ordinal)];

    /// <summary>The catalog's language (<c>en</c> or <c>fr</c>).</summary>
    public string Language { get; }

    /// <summary>The culture numbers and dates are written with in this language's sentences (fr-FR, en-GB).</summary>
    public CultureInfo Culture { get; }

    /// <summary>Every key, in ordinal order.</summary>
    public IEnumerable<string> Keys => _texts.Keys.Order(StringComparer.Ordinal);

    /// <summary>The catalog of <paramref name="language"/>.</summary>
    /// <exception cref="ArgumentException">The language is not one of <see cref="Languages"/>; the message lists them.</exception>
    public static TextCatalog For(string language)
    {
        ArgumentNullException.ThrowIfNull(language);
        return Catalogs.Value.TryGetValue(language, out var catalog)
            ? catalog
            : throw new ArgumentException(UnsupportedLanguage(language), nameof(language));
    }

    /// <summary>Whether <paramref name="language"/> is one of <see cref="Languages"/>.</summary>
    public static bool IsSupported(string? language) => language is not null && Catalogs.Value.ContainsKey(language);

    /// <summary>The message for a language the project does not write: it names the languages it does.</summary>
    public static string UnsupportedLanguage(string language) =>
        $"The language '{language}' is not available; the languages are: {string.Join(", ", Languages)}.";

    /// <summary>The text of <paramref name="key"/>.</summary>
    /// <exception cref="KeyNotFoundException">No such key (a programming error: the tests check every key the code uses).</exception>
    public string this[string key] => _texts.TryGetValue(key, out var text) ? text : throw new KeyNotFoundException($"No text '{key}' in the {Language} catalog.");

    /// <summary>The text of <paramref name="key"/> with its placeholders filled, numbers and dates in the language's culture.</summary>
    public string Format(string key, params object?[] arguments) => string.Format(Culture, this[key], arguments);

    /// <summary>A number for a sentence in this language, at most <paramref name="decimals"/> decimals (<c>0,75</c> in French).</summary>
    public string Number(double value, int decimals = 2) => value.ToString(decimals switch { 0 => "0", 1 => "0.#", 2 => "0.##", _ => "0.###" }, Culture);

    /// <summary>A share (0–1) as a whole percentage, as the language writes it (<c>16 %</c> with a no-break space in French, <c>16%</c> in English).</summary>
    public string Percent(double share) => Format("common.percent", Math.Round(share * 100));

    /// <summary>
    /// Why a scale has no score, from its counts: too few items answered for its <paramref name="minAnswered"/> share, or,
    /// when the scale needs every item (<paramref name="minAnswered"/> = 1), not all of them.
    /// </summary>
    public string MissingScore(int answered, int items, double minAnswered) => minAnswered >= 1
        ? Format("score.missing.everyItem", answered, items)
        : Format("score.missing.tooFew", answered, items, Number(minAnswered * 100));

    /// <summary>The raw texts (key → template), for tests and tools.</summary>
    public IReadOnlyDictionary<string, string> Texts => _texts;

    private static FrozenDictionary<string, TextCatalog> LoadAll()
    {
        var catalogs = new Dictionary<string, TextCatalog>(StringComparer.Ordinal);
        foreach (var language in Languages)
        {
            using var stream = typeof(TextCatalog).Assembly.GetManifestResourceStream(Prefix + language + ".json")
                ?? throw new InvalidOperationException($"The {language} text catalog is not embedded.");
            using var document = JsonDocument.Parse(stream, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip });
            var texts = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var property in document.RootElement.EnumerateObject())
            {
                texts.Add(property.Name, property.Value.GetString()!);
            }

            catalogs[language] = new TextCatalog(language, texts.ToFrozenDictionary(StringComparer.Ordinal));
        }

        return catalogs.ToFrozenDictionary(StringComparer.Ordinal);
    }
}
