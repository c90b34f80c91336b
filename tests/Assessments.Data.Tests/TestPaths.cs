namespace Assessments.Data.Tests;

/// <summary>The repository: its shipped instruments and the survey-tool exports built for the CLI's tests (Exports/NOTE.md).</summary>
internal static class TestPaths
{
    public static string RepoRoot { get; } = FindRoot();

    public static string Instruments => Path.Combine(RepoRoot, "instruments");

    public static string Exports => Path.Combine(RepoRoot, "tests", "Assessments.Cli.Tests", "Exports");

    public static string Export(string name) => Path.Combine(Exports, name);

    /// <summary>The real ROME 4.0 v460 export beside the repository (never copied into it).</summary>
    public static string Rome => Path.GetFullPath(Path.Combine(RepoRoot, "..", "shared", "data", "rome", "v460"));

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Assessments.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("Assessments.sln not found above " + AppContext.BaseDirectory);
    }
}
