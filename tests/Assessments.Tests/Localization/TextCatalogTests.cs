using System.Globalization;
using System.Text.RegularExpressions;
using Assessments.Localization;

namespace Assessments.Tests.Localization;

/// <summary>The text catalogs: every key in every language with the same placeholders, numbers as each language writes them.</summary>
public partial class TextCatalogTests
{
    [Fact]
    public void EveryKeyExistsInEveryLanguageWithTheSamePlaceholdersAndNoneIsEmpty()
    {
        var english = TextCatalog.For("en");
        foreach (var language in TextCatalog.Languages)
        {
            var catalog = TextCatalog.For(language);
            Assert.Equal(english.Keys, catalog.Keys); // a key missing from one language fails here, named in the diff
            foreach (var key in catalog.Keys)
            {
                Assert.False(string.IsNullOrWhiteSpace(catalog[key]), $"{language}: {key} is empty");
                Assert.Equal(Placeholders(english[key]), Placeholders(catalog[key]));
            }
        }
    }

    [Fact]
    public void EveryTemplateFormats()
    {
        // Each template, filled with as many arguments as it has placeholders, formats without error in its culture.
        foreach (var language in TextCatalog.Languages)
        {
            var catalog = TextCatalog.For(language);
            foreach (var key in catalog.Keys)
            {
                var count = Placeholders(catalog[key]).Select(p => int.Parse(p, CultureInfo.InvariantCulture) + 1).DefaultIfEmpty(0).Max();
                _ = catalog.Format(key, [.. Enumerable.Repeat<object?>(1, count)]);
            }
        }
    }

    [Fact]
    public void NumbersFollowTheLanguageAndAnUnknownLanguageNamesTheAvailableOnes()
    {
        Assert.Equal("0,75", TextCatalog.For("fr").Number(0.75));
        Assert.Equal("0.75", TextCatalog.For("en").Number(0.75));
        Assert.Equal("16\u00A0%", TextCatalog.For("fr").Percent(0.164));
        Assert.Equal("16%", TextCatalog.For("en").Percent(0.164));
        // 2 of 5 answered where 60 % are needed, as the scorer reports it.
        Assert.Equal("Seulement 2 item(s) sur 5 ont reçu une réponse ; l'échelle en demande au moins 60 %.", TextCatalog.For("fr").MissingScore(2, 5, 0.6));
        Assert.Equal("Only 2 of 5 items were answered; the scale needs at least 60% of them.", TextCatalog.For("en").MissingScore(2, 5, 0.6));
        Assert.Equal("The language 'de' is not available; the languages are: en, fr.", Assert.Throws<ArgumentException>(() => TextCatalog.For("de")).Message.Split(" (Parameter")[0]);
        Assert.False(TextCatalog.IsSupported("EN"));
    }

    [Fact]
    public void NumbersFollowTheCatalogNotTheThreadCulture()
    {
        var previous = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("fr-FR");
            Assert.Equal("0.75", TextCatalog.For("en").Number(0.75));
            CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("en-US");
            Assert.Equal("0,75", TextCatalog.For("fr").Number(0.75));
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }
    }

    private static string[] Placeholders(string template) => [.. Placeholder().Matches(template).Select(m => m.Groups[1].Value).Distinct().Order(StringComparer.Ordinal)];

    [GeneratedRegex(@"(?<!\{)\{(\d+)(?:[:,][^}]*)?\}")]
    private static partial Regex Placeholder();
}
