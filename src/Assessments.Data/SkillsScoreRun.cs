using System.Globalization;
using System.Text.Json.Serialization;
using Assessments.Matching.Skills;
using Assessments.Responses;

namespace Assessments.Data;

/// <summary>
/// Scoring for the kind <c>skills</c>: one portfolio per JSON line,
/// <c>{"respondent":"m01","experiences":[{"id":"e1","rome":"J1501","years":6},{"id":"e2","title":"secrétaire médicale"}],
/// "skills":[{"code":"107740","level":3,"wish":"no","experiences":["e1"]}],"stories":[{"id":"s1","title":"…","text":"…","skills":["487074"]}]}</c>,
/// each scored (CSV: the counts of held, strengths, leaveBehind and proposed; JSON Lines: the whole portfolio) or written to
/// the rejects with its row, line, the code each problem concerns and the reason.
/// </summary>
public static class SkillsScoreRun
{
    /// <summary>Scores every line of <paramref name="path"/>. Rows read = scored + rejected.</summary>
    /// <param name="instrument">A skills instrument, loaded with its <see cref="SkillsKind"/>.</param>
    /// <param name="path">The JSON Lines file.</param>
    /// <param name="output">Where the scores go, or null.</param>
    /// <param name="format">The format of <paramref name="output"/>.</param>
    /// <param name="rejects">Where rejected lines go (CSV), or null.</param>
    /// <param name="onResult">Called with each valid line's result, in order.</param>
    public static ScoreSummary Run(Instrument instrument, string path, TextWriter? output, ScoreFormat format, TextWriter? rejects, Action<SkillsResult>? onResult = null)
    {
        ArgumentNullException.ThrowIfNull(instrument);
        if (instrument.KindSettings is not SkillsSettings)
        {
            throw new ArgumentException($"'{instrument.Reference}' is not a skills instrument.", nameof(instrument));
        }

        if (output is not null && format == ScoreFormat.Csv)
        {
            output.WriteLine("respondent," + string.Join(",", instrument.KindHandler.SummaryColumns(instrument)));
        }

        return JsonLines.Run(path, SkillsJson.Default.SkillsLine, "skills portfolio", rejects, parsed =>
        {
            var response = new SkillsResponse(parsed?.Respondent,
                [.. (parsed?.Experiences ?? []).Select(e => new Experience(e?.Id ?? "", e?.Rome, e?.Title, e?.Years))],
                [.. (parsed?.Skills ?? []).Select(s => new SkillRating(s?.Code ?? "", s?.Level ?? int.MinValue, s?.Wish, s?.Experiences))],
                [.. (parsed?.Stories ?? []).Select(s => new SkillStory(s?.Id ?? "", s?.Title ?? "", s?.Text, s?.Skills ?? []))]);
            var problems = instrument.Validate((IResponse)response);
            if (problems.Count > 0)
            {
                return (parsed?.Respondent, problems);
            }

            var result = (SkillsResult)instrument.Score((IResponse)response);
            onResult?.Invoke(result);
            output?.WriteLine(format == ScoreFormat.Csv
                ? CsvText.Escape(result.RespondentId ?? "", ',') + "," + string.Join(",", result.SummaryValues())
                : JsonLines.Json(result));
            return (parsed?.Respondent, problems);
        });
    }
}

internal sealed class SkillsLine
{
    public string? Respondent { get; set; }
    public List<ExperienceLine?>? Experiences { get; set; }
    public List<RatingLine?>? Skills { get; set; }
    public List<StoryLine?>? Stories { get; set; }
}

internal sealed class ExperienceLine
{
    public string? Id { get; set; }
    public string? Rome { get; set; }
    public string? Title { get; set; }
    public double? Years { get; set; }
}

internal sealed class RatingLine
{
    public string? Code { get; set; }
    public int? Level { get; set; }
    public string? Wish { get; set; }
    public List<string>? Experiences { get; set; }
}

internal sealed class StoryLine
{
    public string? Id { get; set; }
    public string? Title { get; set; }
    public string? Text { get; set; }
    public List<string>? Skills { get; set; }
}

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow)]
[JsonSerializable(typeof(SkillsLine))]
internal sealed partial class SkillsJson : JsonSerializerContext;
