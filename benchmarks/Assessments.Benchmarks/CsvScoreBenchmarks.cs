using System.Globalization;
using Assessments.Cli;
using Assessments.Matching;
using BenchmarkDotNet.Attributes;

namespace Assessments.Benchmarks;

/// <summary>
/// <c>assess score</c> on issue 8's reference shape: a generated CSV of 1,000,000 respondents × 60 items on 1–5 (5 % empty
/// cells, about 125 MB), six 10-item scales with three reverse keys each (benchmarks/data/riasec60.json: scales R…C).
/// End to end in process (read, parse, score, format, write to a file) with the fast path on all cores and on one thread,
/// the general Sep reader, and scoring plus top-10 O*NET matching; then the fast path's stages on one block of 4 MB.
/// The process start (runtime, loading the instrument) is not included: benchmarks/run.sh times whole processes.
/// </summary>
[MemoryDiagnoser]
public class CsvScoreBenchmarks
{
    private const int StageBlocks = 8;
    private string _folder = null!;
    private string _instrumentPath = null!;
    private string _responses = null!;
    private string _onet = null!;
    private Instrument _instrument = null!;
    private FastCsvScoreRun _stages = null!;
    private Stream _stageInput = null!;
    private readonly List<FastChunk> _chunks = [];
    private ScoreMatching _matching = null!;

    [GlobalSetup]
    public void Setup()
    {
        var root = Paths.RepoRoot;
        _folder = Directory.CreateTempSubdirectory("assess-bench-").FullName;
        _instrumentPath = Path.Combine(root, "benchmarks", "data", "riasec60.json");
        _responses = Path.Combine(_folder, "responses.csv");
        _onet = "onet:" + Path.Combine(root, "..", "shared", "data", "onet", "30.1");
        Run("generate", "--instrument", _instrumentPath, "--rows", "1000000", "--seed", "42", "--missing", "0.05", "--out", _responses);
        _instrument = Instrument.Load(_instrumentPath);

        // The stages: the first blocks of the file, read once, then parsed, scored, matched and formatted again and again.
        var owner = new ScoreRun { Instrument = _instrument, ResponsesPath = _responses, Log = TextWriter.Null, Output = TextWriter.Null };
        _stages = owner.OpenFast(out _stageInput);
        for (var b = 0; b < StageBlocks; b++)
        {
            var chunk = new FastChunk(_stages.Plan, 1 << 19);
            _stages.NextBlock(chunk);
            _stages.Parse(chunk);
            _stages.ScoreVertically(chunk); // the format and match stages read the sums
            _chunks.Add(chunk);
        }

        var catalog = OccupationCatalog.LoadOnet(_onet[5..]);
        _matching = ScoreMatching.Create(_instrument, new OccupationMatcher(catalog), ',');
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _stages.Dispose();
        _stageInput.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    [Benchmark]
    public int Score1MRowsAllCores() => Score("--threads", Environment.ProcessorCount.ToString(CultureInfo.InvariantCulture));

    /// <summary>Without the repeated-id check (<c>--duplicate-ids allow</c>): what the check costs.</summary>
    [Benchmark]
    public int Score1MRowsAllCoresNoIdCheck() => Score("--threads", Environment.ProcessorCount.ToString(CultureInfo.InvariantCulture), "--duplicate-ids", "allow");

    [Benchmark]
    public int Score1MRowsOneThread() => Score("--threads", "1");

    [Benchmark]
    public int Score1MRowsGeneralReader() => Score("--reader", "general");

    [Benchmark]
    public int Score1MRowsAndMatchTop10Onet() => Score("--match", _onet);

    /// <summary>Stage: parse 8 blocks of 512 KiB (about 33,000 rows) into answer tiles.</summary>
    [Benchmark]
    public int StageParse4MB()
    {
        foreach (var chunk in _chunks)
        {
            _stages.Parse(chunk);
        }

        return _chunks[^1].Rows;
    }

    /// <summary>Stage: the six scales' sums and counts of the same rows, a vector of respondents at a time.</summary>
    [Benchmark]
    public int StageScore4MB()
    {
        foreach (var chunk in _chunks)
        {
            _stages.ScoreVertically(chunk);
        }

        return _chunks[^1].Sums[0][0];
    }

    /// <summary>Stage: the output lines of the same rows from the value tables.</summary>
    [Benchmark]
    public int StageFormat4MB()
    {
        foreach (var chunk in _chunks)
        {
            _stages.Format(chunk);
        }

        return _chunks[^1].OutputLength;
    }

    /// <summary>Stage: top-10 O*NET occupations for each of the same rows (one thread).</summary>
    [Benchmark]
    public int StageMatch4MB()
    {
        foreach (var chunk in _chunks)
        {
            _stages.Match(chunk, _matching);
        }

        return _chunks[^1].Matches[0];
    }

    private int Score(params string[] extra) =>
        Run(["score", "--instrument", _instrumentPath, "--responses", _responses, "--out", Path.Combine(_folder, "scores.csv"), .. extra]);

    private static int Run(params string[] args)
    {
        var exit = AssessCli.Run(args, TextWriter.Null, TextWriter.Null);
        return exit == 0 ? exit : throw new InvalidOperationException($"assess {string.Join(' ', args)} exited with {exit}.");
    }
}

/// <summary>Finds the repository root (the folder holding Assessments.sln) from the benchmark binaries.</summary>
internal static class Paths
{
    public static string RepoRoot
    {
        get
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Assessments.sln")))
            {
                dir = dir.Parent;
            }

            return dir?.FullName ?? throw new DirectoryNotFoundException("Assessments.sln not found above the benchmark binaries.");
        }
    }
}
