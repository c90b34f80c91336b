using System.Text.Json;
using System.Text.Json.Serialization;
using Assessments.CardSort;
using Assessments.Responses;

namespace Assessments.Data;

/// <summary>
/// <c>assess score</c> for a card-sort instrument: one JSON object per line
/// (<c>{"respondent":"p1","piles":{"autonomy":"very",…},"ranks":{"autonomy":1,…},"choices":[["a","b","a"],…]}</c>),
/// each scored or written to the rejects with its line and reason.
/// </summary>
public static class CardSortScoreRun
{
    /// <summary>Scores every line of <paramref name="path"/>: each valid line is written to <paramref name="output"/> and given to the callbacks, each invalid one goes to <paramref name="rejects"/> with its row, line and reasons. Rows read = scored + rejected.</summary>
    /// <param name="instrument">An instrument of this kind.</param>
    /// <param name="path">The JSON Lines file.</param>
    /// <param name="output">Where the scores go, or null.</param>
    /// <param name="format">The format of <paramref name="output"/>.</param>
    /// <param name="rejects">Where rejected lines go (CSV), or null.</param>
    /// <param name="onResult">Called with each valid line's result, in order.</param>
    /// <param name="onResponse">Called with each valid line's sort, in order.</param>
    public static ScoreSummary Run(Instrument instrument, string path, TextWriter? output, ScoreFormat format, TextWriter? rejects,
        Action<CardSortResult>? onResult = null, Action<CardSortResponse>? onResponse = null)
    {
        _ = CardSortScorer.Settings(instrument); // refuses an instrument of another kind
        if (output is not null && format == ScoreFormat.Csv)
        {
            output.WriteLine("respondent," + string.Join(",", instrument.KindHandler.SummaryColumns(instrument).Select(c => CsvText.Escape(c, ','))));
        }

        return JsonLines.Run(path, CardSortJson.Default.CardSortLine, "card sort", rejects, parsed =>
        {
            var choices = parsed?.Choices?.Select(c => c is { Count: 3 } ? new PairedChoice(c[0], c[1], c[2]) : new PairedChoice("", "", "")).ToList();
            var response = new CardSortResponse(parsed?.Respondent, parsed?.Piles, parsed?.Ranks, choices);
            var problems = instrument.Validate((IResponse)response);
            if (parsed?.Choices?.Any(c => c is not { Count: 3 }) == true)
            {
                problems = [new ResponseProblem(parsed.Respondent, "", "Each choice is [first card, second card, chosen card]."), .. problems];
            }

            if (problems.Count > 0)
            {
                return (parsed?.Respondent, problems);
            }

            var result = (CardSortResult)instrument.Score((IResponse)response);
            onResult?.Invoke(result);
            onResponse?.Invoke(response);
            if (output is not null)
            {
                output.WriteLine(format == ScoreFormat.Csv
                    ? CsvText.Escape(result.RespondentId ?? "", ',') + "," + string.Join(",", result.SummaryValues().Select(v => CsvText.Escape(v, ',')))
                    : JsonLines.Json(result));
            }

            return (parsed?.Respondent, problems);
        });
    }
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
