using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Assessments.CardSort;
using Assessments.Responses;

namespace Assessments.Cli;

/// <summary>
/// <c>assess score</c> for a card-sort instrument: one JSON object per line
/// (<c>{"respondent":"p1","piles":{"autonomy":"very",…},"ranks":{"autonomy":1,…},"choices":[["a","b","a"],…]}</c>),
/// each scored or written to the rejects with its line and reason.
/// </summary>
internal static class CardSortScoreRun
{
    public static ScoreSummary Run(Instrument instrument, string path, TextWriter? output, string format, TextWriter? rejects,
        Action<CardSortResult>? onResult = null, Action<CardSortResponse>? onResponse = null)
    {
        _ = CardSortScorer.Settings(instrument); // refuses an instrument of another kind
        if (output is not null && format == "csv")
        {
            output.WriteLine("respondent," + string.Join(",", instrument.KindHandler.SummaryColumns(instrument).Select(c => CsvText.Escape(c, ','))));
        }

        rejects?.WriteLine("row,line,respondent,column,reason");
        long read = 0, scored = 0, rejected = 0, lineNumber = 0;
        using var reader = new StreamReader(path, Encoding.UTF8);
        string? line;
        while ((line = reader.ReadLine()) is not null)
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            read++;
            CardSortLine? parsed;
            try
            {
                parsed = JsonSerializer.Deserialize(line, CardSortJson.Default.CardSortLine);
            }
            catch (JsonException ex)
            {
                rejected++;
                Reject(rejects, read, lineNumber, "", "", "The line is not a valid card sort: " + ex.Message.Split(" Path:", 2)[0]);
                continue;
            }

            var choices = parsed?.Choices?.Select(c => c.Count == 3 ? new PairedChoice(c[0], c[1], c[2]) : new PairedChoice("", "", "")).ToList();
            var response = new CardSortResponse(parsed?.Respondent, parsed?.Piles, parsed?.Ranks, choices);
            var problems = CardSortScorer.Validate(instrument, response);
            if (parsed?.Choices?.Any(c => c.Count != 3) == true)
            {
                problems = [new ResponseProblem(parsed.Respondent, "", "Each choice is [first card, second card, chosen card]."), .. problems];
            }

            if (problems.Count > 0)
            {
                rejected++;
                foreach (var problem in problems)
                {
                    Reject(rejects, read, lineNumber, parsed?.Respondent ?? "", problem.ItemId, problem.Message);
                }

                continue;
            }

            var result = CardSortScorer.Score(instrument, response);
            scored++;
            onResult?.Invoke(result);
            onResponse?.Invoke(response);
            if (output is null)
            {
                continue;
            }

            if (format == "csv")
            {
                output.WriteLine(CsvText.Escape(result.RespondentId ?? "", ',') + "," + string.Join(",", result.SummaryValues().Select(v => CsvText.Escape(v, ','))));
            }
            else
            {
                using var stream = new MemoryStream();
                using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
                {
                    result.WriteJson(writer);
                }

                output.WriteLine(Encoding.UTF8.GetString(stream.ToArray()));
            }
        }

        return new ScoreSummary(read, scored, rejected);
    }

    private static void Reject(TextWriter? rejects, long row, long line, string respondent, string column, string reason) =>
        rejects?.WriteLine(string.Join(",", row.ToString(CultureInfo.InvariantCulture), line.ToString(CultureInfo.InvariantCulture),
            CsvText.Escape(respondent, ','), CsvText.Escape(column, ','), CsvText.Escape(reason, ',')));
}

internal sealed class CardSortLine
{
    public string? Respondent { get; set; }
    public Dictionary<string, string>? Piles { get; set; }
    public Dictionary<string, int>? Ranks { get; set; }
    public List<List<string>>? Choices { get; set; }
}

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow)]
[JsonSerializable(typeof(CardSortLine))]
internal sealed partial class CardSortJson : JsonSerializerContext;
