namespace Assessments.Definitions;

/// <summary>
/// Thrown by <see cref="Instrument.Load(string, InstrumentLoadOptions?)"/> and its overloads when a definition has one or more
/// problems. <see cref="Diagnostics"/> holds every problem found, not only the first.
/// </summary>
public sealed class InstrumentLoadException : Exception
{
    /// <summary>Creates the exception from the problems found.</summary>
    public InstrumentLoadException(IReadOnlyList<InstrumentDiagnostic> diagnostics)
        : base(BuildMessage(diagnostics)) => Diagnostics = diagnostics;

    /// <summary>Creates an exception with one message (for serializers and tooling).</summary>
    public InstrumentLoadException() : this([]) { }

    /// <summary>Creates an exception with one message.</summary>
    public InstrumentLoadException(string message) : base(message) => Diagnostics = [];

    /// <summary>Creates an exception with one message and its cause.</summary>
    public InstrumentLoadException(string message, Exception innerException) : base(message, innerException) => Diagnostics = [];

    /// <summary>Every problem found in the definition, in document order.</summary>
    public IReadOnlyList<InstrumentDiagnostic> Diagnostics { get; }

    private static string BuildMessage(IReadOnlyList<InstrumentDiagnostic> diagnostics) =>
        diagnostics.Count == 0
            ? "The instrument definition is invalid."
            : $"The instrument definition has {diagnostics.Count} problem(s):{Environment.NewLine}"
              + string.Join(Environment.NewLine, diagnostics.Select(d => "  " + d));
}
