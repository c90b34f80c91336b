using System.Globalization;
using Assessments.Responses;
using Assessments.Scoring;

namespace Assessments.Tests;

/// <summary>The README's C# example, compiled here; ReadmeTests checks the README shows exactly these lines.</summary>
internal static class ReadmeExample
{
    public static InstrumentResult Run()
    {
        // README-BEGIN
        var instrument = Instruments.Load("career-readiness"); // shipped inside the package; Instrument.Load(path) for your own
        var answers = new Dictionary<string, int?>
        {
            ["CL01"] = 4, ["CL02"] = 2, ["CL03"] = 5, ["CL04"] = 1, ["CL05"] = 4, // CL02, CL04 are reverse-keyed
            ["CO01"] = 3, ["CO02"] = null,                                       // null = not answered
        };
        var result = instrument.Score(new Response("p01", answers));
        foreach (var scale in result.Scales)
        {
            Console.WriteLine($"{scale.ScaleId}: {scale.Value?.ToString(CultureInfo.InvariantCulture) ?? scale.MissingReason}");
        }
        // clarity: 4.4  (4 + (6−2) + 5 + (6−1) + 4) / 5
        // confidence: Only 1 of 5 items were answered; the scale needs at least 60 % of them (minAnswered 0.6).
        // README-END
        return result;
    }
}
