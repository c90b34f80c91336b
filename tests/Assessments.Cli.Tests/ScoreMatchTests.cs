using System.Globalization;
using Assessments.Matching;

namespace Assessments.Cli.Tests;

/// <summary>
/// <c>assess score --match</c>: the top occupations appended to each scored row are the explained matcher's ranking of that
/// row's six RIASEC scale values, on real O*NET 30.1 data, through both readers.
/// </summary>
public sealed class ScoreMatchTests
{
    private static readonly string Onet = Path.GetFullPath(Path.Combine(TestPaths.RepoRoot, "..", "shared", "data", "onet", "30.1"));
    private static readonly string Riasec60 = Path.Combine(TestPaths.RepoRoot, "benchmarks", "data", "riasec60.json");

    [Theory]
    [InlineData("auto")]
    [InlineData("general")]
    public void AppendsTheTopOccupationsOfEachRowsProfile(string reader)
    {
        using var temp = new TempDirectory();
        var responses = temp.PathOf("responses.csv");
        var generated = AssessRunner.Run("generate", "--instrument", Riasec60, "--rows", "300", "--seed", "5", "--missing", "0.3", "--out", responses);
        Assert.Equal(0, generated.ExitCode);
        var result = AssessRunner.Run("score", "--instrument", Riasec60, "--responses", responses, "--out", temp.PathOf("out.csv"),
            "--match", "onet:" + Onet, "--top", "5", "--reader", reader);
        Assert.Equal(0, result.ExitCode);

        var lines = File.ReadAllLines(temp.PathOf("out.csv"));
        Assert.Equal("id,R,I,A,S,E,C,match1,match2,match3,match4,match5", lines[0]);
        var matcher = new OccupationMatcher(OccupationCatalog.LoadOnet(Onet), new MatchOptions { Top = 5 });
        var withMatches = 0;
        foreach (var line in lines.Skip(1))
        {
            var cells = line.Split(',');
            var values = cells[1..7];
            if (values.Any(v => v.Length == 0))
            {
                // With 30 % of answers missing some scales fall under minAnswered: no profile, empty match columns.
                Assert.All(cells[7..], c => Assert.Equal("", c));
                continue;
            }

            var profile = new InterestProfile([.. values.Select(v => double.Parse(v, CultureInfo.InvariantCulture))], 1, 5);
            Assert.Equal(matcher.Match(profile).Select(m => m.Occupation.Code), cells[7..]);
            withMatches++;
        }

        Assert.InRange(withMatches, 50, 299); // both cases occur
    }

    [Fact]
    public void RefusesAnInstrumentWithoutRiasecScales()
    {
        var result = AssessRunner.Run("score", "--instrument", TestPaths.CareerReadiness, "--responses", TestPaths.ExampleResponses,
            "--match", "onet:" + Onet);
        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("error: --match reads a RIASEC profile: career-readiness@", result.Stderr, StringComparison.Ordinal);
    }
}
