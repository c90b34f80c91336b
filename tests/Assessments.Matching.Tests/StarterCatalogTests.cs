namespace Assessments.Matching.Tests;

/// <summary>The starter catalog embedded in the package is the repository's file.</summary>
public class StarterCatalogTests
{
    [Fact]
    public void TheEmbeddedStarterCatalogIsTheShippedFile()
    {
        var embedded = OccupationCatalog.LoadStarter();
        var file = OccupationCatalog.LoadJson(Path.Combine(TestPaths.RepoRoot, "instruments", "catalogs", "starter-occupations.json"));
        Assert.Equal(48, embedded.Occupations.Count);
        Assert.Equal(file.Attribution, embedded.Attribution);
        Assert.Equal(file.Occupations.Select(o => (o.Code, o.HollandCode, o.JobZone)), embedded.Occupations.Select(o => (o.Code, o.HollandCode, o.JobZone)));
        Assert.Equal(file.Occupations.Select(o => o.Interests!.Scores), embedded.Occupations.Select(o => o.Interests!.Scores));
    }
}
