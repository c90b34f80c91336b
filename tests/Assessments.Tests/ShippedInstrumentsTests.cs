using System.Security.Cryptography;

namespace Assessments.Tests;

/// <summary>The instruments embedded in the package are the repository's files, byte for byte.</summary>
public class ShippedInstrumentsTests
{
    [Fact]
    public void EveryInstrumentFileIsShippedAndNothingElse()
    {
        // skills-portfolio needs a ROME catalog, so it ships with its kind in Assessments.Matching (SkillsKind.LoadShipped).
        var files = Directory.GetFiles(Path.Combine(TestPaths.RepoRoot, "instruments"), "*.json")
            .Select(f => Path.GetFileNameWithoutExtension(f)).Where(f => f != "skills-portfolio").Order(StringComparer.Ordinal);
        Assert.Equal(files, Instruments.Ids);
        Assert.Equal(["career-readiness", "ikigai", "interests-riasec", "type-indicator", "values-cards"], Instruments.Ids);
    }

    [Theory]
    [InlineData("career-readiness")]
    [InlineData("ikigai")]
    [InlineData("interests-riasec")]
    [InlineData("type-indicator")]
    [InlineData("values-cards")]
    public void AShippedInstrumentIsTheFileItCameFrom(string id)
    {
        var path = Path.Combine(TestPaths.RepoRoot, "instruments", id + ".json");
        var embedded = Instruments.Load(id);
        var fromFile = Instrument.Load(path);
        Assert.Equal(id, embedded.Id);
        Assert.Equal(fromFile.Fingerprint, embedded.Fingerprint);
        Assert.Equal(SHA256.HashData(File.ReadAllBytes(path)), SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(Instruments.Definition(id))));
    }

    [Fact]
    public void AnUnknownIdNamesTheShippedOnes()
    {
        var ex = Assert.Throws<ArgumentException>(() => Instruments.Load("riasec"));
        Assert.StartsWith("No shipped instrument has the id 'riasec'. The shipped instruments are: career-readiness, ikigai, interests-riasec, type-indicator, values-cards.", ex.Message, StringComparison.Ordinal);
    }
}
