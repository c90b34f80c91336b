using FsCheck.Xunit;

namespace Assessments.Matching.Tests;

/// <summary>The matcher on real O*NET data: self-matches, explanations, filters, determinism.</summary>
public class OccupationMatcherTests
{
    private static readonly OccupationCatalog Onet = OccupationCatalog.LoadOnet(TestPaths.Onet301, jobZonesFolder: TestPaths.Onet293);

    [Fact]
    public void AProfileCopiedFromAnOccupationFindsThatOccupationFirst()
    {
        var developers = Onet.Find("15-1252.00")!;
        // The same shape on a person's 1–5 scale: O*NET 1–7 levels mapped linearly, (x − 1)/6·4 + 1.
        var person = new InterestProfile([.. developers.Interests!.Scores.Select(x => ((x - 1) / 6 * 4) + 1)], 1, 5);
        var matches = new OccupationMatcher(Onet).Match(person);
        Assert.Equal(10, matches.Count);
        Assert.Equal("15-1252.00", matches[0].Occupation.Code);
        Assert.Equal(1.0, matches[0].Score, 12);
        Assert.Equal(1.0, matches[0].Pearson!.Value, 12);
        Assert.Equal(0.0, matches[0].Distance!.Value, 12);
        Assert.Equal("ICR", matches[0].ProfileHollandCode);
        Assert.Equal(28, matches[0].MIndex);
        Assert.Equal(18, matches[0].CIndex);
        Assert.Equal(3, matches[0].SharedLetters);
        Assert.Equal(Enumerable.Range(1, 10), matches.Select(m => m.Rank));
        Assert.True(matches.Zip(matches.Skip(1)).All(p => p.First.Score >= p.Second.Score));
    }

    [Fact]
    public void FiltersByJobZoneAndMinimumScore()
    {
        var person = new InterestProfile([2, 4, 2, 5, 3, 2], 1, 5);
        var matches = new OccupationMatcher(Onet, new MatchOptions { MinJobZone = 4, MaxJobZone = 4, MinimumScore = 0.5, Top = 50 }).Match(person);
        Assert.NotEmpty(matches);
        Assert.All(matches, m => Assert.Equal(4, m.Occupation.JobZone));
        Assert.All(matches, m => Assert.True(m.Score >= 0.5));
    }

    [Fact]
    public void MatchesACodeAloneAgainstRome()
    {
        var rome = OccupationCatalog.LoadRome(TestPaths.Rome);
        var matches = new OccupationMatcher(rome, new MatchOptions { Metric = MatchMetric.MIndex, Top = 5 }).Match("SI");
        // Two-letter Iachan: SI against SI scores 5 + 1 = 6, the maximum; ties broken by ROME code.
        Assert.All(matches, m => Assert.Equal(6, m.Score));
        Assert.Equal(matches.Select(m => m.Occupation.Code).Order(StringComparer.Ordinal), matches.Select(m => m.Occupation.Code));
        // So the top five are exactly the five smallest codes among the fiches coded SI (major S, minor I), e.g. J1506.
        var expected = rome.Occupations.Where(o => o.HollandCode == "SI").Select(o => o.Code).Order(StringComparer.Ordinal).Take(5);
        Assert.Equal(expected, matches.Select(m => m.Occupation.Code));
    }

    [Fact]
    public void RefusesAProfileMetricForACodeAlone() =>
        Assert.Equal("Matching a code alone needs a code metric (CIndex or MIndex); the options say Pearson.",
            Assert.Throws<InvalidOperationException>(() => new OccupationMatcher(Onet).Match("SEC")).Message);

