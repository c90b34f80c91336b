namespace Assessments.Tests;

/// <summary>Where the repository and the shared reference data are, found from the test binary's folder.</summary>
internal static class TestPaths
{
    public static string RepoRoot { get; } = FindRoot();

    public static string Instruments => Path.Combine(RepoRoot, "instruments");

    /// <summary>The real reference data beside the repository (never copied into it).</summary>
    public static string SharedReference => Path.GetFullPath(Path.Combine(RepoRoot, "..", "shared", "reference"));

    public static string CareerReadiness => Path.Combine(Instruments, "career-readiness.json");

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
