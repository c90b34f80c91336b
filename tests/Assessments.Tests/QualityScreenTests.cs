using Assessments.Psychometrics;
using Assessments.Responses;

namespace Assessments.Tests;

/// <summary>
/// The careless-responding indices (docs/quality.md) on worked examples computed by hand in the comments: longstring,
/// IRV and even-odd on one row; the synonym and antonym pairs of a small sample and one person's indices over them;
/// Mahalanobis D² with its closed-form χ² p for two items.
/// </summary>
public class QualityScreenTests
{
    private static Instrument Instrument(string items, string scales) => Assessments.Instrument.Parse($$"""
        { "id": "q", "version": "1.0.0", "kind": "likert", "languages": ["en"], "title": { "en": "Q" },
          "responseFormats": { "f": { "min": 1, "max": 5 } },
          "items": [ {{items}} ],
          "scales": [ {{scales}} ] }
        """);

    private static string Items(params string[] ids) => string.Join(", ", ids.Select(id => $$"""{ "id": "{{id}}", "format": "f", "text": { "en": "{{id}}" } }"""));

    private static Response Person(string[] ids, int?[] answers) =>
        new("p", ids.Zip(answers).ToDictionary(p => p.First, p => p.Second));

    private static readonly string[] Twelve = ["A1", "A2", "A3", "A4", "B1", "B2", "B3", "B4", "C1", "C2", "C3", "C4"];

    [Fact]
    public void LongstringIrvAndEvenOddOfOneRow()
    {
        var instrument = Instrument(Items(Twelve), """
            { "id": "A", "items": ["A1", "-A2", "A3", "A4"] },
            { "id": "B", "items": ["B1", "B2", "B3", "B4"] },
            { "id": "C", "items": ["C1", "C2", "C3", "-C4"] }
            """);

        // Raw answers in item order: 4 2 4 5 | 5 5 5 3 | 2 2 – 1.
        // Runs: [4] [2] [4] [5 5 5 5] [3] [2 2], the missing C3 ends the run, [1]: longest 4; 11 answers in 7 runs → 11/7.
        // IRV: Σx = 38, Σx² = 154, so Σ(x − x̄)² = 154 − 38²/11 = 250/11 and SD = √(250/11 / 10) = 5/√11.
        // Even-odd, keyed (reverse = 6 − x): A = 4, 4, 4, 5 → odd (A1, A3) 4, even (A2, A4) 4.5; B = 5, 5, 5, 3 → 5 and 4;
        // C = 2, 2, –, 5 → odd (C1; C3 missing) 2, even (C2, C4) 3.5. Odd (4, 5, 2) and even (4.5, 4, 3.5): deviations
        // (1/3, 4/3, −5/3) and (1/2, 0, −1/2): Sxy = 1, Sxx = 14/3, Syy = 1/2, r = 1/√(7/3) = √(3/7); Spearman–Brown 2r/(1 + r).
        var screen = QualityScreen.Create(instrument);
        var q = screen.Evaluate(Person(Twelve, [4, 2, 4, 5, 5, 5, 5, 3, 2, 2, null, 1]));
        Assert.Equal(11, q.Answered);
        Assert.Equal(4, q.Longstring);
        Assert.Equal(11.0 / 7, q.LongstringAverage, 14);
        Assert.Equal(5 / Math.Sqrt(11), q.Irv, 14);
        var r = Math.Sqrt(3.0 / 7);
        Assert.Equal(r, q.EvenOddCorrelation, 14);
        Assert.Equal(2 * r / (1 + r), q.EvenOdd, 14);
        Assert.Equal(3, q.EvenOddScales);

        // Without a sample: no pairs and no D².
        Assert.False(screen.IsFitted);
        Assert.Equal(0, q.SynonymPairs);
        Assert.True(double.IsNaN(q.Synonyms) && double.IsNaN(q.Mahalanobis));

        // The same row from a matrix gives the same indices.
        var matrix = ResponseMatrix.FromResponses(instrument, [Person(Twelve, [4, 2, 4, 5, 5, 5, 5, 3, 2, 2, null, 1])]);
        Assert.Equal(q, screen.Evaluate(matrix, 0));
    }

