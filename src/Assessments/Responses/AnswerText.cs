using System.Globalization;
using System.Text;
using Assessments.Definitions;

namespace Assessments.Responses;

/// <summary>
/// Parses one answer given as text (a CSV or spreadsheet cell). Empty or white space is missing. A number is read in the
/// invariant culture; a decimal with no fraction (<c>3.0</c>, as pandas writes a column with gaps; <c>3,0</c> when the
/// file's separator is not a comma) is that whole number, while <c>3.5</c> is refused, not rounded: an answer on a rating
/// format is a whole number. Other text is looked up among the labels of the item's format, in every language of the
/// instrument, folded (<see cref="TextFold"/>), alone or in the forms exports use: <c>4 - D'accord</c>, <c>4. D'accord</c>,
/// <c>4: D'accord</c>, <c>D'accord (4)</c> — whose number and label must then agree. A control character anywhere (a NUL
/// byte that a broken export left after the digit, say) makes the cell bad: .NET's integer parser would otherwise ignore
/// trailing NULs and take <c>3\0</c> for 3.
/// </summary>
public static class AnswerText
{
    private const int LabelsShown = 12;

    /// <summary>Parses <paramref name="text"/> as a number. Returns false with a reason for a value that is not a whole number.</summary>
    /// <param name="text">The cell text.</param>
    /// <param name="answer">The answer, or null for a missing (empty) cell.</param>
    /// <param name="error">Why the text is not an answer, when the method returns false.</param>
    public static bool TryParse(ReadOnlySpan<char> text, out int? answer, out string? error) =>
        TryParse(text, null, AnswerReading.Numbers, decimalComma: false, out answer, out error);

