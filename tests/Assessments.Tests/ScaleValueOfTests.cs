namespace Assessments.Tests;

/// <summary><see cref="Definitions.Scale.ValueOf"/>, the seam readers that add answers themselves use, against Score.</summary>
public sealed class ScaleValueOfTests
{
    [Fact]
    public void ValueOf_gives_the_value_Score_reports_and_NaN_below_minAnswered()
    {
        // career-readiness, clarity = CL01, -CL02, CL03, -CL04, CL05 on 1..5, mean, minAnswered 0.6 (3 of 5).
        // Answers 3, 2, 4, 4, 5 recode to 3 + 4 + 4 + 2 + 5 = 18: mean 18 / 5 = 3.6. Two answers (3, 2 → 3 + 4 = 7) are
        // below 3 of 5: NaN, as Score reports no value.
        var instrument = Instruments.Load("career-readiness");
        var clarity = instrument.Scales.Single(s => s.Id == "clarity");
        Assert.Equal(3.6, clarity.ValueOf(18, 5, 5));
        Assert.True(double.IsNaN(clarity.ValueOf(7, 2, 2)));
        Assert.Equal(11.0 / 3, clarity.ValueOf(11, 3, 3)); // 3, 2, 4 → 3 + 4 + 4: three of five is enough

        var answers = new Dictionary<string, int?> { ["CL01"] = 3, ["CL02"] = 2, ["CL03"] = 4, ["CL04"] = 4, ["CL05"] = 5 };
        var scored = instrument.Score(new Responses.Response("p", answers)).Scales.Single(s => s.ScaleId == "clarity");
        Assert.Equal(scored.Value, clarity.ValueOf(18, 5, 5));
    }
}