    [Fact]
    public void EvenOddBelowMinusOneThirdIsMinusOneAndNeedsThreeScales()
    {
        var instrument = Instrument(Items(Twelve), """
            { "id": "A", "items": ["A1", "A2", "A3", "A4"] },
            { "id": "B", "items": ["B1", "B2", "B3", "B4"] },
            { "id": "C", "items": ["C1", "C2", "C3", "C4"] }
            """);
        var screen = QualityScreen.Create(instrument);

        // Odd halves (1, 3, 5), even halves (5, 3, 1): r = −1, below −1/3, where 2r/(1 + r) would leave [−1, 1]: −1.
        var q = screen.Evaluate(Person(Twelve, [1, 5, 1, 5, 3, 3, 3, 3, 5, 1, 5, 1]));
        Assert.Equal(-1, q.EvenOddCorrelation, 14);
        Assert.Equal(-1, q.EvenOdd);

        // Scale C with no even-position answer: two scales left, fewer than the three needed; the count says so.
        var two = screen.Evaluate(Person(Twelve, [1, 5, 1, 5, 3, 3, 3, 3, 5, null, 5, null]));
        Assert.Equal(2, two.EvenOddScales);
        Assert.True(double.IsNaN(two.EvenOdd) && double.IsNaN(two.EvenOddCorrelation));

        // All twelve answers equal: longstring 12, one run, IRV 0, and even-odd undefined (constant halves).
        var flat = screen.Evaluate(Person(Twelve, [.. Enumerable.Repeat<int?>(3, 12)]));
        Assert.Equal(12, flat.Longstring);
        Assert.Equal(12, flat.LongstringAverage);
        Assert.Equal(0, flat.Irv);
        Assert.True(double.IsNaN(flat.EvenOdd));

        // No answer at all: nothing is defined.
        var none = screen.Evaluate(Person(Twelve, new int?[12]));
        Assert.Equal(0, none.Answered);
        Assert.True(double.IsNaN(none[QualityIndex.Longstring]) && double.IsNaN(none.LongstringAverage) && double.IsNaN(none.Irv));
    }

    private static readonly string[] Six = ["I1", "I2", "I3", "I4", "I5", "I6"];

    [Fact]
    public void SynonymsAndAntonymsFromTheSample()
    {
        var instrument = Instrument(Items(Six), """{ "id": "all", "items": ["I1", "I2", "I3", "I4", "I5", "I6"] }""");

        // Five people. Every column has mean 3 and Σd² = 10, so r = Σ d_a·d_b / 10. Deviations:
        // I1 (−2 −1 0 1 2), I2 (−2 −1 0 2 1), I3 = 6 − I1, I4 (−1 1 −2 0 2), I5 (−2 1 −1 0 2), I6 = 6 − I4.
        // r12 = 9/10, r13 = −1, r14 = 5/10, r15 = 7/10, r16 = −5/10, r23 = −9/10, r24 = 3/10, r25 = 5/10, r26 = −3/10,
        // r34 = −5/10, r35 = −7/10, r36 = 5/10, r45 = 9/10, r46 = −1, r56 = −9/10.
        // Above .60: (I1, I2), (I1, I5), (I4, I5). Below −.60: (I1, I3), (I2, I3), (I3, I5), (I4, I6), (I5, I6).
        int?[][] sample = [[1, 1, 5, 2, 1, 4], [2, 2, 4, 4, 4, 2], [3, 3, 3, 1, 2, 5], [4, 5, 2, 3, 3, 3], [5, 4, 1, 5, 5, 1]];
        var matrix = ResponseMatrix.FromResponses(instrument, [.. sample.Select(a => Person(Six, a))]);
        var screen = QualityScreen.Fit(instrument, matrix);
        Assert.Equal([("I1", "I2", 0.9), ("I1", "I5", 0.7), ("I4", "I5", 0.9)],
            screen.Synonyms.Select(p => (p.First, p.Second, Math.Round(p.Correlation, 12))));
        Assert.Equal([("I1", "I3", -1.0), ("I2", "I3", -0.9), ("I3", "I5", -0.7), ("I4", "I6", -1.0), ("I5", "I6", -0.9)],
            screen.Antonyms.Select(p => (p.First, p.Second, Math.Round(p.Correlation, 12))));

        // A person answering 5 4 3 1 2 –. Synonym pairs (5, 4), (5, 2), (1, 2): first (5, 5, 1), second (4, 2, 2),
        // deviations (4/3, 4/3, −8/3) and (4/3, −2/3, −2/3): Sxy = 8/3, Sxx = 32/3, Syy = 8/3, r = (8/3)/(16/3) = 0.5.
        // Antonym pairs with both answered: (5, 3), (4, 3), (3, 2) (I6 is missing): first (5, 4, 3), second (3, 3, 2),
        // deviations (1, 0, −1) and (1/3, 1/3, −2/3): Sxy = 1, Sxx = 2, Syy = 2/3, r = 1/√(4/3) = √3/2 — positive, where an
        // attentive person's antonyms are negative.
        var q = screen.Evaluate(Person(Six, [5, 4, 3, 1, 2, null]));
        Assert.Equal(0.5, q.Synonyms, 14);
        Assert.Equal(3, q.SynonymPairs);
        Assert.Equal(Math.Sqrt(3) / 2, q.Antonyms, 14);
        Assert.Equal(3, q.AntonymPairs);

        // Longstring and IRV of that row: five runs of one; answers 5 4 3 1 2 have mean 3 and Σd² = 10: SD = √2.5.
        Assert.Equal(1, q.Longstring);
        Assert.Equal(Math.Sqrt(2.5), q.Irv, 14);

        // Two synonym pairs answered are fewer than the three needed: undefined, with the count.
        var few = screen.Evaluate(Person(Six, [5, 4, 3, null, 2, 1]));
        Assert.Equal(2, few.SynonymPairs);
        Assert.True(double.IsNaN(few.Synonyms));

        // Five complete rows for six items: no covariance to invert, and every D² is undefined.
        Assert.Equal(UndefinedReason.TooFewPeople, screen.MahalanobisUndefined);
        Assert.True(double.IsNaN(screen.Evaluate(matrix, 0).Mahalanobis));
    }

