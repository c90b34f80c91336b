using Assessments.ApiApproval;

namespace Assessments.Data.Tests;

/// <summary>Every change to the public surface of the Assessments.Data package shows in the diff of PublicApi/Assessments.Data.txt.</summary>
public class PublicApiTests
{
    [Fact]
    public void ThePublicApiIsTheApprovedOne() =>
        PublicApi.Verify(typeof(ScoreRun).Assembly, Path.Combine(TestPaths.RepoRoot, "tests", "Assessments.Data.Tests", "PublicApi", "Assessments.Data.txt"));
}
