using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace Assessments.Cli.Tests;

/// <summary>
/// Fuzzing every command that reads a file, the way <see cref="CsvFuzzTests"/> fuzzes <c>assess score</c>'s CSV: for a
/// bounded time with a fixed seed (<c>ASSESSMENTS_FUZZ_SEED</c>, <c>ASSESSMENTS_FUZZ_SECONDS</c>), JSON Lines of every kind
/// (card sorts, Ikigai exercises, results for <c>report</c>) with values swapped for <c>null</c> or another JSON type,
/// members removed, lines cut or broken; CSVs for <c>analyze</c>, <c>norms</c> and <c>match --scores</c> with stray quotes,
/// NULs, odd cells and odd separators. Every id and text in the files carries a marker: it must never reach stderr. Only
/// documented exit codes may come out, and never the last-resort message that an exception escaped.
/// </summary>
public sealed class CommandFuzzTests : IDisposable
{
    /// <summary>Put into every id, label and extra header of the fuzzed files: stderr must never show it.</summary>
    private const string Secret = "ZQSECRET";

    private static readonly JsonNode?[] Swaps = [null, JsonValue.Create("x"), JsonValue.Create(3), JsonValue.Create(-1e300), JsonValue.Create(true), new JsonArray(), new JsonObject(), new JsonArray(JsonValue.Create(1), null)];

    private readonly TempDirectory _temp = new();
    private readonly Random _random = new(Seed);

    private static int Seed => int.TryParse(Environment.GetEnvironmentVariable("ASSESSMENTS_FUZZ_SEED"), out var s) ? s : 20261205;

    private static double Seconds => double.TryParse(Environment.GetEnvironmentVariable("ASSESSMENTS_FUZZ_SECONDS"), NumberStyles.Float, CultureInfo.InvariantCulture, out var t) ? t : 6;

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void CardSortJsonLinesGiveOnlyDocumentedOutcomes()
    {
        var lines = Marked(File.ReadAllLines(Path.Combine(TestPaths.Instruments, "examples", "values-cards.responses.jsonl")));
        var instrument = Path.Combine(TestPaths.Instruments, "values-cards.json");
        Fuzz(iteration => MutatedJsonLines(lines), "jsonl", input =>
        [
            ["score", "--instrument", instrument, "--responses", input, "--rejects", _temp.PathOf("rejects.csv"), "--out", _temp.PathOf("out.csv")],
            ["analyze", "--instrument", instrument, "--responses", input, "--format", "json"],
        ]);
    }

    [Fact]
    public void IkigaiJsonLinesGiveOnlyDocumentedOutcomes()
    {
        var lines = Marked(File.ReadAllLines(Path.Combine(TestPaths.Instruments, "examples", "ikigai.responses.jsonl")));
        var instrument = Path.Combine(TestPaths.Instruments, "ikigai.json");
        Fuzz(iteration => MutatedJsonLines(lines), "jsonl", input =>
        [
            ["score", "--instrument", instrument, "--responses", input, "--rejects", _temp.PathOf("rejects.csv"), "--out", _temp.PathOf("out.jsonl")],
            ["score", "--instrument", instrument, "--responses", input, "--format", "csv", "--out", _temp.PathOf("out.csv")],
        ]);
    }

    [Fact]
    public void ResultsForTheReportGiveOnlyDocumentedOutcomes()
    {
        // Results of every kind, as `assess score --format jsonl` writes them, for the people the examples hold.
        var results = new List<string>();
        foreach (var (instrument, responses) in new[]
        {
            ("career-readiness", "career-readiness.responses.csv"), ("interests-riasec", "interests-riasec.responses.csv"),
            ("type-indicator", "type-indicator.responses.csv"), ("values-cards", "values-cards.responses.jsonl"), ("ikigai", "ikigai.responses.jsonl"),
        })
        {
            var output = _temp.PathOf(instrument + ".jsonl");
            var scored = AssessRunner.Run("score", "--instrument", instrument, "--responses", Path.Combine(TestPaths.Instruments, "examples", responses), "--format", "jsonl", "--out", output);
            Assert.Equal(0, scored.ExitCode);
            results.AddRange(File.ReadAllLines(output));
        }

        // One person holds every result: the report reads all of them.
        var person = Secret + "-person";
        var lines = results.Select(l => JsonNode.Parse(l)!).Select(n =>
        {
            n["respondent"] = person;
            return n.ToJsonString();
        }).ToArray();
        Fuzz(iteration => MutatedJsonLines(lines), "jsonl", input =>
        [
            ["report", "--results", input, "--respondent", person, "--out", _temp.PathOf("report.html")],
        ], allowPersonOnCommandLine: true);
    }

