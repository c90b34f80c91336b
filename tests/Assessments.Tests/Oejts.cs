namespace Assessments.Tests;

/// <summary>
/// OEJTS 1.2's published keys (docs/methods.md §3.1) as an instrument of the type-indicator kind, with placeholder texts:
/// proof that the engine reproduces the official formula. The minus-signed items of each formula are reverse-keyed.
/// </summary>
internal static class Oejts
{
    // Items by scale, in formula order, with "-" for the minus-signed ones.
    public static readonly (string Scale, string Low, string High, string[] Items)[] Scales =
    [
        ("IE", "I", "E", ["-Q3", "-Q7", "-Q11", "Q15", "-Q19", "Q23", "Q27", "-Q31"]),
        ("SN", "S", "N", ["Q4", "Q8", "Q12", "Q16", "Q20", "-Q24", "-Q28", "Q32"]),
        ("FT", "F", "T", ["-Q2", "Q6", "Q10", "-Q14", "-Q18", "Q22", "-Q26", "-Q30"]),
        ("JP", "J", "P", ["Q1", "Q5", "-Q9", "Q13", "-Q17", "Q21", "-Q25", "Q29"]),
    ];

    public static string Json(string tie = "low", string missing = "requireAll")
    {
        var items = string.Join(",", Enumerable.Range(1, 32).Select(i =>
            "{\"id\":\"Q" + i + "\",\"format\":\"f\",\"left\":{\"en\":\"left " + i + "\"},\"right\":{\"en\":\"right " + i + "\"}}"));
        var scales = string.Join(",", Scales.Select(s =>
            "{\"id\":\"" + s.Scale + "\",\"aggregate\":\"sum\",\"items\":[" + string.Join(",", s.Items.Select(k => "\"" + k + "\"")) + "]}"));
        var dichotomies = string.Join(",", Scales.Select(s =>
            "{\"scale\":\"" + s.Scale + "\",\"low\":\"" + s.Low + "\",\"high\":\"" + s.High + "\",\"midpoint\":24,\"tie\":\"" + tie + "\"}"));
        return "{\"id\":\"oejts-keys\",\"version\":\"1.2.0\",\"kind\":\"type-indicator\",\"languages\":[\"en\"],\"title\":{\"en\":\"OEJTS 1.2 keys (test)\"},"
            + "\"responseFormats\":{\"f\":{\"min\":1,\"max\":5}},\"items\":[" + items + "],\"scales\":[" + scales + "],"
            + "\"type-indicator\":{\"dichotomies\":[" + dichotomies + "],\"missing\":\"" + missing + "\"}}";
    }

    /// <summary>The official formulas, verbatim from docs/methods.md §3.1 (q[1] … q[32]).</summary>
    public static (int IE, int SN, int FT, int JP) Formula(int[] q) =>
    (
        30 - q[3] - q[7] - q[11] + q[15] - q[19] + q[23] + q[27] - q[31],
        12 + q[4] + q[8] + q[12] + q[16] + q[20] - q[24] - q[28] + q[32],
        30 - q[2] + q[6] + q[10] - q[14] - q[18] + q[22] - q[26] - q[30],
        18 + q[1] + q[5] - q[9] + q[13] - q[17] + q[21] - q[25] + q[29]
    );

    /// <summary>The official type: each scale &gt; 24 gives E, N, T, P; otherwise I, S, F, J.</summary>
    public static string Type((int IE, int SN, int FT, int JP) s) =>
        $"{(s.IE > 24 ? 'E' : 'I')}{(s.SN > 24 ? 'N' : 'S')}{(s.FT > 24 ? 'T' : 'F')}{(s.JP > 24 ? 'P' : 'J')}";

    public static Responses.Response Response(int[] q, string id = "p") =>
        new(id, Enumerable.Range(1, 32).ToDictionary(i => "Q" + i, i => (int?)q[i]));
}
