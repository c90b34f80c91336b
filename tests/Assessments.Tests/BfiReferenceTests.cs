using Assessments.Responses;

namespace Assessments.Tests;

/// <summary>Real data: the 2,800 bfi respondents scored as R psych 2.2.9 scores them (scoreItems, impute = "none").</summary>
public class BfiReferenceTests
{
    private const double Tolerance = 1e-9; // ../shared/reference/bfi/README.md: psych carries 1-ulp noise.

    [Fact]
    public void PerPersonScoresMatchPsychScoreItemsForAll2800People()
    {
        var instrument = Bfi.Load();
        var (header, rows) = Bfi.ReadCsv(Bfi.ItemsCsv);
        var (expectedHeader, expected) = Bfi.ReadCsv(Bfi.ScoresCsv);
        Assert.Equal(2800, rows.Count);
        Assert.Equal(rows.Count, expected.Count);
        for (var r = 0; r < rows.Count; r++)
        {
            var answers = new Dictionary<string, int?>();
            for (var c = 1; c < header.Length; c++)
            {
                answers[header[c]] = rows[r][c].Length == 0 ? null : int.Parse(rows[r][c], System.Globalization.CultureInfo.InvariantCulture);
            }

            var result = instrument.Score(new Response(rows[r][0], answers));
            Assert.Equal(expected[r][0], result.RespondentId);
            for (var s = 1; s < expectedHeader.Length; s++)
            {
                var want = Bfi.ParseCell(expected[r][s]);
                var got = result[expectedHeader[s]].Value;
                AssertClose(want, got, $"row {r + 1} {expectedHeader[s]}");
            }
        }
    }

    [Fact]
    public void BatchScoresMatchPsychAndThePerPersonPathBitForBit()
    {
        var instrument = Bfi.Load();
        var (header, rows) = Bfi.ReadCsv(Bfi.ItemsCsv);
        var (_, expected) = Bfi.ReadCsv(Bfi.ScoresCsv);
        var responses = rows.Select(row => new Response(row[0], Enumerable.Range(1, header.Length - 1).ToDictionary(
            c => header[c], c => row[c].Length == 0 ? (int?)null : int.Parse(row[c], System.Globalization.CultureInfo.InvariantCulture)))).ToList();
        var batch = instrument.ScoreBatch(ResponseMatrix.FromResponses(instrument, responses));
        Assert.Equal(2800, batch.ScoredCount);
        Assert.Empty(batch.Rejections);
        for (var r = 0; r < rows.Count; r++)
        {
            var single = instrument.Score(responses[r]);
            for (var s = 0; s < instrument.Scales.Count; s++)
            {
                AssertClose(Bfi.ParseCell(expected[r][s + 1]), double.IsNaN(batch.GetValues(s)[r]) ? null : batch.GetValues(s)[r], $"row {r + 1}");
                Assert.Equal(single.Scales[s], batch.GetScore(r, s));
            }
        }
    }

    private static void AssertClose(double? expected, double? actual, string where)
    {
        if (expected is null)
        {
            Assert.True(actual is null, $"{where}: expected missing, got {actual}");
            return;
        }

        Assert.True(actual is not null, $"{where}: expected {expected}, got missing");
        Assert.True(Math.Abs(expected.Value - actual!.Value) <= Tolerance, $"{where}: expected {expected:R}, got {actual:R}");
    }
}
