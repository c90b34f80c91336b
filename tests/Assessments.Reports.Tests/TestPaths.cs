namespace Assessments.Reports.Tests;

/// <summary>The repository and the real occupation data beside it (../shared/data, never copied into the repository).</summary>
internal static class TestPaths
{
    public static string RepoRoot { get; } = FindRoot();

    public static string SharedData => Path.GetFullPath(Path.Combine(RepoRoot, "..", "shared", "data"));

    public static string Onet301 => Path.Combine(SharedData, "onet", "30.1");

    public static string Onet293 => Path.Combine(SharedData, "onet", "29.3");

    public static string Rome => Path.Combine(SharedData, "rome", "v460");

    public static string StarterCatalog => Path.Combine(RepoRoot, "instruments", "catalogs", "starter-occupations.json");

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
