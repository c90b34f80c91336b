using Assessments;
using Assessments.Definitions;
using Assessments.Testing;
using BenchmarkDotNet.Attributes;

namespace Assessments.Benchmarks;

/// <summary>
/// <c>Instrument.Load</c> on generated Likert definitions of 10,000 items (the loader's item limit), ten scales: minified on
/// one line (1.25 MB), indented (the same content with white space), and minified with texts padded to just under the
/// 4 MiB size limit. Everything is read: syntax and positions, shape, meaning, fingerprint. Before position tracking became
/// incremental, the minified files were quadratic in their line's length.
/// </summary>
[MemoryDiagnoser]
public class LoadBenchmarks
{
    private byte[] _minified = null!;
    private byte[] _indented = null!;
    private byte[] _atSizeLimit = null!;

    [GlobalSetup]
    public void Setup()
    {
        _minified = LargeInstrument.Build(10_000);
        _indented = LargeInstrument.Build(10_000, minified: false);
        _atSizeLimit = LargeInstrument.Build(10_000, targetBytes: InstrumentLoadOptions.Default.MaxBytes);
    }

    [Benchmark]
    public int Minified10kItems() => Instrument.Load(new MemoryStream(_minified)).Items.Count;

    [Benchmark]
    public int Indented10kItems() => Instrument.Load(new MemoryStream(_indented)).Items.Count;

    [Benchmark]
    public int MinifiedAtSizeLimit() => Instrument.Load(new MemoryStream(_atSizeLimit)).Items.Count;
}
