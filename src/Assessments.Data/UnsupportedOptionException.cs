namespace Assessments.Data;

/// <summary>
/// An option the run cannot honour, refused instead of ignored: the fast reader asked for where it cannot serve, matching for
/// an instrument without RIASEC scales, an option the instrument kind's input does not have. The <c>assess</c> command ends
/// with exit code 2 (a usage error) on it.
/// </summary>
public sealed class UnsupportedOptionException : Exception
{
    /// <summary>Creates the exception with its message.</summary>
    public UnsupportedOptionException(string message) : base(message) { }

    /// <summary>Creates the exception with a default message.</summary>
    public UnsupportedOptionException() { }

    /// <summary>Creates the exception with its message and cause.</summary>
    public UnsupportedOptionException(string message, Exception innerException) : base(message, innerException) { }
}
