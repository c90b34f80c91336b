using System.Globalization;

namespace Assessments.Cli.Tests;

/// <summary><c>assess match</c> and the interests columns of <c>assess score</c>, on real O*NET and ROME files.</summary>
public sealed class MatchCommandTests : IDisposable
{
    private static readonly string SharedData = Path.GetFullPath(Path.Combine(TestPaths.RepoRoot, "..", "shared", "data"));
    private static readonly string Onet = "onet:" + Path.Combine(SharedData, "onet", "30.1");
    private static readonly string JobZones = Path.Combine(SharedData, "onet", "29.3");
    private static readonly string Rome = "rome:" + Path.Combine(SharedData, "rome", "v460");
    private static readonly string Interests = Path.Combine(TestPaths.Instruments, "interests-riasec.json");
    private readonly TempDirectory _temp = new();

    public void Dispose()
    {
        _temp.Dispose();
        GC.SuppressFinalize(this);
    }

    [Fact]
    public void FindsTheOccupationWhoseProfileWasCopied()
    {
        // 15-1252.00 Software Developers, OI levels in Interests.txt: R 3.93, I 5.86, A 2.26, S 1.88, E 1.87, C 5.46.
        var result = AssessRunner.Run("match", "--catalog", Onet, "--job-zones-from", JobZones,
            "--profile", "R=3.93,I=5.86,A=2.26,S=1.88,E=1.87,C=5.46", "--profile-scale", "1-7", "--top", "3");

        Assert.Equal(0, result.ExitCode);
        var lines = result.StdoutLines;
        Assert.Equal("Profile code ICR; ranked by profile correlation (Pearson r).", lines[0]);
        Assert.StartsWith("   1  15-1252.00   1.000  1.000    18    28    3 ICR   4  Software Developers", lines[3], StringComparison.Ordinal);
        Assert.StartsWith("This page includes information from the O*NET 30.1 Database", lines[^1], StringComparison.Ordinal);
    }

    [Fact]
    public void RanksRomeFichesByACodeAlone()
    {
        var result = AssessRunner.Run("match", "--catalog", Rome, "--code", "si", "--metric", "m-index", "--top", "4", "--format", "csv");

        Assert.Equal(0, result.ExitCode);
        var lines = result.StdoutLines;
        Assert.Equal("respondent,rank,occupation,title,score,pearson,cosine,distance,cIndex,mIndex,sharedLetters,profileHollandCode,occupationHollandCode,jobZone", lines[0]);
        Assert.Equal(5, lines.Length);
        // Two-letter Iachan weights: SI against SI = 5 + 1 = 6, the maximum; equal scores are ordered by ROME code.
        var rows = lines.Skip(1).Select(l => l.Split(',')).ToList();
        Assert.All(rows, r => Assert.Equal("6", r[4]));
        Assert.All(rows, r => Assert.Equal("SI", r[12]));
        Assert.Equal(rows.Select(r => r[2]).Order(StringComparer.Ordinal), rows.Select(r => r[2]));
        Assert.StartsWith("Source: France Travail", result.Stderr, StringComparison.Ordinal); // attribution beside CSV data, in the output's language (en)
    }

    [Fact]
    public void MatchesEveryRowOfAScoresFileWrittenByAssessScore()
    {
        var scores = _temp.PathOf("interests.csv");
        var scored = AssessRunner.Run("score", "--instrument", Interests,
            "--responses", Path.Combine(TestPaths.Instruments, "examples", "interests-riasec.responses.csv"), "--out", scores);
        Assert.Equal(0, scored.ExitCode);

        var result = AssessRunner.Run("match", "--catalog", Path.Combine(TestPaths.Instruments, "catalogs", "starter-occupations.json"),
            "--scores", scores, "--top", "3");

        Assert.Equal(0, result.ExitCode);
        var rows = result.StdoutLines.Skip(1).Select(l => l.Split(',')).ToList();
        Assert.Equal(15, rows.Count); // 5 people × top 3
        Assert.Equal(["q01", "q01", "q01", "q02", "q02", "q02", "q03", "q03", "q03", "q04", "q04", "q04", "q05", "q05", "q05"], rows.Select(r => r[0]));
        Assert.Equal(["1", "2", "3"], rows.Take(3).Select(r => r[1]));
        Assert.All(rows.Where(r => r[0] == "q04"), r => Assert.Equal("", r[4])); // a flat profile has no correlation
        Assert.Contains("starter-occupations@1.0.0: profiles read 5, matched 5, skipped 0", result.StderrLines);
    }

