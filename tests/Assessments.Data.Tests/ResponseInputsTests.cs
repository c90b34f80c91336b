using System.Globalization;
using System.Text.Json;
using Assessments.Responses;
using Assessments.Scoring;

namespace Assessments.Data.Tests;

/// <summary>
/// The registry of response inputs, keyed by instrument kind: the shipped kinds' inputs, options an input cannot honour
/// refused by name, and an app's own input plugged in with <see cref="ResponseInputs.With"/> without changing the library.
/// </summary>
public sealed class ResponseInputsTests : IDisposable
{
    private readonly string _temp = Directory.CreateTempSubdirectory("assess-data-tests-").FullName;

    public void Dispose() => Directory.Delete(_temp, recursive: true);

    private static Instrument Load(string id) => Instrument.Load(Path.Combine(TestPaths.Instruments, id + ".json"));

    [Fact]
    public void Each_shipped_kind_has_its_input()
    {
        Assert.Equal(["card-sort", "ikigai", "skills"], ResponseInputs.Default.Kinds);
        Assert.Same(ResponseInputs.CardSortLines, ResponseInputs.Default.For(Load("values-cards")));
        Assert.Same(ResponseInputs.IkigaiLines, ResponseInputs.Default.For(Load("ikigai")));
        foreach (var id in new[] { "career-readiness", "interests-riasec", "type-indicator" })
        {
            Assert.Same(ResponseInputs.Table, ResponseInputs.Default.For(Load(id)));
        }
    }

    [Fact]
    public void A_card_sort_scores_through_the_same_entry_point_to_its_expected_values()
    {
        // values-cards.expected.csv applies the documented rule by hand (mid-ranks of the pile groups, score (40 − rank)/39,
        // mean per work value): each result that ScoreRun gives must carry its top cards and work values.
        var examples = Path.Combine(TestPaths.Instruments, "examples");
        var results = new List<InstrumentResult>();
        var summary = new ScoreRun { Instrument = Load("values-cards"), ResponsesPath = Path.Combine(examples, "values-cards.responses.jsonl"), OnResult = results.Add }.Run();
        Assert.Equal("json-lines", summary.Reader);
        var expected = File.ReadAllLines(Path.Combine(examples, "values-cards.expected.csv")).Skip(1).Select(l => l.Split(',')).ToList();
        Assert.Equal((expected.Count, expected.Count, 0L), (summary.Read, summary.Scored, summary.Rejected));
        for (var r = 0; r < expected.Count; r++)
        {
            var result = Assert.IsType<CardSort.CardSortResult>(results[r]);
            Assert.Equal(expected[r][0], result.RespondentId);
            Assert.Equal(expected[r][1], string.Join(' ', result.Top));
            Assert.Equal(expected[r][2..], result.WorkValues.Select(v => v!.Value.ToString("R", CultureInfo.InvariantCulture)));
        }
    }

    [Fact]
    public void A_table_option_on_a_JSON_Lines_kind_is_refused_by_name()
    {
        var run = new ScoreRun
        {
            Instrument = Load("values-cards"),
            ResponsesPath = Path.Combine(TestPaths.Instruments, "examples", "values-cards.responses.jsonl"),
            Read = new ResponsesReadOptions { Separator = ';' },
        };
        var error = Assert.Throws<UnsupportedOptionException>(run.Run);
        Assert.Equal("Separator (--separator) does not apply to values-cards@1.0.0: its responses are JSON Lines, one card sort per line, not a table.", error.Message);

        var workbook = new ScoreRun { Instrument = Load("ikigai"), ResponsesPath = Path.Combine(TestPaths.Instruments, "examples", "ikigai.responses.jsonl") };
        Assert.Throws<UnsupportedOptionException>(() => workbook.RunToWorkbook(Stream.Null));
    }

