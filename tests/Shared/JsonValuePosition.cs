using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Assessments.Testing;

/// <summary>
/// One value of a JSON document: its path (as the loaders' diagnostics write it: <c>$.a[0].b</c>, <c>$['c d']</c>), its bytes [<see cref="Start"/>,
/// <see cref="End"/>), and the byte a diagnostic about it points at (<see cref="Anchor"/>: the property name for an object
/// member, the value itself for an array element or the root).
/// </summary>
internal sealed record JsonValuePosition(string Path, int Start, int End, int Anchor, JsonTokenType Token)
{
    /// <summary>The JSON types other than this value's own, as small literals: what a type-swap mutation puts in its place.</summary>
    public IEnumerable<string> OtherTypes()
    {
        var own = Token switch
        {
            JsonTokenType.StartObject => "{}",
            JsonTokenType.StartArray => "[]",
            JsonTokenType.String => "\"x\"",
            JsonTokenType.Number => "7",
            JsonTokenType.True or JsonTokenType.False => "true",
            _ => "null",
        };
        return Literals.Where(r => r != own);
    }

    private static readonly string[] Literals = ["null", "\"x\"", "7", "true", "{}", "[]"];

    /// <summary>The document with this value replaced by <paramref name="replacement"/>.</summary>
    public byte[] Replace(byte[] utf8, string replacement) =>
        [.. utf8.AsSpan(0, Start), .. Encoding.UTF8.GetBytes(replacement), .. utf8.AsSpan(End)];

    /// <summary>The 1-based line and column (in characters) of <see cref="Anchor"/>, counted here independently of the loader.</summary>
    public (int Line, int Column) AnchorPosition(byte[] utf8)
    {
        var before = utf8.AsSpan(0, Anchor);
        var lineStart = before.LastIndexOf((byte)'\n') + 1;
        var column = 1;
        foreach (var b in before[lineStart..])
        {
            column += (b & 0xC0) != 0x80 ? 1 : 0;
        }

        return (before.Count((byte)'\n') + 1, column);
    }

    /// <summary>Every value of a well-formed document, in document order (the root first).</summary>
    public static List<JsonValuePosition> All(byte[] utf8)
    {
        var result = new List<JsonValuePosition>();
        var frames = new Stack<(string Path, bool IsArray, int Next, int Slot)>();
        var reader = new Utf8JsonReader(utf8);
        string? property = null;
        var propertyAnchor = 0;
        while (reader.Read())
        {
            var start = (int)reader.TokenStartIndex;
            switch (reader.TokenType)
            {
                case JsonTokenType.PropertyName:
                    property = Property(frames.Peek().Path, reader.GetString()!);
                    propertyAnchor = start;
                    continue;
                case JsonTokenType.EndObject or JsonTokenType.EndArray:
                    var done = frames.Pop();
                    result[done.Slot] = result[done.Slot] with { End = (int)reader.BytesConsumed };
                    continue;
            }

            string path;
            var anchor = start;
            if (frames.Count == 0)
            {
                path = "$";
            }
            else if (frames.Peek().IsArray)
            {
                var top = frames.Pop();
                path = Index(top.Path, top.Next);
                frames.Push(top with { Next = top.Next + 1 });
            }
            else
            {
                path = property!;
                anchor = propertyAnchor;
            }

            result.Add(new JsonValuePosition(path, start, (int)reader.BytesConsumed, anchor, reader.TokenType));
            if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
            {
                frames.Push((path, reader.TokenType == JsonTokenType.StartArray, 0, result.Count - 1));
            }
        }

        return result;
    }

    private static string Property(string parent, string name) =>
        name.Length > 0 && (char.IsAsciiLetter(name[0]) || name[0] is '_' or '$') && name.AsSpan(1).IndexOfAnyExcept(IdentifierChars) < 0
            ? parent + "." + name
            : parent + "['" + name.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("'", "\\'", StringComparison.Ordinal) + "']";

    private static string Index(string parent, int index) => parent + "[" + index.ToString(CultureInfo.InvariantCulture) + "]";

    private static readonly System.Buffers.SearchValues<char> IdentifierChars =
        System.Buffers.SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_$");
}
