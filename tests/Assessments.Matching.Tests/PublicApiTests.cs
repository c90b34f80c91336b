using Assessments.ApiApproval;

namespace Assessments.Matching.Tests;

/// <summary>Every change to the public surface of the Assessments.Matching package shows in the diff of PublicApi/Assessments.Matching.txt.</summary>
public class PublicApiTests
{
    [Fact]
    public void ThePublicApiIsTheApprovedOne() =>
        PublicApi.Verify(typeof(OccupationMatcher).Assembly, Path.Combine(TestPaths.RepoRoot, "tests", "Assessments.Matching.Tests", "PublicApi", "Assessments.Matching.txt"));
}
