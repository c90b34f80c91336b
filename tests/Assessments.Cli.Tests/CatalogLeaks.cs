using System.Text.RegularExpressions;
using Assessments.Localization;

namespace Assessments.Cli.Tests;

/// <summary>Finds English catalog sentences in output meant to be French.</summary>
internal static partial class CatalogLeaks
{
    /// <summary>
    /// Every fixed fragment (between placeholders) of an English catalog text, two words or more and 12 characters or more,
    /// that the French text of the same key does not share and that <paramref name="output"/> contains, as "key: fragment".
    /// </summary>
    public static IEnumerable<string> EnglishIn(string output)
    {
        var english = TextCatalog.For("en");
        var french = TextCatalog.For("fr");
        return english.Keys
            .SelectMany(key => Placeholder().Split(english[key]).Select(f => (Key: key, Fragment: f.Trim())))
            .Where(x => x.Fragment.Length >= 12 && x.Fragment.Contains(' ', StringComparison.Ordinal) && !french[x.Key].Contains(x.Fragment, StringComparison.Ordinal)
                && output.Contains(x.Fragment, StringComparison.Ordinal))
            .Select(x => $"{x.Key}: {x.Fragment}")
            .ToList();
    }

    [GeneratedRegex(@"\{\d+(?:[:,][^}]*)?\}")]
    private static partial Regex Placeholder();
}
