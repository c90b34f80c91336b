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
    private readonly int[] _lineStarts;
    private readonly byte[] _utf8;

    private JsonSourceMap(byte[] utf8)
    {
        _utf8 = utf8;
        var starts = new List<int> { 0 };
        for (var i = 0; i < utf8.Length; i++)
        {
            if (utf8[i] == (byte)'\n')
            {
                starts.Add(i + 1);
            }
        }

        _lineStarts = [.. starts];
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
        var map = new JsonSourceMap(utf8);
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
                            $"The JSON is nested more than {maxDepth} levels deep; an instrument definition needs far fewer. Check for runaway brackets."));
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

    private (int Line, int Column) Position(int offset)
    {
        var index = Array.BinarySearch(_lineStarts, offset);
        var line = index >= 0 ? index : ~index - 1;
        var column = 1;
        for (var i = _lineStarts[line]; i < offset; i++)
        {
            if ((_utf8[i] & 0xC0) != 0x80)
            {
                column++;
            }
        }

        return (line + 1, column);
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
