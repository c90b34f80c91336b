using System.Globalization;

namespace Assessments.Cli.Tests;

/// <summary><c>assess quality</c>: one row per respondent in input order, values computed by hand, flags, rejects, French summary.</summary>
public sealed class QualityCommandTests : IDisposable
{
    private const string Header = "respondent,answered,longstring,longstring_avg,irv,evenodd,evenodd_r,evenodd_scales,synonyms,synonym_pairs,antonyms,antonym_pairs,mahalanobis,mahalanobis_p";

    private readonly TempDirectory _temp = new();

    public void Dispose()
    {
        _temp.Dispose();
        GC.SuppressFinalize(this);
    }

    private static double Parse(string text) => double.Parse(text, CultureInfo.InvariantCulture);

    [Fact]
    public void ScreensTheRealBfiRowsInInputOrder()
    {
        var instrument = BfiInstrument.WriteTo(_temp.FullName);
        var result = AssessRunner.Run("quality", "--instrument", instrument, "--responses", TestPaths.BfiItems);
        Assert.Equal(0, result.ExitCode);
        var lines = result.StdoutLines;
        Assert.Equal(Header, lines[0]);
        Assert.Equal(2801, lines.Length);
        var ids = File.ReadLines(TestPaths.BfiItems).Skip(1).Select(l => l.Split(',')[0]);
        Assert.Equal(ids, lines.Skip(1).Select(l => l.Split(',')[0]));

        // Person 61617 answers A1–O5: 2 4 3 4 4 | 2 3 3 4 4 | 3 3 3 4 4 | 3 4 2 2 3 | 3 6 3 4 3.
        // Runs: 2 | 4 | 3 | 4 4 | 2 | 3 3 | 4 4 | 3 3 3 | 4 4 | 3 | 4 | 2 2 | 3 3 | 6 | 3 | 4 | 3: longest 3, 25/17 on average.
        // IRV: four 2s, eleven 3s, nine 4s, one 6: Σx = 83, Σx² = 295, Σd² = 295 − 83²/25 = 486/25, SD = √(486/25/24) = 0.9.
        // Even-odd, keyed with 7 − x (−A1, −C4, −C5, −E1, −E2, −O2, −O5): odd-position means 4, 8/3, 11/3, 8/3, 10/3 and
        // even-position means 4, 3, 4, 3, 2.5: deviations (11, −9, 6, −9, 1)/15 and (.7, −.3, .7, −.3, −.8): Sxy = 1.1,
        // Sxx = 64/45, Syy = 1.8, r = 1.1/√2.56 = 0.6875, Spearman–Brown 2r/(1 + r) = 22/27.
        var row = lines[1].Split(',');
        Assert.Equal("61617", row[0]);
        Assert.Equal("25", row[1]);
        Assert.Equal("3", row[2]);
        Assert.Equal(25.0 / 17, Parse(row[3]), 14);
        Assert.Equal(0.9, Parse(row[4]), 14);
        Assert.Equal(22.0 / 27, Parse(row[5]), 14);
        Assert.Equal(0.6875, Parse(row[6]), 14);
        Assert.Equal("5", row[7]);

        // Mahalanobis p values lie in [0, 1] wherever D² is given, and only complete rows have one.
        foreach (var cells in lines.Skip(1).Select(l => l.Split(',')))
        {
            Assert.Equal(cells[1] == "25", cells[12].Length > 0);
            if (cells[13].Length > 0)
            {
                Assert.InRange(Parse(cells[13]), 0, 1);
            }
        }

        Assert.Contains("rows read 2800, scored 2800, rejected 0", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void WritesFlagsAndRejectsAndSaysInFrenchWhatItDid()
    {
        // X and Y on 1–5. Complete rows a–e: means 3 and 3, S = [[2.5, 2], [2, 2.5]] (see QualityScreenTests): D²(a) = 2,
        // p = e⁻¹; D²(e) = 16/9. Row f misses Y: no D². Row g answers 9, outside 1–5: rejected, listed with its reason.
        File.WriteAllText(Path.Combine(_temp.FullName, "two.json"), """
            { "id": "two", "version": "1.0.0", "kind": "likert", "languages": ["en", "fr"], "title": { "en": "Two", "fr": "Deux" },
              "responseFormats": { "f": { "min": 1, "max": 5 } },
              "items": [ { "id": "X", "format": "f", "text": { "en": "X", "fr": "X" } }, { "id": "Y", "format": "f", "text": { "en": "Y", "fr": "Y" } } ],
              "scales": [ { "id": "s", "items": ["X", "Y"] } ] }
            """);
        File.WriteAllText(Path.Combine(_temp.FullName, "answers.csv"), "id,X,Y\na,1,2\nb,2,1\nc,3,4\n\"d, 4\",4,3\ne,5,5\nf,2,\ng,9,1\n");
        var output = Path.Combine(_temp.FullName, "quality.csv");
        var rejects = Path.Combine(_temp.FullName, "rejects.csv");
        var result = AssessRunner.Run("quality", "--instrument", Path.Combine(_temp.FullName, "two.json"), "--responses", Path.Combine(_temp.FullName, "answers.csv"),
            "--out", output, "--rejects", rejects, "--flags", "mahalanobis>=2, irv<0.5", "--lang", "fr");

        Assert.Equal(1, result.ExitCode); // some rows rejected
        var lines = AssessRunner.Lines(AssessRunner.ReadNormalized(output));
        Assert.Equal(Header + ",flag:mahalanobis>=2,flag:irv<0.5,flags", lines[0]);
        Assert.Equal(["a", "b", "c", "\"d, 4\"", "e", "f"], lines.Skip(1).Select(l => l.StartsWith('"') ? l[..6] : l.Split(',')[0]));
        var a = lines[1].Split(',');
        Assert.Equal(2, Parse(a[12]), 12);
        Assert.Equal(Math.Exp(-1), Parse(a[13]), 12);

        // IRV of (1, 2) is √0.5 ≈ 0.71: not under 0.5. Row a: D² 2 ≥ 2 raised, IRV not: one flag. (Row b, d = (−1, −2), has D² 2 too.)
        Assert.Equal(["1", "0", "1"], a[^3..]);

        // Row f: one answer, so no IRV, and no D²: both flags undefined (empty), none raised.
        var f = lines[6].Split(',');
        Assert.Equal("f", f[0]);
        Assert.Equal(["", "", "0"], f[^3..]);

        var rejected = File.ReadAllText(rejects);
        Assert.Contains(",g,", rejected, StringComparison.Ordinal);
        Assert.Contains("D² de Mahalanobis : moyenne et covariance des 5 lignes complètes sur 6", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("Alerte mahalanobis>=2 : déclenchée pour 2 personne(s) sur 6 (1 non évaluée(s)", result.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("Psychometric", result.Stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("quality")]
    [InlineData("analyze")]
    [InlineData("norms")]
    public void ACommandReadingAnswersTakesTheExtraColumnsOptionItsErrorSuggests(string command)
    {
        // A column that is no item (age) stops the run with an error that suggests --extra-columns ignore; the option is there.
        var plain = File.ReadAllLines(Path.Combine(TestPaths.RepoRoot, "tests", "Assessments.Cli.Tests", "Exports", "plain.csv"));
        var responses = Path.Combine(_temp.FullName, "with-age.csv");
        File.WriteAllLines(responses, plain.Select((line, i) => line + (i == 0 ? ",age" : ",40")));
        string[] Args(params string[] more) =>
            [command, "--instrument", "career-readiness", "--responses", responses, .. command == "norms" ? new[] { "--out", Path.Combine(_temp.FullName, "normed.json") } : [], .. more];

        var refused = AssessRunner.Run(Args());
        Assert.NotEqual(0, refused.ExitCode);
        Assert.Contains("--extra-columns ignore", refused.Stderr, StringComparison.Ordinal);
        Assert.Equal(0, AssessRunner.Run(Args("--extra-columns", "ignore")).ExitCode);
    }

    [Theory]
    [InlineData("longstring>>3", "'longstring>>3'")]
    [InlineData("speed<3", "'speed' is not an index")]
    [InlineData("irv<0.5,irv<0.5", "given twice")]
    public void RefusesABadFlagListBeforeReadingAnything(string flags, string expected)
    {
        var instrument = BfiInstrument.WriteTo(_temp.FullName);
        var result = AssessRunner.Run("quality", "--instrument", instrument, "--responses", TestPaths.BfiItems, "--flags", flags);
        Assert.Equal(2, result.ExitCode);
        Assert.Contains(expected, result.Stderr, StringComparison.Ordinal);
        Assert.Empty(result.Stdout);
    }
}
