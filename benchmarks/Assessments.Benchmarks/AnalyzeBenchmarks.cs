using Assessments;
using Assessments.Psychometrics;
using Assessments.Responses;
using BenchmarkDotNet.Attributes;

namespace Assessments.Benchmarks;

/// <summary>
/// <c>Reliability.Analyze</c> (α, both G6, average r, S/N, SEM, item statistics; pairwise-complete covariances) on
/// 1,000,000 respondents × 60 items (1–5, 5 % missing), six 10-item scales with reverse keys — the data already in a
/// ResponseMatrix (no CSV parsing).
/// </summary>
[MemoryDiagnoser]
public class AnalyzeBenchmarks
{
    private const int Rows = 1_000_000;
    private Instrument _instrument = null!;
    private ResponseMatrix _matrix = null!;

    [GlobalSetup]
    public void Setup()
    {
        _instrument = Instrument.Parse(LikertBenchmarks.Definition());
        var random = new Random(42);
        _matrix = new ResponseMatrix(60, Rows) { RowCount = Rows };
        for (var j = 0; j < 60; j++)
        {
            var column = _matrix.Column(j);
            for (var r = 0; r < Rows; r++)
            {
                column[r] = random.NextDouble() < 0.05 ? ResponseMatrix.Missing : (short)random.Next(1, 6);
            }
        }
    }

    [Benchmark]
    public int Analyze1MRows60Items() => Reliability.Analyze(_instrument, _matrix).Count;
}
