using System.Globalization;
using System.Text.Json;

namespace Assessments.Cli.Tests;

/// <summary><c>assess score</c>, <c>assess analyze</c>, <c>assess match --values</c> and the demo on the shipped values deck.</summary>
public sealed class CardSortCommandTests : IDisposable
{
    private static readonly string Deck = Path.Combine(TestPaths.Instruments, "values-cards.json");
    private static readonly string Sorts = Path.Combine(TestPaths.Instruments, "examples", "values-cards.responses.jsonl");
    private static readonly string Starter = Path.Combine(TestPaths.Instruments, "catalogs", "starter-occupations.json");
    private readonly TempDirectory _temp = new();

    public void Dispose()
    {
        _temp.Dispose();
        GC.SuppressFinalize(this);
    }

    [Fact]
    public void AnalyzeReportsBradleyTerryStandardErrorsAndDevianceForPairedComparisons()
    {
        // Three cards, four people; pooled wins a>b 3 of 4, a>c 3 of 4, b>c 2 of 4. The command's numbers are the library's
        // fit of those pooled counts (its formulas are tested in GroupStatisticsTests): three pairs, two free abilities, 1 df.
        var deck = _temp.Write("deck.json", """
            { "id": "deck", "version": "1.0.0", "kind": "card-sort", "languages": ["en", "fr"], "title": { "en": "Deck", "fr": "Jeu" },
              "responseFormats": {},
              "items": [ { "id": "a", "text": { "en": "Autonomy", "fr": "Autonomie" } }, { "id": "b", "text": { "en": "Team", "fr": "Équipe" } },
                         { "id": "c", "text": { "en": "Income", "fr": "Revenu" } } ],
              "card-sort": { "cards": { "a": { "workValues": ["Independence"] }, "b": { "workValues": ["Relationships"] }, "c": { "workValues": ["Recognition"] } },
                             "procedure": { "type": "paired-comparison", "rankTop": 1 } } }
            """);
        var sorts = _temp.Write("sorts.jsonl", string.Join("\n",
            """{"respondent":"p1","choices":[["a","b","a"],["a","c","a"],["b","c","b"]]}""",
            """{"respondent":"p2","choices":[["a","b","a"],["a","c","a"],["b","c","c"]]}""",
            """{"respondent":"p3","choices":[["a","b","b"],["a","c","a"],["b","c","b"]]}""",
            """{"respondent":"p4","choices":[["a","b","a"],["a","c","c"],["b","c","c"]]}""") + "\n");
        var fit = Psychometrics.BradleyTerry.Fit(new double[,] { { 0, 3, 3 }, { 1, 0, 2 }, { 1, 2, 0 } });

        var result = AssessRunner.Run("analyze", "--instrument", deck, "--responses", sorts, "--format", "json");

        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(result.Stdout);
        var bt = json.RootElement.GetProperty("bradleyTerry");
        Assert.Equal(fit.StandardErrors![1], bt.GetProperty("standardErrors").GetProperty("b").GetDouble(), 12);
        Assert.Equal(fit.StandardErrors[2], bt.GetProperty("standardErrors").GetProperty("c").GetDouble(), 12);
        Assert.Equal(fit.Deviance, bt.GetProperty("deviance").GetDouble(), 12);
        Assert.Equal(1, bt.GetProperty("devianceDf").GetInt32());

        // Null deviance by hand: a–b 3 to 1 and a–c 3 to 1 against 2 expected each way, b–c 2 to 2 exactly as expected:
        // 2 · 2 · (3 ln(3/2) + 1 ln(1/2)) = 4 (3 ln 1.5 − ln 2), on the 3 pairs compared.
        Assert.Equal(4 * ((3 * Math.Log(1.5)) - Math.Log(2)), bt.GetProperty("nullDeviance").GetDouble(), 12);
        Assert.Equal(3, bt.GetProperty("nullDevianceDf").GetInt32());
        var french = AssessRunner.Run("analyze", "--instrument", deck, "--responses", sorts, "--lang", "fr");
        Assert.Contains(string.Create(CultureInfo.GetCultureInfo("fr-FR"), $"déviance résiduelle {fit.Deviance:0.00} pour 1 ddl, déviance nulle {4 * ((3 * Math.Log(1.5)) - Math.Log(2)):0.00} pour 3 ddl"), french.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void ScoreWritesOneRankColumnPerCardAndTheTopCards()
    {
        var output = _temp.PathOf("ranks.csv");
        var result = AssessRunner.Run("score", "--instrument", Deck, "--responses", Sorts, "--out", output);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("values-cards@1.0.0: rows read 3, scored 3, rejected 0\n", result.Stderr);
        var lines = AssessRunner.Lines(AssessRunner.ReadNormalized(output));
        var header = lines[0].Split(',');
        Assert.Equal(42, header.Length); // respondent, 40 cards, top
        Assert.Equal(["respondent", "autonomy"], header[..2]);
        Assert.Equal("top", header[^1]);
        // values-cards.expected.csv: v01's top five.
        var v01 = lines[1].Split(',');
        Assert.Equal("autonomy creativity learning intellectual-stimulation flexible-hours", v01[^1]);
        Assert.Equal("1", v01[1]); // autonomy ranked first
    }

    [Fact]
    public void TheBatchRunGivesEveryPersonTheRanksOfTheOnePersonApi()
    {
        var output = _temp.PathOf("ranks.csv");
        Assert.Equal(0, AssessRunner.Run("score", "--instrument", Deck, "--responses", Sorts, "--out", output).ExitCode);
        var rows = AssessRunner.Lines(AssessRunner.ReadNormalized(output)).Skip(1).Select(l => l.Split(',')).ToList();
        var instrument = Instrument.Load(Deck);
        var jsonLines = File.ReadAllLines(Sorts).Where(l => l.Length > 0).ToList();
        Assert.Equal(jsonLines.Count, rows.Count);
        for (var r = 0; r < rows.Count; r++)
        {
            using var json = JsonDocument.Parse(jsonLines[r]);
            var root = json.RootElement;
            var single = CardSort.CardSortScorer.Score(instrument, new CardSort.CardSortResponse(root.GetProperty("respondent").GetString(),
                piles: root.GetProperty("piles").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString()!),
                ranks: root.GetProperty("ranks").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetInt32())));
            Assert.Equal(single.Cards.Select(c => c.Rank.ToString("R", CultureInfo.InvariantCulture)), rows[r][1..^1]);
        }
    }

