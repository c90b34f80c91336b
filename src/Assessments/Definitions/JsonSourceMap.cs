using System.Globalization;
using System.Text.Json;

namespace Assessments.Definitions;

/// <summary>
/// A first pass over the raw bytes with <see cref="Utf8JsonReader"/>: it finds syntax errors, nesting beyond the limit and
/// duplicate property names (which <see cref="JsonDocument"/> would accept silently), and records the line and column of
/// every value so that later diagnostics can point at it.
/// </summary>
internal sealed class JsonSourceMap
{
    private readonly Dictionary<string, (int Line, int Column)> _positions = new(StringComparer.Ordinal);
    private readonly byte[] _utf8;

    // Where the last position was computed: tokens come in document order, so each position is found by counting from the
    // previous one (one pass over the file in all), never from the start of its line — a minified definition is one line
    // of megabytes, and recounting it per token was quadratic.
    private int _cursor;
    private int _line = 1;
    private int _column = 1;

    private JsonSourceMap(byte[] utf8, int start)
    {
        _utf8 = utf8;
        _cursor = start; // after a byte order mark, which no editor shows as a column
    }

    public (int Line, int Column) this[string path] =>
        _positions.TryGetValue(path, out var p) ? p : _positions.TryGetValue(JsonPath.Root, out var root) ? root : (0, 0);

    /// <summary>Where a path is; falls back to the nearest recorded ancestor (a missing property is reported at its object).</summary>
    public (int Line, int Column) Locate(string path)
    {
        var current = path;
        while (true)
        {
            if (_positions.TryGetValue(current, out var p))
            {
                return p;
            }

            var cut = Math.Max(current.LastIndexOf('.'), current.LastIndexOf('['));
            if (cut <= 0)
            {
                return this[JsonPath.Root];
            }

            current = current[..cut];
        }
    }

    /// <summary>Scans the document. Returns null when it is not well-formed JSON (the problem is in <paramref name="diagnostics"/>).</summary>
    public static JsonSourceMap? Scan(byte[] utf8, int start, int maxDepth, string source, List<InstrumentDiagnostic> diagnostics)
    {
        var map = new JsonSourceMap(utf8, start);
        var reader = new Utf8JsonReader(utf8.AsSpan(start), new JsonReaderOptions
        {
            MaxDepth = maxDepth + 2,
            CommentHandling = JsonCommentHandling.Disallow,
            AllowTrailingCommas = false,
        });
        var frames = new Stack<Frame>();
        string? pendingProperty = null;
        try
        {
            while (reader.Read())
            {
                var offset = start + (int)reader.TokenStartIndex;
                switch (reader.TokenType)
                {
                    case JsonTokenType.PropertyName:
                    {
                        var frame = frames.Peek();
                        var name = reader.GetString()!;
                        pendingProperty = JsonPath.Property(frame.Path, name);
                        map.Record(pendingProperty, offset);
                        if (!frame.Names!.Add(name))
                        {
                            var (line, column) = map.Position(offset);
                            diagnostics.Add(new InstrumentDiagnostic(source, pendingProperty, line, column, "duplicate-property",
                                $"The property '{name}' appears more than once in this object; keep one."));
                        }

                        continue;
                    }
                    case JsonTokenType.EndObject or JsonTokenType.EndArray:
                        frames.Pop();
                        continue;
                }

                var path = NextValuePath(frames, ref pendingProperty);
                if (!map._positions.ContainsKey(path))
                {
                    map.Record(path, offset);
                }

                if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
                {
                    if (frames.Count >= maxDepth)
                    {
                        var (line, column) = map.Position(offset);
                        diagnostics.Add(new InstrumentDiagnostic(source, path, line, column, "too-deep",
                            string.Create(CultureInfo.InvariantCulture,
                                $"The JSON is nested {frames.Count + 1} levels deep here, over the limit of {maxDepth}; an instrument definition needs far fewer. Check for runaway brackets.")));
                        return null;
                    }

                    frames.Push(new Frame(path, reader.TokenType == JsonTokenType.StartArray));
                }
            }
        }
        catch (JsonException ex)
        {
            var line = (int)(ex.LineNumber ?? 0) + 1;
            var column = (int)(ex.BytePositionInLine ?? 0) + 1;
            diagnostics.Add(new InstrumentDiagnostic(source, JsonPath.Root, line, column, "json-syntax",
                "The file is not valid JSON: " + StripPosition(ex.Message)));
            return null;
        }

        return map;
    }

    private static string NextValuePath(Stack<Frame> frames, ref string? pendingProperty)
    {
        if (frames.Count == 0)
        {
            return JsonPath.Root;
        }

        var frame = frames.Peek();
        if (frame.IsArray)
        {
            return JsonPath.Index(frame.Path, frame.NextIndex++);
        }

        var path = pendingProperty!;
        pendingProperty = null;
        return path;
    }

    private void Record(string path, int offset) => _positions[path] = Position(offset);

    /// <summary>
    /// The 1-based line and column (in characters: UTF-8 lead bytes) of <paramref name="offset"/>, which must not be before
    /// the previous offset asked for.
    /// </summary>
    private (int Line, int Column) Position(int offset)
    {
        var span = _utf8.AsSpan(_cursor, offset - _cursor);
        var lastNewLine = span.LastIndexOf((byte)'\n');
        if (lastNewLine >= 0)
        {
            _line += span.Count((byte)'\n');
            _column = 1;
            span = span[(lastNewLine + 1)..];
        }

        _column += CountCharacters(span);
        _cursor = offset;
        return (_line, _column);
    }

    private static int CountCharacters(ReadOnlySpan<byte> utf8)
    {
        var count = 0;
        foreach (var b in utf8)
        {
            count += (b & 0xC0) != 0x80 ? 1 : 0;
        }

        return count;
    }

    private static string StripPosition(string message)
    {
        var cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        return (cut >= 0 ? message[..cut] : message).Trim();
    }

    private sealed class Frame(string path, bool isArray)
    {
        public string Path { get; } = path;
        public bool IsArray { get; } = isArray;
        public int NextIndex { get; set; }
        public HashSet<string>? Names { get; } = isArray ? null : new HashSet<string>(StringComparer.Ordinal);
    }
}
