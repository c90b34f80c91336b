namespace Assessments.Data;

/// <summary>
/// An input file that cannot be read or has the wrong shape (no data row, no item column, a mapping file's bad line, a record
/// beyond the limits…). The message names the file, and the line, column or JSON path where there is one; it never quotes a
/// person's answers. The <c>assess</c> command ends with exit code 4 on it.
/// </summary>
public sealed class InputFileException : Exception
{
    /// <summary>Creates the exception with its message.</summary>
    public InputFileException(string message) : base(message) { }

    /// <summary>Creates the exception with a default message.</summary>
    public InputFileException() { }

    /// <summary>Creates the exception with its message and cause.</summary>
    public InputFileException(string message, Exception innerException) : base(message, innerException) { }
}
