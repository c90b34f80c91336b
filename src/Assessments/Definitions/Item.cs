namespace Assessments.Definitions;

/// <summary>One question or statement of an instrument.</summary>
public sealed class Item
{
    internal Item(string id, int index, ResponseFormat? format, LocalizedText? text, LocalizedText? left = null, LocalizedText? right = null,
        FreeTextSettings? freeText = null)
    {
        FreeText = freeText;
        Id = id;
        Index = index;
        Format = format;
        Text = text;
        Left = left;
        Right = right;
    }

    /// <summary>The item's id: the CSV column header and the key of a response.</summary>
    public string Id { get; }

    /// <summary>The item's position in the definition (0-based); batch matrices use it as the column index.</summary>
    public int Index { get; }

    /// <summary>The answer format, or null for an item that is not answered on a scale.</summary>
    public ResponseFormat? Format { get; }

    /// <summary>The statement shown to the person; null for a bipolar item that has only <see cref="Left"/> and <see cref="Right"/>.</summary>
    public LocalizedText? Text { get; }

    /// <summary>For a bipolar item, the statement at the low end of the format (answer = min); otherwise null.</summary>
    public LocalizedText? Left { get; }

    /// <summary>For a bipolar item, the statement at the high end of the format (answer = max); otherwise null.</summary>
    public LocalizedText? Right { get; }

    /// <summary>
    /// For a free-text item (a storytelling prompt such as "a moment at work you were proud of"), its length limits;
    /// otherwise null. A free-text item has no format, is never scored, and its answer is carried into the result as written.
    /// </summary>
    public FreeTextSettings? FreeText { get; }
}

/// <summary>The length limits of a free-text answer, in Unicode characters (scalar values).</summary>
/// <param name="MinLength">The fewest characters an answer may have (0: any answer, even empty).</param>
/// <param name="MaxLength">The most characters an answer may have.</param>
public sealed record FreeTextSettings(int MinLength, int MaxLength)
{
    /// <summary>The longest a definition may allow (100,000 characters).</summary>
    public const int Limit = 100_000;

    /// <summary>The maximum when a definition gives none.</summary>
    public const int DefaultMaxLength = 4_000;
}
