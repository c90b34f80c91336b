using Assessments.ApiApproval;

namespace Assessments.Tests;

/// <summary>Every change to the public surface of the Assessments package shows in the diff of PublicApi/Assessments.txt.</summary>
public class PublicApiTests
{
    [Fact]
    public void ThePublicApiIsTheApprovedOne() =>
        PublicApi.Verify(typeof(Instrument).Assembly, Path.Combine(TestPaths.RepoRoot, "tests", "Assessments.Tests", "PublicApi", "Assessments.txt"));
}
