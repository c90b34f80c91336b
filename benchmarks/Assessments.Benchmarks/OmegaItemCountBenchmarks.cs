using Assessments;
using Assessments.Psychometrics;
using Assessments.Responses;
using BenchmarkDotNet.Attributes;

namespace Assessments.Benchmarks;

/// <summary>
/// How <c>Omega.Compute</c> (five group factors, the whole pool) grows with the item count, to choose
/// <c>Omega.MaxItems</c>: the shape of <see cref="AnalyzeItemCountBenchmarks"/> (10,000 respondents, 1–5, 5 % missing).
/// Unlike the other statistics, ω's cost depends on the values too (minres iterates until the communalities settle), so
/// the answers come from five correlated factors, as real data would.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 1, iterationCount: 3)]
public class OmegaItemCountBenchmarks
{
    private const int Rows = 10_000;
    private Instrument _instrument = null!;
    private ResponseMatrix _matrix = null!;
    private ResponseMatrix _noise = null!;

    /// <summary>The number of items K.</summary>
    [Params(50, 100, 200, 300)]
    public int Items { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _instrument = Instrument.Parse(AnalyzeItemCountBenchmarks.Definition(Items));
        _matrix = FactorMatrix(Items, Rows);
        _noise = AnalyzeItemCountBenchmarks.RandomMatrix(Items, Rows);
    }

    [Benchmark]
    public double Omega10kRows5Factors() => Omega.Compute(_instrument, _matrix, 5).OmegaTotal;

    /// <summary>Uncorrelated answers: no factor structure for minres to settle on, the slow case.</summary>
    [Benchmark]
    public double Omega10kRows5FactorsNoise() => Omega.Compute(_instrument, _noise, 5).OmegaTotal;

    /// <summary>Answers 1–5 from a general factor and five group factors (item j on group j mod 5), 5 % missing, fixed seed.</summary>
    internal static ResponseMatrix FactorMatrix(int items, int rows)
    {
        var random = new Random(42);
        var matrix = new ResponseMatrix(items, rows) { RowCount = rows };
        double Normal() => Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
        for (var r = 0; r < rows; r++)
        {
            var g = Normal();
            var groups = Enumerable.Range(0, 5).Select(_ => Normal()).ToArray();
            for (var j = 0; j < items; j++)
            {
                var sign = j % 3 == 1 ? -1 : 1; // the reverse-keyed items of the definition
                var x = sign * ((0.5 * g) + (0.5 * groups[j % 5])) + (0.7 * Normal());
                matrix[r, j] = random.NextDouble() < 0.05 ? ResponseMatrix.Missing : (short)Math.Clamp(Math.Round(3 + x), 1, 5);
            }
        }

        return matrix;
    }
}
