namespace Assessments.Tests;

/// <summary>Keeps the README's example compiling and true.</summary>
public class ReadmeTests
{
    [Fact]
    public void TheReadmeShowsTheCompiledExample()
    {
        var source = File.ReadAllLines(Path.Combine(TestPaths.RepoRoot, "tests", "Assessments.Tests", "ReadmeExample.cs"));
        var begin = Array.FindIndex(source, l => l.Contains("README-BEGIN", StringComparison.Ordinal));
        var end = Array.FindIndex(source, l => l.Contains("README-END", StringComparison.Ordinal));
        var indent = source[begin].IndexOf('/', StringComparison.Ordinal);
        var snippet = string.Join("\n", source[(begin + 1)..end].Select(l => l.Length >= indent ? l[indent..] : l.TrimStart()));
        var readme = File.ReadAllText(Path.Combine(TestPaths.RepoRoot, "README.md")).ReplaceLineEndings("\n");
        Assert.Contains(snippet, readme, StringComparison.Ordinal);
    }

    [Fact]
    public void TheReadmeExampleGivesTheValuesItsCommentsState()
    {
        var result = ReadmeExample.Run();
        Assert.Equal(4.4, result["clarity"].Value);
        Assert.Equal("Only 1 of 5 items were answered; the scale needs at least 60 % of them (minAnswered 0.6).", result["confidence"].MissingReason);
    }
}
