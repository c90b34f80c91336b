namespace Assessments.Matching.Tests;

/// <summary>
/// A row repeated in an O*NET or ROME file is a <see cref="CatalogProblem"/> on the repeated row's line naming the first
/// row's line — never a crash (a duplicated occupation used to throw from a dictionary) nor a silent overwrite.
/// </summary>
public sealed class DuplicateRowTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("assess-duplicates-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private const string OccupationData = "O*NET-SOC Code\tTitle\tDescription\n11-1011.00\tChief Executives\tRuns things.\n15-1252.00\tSoftware Developers\tWrites software.\n";

    private static string Interests(string code) => string.Concat("RIASEC".Select((l, k) =>
        $"{code}\t1.B.1.{(char)('a' + k)}\t{l}\tOI\t{3 + (k % 3)}\n"));

    private string Write(string file, string text)
    {
        var path = Path.Combine(_folder, file);
        File.WriteAllText(path, text);
        return path;
    }

    private void WriteOnet(string occupations = OccupationData, string? interests = null, string? jobZones = null, string? workValues = null)
    {
        Write("Occupation Data.txt", occupations);
        Write("Interests.txt", interests ?? "O*NET-SOC Code\tElement ID\tElement Name\tScale ID\tData Value\n" + Interests("11-1011.00") + Interests("15-1252.00"));
        if (jobZones is not null)
        {
            Write("Job Zones.txt", jobZones);
        }

        if (workValues is not null)
        {
            Write("Work Values.txt", workValues);
        }
    }

    private CatalogProblem OnetProblem() => Assert.Single(Assert.Throws<CatalogLoadException>(() => OccupationCatalog.LoadOnet(_folder)).Problems);

    [Fact]
    public void TheSampleFolderLoads()
    {
        WriteOnet(jobZones: "O*NET-SOC Code\tJob Zone\n11-1011.00\t5\n");
        var catalog = OccupationCatalog.LoadOnet(_folder);
        Assert.Equal(["11-1011.00", "15-1252.00"], catalog.Occupations.Select(o => o.Code));
        Assert.Equal(5, catalog.Find("11-1011.00")!.JobZone);
    }

    [Fact]
    public void ARepeatedOccupationRowNamesBothLines()
    {
        WriteOnet(OccupationData + "11-1011.00\tChief Executives\tRuns things.\n");
        var problem = OnetProblem();
        Assert.Equal((Path.Combine(_folder, "Occupation Data.txt"), 4), (problem.File, problem.Line));
        Assert.Equal("The occupation 11-1011.00 is given twice: this row repeats line 2. Keep one row.", problem.Reason);
    }

    [Fact]
    public void ARepeatedInterestRowNamesBothLines()
    {
        WriteOnet(interests: "O*NET-SOC Code\tElement ID\tElement Name\tScale ID\tData Value\n" + Interests("11-1011.00") + Interests("15-1252.00")
            + "11-1011.00\t1.B.1.c\tArtistic\tOI\t6\n");
        var problem = OnetProblem();
        Assert.Equal((Path.Combine(_folder, "Interests.txt"), 14), (problem.File, problem.Line));
        Assert.Equal("The OI value of element 1.B.1.c for 11-1011.00 is given twice: this row repeats line 4. Keep one row.", problem.Reason);
    }

    [Fact]
    public void ARepeatedJobZoneRowNamesBothLines()
    {
        WriteOnet(jobZones: "O*NET-SOC Code\tJob Zone\n11-1011.00\t5\n15-1252.00\t4\n11-1011.00\t4\n");
        var problem = OnetProblem();
        Assert.Equal((Path.Combine(_folder, "Job Zones.txt"), 4), (problem.File, problem.Line));
        Assert.Equal("The Job Zone of 11-1011.00 is given twice: this row repeats line 2. Keep one row.", problem.Reason);
    }

    [Fact]
    public void ARepeatedWorkValueRowNamesBothLines()
    {
        var values = string.Concat(Enumerable.Range(0, 6).Select(k => $"11-1011.00\t1.B.2.{(char)('a' + k)}\tValue\tEX\t{1 + k}\n"));
        WriteOnet(workValues: "O*NET-SOC Code\tElement ID\tElement Name\tScale ID\tData Value\n" + values + "11-1011.00\t1.B.2.b\tValue\tEX\t7\n");
        var problem = OnetProblem();
        Assert.Equal((Path.Combine(_folder, "Work Values.txt"), 8), (problem.File, problem.Line));
        Assert.Equal("The EX value of element 1.B.2.b for 11-1011.00 is given twice: this row repeats line 3. Keep one row.", problem.Reason);
    }

    [Fact]
    public void RepeatedRomeRowsNameBothLines()
    {
        var titles = Write("unix_referentiel_code_rome_v460_utf8.csv",
            "\"code_rome\",\"libelle_rome\"\n\"A1101\",\"Conduite\"\n\"A1102\",\"Pilotage\"\n\"A1101\",\"Conduite\"\n");
        var letters = Write("unix_referentiel_code_rome_riasec_v460_utf8.csv",
            "\"code_rome\",\"riasec_majeur\",\"riasec_mineur\"\n\"A1101\",\"R\",\"\"\n\"A1102\",\"R\",\"C\"\n\"A1102\",\"R\",\"\"\n");
        var problems = Assert.Throws<CatalogLoadException>(() => OccupationCatalog.LoadRome(_folder)).Problems;
        Assert.Equal(
        [
            $"{letters}(4): The fiche A1102 appears twice: this row repeats line 3. Keep one row.",
            $"{titles}(4): The fiche A1101 appears twice: this row repeats line 2. Keep one row.",
        ], problems.Select(p => p.ToString()).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void TheCatalogConstructorRefusesARepeatedCodeOrANullOccupation()
    {
        var starter = OccupationCatalog.LoadStarter();
        var twice = Assert.Throws<ArgumentException>(() => new OccupationCatalog("x", "", [starter.Occupations[0], starter.Occupations[0]]));
        Assert.StartsWith($"The code {starter.Occupations[0].Code} is used by two occupations; codes must be unique.", twice.Message, StringComparison.Ordinal);
        Assert.StartsWith("Occupation 1 is null.", Assert.Throws<ArgumentException>(() => new OccupationCatalog("x", "", [starter.Occupations[0], null!])).Message, StringComparison.Ordinal);
    }
}
