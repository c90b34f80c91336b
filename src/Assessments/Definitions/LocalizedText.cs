namespace Assessments.Definitions;

/// <summary>
/// A text in several languages, keyed by language tag (<c>en</c>, <c>fr</c>, …). Every text of a loaded instrument carries
/// every language the instrument declares: a missing translation is a load error, never a blank.
/// </summary>
public sealed class LocalizedText
{
    private readonly Dictionary<string, string> _texts;

    internal LocalizedText(IReadOnlyDictionary<string, string> texts, string defaultLanguage)
    {
        _texts = new Dictionary<string, string>(texts, StringComparer.Ordinal);
        DefaultLanguage = defaultLanguage;
    }

    /// <summary>The instrument's first declared language, used when a requested language is absent.</summary>
    public string DefaultLanguage { get; }

    /// <summary>The languages this text is available in.</summary>
    public IEnumerable<string> Languages => _texts.Keys;

    /// <summary>The text in <paramref name="language"/>, or in <see cref="DefaultLanguage"/> when that language is absent.</summary>
    public string this[string language] => Get(language);

    /// <summary>The text in <paramref name="language"/>, or in <see cref="DefaultLanguage"/> when that language is absent.</summary>
    public string Get(string language) =>
        _texts.TryGetValue(language, out var text) ? text : _texts[DefaultLanguage];

    /// <inheritdoc />
    public override string ToString() => _texts[DefaultLanguage];
}
