using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Assessments.Ikigai;
using Assessments.Responses;

namespace Assessments.Data;

/// <summary>
/// <c>assess score</c> for an Ikigai exercise: JSON Lines in
/// (<c>{"respondent":"k01","candidates":[{"id":"…","label":"…","ratings":{"love":5,"goodAt":4,"needs":4,"paid":3}}]}</c>, a
/// circle may instead be <c>"derived":{"love":{"value":0.8,"derivation":"…"}}</c>), JSON Lines (default) or CSV out.
/// </summary>
public static class IkigaiScoreRun
{
    private const string CsvHeader = "respondent,rank,candidate,label,love,goodAt,needs,paid,passion,mission,profession,vocation,ikigai,region,weakest,gap";

    /// <summary>Scores every line of <paramref name="path"/>: each valid line is written to <paramref name="output"/> and given to the callbacks, each invalid one goes to <paramref name="rejects"/> with its row, line and reasons. Rows read = scored + rejected.</summary>
    /// <param name="instrument">An instrument of this kind.</param>
    /// <param name="path">The JSON Lines file.</param>
    /// <param name="output">Where the scores go, or null.</param>
    /// <param name="format">The format of <paramref name="output"/>.</param>
    /// <param name="rejects">Where rejected lines go (CSV), or null.</param>
    /// <param name="onResult">Called with each valid line's result, in order.</param>
    public static ScoreSummary Run(Instrument instrument, string path, TextWriter? output, ScoreFormat format, TextWriter? rejects, Action<IkigaiResult>? onResult = null)
    {
        _ = IkigaiScorer.Settings(instrument); // refuses an instrument of another kind
        if (output is not null && format == ScoreFormat.Csv)
        {
            output.WriteLine(CsvHeader);
        }

        return JsonLines.Run(path, IkigaiJson.Default.IkigaiLine, "Ikigai response", rejects, parsed =>
        {
            var (response, problems) = ToResponse(parsed);
            problems = [.. problems, .. response is null ? [] : instrument.Validate((IResponse)response)];
            if (problems.Count > 0)
            {
                return (parsed?.Respondent, problems);
            }

            var result = (IkigaiResult)instrument.Score((IResponse)response!);
            onResult?.Invoke(result);
            if (output is null)
            {
                return (parsed?.Respondent, problems);
            }

            if (format != ScoreFormat.Csv)
            {
                output.WriteLine(JsonLines.Json(result));
                return (parsed?.Respondent, problems);
            }

            foreach (var c in result.Candidates)
            {
                output.WriteLine(string.Join(",", new[]
                {
                    CsvText.Escape(result.RespondentId ?? "", ','), N(c.Rank), CsvText.Escape(c.Id, ','), CsvText.Escape(c.Label ?? "", ','),
                    D(c.Memberships[0]), D(c.Memberships[1]), D(c.Memberships[2]), D(c.Memberships[3]),
                    D(c.Passion), D(c.Mission), D(c.Profession), D(c.Vocation), D(c.Ikigai),
                    CsvText.Escape(c.RegionName, ','), IkigaiKind.CircleKeys[(int)c.Weakest], D(c.Gap),
                }));
            }

            return (parsed?.Respondent, problems);
        });
    }

    private static (IkigaiResponse? Response, IReadOnlyList<ResponseProblem> Problems) ToResponse(IkigaiLine? line)
    {
        var problems = new List<ResponseProblem>();
        if (line?.Candidates is null)
        {
            problems.Add(new ResponseProblem(line?.Respondent, "", "The line has no \"candidates\"."));
            return (null, problems);
        }

        var candidates = new List<IkigaiCandidate>();
        var position = 0;
        foreach (var c in line.Candidates)
        {
            position++;
            if (c is null)
            {
                problems.Add(new ResponseProblem(line.Respondent, "", string.Create(CultureInfo.InvariantCulture, $"Candidate {position} is null; each candidate is an object with an id and ratings.")));
                continue;
            }

            var ratings = new Dictionary<IkigaiCircle, int>();
            var derived = new Dictionary<IkigaiCircle, DerivedMembership>();
            foreach (var (key, value) in c.Ratings ?? [])
            {
                if (Circle(key) is { } circle)
                {
                    ratings[circle] = value;
                }
                else
                {
                    problems.Add(new ResponseProblem(line.Respondent, c.Id ?? "", $"'{key}' is not a circle; use love, goodAt, needs and paid."));
                }
            }

            foreach (var (key, value) in c.Derived ?? [])
            {
                if (Circle(key) is { } circle && value is not null)
                {
                    derived[circle] = new DerivedMembership(value.Value, value.Derivation ?? "derived (no derivation given)");
                }
                else if (value is null)
                {
                    problems.Add(new ResponseProblem(line.Respondent, c.Id ?? "", $"The derived membership '{key}' is null; give {{\"value\": 0 to 1, \"derivation\": \"…\"}}."));
                }
                else
                {
                    problems.Add(new ResponseProblem(line.Respondent, c.Id ?? "", $"'{key}' is not a circle; use love, goodAt, needs and paid."));
                }
            }

            candidates.Add(new IkigaiCandidate(c.Id ?? "", c.Label, ratings, derived));
        }

        return (new IkigaiResponse(line.Respondent, candidates), problems);
    }

    private static IkigaiCircle? Circle(string key)
    {
        var index = IkigaiKind.CircleKeys.ToList().IndexOf(key);
        return index < 0 ? null : (IkigaiCircle)index;
    }

    private static string N(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string D(double value) => CsvText.Number(value);
}

internal sealed class IkigaiLine
{
    public string? Respondent { get; set; }
    public List<IkigaiCandidateLine>? Candidates { get; set; }
}

internal sealed class IkigaiCandidateLine
{
    public string? Id { get; set; }
    public string? Label { get; set; }
    public Dictionary<string, int>? Ratings { get; set; }
    public Dictionary<string, DerivedLine>? Derived { get; set; }
}

internal sealed class DerivedLine
{
    public required double Value { get; set; }
    public string? Derivation { get; set; }
}

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow)]
[JsonSerializable(typeof(IkigaiLine))]
internal sealed partial class IkigaiJson : JsonSerializerContext;
