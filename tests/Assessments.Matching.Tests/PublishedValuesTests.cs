using Assessments.Interests;

namespace Assessments.Matching.Tests;

/// <summary>Prediger's weights as exact functions of the hexagon angles (docs/methods.md §4.6).</summary>
public class PublishedValuesTests
{
    [Fact]
    public void PredigerWeightsAreTwiceTheCosinesAndSinesOfTheHexagonAngles()
    {
        for (var k = 0; k < 6; k++)
        {
            var unit = new double[6];
            unit[k] = 1;
            var coordinates = PredigerCoordinates.Compute(unit);
            var angle = PredigerCoordinates.AnglesDegrees[k] * Math.PI / 180;
            Assert.Equal(2 * Math.Cos(angle), coordinates.DataIdeas, 12);
            Assert.Equal(2 * Math.Sin(angle), coordinates.PeopleThings, 12);
        }

        // The usual printed form: Data/Ideas = 1.73(E + C − I − A), People/Things = 2S + A + E − 2R − I − C.
        var p = PredigerCoordinates.Compute([1, 2, 3, 4, 5, 6]);
        Assert.Equal(Math.Sqrt(3) * (5 + 6 - 2 - 3), p.DataIdeas, 12);
        Assert.Equal((2 * 4) + 3 + 5 - (2 * 1) - 2 - 6, p.PeopleThings, 12);
    }
}
