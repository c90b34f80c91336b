using System.Text;
using Assessments.Testing;

namespace Assessments.Matching.Tests.Fuzz;

/// <summary>
/// Fuzzing the catalog loaders for a bounded time with a fixed seed (<c>ASSESSMENTS_FUZZ_SEED</c>,
/// <c>ASSESSMENTS_FUZZ_SECONDS</c>): one file of the real O*NET 30.1 or ROME 4.0 folder, or the starter JSON catalog, is
/// mutated (truncated, lines deleted or repeated, fields added, random and invalid UTF-8 bytes, NUL, BOMs, huge numbers,
/// null; in the JSON catalog, values replaced by null or a value of another JSON type); only
/// <see cref="CatalogLoadException"/> may come out.
/// </summary>
public sealed class CatalogFuzzTests : IDisposable
{
    private static readonly string[] OddValues = ["1e400", "-7", "NaN", "", "\"", "99999999999", "7.5", "x", "null"];
    private static readonly string[] Swaps = ["null", "\"\"", "0", "-1", "1e400", "true", "{}", "[]", "[null]", "{\"x\": null}"];
    private readonly string _root = Directory.CreateTempSubdirectory("assess-catalog-fuzz-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public void MutatedCatalogFilesGiveOnlyCatalogProblems()
    {
        var seed = int.TryParse(Environment.GetEnvironmentVariable("ASSESSMENTS_FUZZ_SEED"), out var s) ? s : 20261127;
        var seconds = double.TryParse(Environment.GetEnvironmentVariable("ASSESSMENTS_FUZZ_SECONDS"), System.Globalization.CultureInfo.InvariantCulture, out var t) ? t : 10;
        var random = new Random(seed);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        for (var iteration = 0; clock.Elapsed.TotalSeconds < seconds || iteration < 30; iteration++)
        {
            var folder = Path.Combine(_root, iteration.ToString(System.Globalization.CultureInfo.InvariantCulture));
            Directory.CreateDirectory(folder);
            var kind = random.Next(3);
            Func<OccupationCatalog> load;
            string[] files;
            if (kind == 0)
            {
                files = ["Occupation Data.txt", "Interests.txt", "Work Values.txt"];
                foreach (var f in files)
                {
                    File.Copy(Path.Combine(TestPaths.Onet301, f), Path.Combine(folder, f));
                }

                load = () => OccupationCatalog.LoadOnet(folder, release: "30.1");
            }
            else if (kind == 1)
            {
                files = [.. Directory.GetFiles(TestPaths.Rome, "unix_referentiel_code_rome*").Select(Path.GetFileName)!];
                foreach (var f in files)
                {
                    File.Copy(Path.Combine(TestPaths.Rome, f), Path.Combine(folder, f));
                }

                load = () => OccupationCatalog.LoadRome(folder);
            }
            else
            {
                files = ["starter.json"];
                File.Copy(TestPaths.StarterCatalog, Path.Combine(folder, "starter.json"));
                load = () => OccupationCatalog.LoadJson(Path.Combine(folder, "starter.json"));
            }

            var target = Path.Combine(folder, files[random.Next(files.Length)]);
            // The JSON catalog: half the time its values are swapped (the JSON stays well-formed, so the shape checks are reached).
            File.WriteAllBytes(target, kind == 2 && random.Next(2) == 0 ? SwapValues(File.ReadAllBytes(target), random) : Mutate(File.ReadAllBytes(target), random));
            try
            {
                load();
            }
            catch (CatalogLoadException ex)
            {
                Assert.NotEmpty(ex.Problems);
            }
            catch (Exception ex)
            {
                var saved = Path.Combine(Path.GetTempPath(), $"assess-catalog-fuzz-{seed}-{iteration}-{Path.GetFileName(target)}");
                File.Copy(target, saved, overwrite: true);
                Assert.Fail($"seed {seed}, iteration {iteration}, {Path.GetFileName(target)}: {ex.GetType().Name}: {ex.Message} (saved to {saved})");
            }

            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>Replaces one to three values of a well-formed JSON document by null or a value of another type.</summary>
    private static byte[] SwapValues(byte[] document, Random random)
    {
        for (var n = 1 + random.Next(3); n > 0; n--)
        {
            var positions = JsonValuePosition.All(document);
            document = positions[random.Next(positions.Count)].Replace(document, random.Next(2) == 0 ? "null" : Swaps[random.Next(Swaps.Length)]);
        }

        return document;
    }

    private static byte[] Mutate(byte[] original, Random random)
    {
        var bytes = new List<byte>(original);
        for (var e = 1 + random.Next(3); e > 0; e--)
        {
            var at = bytes.Count == 0 ? 0 : random.Next(bytes.Count);
            var lineStart = bytes.Count == 0 ? 0 : bytes.LastIndexOf((byte)'\n', Math.Max(0, at - 1)) + 1;
            switch (random.Next(8))
            {
                case 0:
                    bytes.RemoveRange(at, bytes.Count - at);
                    break;
                case 1:
                    bytes.RemoveRange(at, Math.Min(bytes.Count - at, random.Next(1, 300)));
                    break;
                case 2:
                    bytes.InsertRange(lineStart, bytes.GetRange(lineStart, Math.Min(bytes.Count - lineStart, random.Next(1, 400))));
                    break;
                case 3:
                    bytes.InsertRange(at, Enumerable.Range(0, random.Next(1, 12)).Select(_ => (byte)random.Next(256)));
                    break;
                case 4:
                    bytes.InsertRange(random.Next(2) == 0 ? 0 : at, [0xEF, 0xBB, 0xBF]);
                    break;
                case 5:
                    bytes.InsertRange(at, Encoding.UTF8.GetBytes(OddValues[random.Next(OddValues.Length)]));
                    break;
                case 6:
                    bytes.InsertRange(at, Encoding.UTF8.GetBytes(random.Next(2) == 0 ? "\t" : ","));
                    break;
                default:
                    bytes.Insert(at, 0);
                    break;
            }
        }

        return [.. bytes];
    }
}