    [Property(MaxTest = 20)]
    public void IsInvariantToCatalogRowOrder(int seed)
    {
        var random = new Random(seed);
        var shuffled = new OccupationCatalog(Onet.Name, Onet.Attribution, [.. Onet.Occupations.OrderBy(_ => random.Next())]);
        var person = RandomProfile(random);
        foreach (var metric in Enum.GetValues<MatchMetric>())
        {
            var options = new MatchOptions { Metric = metric };
            Assert.Equal(new OccupationMatcher(Onet, options).Match(person), new OccupationMatcher(shuffled, options).Match(person));
        }
    }

    [Property(MaxTest = 100)]
    public void PearsonOfAProfileWithItselfIsOne(int seed)
    {
        var p = RandomProfile(new Random(seed));
        var r = ProfileSimilarity.Pearson(p.RescaledSpanForTests(), p.RescaledSpanForTests());
        Assert.True(double.IsNaN(r) || Math.Abs(r - 1) < 1e-12, $"r = {r}");
    }

    [Fact]
    public void BatchMatchingEqualsOneByOneOnAnyNumberOfThreads()
    {
        var random = new Random(7);
        var people = Enumerable.Range(0, 300).Select(_ => RandomProfile(random)).ToList();
        var one = new OccupationMatcher(Onet, new MatchOptions { MaxDegreeOfParallelism = 1 }).MatchBatch(people);
        var many = new OccupationMatcher(Onet, new MatchOptions { MaxDegreeOfParallelism = 8 }).MatchBatch(people);
        var single = new OccupationMatcher(Onet);
        for (var i = 0; i < people.Count; i++)
        {
            Assert.Equal(one[i], many[i]);
            Assert.Equal(single.Match(people[i]), one[i]);
        }
    }

    [Fact]
    public void AFlatProfileHasNoCorrelationAndSaysSo()
    {
        var flat = new InterestProfile([3, 3, 3, 3, 3, 3], 1, 5);
        var matches = new OccupationMatcher(Onet).Match(flat);
        Assert.All(matches, m => Assert.True(double.IsNaN(m.Score)));
        Assert.Equal(matches.Select(m => m.Occupation.Code).Order(StringComparer.Ordinal), matches.Select(m => m.Occupation.Code));
    }

    private static InterestProfile RandomProfile(Random random) =>
        new([.. Enumerable.Range(0, 6).Select(_ => 1 + (random.Next(0, 33) / 8.0))], 1, 5);
}

internal static class ProfileTestExtensions
{
    public static double[] RescaledSpanForTests(this InterestProfile p) => [.. p.Rescaled];
}

/// <summary>The matching example of docs/matching.md, with the shared data folders in place of the download folders.</summary>
public class ReadmeMatchingExampleTests
{
    [Fact]
    public void RunsAndShowsTheAttribution()
    {
        var onet = OccupationCatalog.LoadOnet(TestPaths.Onet301, jobZonesFolder: TestPaths.Onet293);
        var person = new InterestProfile([2.1, 3.9, 2.5, 4.6, 2.2, 3.0], min: 1, max: 5); // R, I, A, S, E, C
        var matches = new OccupationMatcher(onet, new MatchOptions { Top = 5, MinJobZone = 3 }).Match(person);
        Assert.Equal(5, matches.Count);
        Assert.All(matches, m => Assert.True(m.Occupation.JobZone >= 3));
        Assert.Equal("SIC", matches[0].ProfileHollandCode); // S 4.6 > I 3.9 > C 3.0
        Assert.StartsWith("This page includes information from the O*NET 30.1 Database", onet.Attribution, StringComparison.Ordinal);
        Assert.Equal(onet.Attribution, onet.AttributionIn("en"));

        // In French: the credit in French, then the O*NET Center's own wording quoted whole (SOURCE.md's text for modified data).
        var french = onet.AttributionIn("fr");
        Assert.StartsWith("Cette page contient des informations de la base O*NET 30.1 du ministère du Travail des États-Unis", french, StringComparison.Ordinal);
        Assert.EndsWith("Crédit demandé par le centre O*NET : « " + onet.Attribution + " »", french, StringComparison.Ordinal);
    }
}
