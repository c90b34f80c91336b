namespace Assessments.Cli;

/// <summary>The exit codes of <c>assess</c>, as docs/cli.md documents them.</summary>
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

    /// <summary>
    /// Input or output error: an input cannot be read or does not have the expected shape (header, no data rows, nothing
    /// scored), or an output cannot be written (disk full, permission, a folder, an output that is an input). Outputs are
    /// not committed: what was at their paths is still there.
    /// </summary>
    public const int InputOutput = 4;
}
