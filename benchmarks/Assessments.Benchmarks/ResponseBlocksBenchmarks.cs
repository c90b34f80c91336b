using Assessments.Data;
using Assessments.Cli;
using Assessments.Responses;
using BenchmarkDotNet.Attributes;

namespace Assessments.Benchmarks;

/// <summary>
/// Assessments.Data's block API (issue 18, section 5) against the integrated runs, on 200,000 generated respondents × 60
/// items (benchmarks/data/riasec60.json, 5 % empty cells, about 25 MB): reading every answer in blocks of 4,096 rows
/// (ResponseBlocks.Read, the general Sep reader underneath), reading in blocks and scoring each block
/// (Instrument.ScoreBatch), and a whole scoring run with the general reader and with the fast one (output discarded).
/// </summary>
[MemoryDiagnoser]
public class ResponseBlocksBenchmarks
{
    private string _folder = null!;
    private string _responses = null!;
    private Instrument _instrument = null!;

    [GlobalSetup]
    public void Setup()
    {
        _folder = Directory.CreateTempSubdirectory("assess-bench-").FullName;
        var instrumentPath = Path.Combine(Paths.RepoRoot, "benchmarks", "data", "riasec60.json");
        _responses = Path.Combine(_folder, "responses.csv");
        var exit = AssessCli.Run(["generate", "--instrument", instrumentPath, "--rows", "200000", "--seed", "42", "--missing", "0.05", "--out", _responses], TextWriter.Null, TextWriter.Null);
        if (exit != 0)
        {
            throw new InvalidOperationException($"assess generate exited with {exit}.");
        }

        _instrument = Instrument.Load(instrumentPath);
    }

    [GlobalCleanup]
    public void Cleanup() => Directory.Delete(_folder, recursive: true);

    /// <summary>Every answer read into blocks and summed (so that nothing is optimised away).</summary>
    [Benchmark(Baseline = true)]
    public long ReadBlocks()
    {
        long sum = 0;
        foreach (var block in ResponseBlocks.Read(_instrument, _responses))
        {
            for (var j = 0; j < block.Answers.ItemCount; j++)
            {
                foreach (var answer in block.Answers.Column(j)[..block.Answers.RowCount])
                {
                    sum += answer == ResponseMatrix.Missing ? 0 : answer;
                }
            }
        }

        return sum;
    }

    /// <summary>Blocks read and each scored with Instrument.ScoreBatch: what an app that scores itself pays.</summary>
    [Benchmark]
    public double ReadBlocksAndScore()
    {
        var total = 0.0;
        foreach (var block in ResponseBlocks.Read(_instrument, _responses))
        {
            var scores = _instrument.ScoreBatch(block.Answers);
            total += scores.GetValues(0)[0];
        }

        return total;
    }

    /// <summary>A whole scoring run with the general reader, CSV output discarded.</summary>
    [Benchmark]
    public long ScoreRunGeneralReader() =>
        new ScoreRun { Instrument = _instrument, ResponsesPath = _responses, Output = TextWriter.Null, Read = new ResponsesReadOptions { Reader = ReaderChoice.General } }.Run().Scored;

    /// <summary>A whole scoring run with the fast reader (where the CLI goes), CSV output discarded.</summary>
    [Benchmark]
    public long ScoreRunFastReader() =>
        new ScoreRun { Instrument = _instrument, ResponsesPath = _responses, Output = TextWriter.Null, Read = new ResponsesReadOptions { Reader = ReaderChoice.Fast } }.Run().Scored;
}