    [Fact]
    public void CsvsForAnalyzeNormsAndMatchGiveOnlyDocumentedOutcomes()
    {
        var instrument = _temp.Write("t.json", Assessments.Testing.ThreeItemLikert.Json);
        var catalog = Path.Combine(TestPaths.Instruments, "catalogs", "starter-occupations.json");
        Fuzz(iteration => iteration % 2 == 0 ? RandomCsv("id,I1,I2,I3", 3, 5) : RandomCsv("id,R,I,A,S,E,C", 6, 5), "csv", input =>
        [
            ["analyze", "--instrument", instrument, "--responses", input],
            ["analyze", "--instrument", instrument, "--responses", input, "--format", "json", "--impute", "median", "--omega", "1"],
            ["norms", "--instrument", instrument, "--responses", input, "--out", _temp.PathOf("normed.json")],
            ["match", "--catalog", catalog, "--scores", input, "--out", _temp.PathOf("matches.csv")],
        ]);
    }

    private void Fuzz(Func<int, byte[]> next, string extension, Func<string, string[][]> commands, bool allowPersonOnCommandLine = false)
    {
        var input = _temp.PathOf("input." + extension);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        for (var iteration = 0; clock.Elapsed.TotalSeconds < Seconds || iteration < 30; iteration++)
        {
            var bytes = next(iteration);
            File.WriteAllBytes(input, bytes);
            foreach (var args in commands(input))
            {
                CliResult result;
                try
                {
                    result = AssessRunner.Run(args);
                }
                catch (Exception ex)
                {
                    Fail(bytes, extension, iteration, args, $"{ex.GetType().Name}: {ex.Message}");
                    return;
                }

                if (result.ExitCode is not (0 or 1 or 4) || result.Stderr.Contains("unexpected", StringComparison.Ordinal))
                {
                    Fail(bytes, extension, iteration, args, $"exit {result.ExitCode}: {result.Stderr}");
                }

                var stderr = allowPersonOnCommandLine ? result.Stderr.Replace(Secret + "-person", "", StringComparison.Ordinal) : result.Stderr;
                if (stderr.Contains(Secret, StringComparison.Ordinal))
                {
                    Fail(bytes, extension, iteration, args, "stderr shows the file's data: " + result.Stderr);
                }
            }
        }
    }

    private static void Fail(byte[] bytes, string extension, int iteration, string[] args, string what)
    {
        var path = Path.Combine(Path.GetTempPath(), $"assess-command-fuzz-{Seed}-{iteration}.{extension}");
        File.WriteAllBytes(path, bytes);
        Assert.Fail($"seed {Seed}, iteration {iteration}, assess {string.Join(' ', args.Take(1))} (input saved to {path}): {what}");
    }

    /// <summary>The lines with every respondent id and text value given the marker.</summary>
    private static string[] Marked(string[] lines) => [.. lines.Where(l => l.Length > 0).Select(l =>
    {
        var node = JsonNode.Parse(l)!;
        Mark(node);
        return node.ToJsonString();
    })];