    [Fact]
    public void ScoreWritesTheHollandCodeAndProfileIndicesForTheInterestsInstrument()
    {
        var output = _temp.PathOf("interests.csv");
        var result = AssessRunner.Run("score", "--instrument", Interests,
            "--responses", Path.Combine(TestPaths.Instruments, "examples", "interests-riasec.responses.csv"), "--out", output);

        Assert.Equal(0, result.ExitCode);
        var lines = AssessRunner.Lines(AssessRunner.ReadNormalized(output));
        Assert.Equal("respondent,R,I,A,S,E,C,code,admissibleCodes,consistency,elevation,DI1,DI2,DI3,DI4,DI5,DI6,DI7,dataIdeas,peopleThings", lines[0]);
        // q03 (interests-riasec.expected-profile.csv): S = E = 4.25 tie for first, C third → SEC, with ESC admissible.
        var q03 = lines.Single(l => l.StartsWith("q03,", StringComparison.Ordinal)).Split(',');
        Assert.Equal(["SEC", "SEC ESC", "1", "3.2291666666666665"], q03[7..11]);
        Assert.Equal("0", q03[11]); // DI1 = s1 − s2 = 0 on a tie
        Assert.Equal(2.125, double.Parse(q03[15], CultureInfo.InvariantCulture)); // DI5 = 4.25 − 2.125
    }

    [Fact]
    public void WritesOneJsonObjectPerMatchInJsonLines()
    {
        var result = AssessRunner.Run("match", "--catalog", Path.Combine(TestPaths.Instruments, "catalogs", "starter-occupations.json"),
            "--profile", "R=5,I=4,A=1,S=1,E=2,C=4", "--top", "2", "--format", "jsonl", "--lang", "fr");

        Assert.Equal(0, result.ExitCode);
        var lines = result.StdoutLines;
        Assert.Equal(2, lines.Length);
        using var first = System.Text.Json.JsonDocument.Parse(lines[0]);
        var root = first.RootElement;
        Assert.Equal(1, root.GetProperty("rank").GetInt32());
        Assert.Equal("Pearson", root.GetProperty("metric").GetString());
        Assert.Equal("RIC", root.GetProperty("profileHollandCode").GetString()); // R 5 > I 4 = C 4: I before C by hexagon order
        Assert.Equal(root.GetProperty("score").GetDouble(), root.GetProperty("pearson").GetDouble());
        Assert.False(root.GetProperty("title").GetString()!.Contains("\\u", StringComparison.Ordinal)); // French accents stay readable
        Assert.StartsWith("Profils de métiers estimés par le projet Assessments", result.Stderr, StringComparison.Ordinal); // --lang fr: the catalog's French credit
    }

    [Theory]
    [InlineData(new[] { "--code", "SEC" }, "--code matches by a code index: use --metric c-index or m-index.")]
    [InlineData(new[] { "--code", "SEC", "--profile", "R=1" }, "Give exactly one of --profile R=..,I=..,A=..,S=..,E=..,C=.., --code SEC or --scores FILE.csv.")]
    [InlineData(new[] { "--profile", "R=1,I=2,A=3,S=4,E=5" }, "--profile needs all six areas; missing C.")]
    [InlineData(new[] { "--profile", "R=1,I=2,A=3,S=4,E=5,C=9" }, "--profile: C=9 is outside the profile scale 1–5 (set it with --profile-scale MIN-MAX).")]
    [InlineData(new[] { "--profile", "R=1,I=2,A=3,S=4,E=5,C=5", "--job-zone", "6" }, "--job-zone must be a whole number from 1 to 5; found '6'.")]
    public void ReportsUsageErrors(string[] options, string message)
    {
        string[] args = ["match", "--catalog", Path.Combine(TestPaths.Instruments, "catalogs", "starter-occupations.json"), .. options];
        if (message.StartsWith("--code matches", StringComparison.Ordinal))
        {
            args = ["match", "--catalog", Path.Combine(TestPaths.Instruments, "catalogs", "starter-occupations.json"), "--metric", "pearson", .. options];
        }

        var result = AssessRunner.Run(args);

        Assert.Equal(2, result.ExitCode);
        Assert.Equal(["error: " + message + " See 'assess match --help'."], result.StderrLines);
    }

    [Fact]
    public void NamesAMissingCatalogFile()
    {
        var missing = _temp.PathOf("nope.json");
        var result = AssessRunner.Run("match", "--catalog", missing, "--code", "SEC");
        Assert.Equal(4, result.ExitCode);
        Assert.Equal($"error: {missing}: The catalog file does not exist.", result.StderrLines[0]);
    }
}
