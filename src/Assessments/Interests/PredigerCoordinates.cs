namespace Assessments.Interests;

/// <summary>
/// Prediger's (1982) two dimensions under the hexagon (docs/methods.md §4.6), in the exact form
/// <c>Data/Ideas = √3 (E + C − I − A)</c> and <c>People/Things = 2S + A + E − 2R − I − C</c>: twice the projection of the
/// six scores on the axes when R, I, A, S, E, C sit at 270°, 210°, 150°, 90°, 30°, 330°. PROJECT CHOICE: √3, not the
/// rounded 1.73 of the secondary sources (the weights are not yet checked against Prediger's paper).
/// Positive Data/Ideas leans to Data, negative to Ideas; positive People/Things leans to People, negative to Things.
/// </summary>
/// <param name="DataIdeas">The Data (+) / Ideas (−) coordinate.</param>
/// <param name="PeopleThings">The People (+) / Things (−) coordinate.</param>
public sealed record PredigerCoordinates(double DataIdeas, double PeopleThings)
{
    /// <summary>The angles of R, I, A, S, E, C on Prediger's plane, in degrees.</summary>
    public static IReadOnlyList<double> AnglesDegrees { get; } = [270, 210, 150, 90, 30, 330];

    /// <summary>Computes the coordinates of six scores in RIASEC order.</summary>
    public static PredigerCoordinates Compute(ReadOnlySpan<double> riasec)
    {
        if (riasec.Length != 6)
        {
            throw new ArgumentException($"Expected six scores in RIASEC order; got {riasec.Length}.", nameof(riasec));
        }

        double r = riasec[0], i = riasec[1], a = riasec[2], s = riasec[3], e = riasec[4], c = riasec[5];
        return new PredigerCoordinates(Math.Sqrt(3) * (e + c - i - a), (2 * s) + a + e - (2 * r) - i - c);
    }
}
