using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Assessments.Definitions;

/// <summary>
/// The canonical form of a definition, after RFC 8785 (JCS): no insignificant white space, object members sorted by
/// their UTF-16 code units, strings with only the escapes JSON requires, numbers in the shortest form that round-trips
/// (integers without exponent). The <c>$schema</c> editor hint is left out. Two files that differ only in formatting, member
/// order or number spelling (1.0 vs 1) have the same fingerprint.
/// </summary>
internal static class CanonicalJson
{
    public static string Fingerprint(JsonElement root)
    {
        var builder = new StringBuilder();
        Write(root, builder, isRoot: true);
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(builder.ToString()));
        return Convert.ToHexStringLower(hash);
    }

    public static string Canonicalize(JsonElement root)
    {
        var builder = new StringBuilder();
        Write(root, builder, isRoot: true);
        return builder.ToString();
    }

    private static void Write(JsonElement element, StringBuilder builder, bool isRoot = false)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                builder.Append('{');
                var first = true;
                foreach (var property in element.EnumerateObject()
                             .Where(p => !(isRoot && p.NameEquals("$schema")))
                             .OrderBy(p => p.Name, StringComparer.Ordinal))
                {
                    if (!first)
                    {
                        builder.Append(',');
                    }

                    first = false;
                    WriteString(property.Name, builder);
                    builder.Append(':');
                    Write(property.Value, builder);
                }

                builder.Append('}');
                break;
            case JsonValueKind.Array:
                builder.Append('[');
                var i = 0;
                foreach (var child in element.EnumerateArray())
                {
                    if (i++ > 0)
                    {
                        builder.Append(',');
                    }

                    Write(child, builder);
                }

                builder.Append(']');
                break;
            case JsonValueKind.String:
                WriteString(element.GetString()!, builder);
                break;
            case JsonValueKind.Number:
                WriteNumber(element, builder);
                break;
            case JsonValueKind.True:
                builder.Append("true");
                break;
            case JsonValueKind.False:
                builder.Append("false");
                break;
            default:
                builder.Append("null");
                break;
        }
    }

    private static void WriteNumber(JsonElement element, StringBuilder builder)
    {
        if (!element.TryGetDouble(out var value) || !double.IsFinite(value))
        {
            builder.Append(element.GetRawText());
            return;
        }

        if (value == Math.Floor(value) && Math.Abs(value) < 1e21)
        {
            builder.Append(value == 0 ? "0" : value.ToString("F0", CultureInfo.InvariantCulture));
            return;
        }

        builder.Append(value.ToString("R", CultureInfo.InvariantCulture).Replace("E", "e", StringComparison.Ordinal));
    }

    private static void WriteString(string value, StringBuilder builder)
    {
        builder.Append('"');
        foreach (var c in value)
        {
            switch (c)
            {
                case '"': builder.Append("\\\""); break;
                case '\\': builder.Append("\\\\"); break;
                case '\b': builder.Append("\\b"); break;
                case '\f': builder.Append("\\f"); break;
                case '\n': builder.Append("\\n"); break;
                case '\r': builder.Append("\\r"); break;
                case '\t': builder.Append("\\t"); break;
                default:
                    if (c < 0x20)
                    {
                        builder.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        builder.Append(c);
                    }

                    break;
            }
        }

        builder.Append('"');
    }
}
