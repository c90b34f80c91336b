using System.Text;
using System.Text.Json;

namespace Assessments.Testing;

/// <summary>
/// Generates big Likert definitions for load-time tests and benchmarks: n items on one 1–5 format with English and French
/// texts (the French ones with accents, so columns count characters, not bytes), ten scales over them (every third item
/// reverse-keyed), minified on one line or indented. Deterministic: the same arguments give the same bytes.
/// </summary>
internal static class LargeInstrument
{
    /// <summary>The definition as UTF-8 bytes.</summary>
    /// <param name="items">How many items (the loader accepts up to 10,000).</param>
    /// <param name="minified">One line, no white space (true), or indented.</param>
    /// <param name="targetBytes">When positive, the item texts are padded so the file comes as close to this size as whole characters allow, never over it.</param>
    public static byte[] Build(int items, bool minified = true, int targetBytes = 0)
    {
        var bytes = Write(items, minified, 0);
        if (targetBytes <= 0)
        {
            return bytes;
        }

        // Each pad character is one byte and appears in two texts per item.
        var pad = Math.Max(0, (targetBytes - bytes.Length) / (2 * items));
        bytes = Write(items, minified, pad);
        return bytes.Length <= targetBytes ? bytes : throw new InvalidOperationException($"The generated file has {bytes.Length} bytes, over {targetBytes}.");
    }

    private static byte[] Write(int items, bool minified, int pad)
    {
        var padding = new string('x', pad);
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = !minified, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            w.WriteStartObject();
            w.WriteString("id", "large");
            w.WriteString("version", "1.0.0");
            w.WriteString("kind", "likert");
            w.WriteStartArray("languages");
            w.WriteStringValue("en");
            w.WriteStringValue("fr");
            w.WriteEndArray();
            w.WriteStartObject("title");
            w.WriteString("en", "Large");
            w.WriteString("fr", "Très grand");
            w.WriteEndObject();
            w.WriteStartObject("responseFormats");
            w.WriteStartObject("agree5");
            w.WriteNumber("min", 1);
            w.WriteNumber("max", 5);
            w.WriteEndObject();
            w.WriteEndObject();
            w.WriteStartArray("items");
            for (var i = 0; i < items; i++)
            {
                w.WriteStartObject();
                w.WriteString("id", Id(i));
                w.WriteString("format", "agree5");
                w.WriteStartObject("text");
                w.WriteString("en", $"Statement number {i}{padding}");
                w.WriteString("fr", $"Énoncé numéro {i}, déjà écrit{padding}");
                w.WriteEndObject();
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteStartArray("scales");
            for (var s = 0; s < 10; s++)
            {
                w.WriteStartObject();
                w.WriteString("id", "s" + s.ToString(System.Globalization.CultureInfo.InvariantCulture));
                w.WriteStartArray("items");
                for (var i = s; i < items; i += 10)
                {
                    w.WriteStringValue(i % 3 == 2 ? "-" + Id(i) : Id(i));
                }

                w.WriteEndArray();
                w.WriteNumber("minAnswered", 0.5);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        return stream.ToArray();
    }

    /// <summary>The id of item <paramref name="index"/>: Q00001, Q00002, …</summary>
    public static string Id(int index) => "Q" + (index + 1).ToString("D5", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The definition as text.</summary>
    public static string Text(int items, bool minified = true, int targetBytes = 0) => Encoding.UTF8.GetString(Build(items, minified, targetBytes));
}
