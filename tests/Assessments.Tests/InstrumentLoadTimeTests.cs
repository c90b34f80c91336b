using Assessments.Definitions;
using Assessments.Testing;
using Xunit.Abstractions;

namespace Assessments.Tests;

/// <summary>
/// Loading stays linear in the file's size: big minified definitions (one line of megabytes) load well within a generous
/// guard, and positions on that one line are still exact. Not a timing assertion: the guard catches a quadratic
/// regression (a minified 10,000-item file once took 22 s), not a slow machine.
/// </summary>
public class InstrumentLoadTimeTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Guard = TimeSpan.FromSeconds(20);

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task LoadsAMinifiedTenThousandItemInstrumentWithinTheGuard(bool atSizeLimit)
    {
        var limit = InstrumentLoadOptions.Default.MaxBytes;
        var json = LargeInstrument.Build(10_000, minified: true, targetBytes: atSizeLimit ? limit : 0);
        Assert.Equal(0, json.Count((byte)'\n'));
        Assert.True(!atSizeLimit || json.Length > limit - 20_000, $"{json.Length} bytes");

        var clock = System.Diagnostics.Stopwatch.StartNew();
        var load = Task.Run(() => Instrument.Load(new MemoryStream(json)));
        Assert.True(await Task.WhenAny(load, Task.Delay(Guard)) == load,
            $"Loading a minified {json.Length:N0}-byte definition took more than {Guard.TotalSeconds} s: is position tracking quadratic again?");
        var instrument = await load;
        output.WriteLine($"{json.Length:N0} bytes loaded in {clock.Elapsed.TotalMilliseconds:N0} ms");
        Assert.Equal(10_000, instrument.Items.Count);
        Assert.Equal(1_000, instrument.Scales[9].Items.Count);
    }

    [Fact]
    public void LocatesAProblemAtTheEndOfAOneLineInstrumentByCharacters()
    {
        // The French texts before the last item hold 30,000 two-byte characters, so byte and character columns differ.
        var json = LargeInstrument.Text(10_000);
        var last = json.LastIndexOf("\"format\":\"agree5\"", StringComparison.Ordinal);
        json = json[..last] + "\"format\":\"agree6\"" + json[(last + 17)..];

        Assert.False(Instrument.TryParse(json, out _, out var diagnostics));
        var d = Assert.Single(diagnostics);
        Assert.Equal(("$.items[9999].format", 1, last + 1), (d.Path, d.Line, d.Column));
        Assert.True(System.Text.Encoding.UTF8.GetByteCount(json[..last]) > last + 30_000);
    }

    [Fact]
    public void CountsColumnsAfterAByteOrderMarkFromTheFirstVisibleCharacter()
    {
        byte[] json = [0xEF, 0xBB, 0xBF, .. "{\"id\": 1}"u8];
        var ex = Assert.Throws<InstrumentLoadException>(() => Instrument.Load(new MemoryStream(json)));
        Assert.Contains(ex.Diagnostics, d => d.Path == "$.id" && (d.Line, d.Column) == (1, 2));
    }
}
