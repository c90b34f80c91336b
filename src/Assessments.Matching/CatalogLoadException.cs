namespace Assessments.Matching;

/// <summary>Thrown when a catalog cannot be loaded; <see cref="Problems"/> lists every malformed row found (up to 100).</summary>
public sealed class CatalogLoadException : Exception
{
    /// <summary>Creates the exception from the problems found.</summary>
    public CatalogLoadException(IReadOnlyList<CatalogProblem> problems)
        : base("The occupation catalog cannot be loaded:" + Environment.NewLine + string.Join(Environment.NewLine, problems.Select(p => "  " + p))) =>
        Problems = problems;

    /// <summary>Creates the exception.</summary>
    public CatalogLoadException() : this([]) { }

    /// <summary>Creates the exception with a message.</summary>
    public CatalogLoadException(string message) : base(message) => Problems = [];

    /// <summary>Creates the exception with a message and its cause.</summary>
    public CatalogLoadException(string message, Exception innerException) : base(message, innerException) => Problems = [];

    /// <summary>The problems, in file and line order.</summary>
    public IReadOnlyList<CatalogProblem> Problems { get; }
}
