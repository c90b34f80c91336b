using Assessments.Interests;

namespace Assessments.Matching;

/// <summary>
/// One occupation of a catalog: its code and titles, its interest profile and Holland code when the source has them,
/// its Job Zone (O*NET's preparation level, 1–5) and its work-values profile.
/// </summary>
public sealed class Occupation
{
    internal Occupation(string code, IReadOnlyDictionary<string, string> titles, IReadOnlyDictionary<string, string>? descriptions,
        InterestProfile? interests, string hollandCode, int? jobZone, IReadOnlyList<double>? workValues, bool completeCode = true)
    {
        Code = code;
        Titles = titles;
        Descriptions = descriptions ?? new Dictionary<string, string>();
        Interests = interests;
        HollandCode = hollandCode;
        JobZone = jobZone;
        WorkValues = workValues;
        MatchingCode = completeCode ? CompleteCode(hollandCode, interests) : hollandCode;
    }

    /// <summary>The occupation's code in its source (O*NET-SOC, ROME, or the catalog's own).</summary>
    public string Code { get; }

    /// <summary>Titles by language (O*NET: en; ROME: fr; JSON catalogs: their languages).</summary>
    public IReadOnlyDictionary<string, string> Titles { get; }

    /// <summary>Descriptions by language, where the source has them.</summary>
    public IReadOnlyDictionary<string, string> Descriptions { get; }

    /// <summary>The occupation's interest profile (O*NET OI 1–7; ROME major = 1, minor = 0.5 on 0–1), or null when the source has none.</summary>
    public InterestProfile? Interests { get; }

    /// <summary>The Holland code as the source publishes it: O*NET's high points (1–3 letters), ROME's major and minor letters.</summary>
    public string HollandCode { get; }

    /// <summary>
    /// The code used by code-based indices: the published code, completed to three letters from the interest profile's
    /// order when it is shorter and a profile exists (PROJECT CHOICE; O*NET lists no third high point for 428 occupations).
    /// ROME codes stay one or two letters.
    /// </summary>
    public string MatchingCode { get; }

    /// <summary>O*NET Job Zone 1–5 (preparation needed), or null.</summary>
    public int? JobZone { get; }

    /// <summary>
    /// Work values (O*NET Extent, 1–7) in the order Achievement, Working Conditions, Recognition, Relationships, Support,
    /// Independence; null when the source has none.
    /// </summary>
    public IReadOnlyList<double>? WorkValues { get; }

    /// <summary>The title in <paramref name="language"/>, else in English, else any.</summary>
    public string Title(string language = "en") =>
        Titles.TryGetValue(language, out var t) ? t : Titles.TryGetValue("en", out var en) ? en : Titles.Values.FirstOrDefault() ?? Code;

    /// <inheritdoc />
    public override string ToString() => $"{Code} {Title()}";

    private static string CompleteCode(string published, InterestProfile? interests)
    {
        if (published.Length >= 3 || interests is null)
        {
            return published;
        }

        var code = published;
        foreach (var letter in Holland.Code(interests.ScoresSpan, 6))
        {
            if (code.Length == 3)
            {
                break;
            }

            if (!code.Contains(letter, StringComparison.Ordinal))
            {
                code += letter;
            }
        }

        return code;
    }
}
