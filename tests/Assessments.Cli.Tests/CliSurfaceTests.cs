using System.CommandLine;
using System.Globalization;
using System.Reflection;
using System.Text;

namespace Assessments.Cli.Tests;

/// <summary>
/// The command line's surface — every command, argument and option with its value's shape, whether it is required and its
/// default, and every exit code — as text approved in <c>CliSurface/assess.txt</c>, so that a change to it is deliberate
/// and shows in the diff. Set <c>ASSESSMENTS_ACCEPT_API=1</c> to rewrite the file after reviewing a change.
/// </summary>
public sealed class CliSurfaceTests
{
    [Fact]
    public void TheCommandsOptionsAndExitCodesAreTheApprovedOnes()
    {
        var actual = Describe();
        var path = Path.Combine(TestPaths.RepoRoot, "tests", "Assessments.Cli.Tests", "CliSurface", "assess.txt");
        var approved = File.Exists(path) ? File.ReadAllText(path).ReplaceLineEndings("\n") : "";
        if (actual == approved)
        {
            return;
        }

        if (Environment.GetEnvironmentVariable("ASSESSMENTS_ACCEPT_API") == "1")
        {
            File.WriteAllText(path, actual);
        }

        var added = actual.Split('\n').Except(approved.Split('\n')).Take(30);
        var removed = approved.Split('\n').Except(actual.Split('\n')).Take(30);
        Assert.Fail($"The command line of assess changed. Review it, then run the tests once with ASSESSMENTS_ACCEPT_API=1 to write {path}.\nAdded:\n{string.Join("\n", added)}\nRemoved:\n{string.Join("\n", removed)}");
    }

    [Fact]
    public void EveryCommandHasHelpFromItsDefinitions()
    {
        foreach (var command in AssessCli.CreateRoot(TextWriter.Null, TextWriter.Null).Subcommands)
        {
            var result = AssessRunner.Run(command.Name, "--help");
            Assert.Equal(0, result.ExitCode);
            Assert.Equal("", result.Stderr);
            Assert.Contains(command.Description!, result.Stdout, StringComparison.Ordinal);
            Assert.All(command.Options, o => Assert.Contains(o.Name, result.Stdout, StringComparison.Ordinal));
        }
    }

    private static string Describe()
    {
        var text = new StringBuilder();
        var root = AssessCli.CreateRoot(TextWriter.Null, TextWriter.Null);
        foreach (var option in root.Options.Where(o => !o.Name.StartsWith("-?", StringComparison.Ordinal)))
        {
            text.Append("assess ").Append(Option(option)).Append('\n');
        }

        foreach (var command in root.Subcommands)
        {
            text.Append("assess ").Append(command.Name).Append('\n');
            foreach (var argument in command.Arguments)
            {
                text.Append(CultureInfo.InvariantCulture, $"  <{argument.Name}> {argument.ValueType.Name} {argument.Arity.MinimumNumberOfValues}..{(argument.Arity.MaximumNumberOfValues > 1000 ? "n" : argument.Arity.MaximumNumberOfValues.ToString(CultureInfo.InvariantCulture))}\n");
            }

            foreach (var option in command.Options.Where(o => o.Name is not ("--help" or "--allow-formulas")))
            {
                text.Append("  ").Append(Option(option)).Append('\n');
            }
        }

        foreach (var field in typeof(ExitCodes).GetFields(BindingFlags.Public | BindingFlags.Static).OrderBy(f => (int)f.GetValue(null)!))
        {
            text.Append(CultureInfo.InvariantCulture, $"exit {(int)field.GetValue(null)!} {field.Name}\n");
        }

        return text.ToString();
    }

    private static string Option(Option option)
    {
        var line = new StringBuilder(option.Name);
        foreach (var alias in option.Aliases.Order(StringComparer.Ordinal))
        {
            line.Append('|').Append(alias);
        }

        line.Append(' ').Append(option.HelpName ?? option.ValueType.Name);
        if (option.Required)
        {
            line.Append(" required");
        }

        if (option.HasDefaultValue && option.GetDefaultValue() is { } value)
        {
            line.Append(" = ").Append(Convert.ToString(value, CultureInfo.InvariantCulture));
        }

        return line.ToString();
    }
}
