using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Assessments.Definitions;

/// <summary>
/// Checks a JSON value against the shape a source-generated <see cref="JsonTypeInfo"/> describes, reporting every
/// mismatch (unknown or missing property, wrong type, number out of range) instead of stopping at the first as the
/// serializer would. The metadata comes from the same context that then deserializes, so the two cannot drift apart.
/// </summary>
internal static class StrictReader
{
    public static void Check(JsonElement element, JsonTypeInfo typeInfo, string path, DiagnosticBag bag, string? allowedExtraProperty = null)
    {
        var type = typeInfo.Type;
        if (type == typeof(JsonElement))
        {
            return;
        }

        if (element.ValueKind == JsonValueKind.Null)
        {
            bag.Add(path, "null-value", $"null is not allowed here; expected {Describe(typeInfo)}. Leave an optional property out instead.");
            return;
        }

        var underlying = Nullable.GetUnderlyingType(type) ?? type;
        if (underlying == typeof(string))
        {
            Expect(element, JsonValueKind.String, typeInfo, path, bag);
        }
        else if (underlying == typeof(bool))
        {
            if (element.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
            {
                WrongKind(element, typeInfo, path, bag);
            }
        }
        else if (underlying == typeof(int))
        {
            if (Expect(element, JsonValueKind.Number, typeInfo, path, bag) && !element.TryGetInt32(out _))
            {
                bag.Add(path, "number-range", $"Expected a whole number between {int.MinValue} and {int.MaxValue}, found {element.GetRawText()}.");
            }
        }
        else if (underlying == typeof(double))
        {
            if (Expect(element, JsonValueKind.Number, typeInfo, path, bag) && (!element.TryGetDouble(out var d) || !double.IsFinite(d)))
            {
                bag.Add(path, "number-range", $"The number {element.GetRawText()} is too large to represent.");
            }
        }
        else if (typeInfo.Kind == JsonTypeInfoKind.Enumerable)
        {
            if (Expect(element, JsonValueKind.Array, typeInfo, path, bag))
            {
                var elementInfo = typeInfo.Options.GetTypeInfo(typeInfo.ElementType!);
                var i = 0;
                foreach (var child in element.EnumerateArray())
                {
                    Check(child, elementInfo, JsonPath.Index(path, i++), bag);
                }
            }
        }
        else if (typeInfo.Kind == JsonTypeInfoKind.Dictionary)
        {
            if (Expect(element, JsonValueKind.Object, typeInfo, path, bag))
            {
                var valueInfo = typeInfo.Options.GetTypeInfo(typeInfo.ElementType!);
                foreach (var property in element.EnumerateObject())
                {
                    Check(property.Value, valueInfo, JsonPath.Property(path, property.Name), bag);
                }
            }
        }
        else if (typeInfo.Kind == JsonTypeInfoKind.Object)
        {
            if (Expect(element, JsonValueKind.Object, typeInfo, path, bag))
            {
                CheckObject(element, typeInfo, path, bag, allowedExtraProperty);
            }
        }
    }

    /// <summary>
    /// Whether the diagnostics added since <paramref name="before"/> include more than unknown properties: a null, a wrong
    /// type, a missing required property or a number out of range, after which the value cannot be deserialized into a
    /// model the later checks can trust.
    /// </summary>
    public static bool HasShapeErrors(DiagnosticBag bag, int before)
    {
        for (var i = before; i < bag.Count; i++)
        {
            if (bag.Items[i].Code != "unknown-property")
            {
                return true;
            }
        }

        return false;
    }

    private static void CheckObject(JsonElement element, JsonTypeInfo typeInfo, string path, DiagnosticBag bag, string? allowedExtraProperty)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var property in element.EnumerateObject())
        {
            var propertyPath = JsonPath.Property(path, property.Name);
            var info = typeInfo.Properties.FirstOrDefault(p => string.Equals(p.Name, property.Name, StringComparison.Ordinal));
            if (info is null)
            {
                if (!string.Equals(property.Name, allowedExtraProperty, StringComparison.Ordinal))
                {
                    bag.Add(propertyPath, "unknown-property",
                        $"Unknown property '{property.Name}'. Allowed here: {string.Join(", ", typeInfo.Properties.Select(p => p.Name))}.");
                }

                continue;
            }

            seen.Add(info.Name);
            Check(property.Value, typeInfo.Options.GetTypeInfo(info.PropertyType), propertyPath, bag);
        }

        foreach (var info in typeInfo.Properties)
        {
            if (info.IsRequired && !seen.Contains(info.Name))
            {
                bag.Add(path, "missing-property", $"The required property '{info.Name}' is missing.");
            }
        }
    }

    private static bool Expect(JsonElement element, JsonValueKind kind, JsonTypeInfo typeInfo, string path, DiagnosticBag bag)
    {
        if (element.ValueKind == kind)
        {
            return true;
        }

        WrongKind(element, typeInfo, path, bag);
        return false;
    }

    private static void WrongKind(JsonElement element, JsonTypeInfo typeInfo, string path, DiagnosticBag bag) =>
        bag.Add(path, "wrong-type", $"Expected {Describe(typeInfo)} here, found {Describe(element.ValueKind)}.");

    private static string Describe(JsonTypeInfo typeInfo)
    {
        var type = Nullable.GetUnderlyingType(typeInfo.Type) ?? typeInfo.Type;
        if (type == typeof(string))
        {
            return "a string";
        }

        if (type == typeof(int))
        {
            return "a whole number";
        }

        if (type == typeof(double))
        {
            return "a number";
        }

        if (type == typeof(bool))
        {
            return "true or false";
        }

        return typeInfo.Kind switch
        {
            JsonTypeInfoKind.Enumerable => "an array",
            JsonTypeInfoKind.Dictionary or JsonTypeInfoKind.Object => "an object",
            _ => "a value",
        };
    }

    /// <summary>A JSON value's type in words, as messages say what they found ("a number", "null").</summary>
    internal static string Describe(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "true/false",
        JsonValueKind.Null => "null",
        _ => "nothing",
    };
}
