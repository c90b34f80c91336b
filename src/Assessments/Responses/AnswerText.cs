using System.Globalization;

namespace Assessments.Responses;

/// <summary>
/// Parses one answer as text (a CSV cell): empty or white space is missing; otherwise an integer in the invariant culture.
/// "3.0" and "3,5" are rejected rather than rounded: an answer on a rating format is a whole number.
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
