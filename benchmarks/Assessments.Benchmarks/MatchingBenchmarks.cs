using Assessments.Matching;
using BenchmarkDotNet.Attributes;

namespace Assessments.Benchmarks;

/// <summary>
/// Matching 100,000 random 1–5 interest profiles against every O*NET 30.1 occupation with an interest profile (923),
/// top 10 by Pearson r, through <see cref="OccupationMatcher.MatchBatch"/> on all cores. Reads ../shared/data/onet.
/// </summary>
[MemoryDiagnoser]
public class MatchingBenchmarks
{
    private OccupationMatcher _matcher = null!;
    private OccupationMatcher _matcherTop1 = null!;
    private List<InterestProfile> _people = null!;

    [GlobalSetup]
    public void Setup()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Assessments.sln")))
        {
            dir = dir.Parent;
        }

        var onet = Path.Combine(dir!.FullName, "..", "shared", "data", "onet");
        var catalog = OccupationCatalog.LoadOnet(Path.Combine(onet, "30.1"), jobZonesFolder: Path.Combine(onet, "29.3"));
        _matcher = new OccupationMatcher(catalog, new MatchOptions { Top = 10 });
        _matcherTop1 = new OccupationMatcher(catalog, new MatchOptions { Top = 1, MaxDegreeOfParallelism = 1 });
        var random = new Random(42);
        _people = [.. Enumerable.Range(0, 100_000).Select(_ =>
            new InterestProfile([.. Enumerable.Range(0, 6).Select(_ => 1 + (random.Next(0, 33) / 8.0))], 1, 5))];
    }

    [Benchmark]
    public int Match100kProfilesTop10Pearson() => _matcher.MatchBatch(_people).Count;

    [Benchmark]
    public int Match100kProfilesTop1OneThread() => _matcherTop1.MatchBatch(_people).Count;
}
