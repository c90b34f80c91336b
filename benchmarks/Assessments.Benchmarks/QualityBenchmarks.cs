using Assessments.Cli;
using Assessments.Data;
using Assessments.Psychometrics;
using Assessments.Responses;
using BenchmarkDotNet.Attributes;

namespace Assessments.Benchmarks;

/// <summary>
/// <c>assess quality</c> (issue 21's target: 1,000,000 respondents × 60 items in 5 s or less on 2 cores) on generated CSVs of
/// the score benchmarks' shape (benchmarks/data/riasec60.json, 1–5, seed 42): one with 5 % empty cells (so 4.6 % of the rows
/// are complete and have a D²), one with none (every row gets a D²: the most work). End to end in process: read and gather
/// the rows, fit the screen (pairwise item correlations, complete-case covariance), every row's indices on all cores,
/// the CSV written to a file. Then the two stages alone on the complete file's rows already in memory.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 1, iterationCount: 3)]
public class QualityBenchmarks
{
    private string _folder = null!;
    private string _instrumentPath = null!;
    private string _missing = null!;
    private string _complete = null!;
    private Instrument _instrument = null!;
    private ResponseMatrix _matrix = null!;
    private QualityScreen _screen = null!;
    private QualityIndices[] _indices = null!;

    [GlobalSetup]
    public void Setup()
    {
        _folder = Directory.CreateTempSubdirectory("assess-quality-bench-").FullName;
        _instrumentPath = Path.Combine(Paths.RepoRoot, "benchmarks", "data", "riasec60.json");
        _missing = Path.Combine(_folder, "missing.csv");
        _complete = Path.Combine(_folder, "complete.csv");
        Run("generate", "--instrument", _instrumentPath, "--rows", "1000000", "--seed", "42", "--missing", "0.05", "--out", _missing);
        Run("generate", "--instrument", _instrumentPath, "--rows", "1000000", "--seed", "42", "--missing", "0", "--out", _complete);
        _instrument = Instrument.Load(_instrumentPath);
        var rows = new ResponseCollector(_instrument.Items.Count);
        new ScoreRun { Instrument = _instrument, ResponsesPath = _complete, Collector = rows }.Run();
        _matrix = rows.ToMatrix();
        _screen = QualityScreen.Fit(_instrument, _matrix);
        _indices = new QualityIndices[65_536];
    }

    [GlobalCleanup]
    public void Cleanup() => Directory.Delete(_folder, recursive: true);

    [Benchmark]
    public int Quality1MRows5PercentMissing() => Quality(_missing);

    [Benchmark]
    public int Quality1MRowsComplete() => Quality(_complete);

    /// <summary>Stage: the screen's sample statistics on the 1 M complete rows in memory.</summary>
    [Benchmark]
    public int StageFit1MRows() => QualityScreen.Fit(_instrument, _matrix).CompleteCases;

    /// <summary>Stage: every row's indices (D² included), 65,536 rows at a time as the command does, without writing.</summary>
    [Benchmark]
    public double StageEvaluate1MRows()
    {
        var sum = 0.0;
        for (var start = 0; start < _matrix.RowCount; start += _indices.Length)
        {
            var block = Math.Min(_indices.Length, _matrix.RowCount - start) == _indices.Length ? _indices : new QualityIndices[_matrix.RowCount - start];
            _screen.Evaluate(_matrix, start, block);
            sum += block[0].Mahalanobis;
        }

        return sum;
    }

    private int Quality(string responses) =>
        Run("quality", "--instrument", _instrumentPath, "--responses", responses, "--out", Path.Combine(_folder, "quality.csv"));

    private static int Run(params string[] args)
    {
        var exit = AssessCli.Run(args, TextWriter.Null, TextWriter.Null);
        return exit == 0 ? exit : throw new InvalidOperationException($"assess {string.Join(' ', args)} exited with {exit}.");
    }
}