    [Fact]
    public void RejectsABrokenSortWithLineAndReasonAndGoesOn()
    {
        var lines = File.ReadAllLines(Sorts);
        var broken = lines[1].Replace("\"job-security\":\"very\"", "\"job-security\":\"maybe\"", StringComparison.Ordinal);
        Assert.NotEqual(lines[1], broken);
        var input = _temp.Write("sorts.jsonl", string.Join("\n", lines[0], broken, "{\"respondent\":\"x\",\"pile\":{}}", lines[2]) + "\n");
        var rejects = _temp.PathOf("rejects.csv");

        var result = AssessRunner.Run("score", "--instrument", Deck, "--responses", input, "--out", _temp.PathOf("out.csv"), "--rejects", rejects);

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("values-cards@1.0.0: rows read 4, scored 2, rejected 2\n", result.Stderr);
        var rejected = AssessRunner.Lines(AssessRunner.ReadNormalized(rejects));
        Assert.Equal("row,line,respondent,column,reason,status", rejected[0]);
        Assert.Equal("2,2,v02,job-security,\"The card 'job-security' is in pile 'maybe', which does not exist; piles: very, important, less.\",row rejected", rejected[1]);
        Assert.StartsWith("3,3,,,The line is not a valid card sort: ", rejected[2], StringComparison.Ordinal);
    }

