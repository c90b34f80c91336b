namespace Assessments.Cli.Tests;

/// <summary>
/// Two broken definitions and the exact diagnostics <c>assess</c> must print for them. Lines and columns are computed from
/// the JSON text itself (1-based; a value or property is located at its first character, the opening quote for a string).
/// </summary>
internal static class InvalidInstruments
{
    /// <summary>
    /// Well-formed and well-shaped, but wrong in meaning: item Q2 uses an undefined response format, and the scale refers to
    /// an item that does not exist. (Shape problems, below, would stop the loader before these meaning checks run.)
    /// </summary>
    public static string MeaningJson { get; } = """
        {
          "id": "broken",
          "version": "1.0.0",
          "kind": "likert",
          "languages": ["en"],
          "title": { "en": "Broken" },
          "responseFormats": { "five": { "min": 1, "max": 5 } },
          "items": [
            { "id": "Q1", "format": "five", "text": { "en": "One" } },
            { "id": "Q2", "format": "seven", "text": { "en": "Two" } }
          ],
          "scales": [
            { "id": "total", "items": ["Q1", "-Q9"] }
          ]
        }

        """.ReplaceLineEndings("\n");

    /// <summary>Well-formed JSON with two unknown properties: one in an item, one in a scale.</summary>
    public static string ShapeJson { get; } = """
        {
          "id": "shapeless",
          "version": "1.0.0",
          "kind": "likert",
          "languages": ["en"],
          "title": { "en": "Shapeless" },
          "responseFormats": { "five": { "min": 1, "max": 5 } },
          "items": [
            { "id": "Q1", "format": "five", "colour": "red", "text": { "en": "One" } }
          ],
          "scales": [
            { "id": "total", "items": ["Q1"], "weight": 2 }
          ]
        }

        """.ReplaceLineEndings("\n");

    /// <summary>The <c>error: …</c> lines for <see cref="MeaningJson"/> written at <paramref name="path"/>, in document order.</summary>
    public static string[] MeaningErrors(string path) =>
    [
        Error(path, MeaningJson, "\"format\": \"seven\"", "$.items[1].format",
            "The item uses response format 'seven', which is not defined in $.responseFormats (defined: five).", "unknown-format"),
        Error(path, MeaningJson, "\"-Q9\"", "$.scales[0].items[1]",
            "The scale refers to item 'Q9', which is not defined in $.items.", "unknown-item"),
    ];

    /// <summary>The <c>error: …</c> lines for <see cref="ShapeJson"/> written at <paramref name="path"/>, in document order.</summary>
    public static string[] ShapeErrors(string path) =>
    [
        Error(path, ShapeJson, "\"colour\"", "$.items[0].colour",
            "Unknown property 'colour'. Allowed here: id, format, text, left, right, freeText.", "unknown-property"),
        Error(path, ShapeJson, "\"weight\"", "$.scales[0].weight",
            "Unknown property 'weight'. Allowed here: id, title, description, items, aggregate, minAnswered, centring.", "unknown-property"),
    ];

    /// <summary>The 1-based line and column of the first occurrence of <paramref name="marker"/> in <paramref name="text"/>.</summary>
    public static (int Line, int Column) PositionOf(string text, string marker)
    {
        var index = text.IndexOf(marker, StringComparison.Ordinal);
        if (index < 0)
        {
            throw new ArgumentException($"'{marker}' does not occur in the text.", nameof(marker));
        }

        int line = 1, lineStart = 0;
        for (var i = 0; i < index; i++)
        {
            if (text[i] == '\n')
            {
                line++;
                lineStart = i + 1;
            }
        }

        return (line, index - lineStart + 1);
    }

    private static string Error(string path, string json, string marker, string jsonPath, string message, string code)
    {
        var (line, column) = PositionOf(json, marker);
        return $"error: {path}({line},{column}): {jsonPath}: {message} [{code}]";
    }
}
