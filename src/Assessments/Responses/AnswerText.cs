using System.Globalization;

namespace Assessments.Responses;

/// <summary>
/// Parses one answer as text (a CSV cell): empty or white space is missing; otherwise an integer in the invariant culture.
/// "3.0" and "3,5" are rejected rather than rounded: an answer on a rating format is a whole number. A control character
/// anywhere (a NUL byte that a broken export left after the digit, say) makes the cell bad: .NET's integer parser would
/// otherwise ignore trailing NULs and take <c>3\0</c> for 3.
/// </summary>
public static class AnswerText
{
    /// <summary>Parses <paramref name="text"/>. Returns false with a reason for a value that is not a whole number.</summary>
    /// <param name="text">The cell text.</param>
    /// <param name="answer">The answer, or null for a missing (empty) cell.</param>
    /// <param name="error">Why the text is not an answer, when the method returns false.</param>
    public static bool TryParse(ReadOnlySpan<char> text, out int? answer, out string? error)
    {
        var trimmed = text.Trim();
        answer = null;
        error = null;
        if (trimmed.IsEmpty)
        {
            return true;
        }

        var control = trimmed.IndexOfAnyInRange('\0', '\u001F');
        if (control < 0)
        {
            control = trimmed.IndexOfAnyInRange('\u007F', '\u009F');
        }

        if (control >= 0)
        {
            error = string.Create(CultureInfo.InvariantCulture, $"The cell holds a control character (U+{(int)trimmed[control]:X4}); an answer is a whole number.");
            return false;
        }

        if (int.TryParse(trimmed, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
        {
            answer = value;
            return true;
        }

        var shown = trimmed.Length > 40 ? string.Concat(trimmed[..40], "…") : trimmed.ToString();
        error = double.TryParse(trimmed, NumberStyles.Float, CultureInfo.InvariantCulture, out _)
            ? $"'{shown}' is not a whole number; answers are integers on the item's format."
            : $"'{shown}' is not a number.";
        return false;
    }
}
