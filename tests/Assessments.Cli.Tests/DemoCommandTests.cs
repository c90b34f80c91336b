using System.Text.Json;

namespace Assessments.Cli.Tests;

/// <summary><c>assess demo</c>: the worked example as a counsellor would read it, in English or French.</summary>
public sealed class DemoCommandTests : IDisposable
{
    private const string Reference = "career-readiness@1.0.0";

    /// <summary>The missing reason of p05's exploration score: 2 of 5 answered, minAnswered 0.6.</summary>
    private const string P05ExplorationReason =
        "Only 2 of 5 items were answered; the scale needs at least 60% of them.";

    private readonly TempDirectory _temp = new();

    public void Dispose()
    {
        _temp.Dispose();
        GC.SuppressFinalize(this);
    }

    [Fact]
    public void PrintsTheEnglishProfileOfEveryExampleRespondent()
    {
        var result = AssessRunner.Run("demo", "--instruments", TestPaths.Instruments);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("", result.Stderr);
        var lines = result.StdoutLines;
        Assert.Equal("Career project readiness  (" + Reference + ")", lines[0]);
        Assert.Equal("fingerprint " + Instrument.Load(TestPaths.CareerReadiness).Fingerprint, lines[1]);
        Assert.Contains("6 respondents read, 6 scored, 0 rejected.", lines);

        // Labels are padded to the longest scale title ("Exploration", 11); the bar has 20 cells from 1 to 5.
        var p02 = Profile(lines, "p02");
        var clarity = "  " + "Clarity".PadRight(11) + "  " + " 4.40" + "  " + new string('\u2588', 17) + new string('\u2591', 3) + "  (5/5 answered)";
        Assert.Equal(clarity, p02[0]);
        Assert.Contains("4.40", p02[0], StringComparison.Ordinal);

        var p05 = Profile(lines, "p05");
        Assert.Equal("  Exploration    \u2014    " + P05ExplorationReason, p05[2]);

        foreach (var id in new[] { "p01", "p02", "p03", "p04", "p05", "p06" })
        {
            Assert.Equal(4, Profile(lines, id).Length);
        }
    }

    [Fact]
    public void PrintsTheFrenchTitleWithLangFr()
    {
        using var definition = JsonDocument.Parse(File.ReadAllText(TestPaths.CareerReadiness));
        var title = definition.RootElement.GetProperty("title").GetProperty("fr").GetString();
        var notice = definition.RootElement.GetProperty("notice").GetProperty("fr").GetString();

        var result = AssessRunner.Run("demo", "--lang", "fr", "--instruments", TestPaths.Instruments);

        Assert.Equal(0, result.ExitCode);
        var lines = result.StdoutLines;
        Assert.Equal(title + "  (" + Reference + ")", lines[0]);
        Assert.Equal(notice, lines[2]);
        Assert.StartsWith("  Clart\u00e9", Profile(lines, "p02")[0], StringComparison.Ordinal);
    }