    [Fact]
    public void AnalyzePrintsTheConsensusAndKendallsW()
    {
        var result = AssessRunner.Run("analyze", "--instrument", Deck, "--responses", Sorts, "--format", "json");

        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(result.Stdout);
        var root = json.RootElement;
        Assert.Equal(3, root.GetProperty("people").GetInt32());
        Assert.Equal(40, root.GetProperty("consensus").GetArrayLength());
        var w = root.GetProperty("kendallW");
        Assert.InRange(w.GetProperty("w").GetDouble(), 0, 1);
        Assert.Equal(39, w.GetProperty("df").GetInt32());
        // χ² = m(n − 1)W with m = 3 people and n = 40 cards.
        Assert.Equal(3 * 39 * w.GetProperty("w").GetDouble(), w.GetProperty("chiSquare").GetDouble(), 9);

        var table = AssessRunner.Run("analyze", "--instrument", Deck, "--responses", Sorts);
        Assert.StartsWith("Work values cards (version 1.0.0): 3 card sort(s), 40 cards", table.Stdout, StringComparison.Ordinal);
        Assert.Contains("Kendall's W = ", table.Stdout, StringComparison.Ordinal);
        Assert.Equal("rank  card                            Borda  mean rank", table.StdoutLines[3]);

        // In French: the deck's French card titles, the catalog's French words, decimals with a comma.
        var french = AssessRunner.Run("analyze", "--instrument", Deck, "--responses", Sorts, "--lang", "fr");
        Assert.Equal(0, french.ExitCode);
        Assert.StartsWith("Cartes des valeurs professionnelles (version 1.0.0) : 3 tri(s) de cartes, 40 cartes", french.Stdout, StringComparison.Ordinal);
        Assert.Matches(@"^W de Kendall = 0,\d{3} \(corrigé des ex aequo\), khi-deux = \d+,\d\d, ddl = 39, p = 0,\d{4}$", french.StdoutLines[1]);
        Assert.Equal("rang  carte                           Borda rang moyen", french.StdoutLines[3]);
        Assert.Empty(CatalogLeaks.EnglishIn(french.Stdout));
    }

    [Fact]
    public void MatchRanksByValuesAloneOrWithInterests()
    {
        const string values = "Achievement=0.51,WorkingConditions=0.38,Recognition=0.24,Relationships=0.89,Support=0.66,Independence=0.35";
        var alone = AssessRunner.Run("match", "--catalog", Starter, "--values", values, "--top", "3");
        Assert.Equal(0, alone.ExitCode);
        Assert.Equal("Ranked by the correlation of work values (Pearson r).", alone.StdoutLines[0]);
        Assert.Equal(3, alone.StdoutLines.Count(l => System.Text.RegularExpressions.Regex.IsMatch(l, @"^\s+\d  ST-")));

        var both = AssessRunner.Run("match", "--catalog", Starter, "--values", values, "--profile", "R=1.5,I=3.5,A=4.1,S=4.6,E=2.5,C=1.9", "--top", "3");
        Assert.Equal(0, both.ExitCode);
        Assert.Equal("Ranked by 0.5 × interest r + 0.5 × values r.", both.StdoutLines[0]);
        var first = both.StdoutLines[3].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var (score, interests, valuesR) = (double.Parse(first[2], CultureInfo.InvariantCulture), double.Parse(first[3], CultureInfo.InvariantCulture), double.Parse(first[4], CultureInfo.InvariantCulture));
        Assert.Equal(0.5 * interests + 0.5 * valuesR, score, 2); // printed to 3 decimals

        var bad = AssessRunner.Run("match", "--catalog", Starter, "--values", "Achievement=2");
        Assert.Equal(2, bad.ExitCode);
    }

    [Fact]
    public void DemoShowsTopValuesAndOccupationsFittingInterestsAndValues()
    {
        var result = AssessRunner.Run("demo", "--instruments", TestPaths.Instruments);
        Assert.Equal(0, result.ExitCode);
        var lines = result.StdoutLines;
        var v03 = Array.IndexOf(lines, "v03");
        Assert.StartsWith("  1. Helping others — ", lines[v03 + 1], StringComparison.Ordinal);
        Assert.Contains("q01's interests with v03's values, joined for the example (0.5 × interest r + 0.5 × values r):", lines);
    }
}