    /// <summary>Parses <paramref name="text"/> as a number or as a label of <paramref name="format"/>.</summary>
    /// <param name="text">The cell text.</param>
    /// <param name="format">The item's format, whose labels are looked up; null reads numbers only.</param>
    /// <param name="reading">Numbers, labels, or both (numbers first).</param>
    /// <param name="decimalComma">Whether <c>3,0</c> is a number (the file's separator is not a comma).</param>
    /// <param name="answer">The answer, or null for a missing (empty) cell.</param>
    /// <param name="error">Why the text is not an answer, when the method returns false.</param>
    public static bool TryParse(ReadOnlySpan<char> text, ResponseFormat? format, AnswerReading reading, bool decimalComma, out int? answer, out string? error)
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
            error = string.Create(CultureInfo.InvariantCulture, $"The cell holds a control character (U+{(int)trimmed[control]:X4}); an answer is a whole number{(reading == AnswerReading.Numbers || !HasLabels(format) ? "" : " or a label")}.");
            return false;
        }

        var number = ReadNumber(trimmed, decimalComma, out var value);
        if (number != NumberKind.None && !(reading == AnswerReading.Labels && HasLabels(format)))
        {
            if (reading == AnswerReading.Labels)
            {
                error = $"'{Shown(trimmed)}' is a number, and --answers labels reads labels; the item's format has none.";
                return false;
            }

            if (number == NumberKind.Whole)
            {
                answer = value;
                return true;
            }

            error = $"'{Shown(trimmed)}' is not a whole number; answers are integers on the item's format.";
            return false;
        }

        if (reading == AnswerReading.Numbers || !HasLabels(format))
        {
            error = number == NumberKind.Fraction
                ? $"'{Shown(trimmed)}' is not a whole number; answers are integers on the item's format."
                : $"'{Shown(trimmed)}' is not a number{(reading == AnswerReading.Numbers && HasLabels(format) ? " (labels are read unless --answers numbers)" : reading == AnswerReading.Labels ? " and the item's format has no labels" : "")}.";
            return false;
        }

        if (TryLabel(trimmed, format!, out answer, out error) || number == NumberKind.None)
        {
            return error is null;
        }

        error = $"'{Shown(trimmed)}' is a number, and --answers labels reads labels only (auto reads both).";
        return false;
    }

    private static bool HasLabels(ResponseFormat? format) => format is { Labels.Count: > 0 };

    private static bool TryLabel(ReadOnlySpan<char> text, ResponseFormat format, out int? answer, out string? error)
    {
        answer = null;
        if (Label(text, format, out var value, out error) is true)
        {
            answer = value;
            return true;
        }

        if (error is not null)
        {
            return false;
        }

        // "4 - D'accord", "4. D'accord", "4: D'accord", "4 = D'accord", "4) D'accord", "D'accord (4)", "D'accord [4]".
        if (SplitNumberAndLabel(text, out var number, out var label))
        {
            var known = Label(label, format, out var labelValue, out error);
            if (known is true)
            {
                if (labelValue == number)
                {
                    answer = number;
                    return true;
                }

                error = string.Create(CultureInfo.InvariantCulture, $"'{Shown(text)}' gives the number {number} and a label of the answer {labelValue}; they must agree.");
                return false;
            }

            if (error is not null)
            {
                return false;
            }
        }

        error = $"'{Shown(text)}' is neither a number nor a label of the item's format. Accepted: {Accepted(format)}.";
        return false;
    }

    /// <summary>True: one answer has the label; false with an error: several have it; null: no label matches.</summary>
    private static bool? Label(ReadOnlySpan<char> text, ResponseFormat format, out int value, out string? error)
    {
        error = null;
        if (format.TryGetAnswerOfLabel(text, out value, out var candidates))
        {
            return true;
        }

        if (candidates.Count > 0)
        {
            error = $"'{Shown(text)}' is the label of several answers ({string.Join(", ", candidates.Select(c => c.ToString(CultureInfo.InvariantCulture)))}) once case, accents and spaces are ignored; give the answer as a number.";
            return false;
        }

        return null;
    }

    private static bool SplitNumberAndLabel(ReadOnlySpan<char> text, out int number, out ReadOnlySpan<char> label)
    {
        number = 0;
        label = default;

        // Number first.
        var digits = 0;
        if (digits < text.Length && text[digits] is '-' or '+')
        {
            digits++;
        }

        while (digits < text.Length && char.IsAsciiDigit(text[digits]))
        {
            digits++;
        }

        if (digits > 0 && char.IsAsciiDigit(text[digits - 1]) && int.TryParse(text[..digits], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out number))
        {
            var rest = text[digits..].TrimStart();
            if (rest.Length > 1 && rest[0] is '-' or '–' or '—' or '.' or ':' or '=' or ')')
            {
                label = rest[1..].Trim();
                return !label.IsEmpty;
            }
        }

        // Number last, in brackets.
        if (text.Length > 3 && text[^1] is ')' or ']')
        {
            var open = text.LastIndexOf(text[^1] == ')' ? '(' : '[');
            if (open > 0 && int.TryParse(text[(open + 1)..^1].Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out number))
            {
                label = text[..open].Trim();
                return !label.IsEmpty;
            }
        }

        return false;
    }

    private static string Accepted(ResponseFormat format)
    {
        var text = new StringBuilder();
        foreach (var (language, labels) in format.Labels.OrderBy(l => l.Key, StringComparer.Ordinal))
        {
            if (text.Length > 0)
            {
                text.Append("; ");
            }

            text.Append(language).Append(": ");
            for (var k = 0; k < labels.Count && k < LabelsShown; k++)
            {
                text.Append(k == 0 ? "" : ", ").Append(CultureInfo.InvariantCulture, $"{labels[k]} ({format.Min + k})");
            }

            if (labels.Count > LabelsShown)
            {
                text.Append(", …");
            }
        }

        return text.Append(CultureInfo.InvariantCulture, $"; or a whole number from {format.Min} to {format.Max}").ToString();
    }

    private enum NumberKind
    {
        None,
        Whole,
        Fraction,
    }

    private static NumberKind ReadNumber(ReadOnlySpan<char> text, bool decimalComma, out int value)
    {
        if (int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value))
        {
            return NumberKind.Whole;
        }

        Span<char> copy = stackalloc char[Math.Min(text.Length, 64)];
        if (text.Length > copy.Length)
        {
            return NumberKind.None;
        }

        text.CopyTo(copy);
        if (decimalComma && copy.Count(',') == 1 && !copy.Contains('.'))
        {
            copy[copy.IndexOf(',')] = '.';
        }

        if (!double.TryParse(copy, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number)
            || !double.IsFinite(number))
        {
            return NumberKind.None;
        }

        if (number == Math.Floor(number) && number >= int.MinValue && number <= int.MaxValue)
        {
            value = (int)number;
            return NumberKind.Whole;
        }

        return NumberKind.Fraction;
    }

    private static string Shown(ReadOnlySpan<char> text) => text.Length > 40 ? string.Concat(text[..40], "…") : text.ToString();
}
