namespace Assessments.Cli;

/// <summary>The exit codes of <c>assess</c>, as the README documents them.</summary>
internal static class ExitCodes
{
    /// <summary>Everything worked: every row scored, every instrument valid.</summary>
    public const int Success = 0;

    /// <summary>The run finished but some rows were rejected (see the rejects file).</summary>
    public const int SomeRejected = 1;

    /// <summary>The command line is wrong (unknown command or option, missing value).</summary>
    public const int Usage = 2;

    /// <summary>An instrument definition is invalid.</summary>
    public const int InvalidInstrument = 3;

    /// <summary>An input file cannot be read or does not have the expected shape (header).</summary>
    public const int UnreadableInput = 4;
}
