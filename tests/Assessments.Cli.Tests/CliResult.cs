namespace Assessments.Cli.Tests;

/// <summary>What one run of <c>assess</c> did.</summary>
internal sealed record CliResult(int ExitCode, string Stdout, string Stderr)
{
    public string[] StdoutLines => AssessRunner.Lines(Stdout);

    public string[] StderrLines => AssessRunner.Lines(Stderr);
}
