using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Assessments.Matching.Internals;

/// <summary>
/// Checks a JSON catalog against the shape its source-generated <see cref="JsonTypeInfo"/> describes and lists every
/// mismatch with its JSON path — a null where a value is needed, a wrong type, an unknown or missing property, a number out
/// of range — so the serializer never meets them (it would stop at the first, or let a null through into a list or a
/// dictionary). A property declared nullable may be null; list elements and dictionary values may not.
/// </summary>
internal static class JsonShape
{
    public static void Check(JsonElement element, JsonTypeInfo typeInfo, string path, List<(string Path, string Message)> problems, int max)
    {
        if (problems.Count >= max)
        {
            return;
        }

        var type = Nullable.GetUnderlyingType(typeInfo.Type) ?? typeInfo.Type;
        if (element.ValueKind == JsonValueKind.Null)
        {
            problems.Add((path, $"null is not allowed here; expected {Describe(typeInfo)}."));
            return;
        }

        if (type == typeof(string))
        {
            Expect(element, JsonValueKind.String, typeInfo, path, problems);
        }
        else if (type == typeof(int))
        {
            if (Expect(element, JsonValueKind.Number, typeInfo, path, problems) && !element.TryGetInt32(out _))
            {
                problems.Add((path, string.Create(CultureInfo.InvariantCulture, $"Expected a whole number between {int.MinValue} and {int.MaxValue}, found {element.GetRawText()}.")));
            }
        }
        else if (type == typeof(double))
        {
            if (Expect(element, JsonValueKind.Number, typeInfo, path, problems) && (!element.TryGetDouble(out var d) || !double.IsFinite(d)))
            {
                problems.Add((path, $"The number {element.GetRawText()} is too large to represent."));
            }
        }
        else if (typeInfo.Kind == JsonTypeInfoKind.Enumerable)
        {
            if (Expect(element, JsonValueKind.Array, typeInfo, path, problems))
            {
                var elementInfo = typeInfo.Options.GetTypeInfo(typeInfo.ElementType!);
                var i = 0;
                foreach (var child in element.EnumerateArray())
                {
                    Check(child, elementInfo, JsonPathText.Index(path, i++), problems, max);
                }
            }
        }
        else if (typeInfo.Kind == JsonTypeInfoKind.Dictionary)
        {
            if (Expect(element, JsonValueKind.Object, typeInfo, path, problems))
            {
                var valueInfo = typeInfo.Options.GetTypeInfo(typeInfo.ElementType!);
                foreach (var property in element.EnumerateObject())
                {
                    Check(property.Value, valueInfo, JsonPathText.Property(path, property.Name), problems, max);
                }
            }
        }
        else if (typeInfo.Kind == JsonTypeInfoKind.Object && Expect(element, JsonValueKind.Object, typeInfo, path, problems))
        {
            CheckObject(element, typeInfo, path, problems, max);
        }
    }

    private static void CheckObject(JsonElement element, JsonTypeInfo typeInfo, string path, List<(string Path, string Message)> problems, int max)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var property in element.EnumerateObject())
        {
            var propertyPath = JsonPathText.Property(path, property.Name);
            var info = typeInfo.Properties.FirstOrDefault(p => string.Equals(p.Name, property.Name, StringComparison.Ordinal));
            if (info is null)
            {
                problems.Add((propertyPath, $"Unknown property '{property.Name}'. Allowed here: {string.Join(", ", typeInfo.Properties.Select(p => p.Name))}."));
                continue;
            }

            seen.Add(info.Name);
            if (property.Value.ValueKind != JsonValueKind.Null || !info.IsSetNullable)
            {
                Check(property.Value, typeInfo.Options.GetTypeInfo(info.PropertyType), propertyPath, problems, max);
            }
        }

        foreach (var info in typeInfo.Properties.Where(p => p.IsRequired && !seen.Contains(p.Name)))
        {
            problems.Add((path, $"The required property '{info.Name}' is missing."));
        }
    }

    private static bool Expect(JsonElement element, JsonValueKind kind, JsonTypeInfo typeInfo, string path, List<(string Path, string Message)> problems)
    {
        if (element.ValueKind == kind)
        {
            return true;
        }

        problems.Add((path, $"Expected {Describe(typeInfo)} here, found {Describe(element.ValueKind)}."));
        return false;
    }

    private static string Describe(JsonTypeInfo typeInfo)
    {
        var type = Nullable.GetUnderlyingType(typeInfo.Type) ?? typeInfo.Type;
        return type == typeof(string) ? "a string"
            : type == typeof(int) ? "a whole number"
            : type == typeof(double) ? "a number"
            : typeInfo.Kind == JsonTypeInfoKind.Enumerable ? "an array"
            : "an object";
    }

    private static string Describe(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "true/false",
        _ => "null",
    };
}