    private static void Mark(JsonNode node)
    {
        switch (node)
        {
            case JsonObject o:
                foreach (var (key, value) in o.ToList())
                {
                    if (key is "respondent" or "label" or "derivation" && value is JsonValue v && v.TryGetValue<string>(out var text))
                    {
                        o[key] = Secret + text;
                    }
                    else if (value is not null)
                    {
                        Mark(value);
                    }
                }

                break;
            case JsonArray a:
                foreach (var item in a)
                {
                    if (item is not null)
                    {
                        Mark(item);
                    }
                }

                break;
        }
    }

    private byte[] MutatedJsonLines(string[] lines)
    {
        var output = new StringBuilder();
        foreach (var line in lines.Take(_random.Next(1, lines.Length + 1)))
        {
            var text = line;
            switch (_random.Next(10))
            {
                case < 5:
                    JsonNode? node = JsonNode.Parse(line)!;
                    for (var m = _random.Next(1, 4); m > 0 && node is not null; m--)
                    {
                        node = Mutate(node);
                    }

                    text = node?.ToJsonString() ?? "null";
                    break;
                case 5:
                    text = line[.._random.Next(line.Length)]; // cut
                    break;
                case 6:
                    text = line.Insert(_random.Next(line.Length), _random.Next(2) == 0 ? "\0" : "\"" + Secret + "\"");
                    break;
                default:
                    break;
            }

            output.Append(text).Append(_random.Next(8) == 0 ? "\r\n" : "\n");
        }

        return Encoding.UTF8.GetBytes(output.ToString());
    }

    /// <summary>One mutation at a random place of the tree: a value swapped for null or another type, or a member removed.</summary>
    private JsonNode? Mutate(JsonNode root)
    {
        var places = new List<(JsonNode Parent, object Key)>();
        Collect(root, places);
        if (places.Count == 0 || _random.Next(20) == 0)
        {
            return Swaps[_random.Next(Swaps.Length)]?.DeepClone();
        }

        var (parent, key) = places[_random.Next(places.Count)];
        var swap = Swaps[_random.Next(Swaps.Length)]?.DeepClone();
        if (parent is JsonObject o)
        {
            if (_random.Next(4) == 0)
            {
                o.Remove((string)key);
            }
            else
            {
                o[(string)key] = swap;
            }
        }
        else if (parent is JsonArray a)
        {
            a[(int)key] = swap;
        }

        return root;
    }

    private static void Collect(JsonNode node, List<(JsonNode Parent, object Key)> places)
    {
        if (node is JsonObject o)
        {
            foreach (var (key, value) in o)
            {
                places.Add((o, key));
                if (value is not null)
                {
                    Collect(value, places);
                }
            }
        }
        else if (node is JsonArray a)
        {
            for (var i = 0; i < a.Count; i++)
            {
                places.Add((a, i));
                if (a[i] is { } item)
                {
                    Collect(item, places);
                }
            }
        }
    }

    private byte[] RandomCsv(string header, int columns, int max)
    {
        string[] cells = ["1", "2", "3", "4", "5", "", "0", "9", "2.5", "NaN", "-Infinity", "1e308", "x", "\"4", "\0", "3\0", Secret];
        var separator = _random.Next(6) == 0 ? ';' : ',';
        var text = new StringBuilder();
        if (_random.Next(10) > 0)
        {
            text.Append(header.Replace(',', separator));
            if (_random.Next(5) == 0)
            {
                text.Append(separator).Append(Secret + "col");
            }

            text.Append('\n');
        }

        for (var r = _random.Next(0, 30); r > 0; r--)
        {
            text.Append(Secret).Append(_random.Next(4) == 0 ? "" : r.ToString(CultureInfo.InvariantCulture));
            var fields = _random.Next(12) == 0 ? _random.Next(0, columns + 2) : columns;
            for (var c = 0; c < fields; c++)
            {
                text.Append(separator).Append(_random.Next(4) == 0 ? cells[_random.Next(cells.Length)] : _random.Next(1, max + 1).ToString(CultureInfo.InvariantCulture));
            }

            text.Append(_random.Next(15) == 0 ? "\r\n" : "\n");
        }

        return Encoding.UTF8.GetBytes(text.ToString());
    }
}
