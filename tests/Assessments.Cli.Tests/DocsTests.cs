using System.Collections.Immutable;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Assessments.Cli.Tests;

/// <summary>
/// The documentation as a reader uses it: every C# block of the README, of <c>docs/</c> and of each package's README
/// compiles as pasted into a console app (top-level statements, the SDK's implicit usings, its own <c>using</c>s) that
/// references the four libraries; every "docs/methods.md §N" cited in the sources is a section of that page; and the
/// CLI synopsis and help in docs/cli.md are the ones the tool generates.
/// </summary>
public sealed partial class DocsTests
{
    /// <summary>What <c>dotnet new console</c> gives a project (ImplicitUsings enable).</summary>
    private const string ImplicitUsings = """
        global using System;
        global using System.Collections.Generic;
        global using System.IO;
        global using System.Linq;
        global using System.Net.Http;
        global using System.Threading;
        global using System.Threading.Tasks;
        """;

    private static readonly Lazy<ImmutableArray<MetadataReference>> References = new(() =>
    {
        var platform = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator);
        var ours = new[] { "Assessments", "Assessments.Matching", "Assessments.Reports", "Assessments.Data" }
            .Select(n => Path.Combine(AppContext.BaseDirectory, n + ".dll"));
        return [.. platform.Concat(ours).Where(File.Exists).Distinct().Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))];
    });

    public static TheoryData<string> Pages()
    {
        var data = new TheoryData<string>();
        var root = TestPaths.RepoRoot;
        foreach (var page in new[] { Path.Combine(root, "README.md") }
            .Concat(Directory.GetFiles(Path.Combine(root, "docs"), "*.md").Order(StringComparer.Ordinal))
            .Concat(Directory.GetDirectories(Path.Combine(root, "src")).Select(d => Path.Combine(d, "README.md")).Where(File.Exists).Order(StringComparer.Ordinal)))
        {
            data.Add(Path.GetRelativePath(root, page));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public void Every_csharp_block_compiles_as_pasted(string page)
    {
        var text = File.ReadAllText(Path.Combine(TestPaths.RepoRoot, page)).ReplaceLineEndings("\n");
        var problems = new List<string>();
        foreach (Match block in CsharpBlock().Matches(text))
        {
            var line = text[..block.Index].Count(c => c == '\n') + 2;
            var tree = CSharpSyntaxTree.ParseText(block.Groups[1].Value, path: $"{page}:{line}");
            // A block of statements is a console app's top level; a block of types alone (an interface to implement) a library.
            var kind = tree.GetRoot().DescendantNodes().OfType<Microsoft.CodeAnalysis.CSharp.Syntax.GlobalStatementSyntax>().Any()
                ? OutputKind.ConsoleApplication
                : OutputKind.DynamicallyLinkedLibrary;
            var compilation = CSharpCompilation.Create("Snippet", [CSharpSyntaxTree.ParseText(ImplicitUsings, path: "implicit.cs"), tree], References.Value,
                new CSharpCompilationOptions(kind, nullableContextOptions: NullableContextOptions.Enable));
            foreach (var error in compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error))
            {
                problems.Add($"{page}, block at line {line}: {error}");
            }
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public void The_pages_have_csharp_blocks_to_check()
    {
        // The extraction finds the blocks (README's example, the docs' and the packages' first examples).
        var count = 0;
        foreach (var row in Pages())
        {
            count += CsharpBlock().Count(File.ReadAllText(Path.Combine(TestPaths.RepoRoot, row)).ReplaceLineEndings("\n"));
        }

        Assert.True(count >= 15, $"only {count} C# blocks found");
    }

    [Fact]
    public void Every_methods_section_the_sources_cite_exists()
    {
        var methods = File.ReadAllText(Path.Combine(TestPaths.RepoRoot, "docs", "methods.md"));
        var sections = SectionHeading().Matches(methods).Select(m => m.Groups[1].Value).ToHashSet(StringComparer.Ordinal);
        var missing = new List<string>();
        foreach (var file in Directory.GetFiles(Path.Combine(TestPaths.RepoRoot, "src"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)))
        {
            foreach (Match cite in Citation().Matches(File.ReadAllText(file)))
            {
                foreach (Match section in SectionNumber().Matches(cite.Groups[1].Value))
                {
                    if (!sections.Contains(section.Groups[1].Value))
                    {
                        missing.Add($"{Path.GetRelativePath(TestPaths.RepoRoot, file)}: §{section.Groups[1].Value}");
                    }
                }
            }
        }

        Assert.True(sections.Count > 40);
        Assert.Empty(missing);
    }

    [Fact]
    public void The_cli_reference_is_the_generated_help()
    {
        // docs/cli.md holds two generated blocks: the synopsis (one entry per command, built from the same option
        // definitions that parse the command line) and each command's --help output as the tool prints it. Both must be
        // what the tool generates today; ASSESSMENTS_ACCEPT_API=1 rewrites them after a reviewed change.
        var path = Path.Combine(TestPaths.RepoRoot, "docs", "cli.md");
        var docs = File.ReadAllText(path).ReplaceLineEndings("\n");
        var expected = Replace(Replace(docs, "synopsis", "```sh\n" + Synopsis() + "```\n"), "help", Help());
        if (expected == docs)
        {
            return;
        }

        if (Environment.GetEnvironmentVariable("ASSESSMENTS_ACCEPT_API") == "1")
        {
            File.WriteAllText(path, expected);
        }

        var added = expected.Split('\n').Except(docs.Split('\n')).Take(20);
        var removed = docs.Split('\n').Except(expected.Split('\n')).Take(20);
        Assert.Fail($"docs/cli.md differs from the tool's generated help. Run the tests once with ASSESSMENTS_ACCEPT_API=1 to rewrite it.\nExpected:\n{string.Join("\n", added)}\nIn the docs:\n{string.Join("\n", removed)}");
    }

    /// <summary>The text between <c>&lt;!-- generated: NAME --&gt;</c> and <c>&lt;!-- end generated: NAME --&gt;</c> replaced.</summary>
    private static string Replace(string docs, string name, string content)
    {
        var begin = $"<!-- generated: {name} -->\n";
        var end = $"<!-- end generated: {name} -->";
        var start = docs.IndexOf(begin, StringComparison.Ordinal);
        var stop = docs.IndexOf(end, StringComparison.Ordinal);
        Assert.True(start >= 0 && stop > start, $"docs/cli.md lacks the markers of the generated {name}");
        return docs[..(start + begin.Length)] + content + docs[stop..];
    }

    /// <summary>
    /// One entry per command: its arguments, then its options in declaration order, required ones bare and the others in
    /// brackets, each with its value's shape, wrapped at 118 columns under the command's name.
    /// </summary>
    internal static string Synopsis()
    {
        var root = AssessCli.CreateRoot(TextWriter.Null, TextWriter.Null);
        var text = new StringBuilder();
        var global = root.Options.Where(o => o.Recursive && o.Name != "--help").Select(o => $"[{o.Name}]");
        text.Append("assess ").Append(string.Join(" ", global)).Append(" COMMAND [options]\n");
        text.Append("assess --help | --version\n");
        foreach (var command in root.Subcommands)
        {
            var parts = command.Arguments.Select(a => a.Arity.MaximumNumberOfValues > 1 ? a.Name + "..." : a.Name)
                .Concat(command.Options.Where(o => !o.Recursive && o.Name != "--help")
                    .Select(o => o.Required ? $"{o.Name} {o.HelpName}" : $"[{o.Name}{(o.ValueType == typeof(bool) ? "" : " " + o.HelpName)}]"));
            var prefix = "assess " + command.Name;
            var line = new StringBuilder(prefix);
            foreach (var part in parts)
            {
                if (line.Length + 1 + part.Length > 118)
                {
                    text.Append(line).Append('\n');
                    line.Clear().Append(' ', prefix.Length);
                }

                line.Append(' ').Append(part);
            }

            text.Append(line).Append('\n');
        }

        return text.ToString();
    }

    /// <summary>
    /// <c>assess --help</c> and each command's <c>--help</c>, as the tool prints them, each in its own block. In-process the
    /// root command takes the test host's name, so the usage lines say <c>testhost</c> where the installed tool says
    /// <c>assess</c>: that one word is put back.
    /// </summary>
    private static string Help()
    {
        var text = new StringBuilder();
        var commands = AssessCli.CreateRoot(TextWriter.Null, TextWriter.Null).Subcommands.Select(c => c.Name);
        foreach (var args in commands.Select(c => new[] { c, "--help" }).Prepend(["--help"]))
        {
            var result = AssessRunner.Run(args);
            Assert.Equal(0, result.ExitCode);
            text.Append("\n### `assess ").Append(string.Join(" ", args)).Append("`\n\n```text\n")
                .Append(string.Join("\n", result.Stdout.ReplaceLineEndings("\n").TrimEnd('\n').Split('\n')
                    .Select(l => (l.StartsWith("  testhost", StringComparison.Ordinal) ? "  assess" + l["  testhost".Length..] : l).TrimEnd())))
                .Append("\n```\n");
        }

        return text.Append('\n').ToString();
    }

    [GeneratedRegex(@"```csharp\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex CsharpBlock();

    [GeneratedRegex(@"^#{2,3} (\d+(?:\.\d+)?)[ .]", RegexOptions.Multiline)]
    private static partial Regex SectionHeading();

    [GeneratedRegex(@"docs/methods\.md((?:[ ,;and]*§\d+(?:\.\d+)?)+)")]
    private static partial Regex Citation();

    [GeneratedRegex(@"§(\d+(?:\.\d+)?)")]
    private static partial Regex SectionNumber();
}
