using System.Globalization;
using System.Text;

namespace Assessments.Responses;

/// <summary>
/// The one folding under which answer labels, question texts and column names are compared with what a survey tool
/// exported: case, accents, spaces and the typographic variants of apostrophes, quotes and dashes do not count.
/// <c>"Plutôt d’accord"</c>, <c>"PLUTOT D'ACCORD"</c> and <c>"plutôt  d'accord "</c> fold alike; <c>"Plutôt pas d'accord"</c>
/// does not. PROJECT CHOICE: spaces are removed, not collapsed, so <c>"EN 1"</c> folds as <c>"EN1"</c> does.
/// </summary>
public static class TextFold
{
    /// <summary>Folds <paramref name="text"/>: decomposed, combining marks dropped, lower-cased (invariant), spaces removed,
    /// ligatures œ æ ß spelt out, apostrophes, quotation marks and dashes each reduced to one character.</summary>
    public static string Fold(ReadOnlySpan<char> text)
    {
        var decomposed = text.ToString().Normalize(NormalizationForm.FormKD);
        var folded = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (char.IsWhiteSpace(c) || char.IsControl(c))
            {
                continue;
            }

            switch (CharUnicodeInfo.GetUnicodeCategory(c))
            {
                case UnicodeCategory.NonSpacingMark:
                case UnicodeCategory.SpacingCombiningMark:
                case UnicodeCategory.EnclosingMark:
                case UnicodeCategory.Format:
                    continue;
                case UnicodeCategory.DashPunctuation:
                    folded.Append('-');
                    continue;
            }

            switch (c)
            {
                case '\u2018' or '\u2019' or '\u201B' or '\u02BC' or '\u2032' or '`' or '\u00B4':
                    folded.Append('\'');
                    break;
                case '\u201C' or '\u201D' or '\u201E' or '\u00AB' or '\u00BB' or '\u2033':
                    folded.Append('"');
                    break;
                case 'œ' or 'Œ':
                    folded.Append("oe");
                    break;
                case 'æ' or 'Æ':
                    folded.Append("ae");
                    break;
                case 'ß':
                    folded.Append("ss");
                    break;
                default:
                    folded.Append(char.ToLowerInvariant(c));
                    break;
            }
        }

        return folded.ToString();
    }
}
