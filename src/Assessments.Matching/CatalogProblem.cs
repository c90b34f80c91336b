namespace Assessments.Matching;

/// <summary>A malformed row or file met while loading a catalog: which file, which line (1-based; 0 for the whole file) and why.</summary>
/// <param name="File">The file's path.</param>
/// <param name="Line">The 1-based line, or 0 when the problem concerns the whole file.</param>
/// <param name="Reason">What is wrong, in words.</param>
public sealed record CatalogProblem(string File, int Line, string Reason)
{
    /// <inheritdoc />
    public override string ToString() =>
        Line > 0 ? string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{File}({Line}): {Reason}") : $"{File}: {Reason}";
}
