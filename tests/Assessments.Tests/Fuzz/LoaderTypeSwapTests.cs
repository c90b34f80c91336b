using System.Text.Json;
using Assessments.Definitions;
using Assessments.Testing;

namespace Assessments.Tests.Fuzz;

/// <summary>
/// Every value of every shipped instrument, replaced in turn by null and by a value of each other JSON type: the loader
/// answers with diagnostics — one of them at the replaced value's own path, line and column — and never throws.
/// </summary>
public class LoaderTypeSwapTests
{
    /// <summary>The shipped files the core loads on its own (skills-portfolio.json needs the skills kind of Assessments.Matching).</summary>
    public static TheoryData<string> ShippedInstruments() =>
        [.. Directory.GetFiles(TestPaths.Instruments, "*.json").Select(f => Path.GetFileName(f)).Where(f => f != "skills-portfolio.json").Order(StringComparer.Ordinal)];

    [Theory]
    [MemberData(nameof(ShippedInstruments))]
    public void EveryValueSwappedForNullOrAnotherTypeIsADiagnosticAtThatValue(string file)
    {
        var original = File.ReadAllBytes(Path.Combine(TestPaths.Instruments, file));
        Assert.True(Instrument.TryLoad(Path.Combine(TestPaths.Instruments, file), out _, out _));
        var positions = JsonValuePosition.All(original);
        Assert.True(positions.Count > 40, $"{file}: only {positions.Count} values found");
        var failures = new List<string>();
        var mutations = 0;
        foreach (var position in positions)
        {
            foreach (var replacement in position.OtherTypes())
            {
                mutations++;
                var mutated = position.Replace(original, replacement);
                var json = System.Text.Encoding.UTF8.GetString(mutated);
                IReadOnlyList<InstrumentDiagnostic> diagnostics;
                try
                {
                    if (Instrument.TryParse(json, out _, out diagnostics, sourceName: file))
                    {
                        failures.Add($"{position.Path} = {replacement}: loaded");
                        continue;
                    }
                }
                catch (Exception ex)
                {
                    failures.Add($"{position.Path} = {replacement}: {ex.GetType().Name}: {ex.Message}");
                    continue;
                }

                var (line, column) = position.AnchorPosition(mutated);
                var here = diagnostics.Where(d => d.Path == position.Path).ToList();
                if (here.Count == 0)
                {
                    failures.Add($"{position.Path} = {replacement}: no diagnostic at the path; got {string.Join(" | ", diagnostics.Take(3))}");
                }
                else if (!here.Any(d => d.Line == line && d.Column == column))
                {
                    failures.Add($"{position.Path} = {replacement}: expected ({line},{column}), got {here[0]}");
                }
                else if (replacement == "null" && !here.Any(d => d.Code == "null-value" && d.Reason.StartsWith("null is not allowed here; expected ", StringComparison.Ordinal)))
                {
                    failures.Add($"{position.Path} = null: not a null-value diagnostic: {here[0]}");
                }
                else if (diagnostics.Any(d => string.IsNullOrWhiteSpace(d.Reason) || d.Line < 1 || d.Column < 1))
                {
                    failures.Add($"{position.Path} = {replacement}: a diagnostic without message or position: {diagnostics.First(d => d.Line < 1 || d.Column < 1)}");
                }
            }
        }

        Assert.True(failures.Count == 0, $"{file}: {failures.Count} of {mutations} mutations failed:\n" + string.Join("\n", failures.Take(40)));
    }

    [Fact]
    public void ThePositionWalkerFindsEveryValueWithItsPath()
    {
        var json = "{\"a\": [1, {\"b c\": null}], \"d\": \"é\"}"u8.ToArray();
        var positions = JsonValuePosition.All(json);
        Assert.Equal(["$", "$.a", "$.a[0]", "$.a[1]", "$.a[1]['b c']", "$.d"], positions.Select(p => p.Path));
        Assert.Equal("[1, {\"b c\": null}]", System.Text.Encoding.UTF8.GetString(json[positions[1].Start..positions[1].End]));
        Assert.Equal((1, 27), positions[5].AnchorPosition(json)); // the quote before d is the 27th character
        Assert.Equal(JsonTokenType.Null, positions[4].Token);
    }
}
