namespace Assessments.Definitions;

/// <summary>One question or statement of an instrument.</summary>
public sealed class Item
{
    internal Item(string id, int index, ResponseFormat? format, LocalizedText text)
    {
        Id = id;
        Index = index;
        Format = format;
        Text = text;
    }

    /// <summary>The item's id: the CSV column header and the key of a response.</summary>
    public string Id { get; }

    /// <summary>The item's position in the definition (0-based); batch matrices use it as the column index.</summary>
    public int Index { get; }

    /// <summary>The answer format, or null for an item that is not answered on a scale.</summary>
    public ResponseFormat? Format { get; }

    /// <summary>The statement shown to the person.</summary>
    public LocalizedText Text { get; }
}
