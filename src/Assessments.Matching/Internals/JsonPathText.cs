using System.Globalization;
using System.Text.Json;

namespace Assessments.Matching.Internals;

/// <summary>
/// JSONPath-style locations in a JSON catalog (<c>$.occupations[3].title.en</c>, <c>$['a b']</c> for other names), and the
/// line of each: found by a second pass over the bytes, run only when there are problems to place.
/// </summary>
internal static class JsonPathText
{
    public const string Root = "$";

    public static string Property(string parent, string name)
    {
        var simple = name.Length > 0 && (char.IsAsciiLetter(name[0]) || name[0] is '_' or '$')
            && name.AsSpan(1).IndexOfAnyExcept(IdentifierChars) < 0;
        return simple ? parent + "." + name
            : parent + "['" + name.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("'", "\\'", StringComparison.Ordinal) + "']";
    }

    private static readonly System.Buffers.SearchValues<char> IdentifierChars =
        System.Buffers.SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_$");

    public static string Index(string parent, int index) => parent + "[" + index.ToString(CultureInfo.InvariantCulture) + "]";

    /// <summary>
    /// The 1-based line of each wanted path in <paramref name="utf8"/> (a well-formed document): the line of the property
    /// name for an object member, of the value for an array element. Paths not found are left out.
    /// </summary>
    public static Dictionary<string, int> Lines(ReadOnlySpan<byte> utf8, IReadOnlySet<string> wanted)
    {
        var lines = new Dictionary<string, int>(StringComparer.Ordinal);
        var reader = new Utf8JsonReader(utf8, new JsonReaderOptions { MaxDepth = 256 });
        var frames = new Stack<(string Path, bool IsArray, int Next)>();
        string? pending = null;
        var line = 1;
        var counted = 0;
        int LineAt(long offset, ReadOnlySpan<byte> bytes)
        {
            line += bytes[counted..(int)offset].Count((byte)'\n');
            counted = (int)offset;
            return line;
        }

        while (reader.Read())
        {
            var at = reader.TokenStartIndex;
            string path;
            switch (reader.TokenType)
            {
                case JsonTokenType.PropertyName:
                    pending = Property(frames.Peek().Path, reader.GetString()!);
                    if (wanted.Contains(pending))
                    {
                        lines.TryAdd(pending, LineAt(at, utf8));
                    }

                    continue;
                case JsonTokenType.EndObject or JsonTokenType.EndArray:
                    frames.Pop();
                    continue;
            }

            if (frames.Count == 0)
            {
                path = Root;
            }
            else if (frames.Peek().IsArray)
            {
                var top = frames.Pop();
                path = Index(top.Path, top.Next);
                frames.Push(top with { Next = top.Next + 1 });
            }
            else
            {
                path = pending!;
            }

            if (wanted.Contains(path))
            {
                lines.TryAdd(path, LineAt(at, utf8));
            }

            if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
            {
                frames.Push((path, reader.TokenType == JsonTokenType.StartArray, 0));
            }
        }

        return lines;
    }
}