    [Fact]
    public void An_apps_own_input_plugs_in_by_kind_and_scores_as_the_table()
    {
        // The app receives each person's answers as JSON ({"respondent":…,"answers":{item:value}}); Exports/plain.csv's
        // 12 people converted to that shape must score exactly as plain.csv does through the table input.
        var lines = File.ReadAllText(TestPaths.Export("plain.csv")).ReplaceLineEndings("\n").TrimEnd('\n').Split('\n');
        var header = lines[0].Split(',');
        var jsonl = Path.Combine(_temp, "answers.jsonl");
        File.WriteAllLines(jsonl, lines.Skip(1).Select(line =>
        {
            var cells = line.Split(',');
            var answers = header.Skip(1).Select((item, j) => (item, cell: cells[j + 1])).Where(x => x.cell.Length > 0).Select(x => $"\"{x.item}\":{x.cell}");
            return $"{{\"respondent\":\"{cells[0]}\",\"answers\":{{{string.Join(",", answers)}}}}}";
        }));

        var readiness = Load("career-readiness");
        using var expected = new StringWriter();
        new ScoreRun { Instrument = readiness, ResponsesPath = TestPaths.Export("plain.csv"), Output = expected }.Run();

        var inputs = ResponseInputs.Default.With("likert", new AnswersJsonInput());
        Assert.IsType<AnswersJsonInput>(inputs.For(readiness));
        Assert.Same(ResponseInputs.Table, ResponseInputs.Default.For(readiness)); // Default is unchanged
        using var actual = new StringWriter();
        var summary = new ScoreRun { Instrument = readiness, ResponsesPath = jsonl, Output = actual, Inputs = inputs }.Run();
        Assert.Equal(new ScoreSummary(12, 12, 0), summary);
        Assert.Equal(expected.ToString().ReplaceLineEndings("\n"), actual.ToString().ReplaceLineEndings("\n"));
    }

    [Fact]
    public void An_apps_own_kind_scores_from_a_table_through_the_same_entry_point()
    {
        // PassFailKind (tests/Assessments.Tests): pass when scale s, the mean of I1 and I2, is at least 3.5. Row a: (4 + 3)/2 =
        // 3.5, passed; row b: (3 + 3)/2 = 3, not passed; row c: I2 = 9 is outside 1–5, rejected with its line.
        var kinds = Assessments.Scoring.InstrumentKindRegistry.Default.With(new Assessments.Tests.PassFailKind());
        var instrument = Instrument.Parse("""
            { "id": "pf", "version": "1.0.0", "kind": "pass-fail", "languages": ["en"], "title": { "en": "PF" },
              "responseFormats": { "f": { "min": 1, "max": 5 } },
              "items": [ { "id": "I1", "format": "f", "text": { "en": "1" } }, { "id": "I2", "format": "f", "text": { "en": "2" } } ],
              "scales": [ { "id": "s", "items": ["I1", "I2"] } ], "pass-fail": { "scale": "s", "threshold": 3.5 } }
            """, new Definitions.InstrumentLoadOptions { Kinds = kinds });
        var csv = Path.Combine(_temp, "pf.csv");
        File.WriteAllText(csv, "id,I1,I2\na,4,3\nb,3,3\nc,2,9\n");
        Assert.Same(ResponseInputs.Table, ResponseInputs.Default.For(instrument));

        using var scores = new StringWriter();
        using var rejects = new StringWriter();
        var summary = new ScoreRun { Instrument = instrument, ResponsesPath = csv, Output = scores, Rejects = rejects }.Run();
        Assert.Equal((3L, 2L, 1L), (summary.Read, summary.Scored, summary.Rejected));
        Assert.Equal("id,s\na,3.5\nb,3\n", scores.ToString().ReplaceLineEndings("\n"));
        Assert.StartsWith("3,4,c,I2,", rejects.ToString().ReplaceLineEndings("\n").Split('\n')[1]);

        var results = new List<InstrumentResult>();
        new ScoreRun { Instrument = instrument, ResponsesPath = csv, OnResult = results.Add }.Run();
        Assert.Equal([true, false], results.Select(r => Assert.IsType<Assessments.Tests.PassFailResult>(r).Passed));
    }

    /// <summary>An app's own input: one JSON object of answers per line, scored with <see cref="Instrument.Score(Response)"/>.</summary>
    private sealed class AnswersJsonInput : IResponseInput
    {
        public string Name => "answers-json";

        public string Description => "JSON Lines of answers";

        public bool IsTable => false;

        public ScoreSummary Score(ScoreRun run)
        {
            long read = 0;
            run.Output?.WriteLine("id," + string.Join(",", run.Instrument.Scales.Select(s => s.Id)));
            foreach (var line in JsonLines.Lines(run.ResponsesPath))
            {
                read++;
                using var json = JsonDocument.Parse(line);
                var answers = json.RootElement.GetProperty("answers").EnumerateObject().ToDictionary(p => p.Name, p => (int?)p.Value.GetInt32());
                var result = run.Instrument.Score(new Response(json.RootElement.GetProperty("respondent").GetString(), answers));
                run.OnResult?.Invoke(result);
                run.Output?.WriteLine(result.RespondentId + "," + string.Join(",", result.Scales.Select(s => s.Value is { } v ? v.ToString("R", CultureInfo.InvariantCulture) : "")));
            }

            return new ScoreSummary(read, read, 0);
        }
    }
}
