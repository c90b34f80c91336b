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
    private OccupationMatcher _lean = null!;
    private OccupationMatcher _leanOneThread = null!;
    private double[] _million = null!;
    private int[] _indexes = null!;
    private double[] _scores = null!;

    [GlobalSetup]
    public void Setup()
    {
        var onet = Path.Combine(Paths.RepoRoot, "..", "shared", "data", "onet");
        var catalog = OccupationCatalog.LoadOnet(Path.Combine(onet, "30.1"), jobZonesFolder: Path.Combine(onet, "29.3"));
        _matcher = new OccupationMatcher(catalog, new MatchOptions { Top = 10 });
        _matcherTop1 = new OccupationMatcher(catalog, new MatchOptions { Top = 1, MaxDegreeOfParallelism = 1 });
        var random = new Random(42);
        _lean = new OccupationMatcher(catalog, new MatchOptions { Top = 10 });
        _leanOneThread = new OccupationMatcher(catalog, new MatchOptions { Top = 10, MaxDegreeOfParallelism = 1 });
        _million = new double[1_000_000 * 6];
        for (var i = 0; i < _million.Length; i++)
        {
            _million[i] = 1 + (random.Next(0, 33) / 8.0);
        }

        _indexes = new int[1_000_000 * 10];
        _scores = new double[1_000_000 * 10];
        _people = [.. Enumerable.Range(0, 100_000).Select(_ =>
            new InterestProfile([.. Enumerable.Range(0, 6).Select(_ => 1 + (random.Next(0, 33) / 8.0))], 1, 5))];
    }

    [Benchmark]
    public int Match100kProfilesTop10Pearson() => _matcher.MatchBatch(_people).Count;

    [Benchmark]
    public int Match100kProfilesTop1OneThread() => _matcherTop1.MatchBatch(_people).Count;

    /// <summary>The lean path: 1,000,000 profiles, top 10 by Pearson, indexes and scores only, on all cores.</summary>
    [Benchmark]
    public int RankBatch1MProfilesTop10Pearson()
    {
        _lean.RankBatch(_million, 1, 5, _indexes, _scores);
        return _indexes[^1];
    }

    /// <summary>The same on one thread.</summary>
    [Benchmark]
    public int RankBatch1MProfilesTop10PearsonOneThread()
    {
        _leanOneThread.RankBatch(_million, 1, 5, _indexes, _scores);
        return _indexes[^1];
    }
}
