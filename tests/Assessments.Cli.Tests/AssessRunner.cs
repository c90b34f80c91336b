using System.Globalization;

namespace Assessments.Cli.Tests;

/// <summary>Runs <c>assess</c> in-process with captured standard output and error.</summary>
internal static class AssessRunner
{
    public static CliResult Run(params string[] args)
    {
        using var stdout = new StringWriter(CultureInfo.InvariantCulture) { NewLine = "\n" };
        using var stderr = new StringWriter(CultureInfo.InvariantCulture) { NewLine = "\n" };
        var exitCode = AssessCli.Run(args, stdout, stderr);
        return new CliResult(exitCode, stdout.ToString(), stderr.ToString());
    }

    /// <summary>The lines of <paramref name="text"/> (any line ending), without the empty string after a final newline.</summary>
    public static string[] Lines(string text)
    {
        var normalized = text.ReplaceLineEndings("\n");
        if (normalized.EndsWith('\n'))
        {
            normalized = normalized[..^1];
        }

        return normalized.Length == 0 ? [] : normalized.Split('\n');
    }

    /// <summary>A text file's content with its line endings normalised to <c>\n</c>.</summary>
    public static string ReadNormalized(string path) => File.ReadAllText(path).ReplaceLineEndings("\n");
}
