using System.Collections.Immutable;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Assessments.Cli.Tests;

/// <summary>
/// The documentation as a reader uses it: every C# block of the README, of <c>docs/</c> and of each package's README
/// compiles as pasted into a console app (top-level statements, the SDK's implicit usings, its own <c>using</c>s) that
/// references the four libraries; every "docs/methods.md §N" cited in the sources is a section of that page; and the
/// CLI synopsis in docs/cli.md names only commands and options the tool has.
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
    public void The_cli_synopsis_names_only_real_commands_and_options()
    {
        // Each synopsis line of docs/cli.md: its command exists, and each --option it names is one of that command's
        // (or a global one), as the approved surface lists them (the surface itself is generated from the tool's parser).
        var surface = File.ReadAllLines(Path.Combine(TestPaths.RepoRoot, "tests", "Assessments.Cli.Tests", "CliSurface", "assess.txt"));
        var options = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        var global = surface.Where(l => l.StartsWith("assess --", StringComparison.Ordinal)).Select(l => l.Split(' ')[1]).ToHashSet(StringComparer.Ordinal);
        string? command = null;
        foreach (var line in surface)
        {
            if (SurfaceCommand().Match(line) is { Success: true } c)
            {
                command = c.Groups[1].Value;
                options[command] = [];
            }
            else if (command is not null && SurfaceOption().Match(line) is { Success: true } o)
            {
                options[command].Add(o.Groups[1].Value);
            }
        }

        Assert.Contains("score", options.Keys);
        var cli = File.ReadAllText(Path.Combine(TestPaths.RepoRoot, "docs", "cli.md")).ReplaceLineEndings("\n");
        var synopsis = cli[(cli.IndexOf("```", StringComparison.Ordinal) + 3)..];
        synopsis = synopsis[..synopsis.IndexOf("```", StringComparison.Ordinal)];
        var problems = new List<string>();
        string? current = null;
        var documented = new HashSet<string>(StringComparer.Ordinal);
        foreach (var line in synopsis.Split('\n'))
        {
            if (line.StartsWith("assess ", StringComparison.Ordinal))
            {
                current = line.Split(' ')[1];
                documented.Add(current);
                if (!options.ContainsKey(current))
                {
                    problems.Add($"'{current}' is not a command");
                    continue;
                }
            }

            if (current is null || !options.TryGetValue(current, out var known))
            {
                continue;
            }

            foreach (Match option in SynopsisOption().Matches(line))
            {
                if (!known.Contains(option.Value) && !global.Contains(option.Value))
                {
                    problems.Add($"assess {current}: {option.Value} is not one of its options");
                }
            }
        }

        Assert.Empty(problems);
        Assert.Equal(options.Keys.Order(StringComparer.Ordinal), documented.Order(StringComparer.Ordinal)); // every command is documented
    }

    [GeneratedRegex(@"```csharp\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex CsharpBlock();

    [GeneratedRegex(@"^#{2,3} (\d+(?:\.\d+)?)[ .]", RegexOptions.Multiline)]
    private static partial Regex SectionHeading();

    [GeneratedRegex(@"docs/methods\.md((?:[ ,;and]*§\d+(?:\.\d+)?)+)")]
    private static partial Regex Citation();

    [GeneratedRegex(@"§(\d+(?:\.\d+)?)")]
    private static partial Regex SectionNumber();

    [GeneratedRegex(@"^assess ([a-z][a-z-]*)$")]
    private static partial Regex SurfaceCommand();

    [GeneratedRegex(@"^\s+(--[a-z][a-z-]*)")]
    private static partial Regex SurfaceOption();

    [GeneratedRegex(@"--[a-z][a-z-]*")]
    private static partial Regex SynopsisOption();
}
