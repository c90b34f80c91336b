namespace Assessments.Matching.Tests;

/// <summary>The real O*NET 30.1/29.3 and ROME v460 files, and the shipped JSON catalog.</summary>
public class CatalogLoaderTests
{
    [Fact]
    public void LoadsOnet301WithJobZonesFrom293()
    {
        var catalog = OccupationCatalog.LoadOnet(TestPaths.Onet301, jobZonesFolder: TestPaths.Onet293);
        Assert.Equal("O*NET 30.1", catalog.Name);
        Assert.Equal(1016, catalog.Occupations.Count);                      // Occupation Data.txt rows
        Assert.Equal(923, catalog.Occupations.Count(o => o.Interests is not null));
        Assert.Equal(923, catalog.Occupations.Count(o => o.JobZone is not null));
        // SOURCE.md's Job Zone counts for 29.3: JZ1 31, JZ2 295, JZ3 219, JZ4 224, JZ5 154.
        Assert.Equal([31, 295, 219, 224, 154], Enumerable.Range(1, 5).Select(z => catalog.Occupations.Count(o => o.JobZone == z)));
        Assert.Equal(874, catalog.Occupations.Count(o => o.WorkValues is not null));
        // Fewer than three high points, counted in Interests.txt's IH rows: 409 with two, 19 with one. (SOURCE.md says 447.)
        Assert.Equal(409, catalog.Occupations.Count(o => o.Interests is not null && o.HollandCode.Length == 2));
        Assert.Equal(19, catalog.Occupations.Count(o => o.Interests is not null && o.HollandCode.Length == 1));

        // 11-1011.00 Chief Executives in Interests.txt: OI R 1.30, I 3.24, A 2.08, S 3.52, E 6.88, C 5.00; IH 5, 6, 0 (E, C, none).
        var ceo = catalog.Find("11-1011.00")!;
        Assert.Equal("Chief Executives", ceo.Title());
        Assert.Equal([1.30, 3.24, 2.08, 3.52, 6.88, 5.00], ceo.Interests!.Scores);
        Assert.Equal((1.0, 7.0), (ceo.Interests.Min, ceo.Interests.Max));
        Assert.Equal("EC", ceo.HollandCode);
        Assert.Equal("ECS", ceo.MatchingCode); // completed by the next-highest OI level, S 3.52
        Assert.Equal(5, ceo.JobZone);          // Job Zones.txt (29.3)

        // 15-1252.00 Software Developers: IH 2, 6, 1 → ICR; Job Zone 4.
        var developers = catalog.Find("15-1252.00")!;
        Assert.Equal("ICR", developers.HollandCode);
        Assert.Equal(4, developers.JobZone);
        Assert.Contains("O*NET 30.1 Database", catalog.Attribution, StringComparison.Ordinal);
        Assert.Contains("CC BY 4.0", catalog.Attribution, StringComparison.Ordinal);
    }

    [Fact]
    public void Loads293JobZonesWrittenByExcel()
    {
        // 29.3 has only Job Zones among these files; its numbers may read "5.0". Combined as the job-zone source above; alone it lacks interests.
        var ex = Assert.Throws<CatalogLoadException>(() => OccupationCatalog.LoadOnet(TestPaths.Onet293));
        Assert.Equal(
        [
            $"{Path.Combine(TestPaths.Onet293, "Occupation Data.txt")}: The O*NET file 'Occupation Data.txt' is missing from {TestPaths.Onet293}.",
            $"{Path.Combine(TestPaths.Onet293, "Interests.txt")}: The O*NET file 'Interests.txt' is missing from {TestPaths.Onet293}.",
        ], ex.Problems.Select(p => p.ToString()));
    }

    [Fact]
    public void LoadsRomeV460()
    {
        var catalog = OccupationCatalog.LoadRome(TestPaths.Rome);
        Assert.Equal("ROME 4.0 v460", catalog.Name);
        Assert.Equal(1584, catalog.Occupations.Count);
        Assert.Equal(345, catalog.Occupations.Count(o => o.HollandCode.Length == 1)); // minor code empty
        Assert.Equal(568, catalog.Occupations.Count(o => o.HollandCode[0] == 'R'));  // SOURCE.md: majors R 568 …
        Assert.Equal(87, catalog.Occupations.Count(o => o.HollandCode[0] == 'A'));

        // "J1506","S","I": Infirmier / Infirmière en soins généraux (IDE); profile S = 1, I = 0.5 on 0–1.
        var nurse = catalog.Find("J1506")!;
        Assert.Equal("Infirmier / Infirmière en soins généraux (IDE)", nurse.Title("fr"));
        Assert.Equal("SI", nurse.HollandCode);
        Assert.Equal("SI", nurse.MatchingCode);
        Assert.Equal([0, 0.5, 0, 1, 0, 0], nurse.Interests!.Scores);
        Assert.Contains("Licence Ouverte", catalog.Attribution, StringComparison.Ordinal);
        Assert.Contains("v460", catalog.Attribution, StringComparison.Ordinal);
    }

