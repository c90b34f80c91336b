using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Assessments.Matching.Tests;

/// <summary>
/// The lean ranking (<see cref="OccupationMatcher.Rank"/>, <see cref="OccupationMatcher.RankBatch"/>) against the explained
/// path on the real O*NET 30.1 catalog: the same occupations, in the same order, with the same score bits.
/// </summary>
public class LeanRankingTests
{
    private static readonly string[] Copies = ["a", "b", "c"];
    private static readonly int[] Tops = [2, 10, 16];
    private static readonly OccupationCatalog Onet = OccupationCatalog.LoadOnet(TestPaths.Onet301, jobZonesFolder: TestPaths.Onet293);

    [Property(MaxTest = 300)]
    public void RankGivesWhatMatchGives(PositiveInt seed)
    {
        var random = new Random(seed.Get);
        // Half the profiles on a coarse grid (steps of 1/2 on 1–5: many ties between areas and between occupations).
        var coarse = random.Next(2) == 0;
        var scores = Enumerable.Range(0, 6).Select(_ => coarse ? 1 + (random.Next(9) / 2.0) : 1 + (random.NextDouble() * 4)).ToArray();
        foreach (var metric in new[] { MatchMetric.Pearson, MatchMetric.Spearman })
        {
            foreach (var top in new[] { 1, 10, 16 })
            {
                var matcher = new OccupationMatcher(Onet, new MatchOptions { Metric = metric, Top = top });
                var expected = matcher.Match(new InterestProfile(scores, 1, 5));
                var indexes = new int[top];
                var values = new double[top];
                var count = matcher.Rank(scores, 1, 5, indexes, values);
                Assert.Equal(expected.Count, count);
                Assert.Equal(expected.Select(m => m.Occupation.Code), indexes.Take(count).Select(i => matcher.Candidates[i].Code));
                Assert.Equal(expected.Select(m => BitConverter.DoubleToInt64Bits(m.Score)), values.Take(count).Select(BitConverter.DoubleToInt64Bits));
            }
        }
    }

    [Property(MaxTest = 60)]
    public void OccupationsWithTheSameProfileTieByCode(PositiveInt seed)
    {
        // Every O*NET profile three times over (codes ordered so that copies are not neighbours in code order): at every
        // score the top k holds exact ties, which the vector path's rank counting must break by code as Match does.
        var tripled = new OccupationCatalog("tripled", "test", [.. Onet.Occupations.Where(o => o.Interests is not null)
            .SelectMany(o => Copies.Select(copy => new Occupation(copy + o.Code, o.Titles, null, o.Interests, o.HollandCode, o.JobZone, null)))]);
        var random = new Random(seed.Get);
        var scores = random.Next(2) == 0
            ? [.. Onet.Occupations[random.Next(Onet.Occupations.Count)].Interests?.Scores.Select(x => (x - 1) * 4 / 6 + 1) ?? Enumerable.Repeat(3.0, 6)]
            : Enumerable.Range(0, 6).Select(_ => 1 + (random.Next(9) / 2.0)).ToArray();
        foreach (var top in Tops)
        {
            var matcher = new OccupationMatcher(tripled, new MatchOptions { Top = top });
            var expected = matcher.Match(new InterestProfile(scores, 1, 5));
            var indexes = new int[top];
            var values = new double[top];
            var count = matcher.Rank(scores, 1, 5, indexes, values);
            Assert.Equal(expected.Select(m => m.Occupation.Code), indexes.Take(count).Select(i => matcher.Candidates[i].Code));
            Assert.Equal(expected.Select(m => BitConverter.DoubleToInt64Bits(m.Score)), values.Take(count).Select(BitConverter.DoubleToInt64Bits));
            if (count >= 3 && !double.IsNaN(values[0]))
            {
                Assert.Equal(values[0], values[1]); // the best profile's three copies, by code
                Assert.Equal(values[0], values[2]);
            }
        }
    }

    [Fact]
    public void ACopiedOccupationComesFirstWithROne()
    {
        // Software developers' O*NET profile (1–7) on its own scale: r = 1 with itself.
        var developers = Onet.Find("15-1252.00")!;
        var matcher = new OccupationMatcher(Onet);
        var indexes = new int[10];
        var values = new double[10];
        Assert.Equal(10, matcher.Rank([.. developers.Interests!.Scores], 1, 7, indexes, values));
        Assert.Equal("15-1252.00", matcher.Candidates[indexes[0]].Code);
        Assert.Equal(1.0, values[0], 12);
    }

    [Fact]
    public void BatchEqualsOneByOneOnAnyThreadsAndSkipsMissingRows()
    {
        var random = new Random(3);
        const int n = 2000;
        var profiles = new double[n * 6];
        for (var i = 0; i < profiles.Length; i++)
        {
            profiles[i] = 1 + (random.Next(33) / 8.0);
        }

        profiles[6 * 5] = double.NaN; // row 5 has a missing scale
        foreach (var threads in new[] { 1, 4 })
        {
            var matcher = new OccupationMatcher(Onet, new MatchOptions { MaxDegreeOfParallelism = threads });
            var indexes = new int[n * 10];
            var values = new double[n * 10];
            matcher.RankBatch(profiles, 1, 5, indexes, values);
            Assert.All(indexes.AsSpan(50, 10).ToArray(), i => Assert.Equal(-1, i));
            for (var row = 0; row < n; row += 37)
            {
                if (row == 5)
                {
                    continue;
                }

                var expected = matcher.Match(new InterestProfile(profiles.AsSpan(row * 6, 6).ToArray(), 1, 5));
                Assert.Equal(expected.Select(m => m.Occupation.Code), indexes.AsSpan(row * 10, 10).ToArray().Select(i => matcher.Candidates[i].Code));
                Assert.Equal(expected.Select(m => m.Score), values.AsSpan(row * 10, 10).ToArray());
            }
        }
    }

    [Fact]
    public void AScoreOutsideTheScaleIsRefused() =>
        Assert.StartsWith("The S score is outside the scale 1–5 or not a finite number (the score itself is not quoted here).",
            Assert.Throws<ArgumentException>(() => new OccupationMatcher(Onet).Rank([1, 2, 3, 6, 2, 1], 1, 5, new int[10], new double[10])).Message, StringComparison.Ordinal);
}
