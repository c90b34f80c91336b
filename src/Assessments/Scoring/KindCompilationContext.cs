using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Assessments.Definitions;

namespace Assessments.Scoring;

/// <summary>What an <see cref="IInstrumentKind"/> sees while an instrument is being loaded.</summary>
public sealed class KindCompilationContext
{
    private readonly DiagnosticBag _bag;

    internal KindCompilationContext(DiagnosticBag bag, string kind, JsonElement? section, IReadOnlyList<string> languages,
        IReadOnlyList<Item> items, IReadOnlyList<Scale> scales, IReadOnlyDictionary<string, ResponseFormat> formats)
    {
        _bag = bag;
        Section = section;
        SectionPath = JsonPath.Property(JsonPath.Root, kind);
        Languages = languages;
        Items = items;
        Scales = scales;
        ResponseFormats = formats;
    }

    /// <summary>The root property named after the kind (e.g. <c>"interests": { … }</c>), or null when the definition has none.</summary>
    public JsonElement? Section { get; }

    /// <summary>The JSON path of <see cref="Section"/>, for building the paths of diagnostics (e.g. <c>$.interests</c>).</summary>
    public string SectionPath { get; }

    /// <summary>The languages every text must carry.</summary>
    public IReadOnlyList<string> Languages { get; }

    /// <summary>The instrument's items, in definition order.</summary>
    public IReadOnlyList<Item> Items { get; }

    /// <summary>The instrument's scales, in definition order.</summary>
    public IReadOnlyList<Scale> Scales { get; }

    /// <summary>The instrument's response formats by id.</summary>
    public IReadOnlyDictionary<string, ResponseFormat> ResponseFormats { get; }

    /// <summary>Whether any problem has been reported so far (by the core or the kind).</summary>
    public bool HasErrors => _bag.Count > 0;

    /// <summary>
    /// Reads a text in every declared language (as the core reads titles and items): a missing translation or an undeclared
    /// language is reported at <paramref name="path"/>. Returns null when the text is absent or has problems.
    /// </summary>
    public LocalizedText? ReadText(IReadOnlyDictionary<string, string>? texts, string path) =>
        InstrumentLoader.ReadText(_bag, Languages, texts, path);

    /// <summary>Reports a problem at a JSON path (build it from <see cref="SectionPath"/>), with a message a person can act on.</summary>
    public void Report(string path, string message) => _bag.Add(path, "kind-settings", message);

    /// <summary>
    /// Reads the section strictly with a source-generated type: unknown properties, missing required ones and wrong types are
    /// all reported, with their paths. Returns default when the section is absent or has problems.
    /// </summary>
    public T? ReadSection<T>(JsonTypeInfo<T> typeInfo)
    {
        ArgumentNullException.ThrowIfNull(typeInfo);
        if (Section is not { } section)
        {
            return default;
        }

        var before = _bag.Count;
        StrictReader.Check(section, typeInfo, SectionPath, _bag);
        if (_bag.Count > before)
        {
            return default;
        }

        try
        {
            return section.Deserialize(typeInfo);
        }
        catch (JsonException ex)
        {
            Report(SectionPath, "The settings could not be read: " + ex.Message);
            return default;
        }
    }
}