    [Fact]
    public void LoadsTheStarterCatalog()
    {
        var catalog = OccupationCatalog.LoadJson(TestPaths.StarterCatalog);
        Assert.Equal("starter-occupations@1.0.0", catalog.Name);
        Assert.True(catalog.Occupations.Count >= 40);
        Assert.All(catalog.Occupations, o =>
        {
            Assert.NotNull(o.Interests);
            Assert.Equal(o.Interests!.Code, o.HollandCode); // each published code agrees with its own profile
            Assert.True(o.Titles.ContainsKey("en") && o.Titles.ContainsKey("fr"));
            Assert.InRange(o.JobZone!.Value, 1, 5);
        });
    }

    [Fact]
    public void ReportsMalformedOnetRowsWithFileLineAndReason()
    {
        var folder = Directory.CreateTempSubdirectory().FullName;
        File.WriteAllText(Path.Combine(folder, "Occupation Data.txt"), "O*NET-SOC Code\tTitle\tDescription\n11-1011.00\tChief Executives\tRuns things\n");
        File.WriteAllText(Path.Combine(folder, "Interests.txt"),
            "O*NET-SOC Code\tElement ID\tElement Name\tScale ID\tData Value\tDate\tDomain Source\n" +
            "11-1011.00\t1.B.1.a\tRealistic\tOI\t9.5\t11/2023\tMachine Learning\n" +
            "11-1011.00\t1.B.1.b\tInvestigative\tOI\tabc\t11/2023\tMachine Learning\n" +
            "11-1011.00\t1.B.1.c\tArtistic\tOI\n");
        var interests = Path.Combine(folder, "Interests.txt");
        var ex = Assert.Throws<CatalogLoadException>(() => OccupationCatalog.LoadOnet(folder));
        Assert.Equal(
        [
            $"{interests}(2): The OI level 9.5 is outside 1–7.",
            $"{interests}(3): 'abc' is not a number (Data Value).",
            $"{interests}(4): The row has 4 fields; the header has 7.",
        ], ex.Problems.Select(p => p.ToString()));
    }

    [Fact]
    public void NamesAMissingRomeFile()
    {
        var folder = Directory.CreateTempSubdirectory().FullName;
        var ex = Assert.Throws<CatalogLoadException>(() => OccupationCatalog.LoadRome(folder));
        Assert.Equal($"{Path.Combine(folder, "unix_referentiel_code_rome_v*_utf8.csv")}: No file matching 'unix_referentiel_code_rome_v*_utf8.csv' in {folder}; expected the ROME 4.0 open-data export.",
            ex.Problems[0].ToString());
    }
}

/// <summary>Whether a catalog can answer a Job Zone filter or a work-values query, for an application to refuse one it cannot.</summary>
public class CatalogCapabilityTests
{
    [Fact]
    public void SaysWhichCatalogsHaveJobZonesAndWorkValues()
    {
        var onet = OccupationCatalog.LoadOnet(TestPaths.Onet301);
        Assert.Equal((false, true), (onet.HasJobZones, onet.HasWorkValues)); // the 30.1 copy has no Job Zones.txt
        Assert.True(OccupationCatalog.LoadOnet(TestPaths.Onet301, jobZonesFolder: TestPaths.Onet293).HasJobZones);
        var rome = OccupationCatalog.LoadRome(TestPaths.Rome);
        Assert.Equal((false, false), (rome.HasJobZones, rome.HasWorkValues));
        var starter = OccupationCatalog.LoadStarter();
        Assert.Equal((true, true), (starter.HasJobZones, starter.HasWorkValues));
        Assert.Empty(new OccupationMatcher(onet, new MatchOptions { MinJobZone = 1 }).Candidates); // what the flag warns of
    }
}
