using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Assessments.Responses;

namespace Assessments.Data;

/// <summary>
/// JSON Lines files: <see cref="Lines"/> reads one bounded line at a time (the results that <c>assess score --format jsonl</c>
/// writes, say). Inside, the loop shared by the card-sort and Ikigai scoring runs: every non-blank line is parsed strictly, then
/// either scored (the callback writes its output) or written to the rejects with its row, line and reasons.
/// Rows read = scored + rejected.
/// </summary>
public static class JsonLines
{
    /// <summary>The header of every rejects output.</summary>
    public const string RejectsHeader = "row,line,respondent,column,reason,status";

    /// <param name="path">The JSON Lines file.</param>
    /// <param name="typeInfo">The strict, source-generated shape of one line.</param>
    /// <param name="what">What a line is, for the parse-error message (e.g. "card sort").</param>
    /// <param name="rejects">Where rejected rows go, if anywhere.</param>
    /// <param name="process">Validates and, when valid, scores and writes one parsed line; returns its respondent and problems.</param>
    internal static ScoreSummary Run<T>(string path, JsonTypeInfo<T> typeInfo, string what, TextWriter? rejects,
        Func<T?, (string? Respondent, IReadOnlyList<ResponseProblem> Problems)> process)
    {
        rejects?.WriteLine(RejectsHeader);
        long read = 0, scored = 0, rejected = 0, lineNumber = 0;
        using var reader = new StreamReader(RecordLengthGuard.Open(path, quotes: false), Encoding.UTF8);
        string? line;
        while ((line = reader.ReadLine()) is not null)
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            read++;
            T? parsed;
            try
            {
                parsed = JsonSerializer.Deserialize(line, typeInfo);
            }
            catch (JsonException ex)
            {
                rejected++;
                Reject(rejects, read, lineNumber, "", "", $"The line is not a valid {what}: " + ex.Message.Split(" Path:", 2)[0]);
                continue;
            }

            var (respondent, problems) = process(parsed);
            if (problems.Count == 0)
            {
                scored++;
                continue;
            }

            rejected++;
            foreach (var problem in problems)
            {
                Reject(rejects, read, lineNumber, respondent ?? "", problem.ItemId, problem.Reason);
            }
        }

        return new ScoreSummary(read, scored, rejected);
    }

    /// <summary>The lines of a JSON Lines file, lazily, each bounded by the record limit (a longer one ends the enumeration with an <see cref="InputFileException"/> naming its line).</summary>
    /// <param name="path">The file.</param>
    public static IEnumerable<string> Lines(string path)
    {
        using var reader = new StreamReader(RecordLengthGuard.Open(path, quotes: false), Encoding.UTF8);
        while (reader.ReadLine() is { } line)
        {
            yield return line;
        }
    }

    /// <summary>A result as one JSON object on one line, French accents kept readable.</summary>
    internal static string Json(Scoring.InstrumentResult result)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            result.WriteJson(writer);
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private static void Reject(TextWriter? rejects, long row, long line, string respondent, string column, string reason) =>
        rejects?.WriteLine(string.Join(",", row.ToString(CultureInfo.InvariantCulture), line.ToString(CultureInfo.InvariantCulture),
            CsvText.Escape(respondent, ','), CsvText.Escape(column, ','), CsvText.Escape(reason, ','), ScoreWriter.RowRejected));
}
