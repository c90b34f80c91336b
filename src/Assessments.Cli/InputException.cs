namespace Assessments.Cli;

/// <summary>An input file that cannot be read or has the wrong shape: exit code 4.</summary>
internal sealed class InputException : Exception
{
    public InputException(string message) : base(message) { }

    public InputException() { }

    public InputException(string message, Exception innerException) : base(message, innerException) { }
}
