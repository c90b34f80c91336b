using System.Globalization;
using System.Text;
using Assessments;
using Assessments.Psychometrics;
using Assessments.Responses;
using BenchmarkDotNet.Attributes;

namespace Assessments.Benchmarks;

/// <summary>
/// How <c>Reliability.Analyze</c> grows with the item count, to choose <c>Reliability.MaxItems</c>: 10,000 respondents,
/// K items on a 1–5 format (5 % missing, every third item reverse-keyed), scored as one total scale of all K items plus
/// ten subscales of K/10 items each. A total score over every item is common (and it is the costly case: the per-scale
/// work grows with the cube of a scale's size, and the pool's SMCs with the cube of K), so this is a realistic worst case.
/// The answers are uniform random: the cost of every step here depends on the shape, not on the values.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 1, iterationCount: 3)]
public class AnalyzeItemCountBenchmarks
{
    private const int Rows = 10_000;
    private Instrument _instrument = null!;
    private ResponseMatrix _matrix = null!;
    private ResponseMatrix _few = null!;

    /// <summary>The number of items K.</summary>
    [Params(100, 250, 500, 750, 1000, 1500, 2000)]
    public int Items { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _instrument = Instrument.Parse(Definition(Items));
        _matrix = RandomMatrix(Items, Rows);
        _few = RandomMatrix(Items, 200);
    }

    [Benchmark]
    public int Analyze10kRows() => Reliability.Analyze(_instrument, _matrix).Count;

    /// <summary>
    /// 200 respondents: with more items than people the correlation matrices are singular, which the SMCs find out from
    /// an eigendecomposition after the LU inverse (the slow path).
    /// </summary>
    [Benchmark]
    public int Analyze200Rows() => Reliability.Analyze(_instrument, _few).Count;

    /// <summary>K items, a total scale and ten subscales (see the class remarks).</summary>
    internal static string Definition(int items)
    {
        static string Id(int j) => "Q" + j.ToString("00000", CultureInfo.InvariantCulture);
        static string Key(int j) => "\"" + (j % 3 == 1 ? "-" : "") + Id(j) + "\"";
        var json = new StringBuilder("{\"id\":\"bench-items\",\"version\":\"1.0.0\",\"kind\":\"likert\",\"languages\":[\"en\"],\"title\":{\"en\":\"B\"},")
            .Append("\"responseFormats\":{\"f\":{\"min\":1,\"max\":5}},\"items\":[")
            .AppendJoin(',', Enumerable.Range(0, items).Select(j => "{\"id\":\"" + Id(j) + "\",\"format\":\"f\",\"text\":{\"en\":\"q\"}}"))
            .Append("],\"scales\":[{\"id\":\"total\",\"items\":[").AppendJoin(',', Enumerable.Range(0, items).Select(Key)).Append("]}");
        var size = items / 10;
        for (var s = 0; s < 10 && size > 0; s++)
        {
            json.Append(",{\"id\":\"S").Append(s).Append("\",\"items\":[").AppendJoin(',', Enumerable.Range(s * size, size).Select(Key)).Append("]}");
        }

        return json.Append("]}").ToString();
    }

    /// <summary>Answers 1–5, 5 % missing, from a fixed seed.</summary>
    internal static ResponseMatrix RandomMatrix(int items, int rows)
    {
        var random = new Random(42);
        var matrix = new ResponseMatrix(items, rows) { RowCount = rows };
        for (var j = 0; j < items; j++)
        {
            var column = matrix.Column(j);
            for (var r = 0; r < rows; r++)
            {
                column[r] = random.NextDouble() < 0.05 ? ResponseMatrix.Missing : (short)random.Next(1, 6);
            }
        }

        return matrix;
    }
}
