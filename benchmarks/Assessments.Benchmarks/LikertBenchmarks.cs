using Assessments;
using Assessments.Responses;
using Assessments.Scoring;
using BenchmarkDotNet.Attributes;

namespace Assessments.Benchmarks;

/// <summary>
/// The Likert engine on the shape of issue 8's reference file: 60 items on a 1–5 format, six 10-item scales with
/// three reverse keys each, 5 % missing cells. Batch: 100,000 rows already in a ResponseMatrix (no CSV parsing).
/// </summary>
[MemoryDiagnoser]
public class LikertBenchmarks
{
    private const int Rows = 100_000;
    private Instrument _instrument = null!;
    private ResponseMatrix _matrix = null!;
    private ScaleScoreBatch _output = null!;
    private Response _person = null!;

    [GlobalSetup]
    public void Setup()
    {
        _instrument = Instrument.Parse(Definition());
        _matrix = RandomMatrix(Rows);
        _output = ScaleScoreBatch.Create(_instrument, Rows);
        _person = new Response("p", Enumerable.Range(0, 60).ToDictionary(j => "Q" + j.ToString("00", System.Globalization.CultureInfo.InvariantCulture), j => (int?)(j % 5 + 1)));
    }

    [Benchmark]
    public ScaleScoreBatch ScoreBatch100kRows()
    {
        _instrument.ScoreBatch(_matrix, _output);
        return _output;
    }

    [Benchmark]
    public ScaleScoreBatch ScoreBatch100kRowsOneThread()
    {
        _instrument.ScoreBatch(_matrix, _output, new ScoringOptions { MaxDegreeOfParallelism = 1 });
        return _output;
    }

    [Benchmark]
    public InstrumentResult ScoreOnePerson() => _instrument.Score(_person);

    /// <summary>60 columns of answers 1–5, 5 % missing, from a fixed seed.</summary>
    internal static ResponseMatrix RandomMatrix(int rows)
    {
        var random = new Random(42);
        var matrix = new ResponseMatrix(60, rows) { RowCount = rows };
        for (var j = 0; j < 60; j++)
        {
            var column = matrix.Column(j);
            for (var r = 0; r < rows; r++)
            {
                column[r] = random.NextDouble() < 0.05 ? ResponseMatrix.Missing : (short)random.Next(1, 6);
            }
        }

        return matrix;
    }

    internal static string Definition()
    {
        var items = string.Join(",", Enumerable.Range(0, 60).Select(j => "{\"id\":\"Q" + j.ToString("00", System.Globalization.CultureInfo.InvariantCulture) + "\",\"format\":\"f\",\"text\":{\"en\":\"q\"}}"));
        var scales = string.Join(",", Enumerable.Range(0, 6).Select(s =>
            "{\"id\":\"S" + s + "\",\"items\":[" + string.Join(",", Enumerable.Range(0, 10).Select(k =>
                "\"" + (k % 3 == 1 ? "-" : "") + "Q" + (s * 10 + k).ToString("00", System.Globalization.CultureInfo.InvariantCulture) + "\"")) + "],\"minAnswered\":0.5}"));
        return "{\"id\":\"bench\",\"version\":\"1.0.0\",\"kind\":\"likert\",\"languages\":[\"en\"],\"title\":{\"en\":\"B\"},"
            + "\"responseFormats\":{\"f\":{\"min\":1,\"max\":5}},\"items\":[" + items + "],\"scales\":[" + scales + "]}";
    }
}
