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
        _matrix = LikertBenchmarks.RandomMatrix(Rows);
    }

    [Benchmark]
    public int Analyze1MRows60Items() => Reliability.Analyze(_instrument, _matrix).Count;
}