    [Fact]
    public void MahalanobisOfTwoItemsWithItsChiSquareP()
    {
        var instrument = Instrument(Items("X", "Y"), """{ "id": "s", "items": ["X", "Y"] }""");

        // Complete rows (1, 2), (2, 1), (3, 4), (4, 3), (5, 5); a sixth row (2, –) is left out of the mean and covariance.
        // Means 3 and 3; deviations x (−2 −1 0 1 2), y (−1 −2 1 0 2): Sxx = Syy = 10, Sxy = 8, so S = [[2.5, 2], [2, 2.5]]
        // (n − 1 = 4), det 2.25, S⁻¹ = [[2.5, −2], [−2, 2.5]] / 2.25.
        // Row (1, 2), d = (−2, −1): (2.5·4 + 2.5·1 − 2·2·2) / 2.25 = 4.5/2.25 = 2. Row (5, 5), d = (2, 2): (10 + 10 − 16)/2.25 = 16/9.
        // With 2 df the χ² upper tail is e^(−D²/2): p = e^(−1) and e^(−8/9).
        int?[][] rows = [[1, 2], [2, 1], [3, 4], [4, 3], [5, 5], [2, null]];
        var matrix = ResponseMatrix.FromResponses(instrument, [.. rows.Select(a => Person(["X", "Y"], a))]);
        var screen = QualityScreen.Fit(instrument, matrix);
        Assert.Null(screen.MahalanobisUndefined);
        Assert.Equal(6, screen.SampleSize);
        Assert.Equal(5, screen.CompleteCases);
        Assert.Equal([3.0, 3.0], screen.Means!);

        var results = new QualityIndices[6];
        screen.Evaluate(matrix, 0, results);
        Assert.Equal(2, results[0].Mahalanobis, 12);
        Assert.Equal(Math.Exp(-1), results[0].MahalanobisP, 12);
        Assert.Equal(16.0 / 9, results[4].Mahalanobis, 12);
        Assert.Equal(Math.Exp(-8.0 / 9), results[4].MahalanobisP, 12);
        Assert.True(double.IsNaN(results[5].Mahalanobis) && double.IsNaN(results[5].MahalanobisP));
        Assert.Equal(results[4], screen.Evaluate(matrix, 4));

        // Flags read as written and judge the row; an undefined index judges nothing.
        Assert.True(QualityFlag.Parse("mahalanobis>=2").IsRaised(results[0]));
        Assert.False(QualityFlag.Parse("mahalanobis-p < 0.3").IsRaised(results[0]));
        Assert.Null(QualityFlag.Parse("mahalanobis>1").IsRaised(results[5]));
        Assert.Equal("mahalanobis-p<0.3", QualityFlag.Parse("mahalanobis-p < 0.3").Name);
    }

    [Fact]
    public void ASingularCovarianceLeavesDSquaredUndefined()
    {
        var instrument = Instrument(Items("X", "Y"), """{ "id": "s", "items": ["X", "Y"] }""");

        // Y is constant on the complete rows: its variance is 0 and the covariance has no inverse.
        int?[][] rows = [[1, 3], [2, 3], [3, 3], [4, 3]];
        var matrix = ResponseMatrix.FromResponses(instrument, [.. rows.Select(a => Person(["X", "Y"], a))]);
        var screen = QualityScreen.Fit(instrument, matrix);
        Assert.Equal(UndefinedReason.SingularCorrelations, screen.MahalanobisUndefined);
        Assert.Null(screen.Means);
        Assert.True(double.IsNaN(screen.Evaluate(matrix, 0).Mahalanobis));
    }

    [Theory]
    [InlineData("longstring")]
    [InlineData("speed<3")]
    [InlineData("irv<abc")]
    [InlineData("irv<0,5")]
    [InlineData("<3")]
    public void AFlagNotOfTheFormIndexOperatorNumberIsRefusedWithWhatWasExpected(string text)
    {
        var ex = Assert.Throws<FormatException>(() => QualityFlag.Parse(text));
        Assert.Contains(text, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void OptionsOutsideTheirRangeAreRefused()
    {
        var instrument = Instrument(Items("X", "Y"), """{ "id": "s", "items": ["X", "Y"] }""");
        Assert.Throws<ArgumentOutOfRangeException>(() => QualityScreen.Create(instrument, new QualityOptions { PairThreshold = 1 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => QualityScreen.Create(instrument, new QualityOptions { MinimumPairs = 1 }));
    }
}