    [Fact]
    public void InFrenchNoSentenceOfTheEnglishCatalogAndNoEnglishNumbers()
    {
        // No fixed fragment of an English catalog text that French does not share (CatalogLeaks); decimals with a comma.
        var result = AssessRunner.Run("demo", "--lang", "fr", "--instruments", TestPaths.Instruments, "--report", _temp.PathOf("fr.html"));
        Assert.Equal(0, result.ExitCode);
        var leaks = CatalogLeaks.EnglishIn(result.Stdout);
        Assert.Empty(leaks);
        Assert.Contains("  Clarté        4,40", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("6 personnes lues, 6 scorées, 0 rejetées.", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("passion + mission (manque : payé)", result.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain(" answered)", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void FindsTheShippedInstrumentsNextToTheTool()
    {
        // The CLI project copies instruments/ to its output folder, and from there to the test output folder.
        Assert.True(File.Exists(Path.Combine(AppContext.BaseDirectory, "instruments", "career-readiness.json")),
            "instruments/ was not copied next to the binaries");

        var result = AssessRunner.Run("demo");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("Career project readiness  (" + Reference + ")", result.StdoutLines[0]);
    }

    [Fact]
    public void AFolderWithoutTheInstrumentsIsUnreadableInput()
    {
        var result = AssessRunner.Run("demo", "--instruments", _temp.FullName);

        Assert.Equal(4, result.ExitCode);
        Assert.Equal($"error: The shipped instruments were not found in {_temp.FullName}; pass --instruments FOLDER.\n", result.Stderr);
    }

    [Fact]
    public void AnUnknownLanguageIsAUsageError()
    {
        var result = AssessRunner.Run("demo", "--lang", "de", "--instruments", TestPaths.Instruments);

        Assert.Equal(2, result.ExitCode);
        Assert.Equal(["error: --lang must be one of en, fr; found 'de'. See 'assess demo --help'."], result.StderrLines);
    }

    /// <summary>The scale lines printed under respondent <paramref name="id"/> (up to the next blank line).</summary>
    [Fact]
    public void ShowsInterestProfilesWithCodesAndTheClosestStarterOccupations()
    {
        var result = AssessRunner.Run("demo", "--instruments", TestPaths.Instruments);

        Assert.Equal(0, result.ExitCode);
        var lines = result.StdoutLines;
        Assert.Contains("Work interests (RIASEC)  (interests-riasec@1.0.0)", lines);
        // q01's means (interests-riasec.md): S 4.625 > A 4.125 > I 3.5, so SAI; S, A and I sit side by side on the hexagon.
        var q01 = Profile(lines, "q01");
        Assert.Equal("  S Social          4.63  \u2588\u2588\u2588\u2588\u2588\u2588\u2588\u2588\u2588\u2588\u2588\u2588\u2588\u2588\u2588\u2588\u2588\u2588\u2591\u2591", q01[3]);
        Assert.Equal("  Holland code SAI", q01[6]);
        Assert.Equal("                    R Realistic 1.50", q01[7]); // the hexagon, R at the top
        Assert.Equal("                    S Social 4.63", q01[11]);    // … and S, its opposite, at the bottom
        Assert.StartsWith("  consistency high, differentiation (high \u2212 low) 3.13, elevation 3.02", q01[12], StringComparison.Ordinal);
        Assert.Equal(5, q01.Count(l => System.Text.RegularExpressions.Regex.IsMatch(l, @"^    [1-5]\. ")));
        // q03 ties S and E for first place: both orders are admissible.
        Assert.Equal("  Holland code SEC (ties: 2 admissible codes, e.g. SEC, ESC)", Profile(lines, "q03")[6]);
        // q04 answered 3 everywhere: no correlation exists, and the demo says so instead of ranking.
        Assert.Contains("  Flat profile: no correlation with any occupation can be computed; explore likes and dislikes first.", Profile(lines, "q04"));
        Assert.Contains("Occupation profiles estimated by the Assessments project (MIT licence); they are not O*NET or ROME data.", lines);
    }

    [Fact]
    public void WritesAHexagonSvgPerRespondentWhenAsked()
    {
        var folder = _temp.PathOf("svg");
        var result = AssessRunner.Run("demo", "--instruments", TestPaths.Instruments, "--svg", folder);

        Assert.Equal(0, result.ExitCode);
        var svg = File.ReadAllText(Path.Combine(folder, "interests-q01.svg"));
        Assert.StartsWith("<svg xmlns=\"http://www.w3.org/2000/svg\"", svg, StringComparison.Ordinal);
        Assert.Contains("<title id=\"t\">q01: SAI</title>", svg, StringComparison.Ordinal);
        Assert.Contains(">S Social 4.63</text>", svg, StringComparison.Ordinal);
        Assert.Equal(5, Directory.GetFiles(folder, "*.svg").Length);
    }

    private static string[] Profile(string[] lines, string id)
    {
        var start = Array.IndexOf(lines, id);
        Assert.True(start >= 0, $"respondent {id} is not in the demo output");
        return [.. lines.Skip(start + 1).TakeWhile(line => line.Length > 0)];
    }
}
