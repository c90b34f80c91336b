using FsCheck.Xunit;

namespace Assessments.Matching.Tests;

/// <summary>Congruence indices against their definitions and the one published worked example (docs/methods.md §5).</summary>
public class CongruenceTests
{
    private const string Letters = "RIASEC";

    [Fact]
    public void ReproducesIachan1990sTieExample()
    {
        // Iachan (1990): an occupation coded ESA/ESI (third letter tied), person SEA: m(1) = 21, m(2) = 20, M = 20.5.
        // SEA vs ESA: S–S 5 (1st/2nd), E–E 10 (2nd/1st), A–A 1 (3rd/3rd) → 10 + 10 + 1 = 21; SEA vs ESI: 10 + 10 = 20.
        Assert.Equal(21, Congruence.IachanM("SEA", "ESA"));
        Assert.Equal(20, Congruence.IachanM("SEA", "ESI"));
        Assert.Equal(20.5, Congruence.IachanMAveraged(["SEA"], ["ESA", "ESI"]));
    }

    [Fact]
    public void HexagonDistancesFollowTheHexagon()
    {
        // R-I-A-S-E-C around the hexagon: same 0, adjacent 1, alternate 2, opposite 3; symmetric (unlike holland's d(A,S) = 0 bug).
        int[,] expected =
        {
            { 0, 1, 2, 3, 2, 1 },
            { 1, 0, 1, 2, 3, 2 },
            { 2, 1, 0, 1, 2, 3 },
            { 3, 2, 1, 0, 1, 2 },
            { 2, 3, 2, 1, 0, 1 },
            { 1, 2, 3, 2, 1, 0 },
        };
        for (var i = 0; i < 6; i++)
        {
            for (var j = 0; j < 6; j++)
            {
                Assert.Equal(expected[i, j], Congruence.HexagonDistance(Letters[i], Letters[j]));
            }
        }
    }

    [Theory]
    [InlineData("SEC", "SEC", 18)] // 3·3 + 2·3 + 1·3
    [InlineData("SEC", "RIA", 0)]  // S–R, E–I, C–A are all opposite
    [InlineData("SEC", "SAE", 13)] // X = 3 − d: S–S 3, E–A 1, C–E 2 → 3·3 + 2·1 + 1·2
    [InlineData("RIA", "IRC", 10)] // X: R–I adjacent 2, I–R adjacent 2, A–C opposite 0 → 3·2 + 2·2 + 0
    public void ComputesTheBrownGoreCIndex(string person, string environment, int expected) =>
        Assert.Equal(expected, Congruence.BrownGoreC(person, environment));

    [Property(MaxTest = 200)]
    public void CIndexStaysIn0To18AndIsSymmetric(int seed)
    {
        var random = new Random(seed);
        var p = RandomCode(random);
        var e = RandomCode(random);
        var c = Congruence.BrownGoreC(p, e);
        Assert.InRange(c, 0, 18);
        Assert.Equal(c, Congruence.BrownGoreC(e, p));
        Assert.Equal(18, Congruence.BrownGoreC(p, p));
        Assert.Equal(28, Congruence.IachanM(p, p));
        Assert.Equal(6, Congruence.ZenerSchnuelle(p, p));
        Assert.InRange(Congruence.IachanM(p, e), 0, 28);
    }

    [Theory]
    [InlineData("SEC", "SEC", 6)] // same three, same order
    [InlineData("SEC", "SEA", 5)] // first two in order
    [InlineData("SEC", "CSE", 4)] // same three, another order
    [InlineData("SEC", "SIA", 3)] // same first letter only
    [InlineData("SEC", "RIA", 0)]
    public void ComputesZenerSchnuelleWhereItsReadingsAgree(string person, string environment, int expected) =>
        Assert.Equal(expected, Congruence.ZenerSchnuelle(person, environment));

    [Theory]
    [InlineData("SEC", "ESI", 2)] // first two, swapped
    [InlineData("SEC", "RIS", 1)] // the person's first letter elsewhere
    public void ReadsZenerSchnuelleLevelsOneAndTwoAsUsuallyDescribed(string person, string environment, int expected) =>
        Assert.Equal(expected, Congruence.ZenerSchnuelle(person, environment)); // PROJECT CHOICE until the 1976 paper is checked

    [Fact]
    public void UsesIachansTwoLetterTableForShortCodes()
    {
        // Iachan 1990 two-letter weights [[5,2],[2,1]]: SE vs ES → 2 + 2 = 4; SE vs SE → 5 + 1 = 6.
        Assert.Equal(4, Congruence.IachanM("SE", "ES"));
        Assert.Equal(6, Congruence.IachanM("SEC", "SE"));
    }

    [Fact]
    public void RejectsCodesThatAreNotHollandCodes()
    {
        Assert.Equal("'SXC' is not a Holland code: 'X' is not one of R, I, A, S, E, C. (Parameter 'person')",
            Assert.Throws<ArgumentException>(() => Congruence.BrownGoreC("SXC", "SEC")).Message);
        Assert.Equal("'SSC' is not a Holland code: the letter 'S' repeats. (Parameter 'environment')",
            Assert.Throws<ArgumentException>(() => Congruence.IachanM("SEC", "SSC")).Message);
    }

    private static string RandomCode(Random random) => new([.. Letters.OrderBy(_ => random.Next()).Take(3)]);
}
