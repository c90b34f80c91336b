namespace Assessments.Cli.Tests;

/// <summary>
/// Where the tests find their data: the repository (found by walking up from the test binaries to the folder holding
/// <c>Assessments.sln</c>), its shipped instruments, and the R reference data that live outside the repository in
/// <c>../shared/reference/bfi</c> (never copied in).
/// </summary>
internal static class TestPaths
{
    private static readonly Lazy<string> Root = new(FindRepoRoot);

    /// <summary>The repository root: the nearest folder above the test binaries that contains <c>Assessments.sln</c>.</summary>
    public static string RepoRoot => Root.Value;

    /// <summary>The psychTools bfi reference data scored by R psych: <c>{repo}/../shared/reference/bfi</c>.</summary>
    public static string SharedReference => Path.GetFullPath(Path.Combine(RepoRoot, "..", "shared", "reference", "bfi"));

    /// <summary>The shipped instruments: <c>{repo}/instruments</c>.</summary>
    public static string Instruments => Path.Combine(RepoRoot, "instruments");

    /// <summary>The bfi answers: <c>rowname</c>, then A1…O5 (1–6, empty = missing).</summary>
    public static string BfiItems => Path.Combine(SharedReference, "items.csv");

    /// <summary>psych::scoreItems(…, impute = "none")$scores, 17 significant digits.</summary>
    public static string BfiScores => Path.Combine(SharedReference, "scores_mean_impute_none.csv");

    public static string CareerReadiness => Path.Combine(Instruments, "career-readiness.json");

    public static string ExampleResponses => Path.Combine(Instruments, "examples", "career-readiness.responses.csv");

    public static string ExampleExpected => Path.Combine(Instruments, "examples", "career-readiness.expected.csv");

    private static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Assessments.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"No folder above {AppContext.BaseDirectory} contains Assessments.sln.");
    }
}
