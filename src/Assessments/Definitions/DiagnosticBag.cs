namespace Assessments.Definitions;

/// <summary>Collects diagnostics for one document, locating each JSON path through the source map.</summary>
internal sealed class DiagnosticBag(string source, JsonSourceMap? map)
{
    private readonly List<InstrumentDiagnostic> _items = [];

    public string Source { get; } = source;

    public IReadOnlyList<InstrumentDiagnostic> Items => _items;

    public int Count => _items.Count;

    public void Add(string path, string code, string message)
    {
        var (line, column) = map?.Locate(path) ?? (0, 0);
        _items.Add(new InstrumentDiagnostic(Source, path, line, column, code, message));
    }

    public void AddRange(IEnumerable<InstrumentDiagnostic> diagnostics) => _items.AddRange(diagnostics);

    /// <summary>Warnings: what loads but deserves a look (they never stop the load).</summary>
    public List<InstrumentDiagnostic> Warnings { get; } = [];

    public void Warn(string path, string code, string message)
    {
        var (line, column) = map?.Locate(path) ?? (0, 0);
        Warnings.Add(new InstrumentDiagnostic(Source, path, line, column, code, message));
    }

    /// <summary>Diagnostics in document order (line, column, then path), so a person reads them top to bottom.</summary>
    public IReadOnlyList<InstrumentDiagnostic> Sorted() =>
        [.. _items.OrderBy(d => d.Line).ThenBy(d => d.Column).ThenBy(d => d.Path, StringComparer.Ordinal)];
}
