using System.Globalization;
using System.Text;

namespace Assessments.Matching.Tests;

/// <summary>
/// The catalog loaders' limits (64 MiB a file, 1 MiB characters a record, 100,000 occupations): past them a file gives a
/// <see cref="CatalogLoadException"/> naming the file, the line and the limit, before it can exhaust memory.
/// </summary>
public sealed class CatalogLimitTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("assess-catalog-limits-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void AFileOverSixtyFourMiBIsRefusedBeforeItIsRead()
    {
        var path = Path.Combine(_folder, "huge.json");
        using (var file = File.Create(path))
        {
            file.SetLength((64L * 1024 * 1024) + 1); // sparse: nothing is written, the size alone must refuse it
        }

        var problem = Assert.Single(Assert.Throws<CatalogLoadException>(() => OccupationCatalog.LoadJson(path)).Problems);
        Assert.Equal((path, 0), (problem.File, problem.Line));
        Assert.Equal("The file has 67,108,865 bytes; catalog files may have at most 67,108,864 (64 MiB).", problem.Reason);
    }

    [Fact]
    public void ARecordOverOneMiBCharactersIsRefusedWithItsLine()
    {
        // An O*NET folder whose Occupation Data.txt has, on line 3, a description of 1,048,577 characters.
        var data = new StringBuilder("O*NET-SOC Code\tTitle\tDescription\n11-1011.00\tChief Executives\tPlans.\n");
        data.Append("11-1021.00\tManagers\t").Append('x', (1024 * 1024) - 19).Append('\n');
        File.WriteAllText(Path.Combine(_folder, "Occupation Data.txt"), data.ToString());
        File.WriteAllText(Path.Combine(_folder, "Interests.txt"), "O*NET-SOC Code\tElement ID\tElement Name\tScale ID\tData Value\n");
        var problem = Assert.Single(Assert.Throws<CatalogLoadException>(() => OccupationCatalog.LoadOnet(_folder)).Problems);
        Assert.Equal((Path.Combine(_folder, "Occupation Data.txt"), 3), (problem.File, problem.Line));
        Assert.Equal("The record that starts on this line has 1,048,577 characters; catalog records may have at most 1,048,576.", problem.Reason);
    }

    [Fact]
    public void AQuotedFieldThatNeverClosesStopsAtTheRecordLimit()
    {
        // ROME's quoted CSV: a quote opened on line 2 and never closed, followed by 1.1 MB of lines.
        var path = Path.Combine(_folder, "unix_referentiel_code_rome_v460_utf8.csv");
        var text = new StringBuilder("\"code_rome\",\"libelle_rome\"\n\"A1101\",\"Conduite\n");
        for (var i = 0; i < 40_000; i++)
        {
            text.Append("\"A1102\",\"Pilotage de machines agricoles\"\n");
        }

        File.WriteAllText(path, text.ToString());
        File.WriteAllText(Path.Combine(_folder, "unix_referentiel_code_rome_riasec_v460_utf8.csv"), "\"code_rome\",\"riasec_majeur\",\"riasec_mineur\"\n");
        var problems = Assert.Throws<CatalogLoadException>(() => OccupationCatalog.LoadRome(_folder)).Problems;
        // 17 characters on line 2, then 40,000 lines of 40 characters and their line breaks, to the end of the file.
        var problem = Assert.Single(problems);
        Assert.Equal((path, 2), (problem.File, problem.Line));
        Assert.Equal("The record that starts on this line has 1,640,017 characters; catalog records may have at most 1,048,576. A quoted field opened in it is never closed.", problem.Reason);
    }

    [Fact]
    public void TheRecordLimitCountsEveryLineOfAQuotedRecord()
    {
        // Line 2 opens a quoted field; each following line closes it and opens the next ("," in the middle), so no field
        // reaches 1 MiB, but the record, five lines of 400,000 characters, does.
        var path = Path.Combine(_folder, "unix_referentiel_code_rome_v460_utf8.csv");
        var text = new StringBuilder("\"code_rome\",\"libelle_rome\"\n\"A1101\",\"start\n");
        for (var i = 0; i < 5; i++)
        {
            text.Append('x', 400_000).Append("\",\"").Append('\n');
        }

        File.WriteAllText(path, text.Append("end\"\n").ToString());
        File.WriteAllText(Path.Combine(_folder, "unix_referentiel_code_rome_riasec_v460_utf8.csv"), "\"code_rome\",\"riasec_majeur\",\"riasec_mineur\"\n");
        var problem = Assert.Single(Assert.Throws<CatalogLoadException>(() => OccupationCatalog.LoadRome(_folder)).Problems);
        Assert.Equal((path, 2), (problem.File, problem.Line));
        // 14 characters on line 2, five lines of 400,003, then "end\"": 14 + 5 × (1 + 400,003) + (1 + 4).
        Assert.Equal("The record that starts on this line has 2,000,039 characters; catalog records may have at most 1,048,576.", problem.Reason);
    }

    [Fact]
    public void MoreThanOneHundredThousandOccupationsAreRefused()
    {
        var path = Path.Combine(_folder, "many.json");
        var json = new StringBuilder("""
            { "id": "many", "version": "1.0.0", "languages": ["en"], "title": { "en": "Many" }, "license": "MIT",
              "attribution": { "en": "Test" }, "profileScale": { "min": 1, "max": 7 }, "occupations": [
            """);
        for (var i = 0; i <= 100_000; i++)
        {
            json.Append(i == 0 ? "" : ",").Append(CultureInfo.InvariantCulture, $$"""{ "code": "T-{{i}}", "title": { "en": "T" } }""");
        }

        File.WriteAllText(path, json.Append("] }").ToString());
        var problem = Assert.Single(Assert.Throws<CatalogLoadException>(() => OccupationCatalog.LoadJson(path)).Problems);
        Assert.Equal("The catalog has 100,001 occupations; a catalog may have at most 100,000.", problem.Reason);
    }
}
