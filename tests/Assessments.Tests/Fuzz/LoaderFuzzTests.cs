using System.Text;
using Assessments.Definitions;
using Assessments.Testing;

namespace Assessments.Tests.Fuzz;

/// <summary>
/// Fuzzing the instrument loader for a bounded time: the shipped instruments mutated (truncated, bytes deleted or
/// repeated, invalid UTF-8, NUL, BOMs, deep nesting, huge numbers, duplicate keys, very long strings, values replaced by
/// null or by a value of another JSON type, <c>null</c> inserted anywhere) and random bytes.
/// Only <see cref="InstrumentLoadException"/> may come out. Fixed seed in CI (<c>ASSESSMENTS_FUZZ_SEED</c> and
/// <c>ASSESSMENTS_FUZZ_SECONDS</c> for longer runs); a failing input is written to the temp folder and named in the
/// failure, to be added under <c>Fuzz/regressions/</c>, which the second test loads on every run.
/// </summary>
public class LoaderFuzzTests
{
    private static readonly byte[][] Seeds = [.. Directory.GetFiles(TestPaths.Instruments, "*.json").Order(StringComparer.Ordinal).Select(File.ReadAllBytes)];

    [Fact]
    public void MutatedDefinitionsGiveOnlyLoadDiagnostics()
    {
        var seed = int.TryParse(Environment.GetEnvironmentVariable("ASSESSMENTS_FUZZ_SEED"), out var s) ? s : 20261127;
        var seconds = double.TryParse(Environment.GetEnvironmentVariable("ASSESSMENTS_FUZZ_SECONDS"), System.Globalization.CultureInfo.InvariantCulture, out var t) ? t : 15;
        var random = new Random(seed);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var iterations = 0;
        while (clock.Elapsed.TotalSeconds < seconds || iterations < 200)
        {
            var input = Mutate(random);
            try
            {
                Instrument.Load(new MemoryStream(input), sourceName: "fuzz.json");
            }
            catch (InstrumentLoadException ex)
            {
                Assert.NotEmpty(ex.Diagnostics);
                Assert.All(ex.Diagnostics, d => Assert.False(string.IsNullOrWhiteSpace(d.Reason)));
            }
            catch (Exception ex)
            {
                var path = Path.Combine(Path.GetTempPath(), $"assess-fuzz-{seed}-{iterations}.json");
                File.WriteAllBytes(path, input);
                Assert.Fail($"seed {seed}, iteration {iterations}: {ex.GetType().Name}: {ex.Message} (input saved to {path})");
            }

            iterations++;
        }
    }

    [Fact]
    public void EveryInputThatOnceFailedGivesOnlyLoadDiagnostics()
    {
        foreach (var file in Directory.GetFiles(Path.Combine(TestPaths.RepoRoot, "tests", "Assessments.Tests", "Fuzz", "regressions")))
        {
            var ex = Record.Exception(() => Instrument.Load(new MemoryStream(File.ReadAllBytes(file)), sourceName: Path.GetFileName(file)));
            Assert.True(ex is null or InstrumentLoadException, $"{Path.GetFileName(file)}: {ex?.GetType().Name}: {ex?.Message}");
        }
    }

    [Fact]
    public void InvalidUtf8IsOneDiagnosticAtItsLine()
    {
        // {"id": "t", then the bytes 0xC3 0x28 (a lead byte without its continuation) inside a string on line 2.
        byte[] input = [.. "{\"id\": \"t\",\n\"title\": \"a"u8, 0xC3, 0x28, .. "\"}"u8];
        var ex = Assert.Throws<InstrumentLoadException>(() => Instrument.Load(new MemoryStream(input), sourceName: "bad.json"));
        var d = Assert.Single(ex.Diagnostics);
        Assert.Equal(("invalid-utf8", 2, 12), (d.Code, d.Line, d.Column)); // line 2 (from byte 12): `"title": "a` is 11 bytes, so 0xC3 is byte 23, column 12
        Assert.Equal("The file is not valid UTF-8: byte 23 (0xC3) does not start a character. Save the file as UTF-8.", d.Reason);
    }

    private static readonly string[] OddNumbers = ["1e400", "-0", "99999999999999999999", "1.5", "NaN", "0x10"];

    private static readonly string[] Swaps = ["null", "\"\"", "0", "-1", "1e400", "true", "{}", "[]", "[null]", "{\"x\": null}"];

    /// <summary>Replaces one to three values of a well-formed document by null or a value of another type (JSON stays well-formed).</summary>
    private static byte[] SwapValues(Random random, byte[] document)
    {
        for (var n = 1 + random.Next(3); n > 0; n--)
        {
            var positions = JsonValuePosition.All(document);
            var position = positions[random.Next(positions.Count)];
            document = position.Replace(document, random.Next(2) == 0 ? "null" : Swaps[random.Next(Swaps.Length)]);
        }

        return document;
    }

    private static byte[] Mutate(Random random)
    {
        var seed = Seeds[random.Next(Seeds.Length)];
        if (random.Next(3) == 0)
        {
            // Type swaps alone, so that most of these inputs get past the syntax check to the shape and meaning checks.
            return SwapValues(random, seed);
        }

        var bytes = new List<byte>(random.Next(4) == 0 ? SwapValues(random, seed) : seed);
        var edits = 1 + random.Next(4);
        for (var e = 0; e < edits; e++)
        {
            var at = bytes.Count == 0 ? 0 : random.Next(bytes.Count);
            switch (random.Next(12))
            {
                case 0: // truncate
                    bytes.RemoveRange(at, bytes.Count - at);
                    break;
                case 1: // delete a range
                    bytes.RemoveRange(at, Math.Min(bytes.Count - at, random.Next(1, 64)));
                    break;
                case 2: // repeat a range
                    bytes.InsertRange(at, bytes.GetRange(at, Math.Min(bytes.Count - at, random.Next(1, 200))));
                    break;
                case 3: // random bytes, invalid UTF-8 included
                    bytes.InsertRange(at, Enumerable.Range(0, random.Next(1, 16)).Select(_ => (byte)random.Next(256)));
                    break;
                case 4: // NUL
                    bytes.Insert(at, 0);
                    break;
                case 5: // a BOM, at the start or anywhere
                    bytes.InsertRange(random.Next(2) == 0 ? 0 : at, [0xEF, 0xBB, 0xBF]);
                    break;
                case 6: // deep nesting
                    var depth = random.Next(20, 400);
                    bytes.InsertRange(at, Encoding.ASCII.GetBytes(new string('[', depth) + new string(']', depth)));
                    break;
                case 7: // a huge or odd number
                    bytes.InsertRange(at, Encoding.ASCII.GetBytes(OddNumbers[random.Next(OddNumbers.Length)]));
                    break;
                case 8: // a duplicate key
                    bytes.InsertRange(at, Encoding.ASCII.GetBytes("\"id\": \"x\", \"id\": \"y\", "));
                    break;
                case 9: // a very long string
                    bytes.InsertRange(at, Encoding.ASCII.GetBytes("\"" + new string('a', random.Next(1000, 300_000)) + "\""));
                    break;
                case 10: // a null anywhere
                    bytes.InsertRange(at, "null"u8.ToArray());
                    break;
                default: // flip one byte
                    if (bytes.Count > 0)
                    {
                        bytes[at] ^= (byte)(1 << random.Next(8));
                    }

                    break;
            }
        }

        return [.. bytes];
    }
}
