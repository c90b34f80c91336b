namespace Assessments.Matching.Tests;

/// <summary>Work-values matching against O*NET's Work Values.txt, and the combined interests + values ranking.</summary>
public class ValuesMatcherTests
{
    private static readonly OccupationCatalog Onet = OccupationCatalog.LoadOnet(TestPaths.Onet301, jobZonesFolder: TestPaths.Onet293);

    [Fact]
    public void AValuesProfileCopiedFromAnOccupationFindsItFirst()
    {
        // 11-1011.00 Chief Executives: its six Extent levels rescaled to 0–1 as a person's profile.
        var ceo = Onet.Find("11-1011.00")!;
        var person = ceo.WorkValues!.Select(x => (x - 1) / 6).ToList();
        var matcher = new ValuesMatcher(Onet);
        Assert.Equal(874, matcher.CandidateCount); // SOURCE.md: 874 occupations have work values
        var matches = matcher.Match(person, top: 5);
        Assert.Equal("11-1011.00", matches[0].Occupation.Code);
        Assert.Equal(1, matches[0].Score, 12);
        Assert.Equal(0, matches[0].Distance, 12);
        Assert.True(matches.Zip(matches.Skip(1)).All(p => p.First.Score >= p.Second.Score));
    }

    [Fact]
    public void CombinesInterestsAndValuesWithTheStatedWeights()
    {
        var ceo = Onet.Find("11-1011.00")!;
        var interests = new InterestProfile(ceo.Interests!.Scores, 1, 7);
        var values = ceo.WorkValues!.Select(x => (x - 1) / 6).ToList();
        var both = CombinedMatcher.Match(Onet, interests, values, top: 3);
        Assert.Equal("11-1011.00", both[0].Occupation.Code); // r = 1 on both sides
        Assert.Equal(1, both[0].Score, 12);
        Assert.Equal(0.5 * both[1].Interests.Score + 0.5 * both[1].Values.Score, both[1].Score, 12);

        // With all the weight on values the order is the values order (among occupations with both profiles).
        var valuesOnly = CombinedMatcher.Match(Onet, interests, values, top: 5, interestWeight: 0);
        Assert.Equal(valuesOnly.Select(m => m.Values.Score), valuesOnly.Select(m => m.Score));
    }

    [Fact]
    public void LoadsTheStarterCatalogsWorkValues()
    {
        var starter = OccupationCatalog.LoadJson(TestPaths.StarterCatalog);
        Assert.All(starter.Occupations, o => Assert.Equal(6, o.WorkValues!.Count));
    }
}

/// <summary>Ikigai circles derived from interest and values fit.</summary>
public class IkigaiDerivationTests
{
    [Fact]
    public void DerivesLoveAndNeedsFromTheFitOfAnOccupation()
    {
        var starter = OccupationCatalog.LoadJson(TestPaths.StarterCatalog);
        var occupation = starter.Occupations[0];
        // The occupation's own profile as the person's: r = 1, so love = (1 + 1)/2 = 1.
        var love = IkigaiDerivation.LoveFromInterests(new InterestProfile(occupation.Interests!.Scores, 1, 7), occupation);
        Assert.Equal(1, love.Value, 12);
        Assert.Contains(occupation.Code, love.Derivation, StringComparison.Ordinal);
        // The reversed values profile: r = −1, so needs = 0.
        var reversed = occupation.WorkValues!.Select(x => 1 - ((x - 1) / 6)).ToList();
        Assert.Equal(0, IkigaiDerivation.NeedsFromValues(reversed, occupation).Value, 12);
        Assert.Throws<ArgumentException>(() => IkigaiDerivation.LoveFromInterests(new InterestProfile([3, 3, 3, 3, 3, 3], 1, 5), occupation));
    }
}

/// <summary>A NaN or infinite profile value is refused up front with the area or work value named, never a number.</summary>
public class NonFiniteProfileTests
{
    private static readonly OccupationCatalog Starter = OccupationCatalog.LoadStarter();

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(double.NegativeInfinity)]
    public void AnInterestProfileNamesTheArea(double value)
    {
        var ex = Assert.Throws<ArgumentException>(() => new InterestProfile([2, 3, 4, value, 2, 1], 1, 5));
        Assert.Equal(("riasec", "The S score is not a finite number (NaN or infinite); give six scores on the scale. (Parameter 'riasec')"), (ex.ParamName, ex.Message));
    }

    [Fact]
    public void TheLeanRankingNamesTheArea() =>
        Assert.StartsWith("The E score is outside the scale 1–5 or not a finite number",
            Assert.Throws<ArgumentException>(() => new OccupationMatcher(Starter).Rank([1, 2, 3, 4, double.NaN, 1], 1, 5, new int[10], new double[10])).Message,
            StringComparison.Ordinal);

    [Theory]
    [InlineData(double.NaN, "The work value Relationships is not a finite number (NaN or infinite); a work-values profile has six values from 0 to 1.")]
    [InlineData(double.PositiveInfinity, "The work value Relationships is not a finite number (NaN or infinite); a work-values profile has six values from 0 to 1.")]
    [InlineData(1.5, "The work value Relationships is outside 0–1; a work-values profile has six values from 0 to 1.")]
    public void AWorkValuesProfileNamesTheValue(double value, string message)
    {
        double[] profile = [0.5, 0.5, 0.5, value, 0.5, 0.5];
        var values = Assert.Throws<ArgumentException>(() => new ValuesMatcher(Starter).Match(profile));
        Assert.Equal(("person", $"{message} (Parameter 'person')"), (values.ParamName, values.Message));
        var combined = Assert.Throws<ArgumentException>(() => CombinedMatcher.Match(Starter, new InterestProfile([2, 3, 4, 5, 2, 1], 1, 5), profile));
        Assert.Equal(("workValues", $"{message} (Parameter 'workValues')"), (combined.ParamName, combined.Message));
    }

    [Fact]
    public void MessagesUseTheInvariantCultureUnderACommaDecimalCulture()
    {
        var saved = System.Globalization.CultureInfo.CurrentCulture;
        try
        {
            System.Globalization.CultureInfo.CurrentCulture = new System.Globalization.CultureInfo("fr-FR");
            var ex = Assert.Throws<ArgumentException>(() => new InterestProfile([2, 3, 4, 5.5, 2, 1], 1.5, 5));
            Assert.StartsWith("The S score is outside the scale 1.5–5.", ex.Message, StringComparison.Ordinal);
            Assert.DoesNotContain("5.5", ex.Message, StringComparison.Ordinal); // the score itself is not quoted
            Assert.StartsWith("The scale must run from a lower to a higher finite bound; got 2.5–1.5.",
                Assert.Throws<ArgumentException>(() => new InterestProfile([2, 2, 2, 2, 2, 2], 2.5, 1.5)).Message, StringComparison.Ordinal);
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentCulture = saved;
        }
    }
}
