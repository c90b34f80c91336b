using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Assessments.Interests;

namespace Assessments.Matching.Internals;

/// <summary>Reads the project's JSON catalog format (instruments/catalogs/*.json).</summary>
internal static class JsonCatalogLoader
{
    public static OccupationCatalog Load(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!File.Exists(path))
        {
            throw new CatalogLoadException([new CatalogProblem(path, 0, "The catalog file does not exist.")]);
        }

        CatalogLimits.CheckFileSize(path, new FileInfo(path).Length);
        using var stream = File.OpenRead(path);
        return Load(stream, path);
    }

    /// <summary>Reads a catalog from a stream; <paramref name="path"/> names it in problems.</summary>
    public static OccupationCatalog Load(Stream stream, string path)
    {
        CatalogDto dto;
        try
        {
            dto = JsonSerializer.Deserialize(stream, CatalogJsonContext.Default.CatalogDto)
                ?? throw new CatalogLoadException([new CatalogProblem(path, 1, "The catalog is null.")]);
        }
        catch (JsonException ex)
        {
            var line = (int)(ex.LineNumber ?? 0) + 1;
            throw new CatalogLoadException([new CatalogProblem(path, line, $"{ex.Path}: {ex.Message.Split(" Path:", 2)[0]}")]);
        }

        var problems = new List<CatalogProblem>();
        var occupations = new List<Occupation>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var min = dto.ProfileScale.Min;
        var max = dto.ProfileScale.Max;
        if (!(max > min))
        {
            problems.Add(new CatalogProblem(path, 0, string.Create(CultureInfo.InvariantCulture, $"$.profileScale: max ({max}) must be greater than min ({min}).")));
        }

        for (var i = 0; i < dto.Occupations.Count && problems.Count < 100; i++)
        {
            var o = dto.Occupations[i];
            var where = $"$.occupations[{i}] ({o.Code})";
            if (!seen.Add(o.Code))
            {
                problems.Add(new CatalogProblem(path, 0, $"{where}: the code {o.Code} is used twice."));
                continue;
            }

            foreach (var language in dto.Languages.Where(l => !o.Title.ContainsKey(l)))
            {
                problems.Add(new CatalogProblem(path, 0, $"{where}: the title has no '{language}' version."));
            }

            InterestProfile? profile = null;
            if (o.Interests is not null)
            {
                var values = new double[6];
                foreach (var letter in Holland.Letters)
                {
                    if (!o.Interests.TryGetValue(letter.ToString(), out var v) || v < min || v > max)
                    {
                        problems.Add(new CatalogProblem(path, 0, string.Create(CultureInfo.InvariantCulture,
                            $"{where}: interests.{letter} must be given, between {min} and {max}.")));
                    }
                    else
                    {
                        values[Holland.Position(letter)] = v;
                    }
                }

                if (o.Interests.Count != 6)
                {
                    problems.Add(new CatalogProblem(path, 0, $"{where}: interests must have exactly the six keys R, I, A, S, E, C."));
                }

                if (problems.Count == 0)
                {
                    profile = new InterestProfile(values, min, max);
                }
            }

            var code = o.HollandCode ?? profile?.Code ?? "";
            if (code.Length > 6 || code.Any(c => !Holland.Letters.Contains(c, StringComparison.Ordinal)) || code.Distinct().Count() != code.Length)
            {
                problems.Add(new CatalogProblem(path, 0, $"{where}: '{code}' is not a Holland code (distinct letters among R, I, A, S, E, C)."));
            }

            if (o.JobZone is < 1 or > 5)
            {
                problems.Add(new CatalogProblem(path, 0, $"{where}: jobZone must be 1 to 5."));
            }

            double[]? workValues = null;
            if (o.WorkValues is not null)
            {
                var names = Enum.GetNames<Assessments.CardSort.WorkValue>();
                if (o.WorkValues.Count != 6 || names.Any(n => !o.WorkValues.ContainsKey(n)) || o.WorkValues.Values.Any(v => v is < 1 or > 7))
                {
                    problems.Add(new CatalogProblem(path, 0, $"{where}: workValues must have the six keys {string.Join(", ", names)}, each from 1 to 7 (O*NET's Extent scale)."));
                }
                else
                {
                    workValues = [.. names.Select(n => o.WorkValues[n])];
                }
            }

            occupations.Add(new Occupation(o.Code, o.Title, o.Description, profile, code, o.JobZone, workValues));
        }

        if (problems.Count > 0)
        {
            throw new CatalogLoadException(problems);
        }

        CatalogLimits.CheckOccupations(path, occupations.Count);
        var attribution = dto.Attribution.TryGetValue("en", out var en) ? en : dto.Attribution.Values.FirstOrDefault() ?? "";
        return new OccupationCatalog($"{dto.Id}@{dto.Version}", attribution, occupations);
    }
}

internal sealed class CatalogDto
{
    public required string Id { get; set; }
    public required string Version { get; set; }
    public required List<string> Languages { get; set; }
    public required Dictionary<string, string> Title { get; set; }
    public Dictionary<string, string>? Description { get; set; }
    public string? License { get; set; }
    public required Dictionary<string, string> Attribution { get; set; }
    public required ProfileScaleDto ProfileScale { get; set; }
    public required List<CatalogOccupationDto> Occupations { get; set; }
}

internal sealed class ProfileScaleDto
{
    public required double Min { get; set; }
    public required double Max { get; set; }
}

internal sealed class CatalogOccupationDto
{
    public required string Code { get; set; }
    public required Dictionary<string, string> Title { get; set; }
    public Dictionary<string, string>? Description { get; set; }
    public Dictionary<string, double>? Interests { get; set; }
    public Dictionary<string, double>? WorkValues { get; set; }
    public string? HollandCode { get; set; }
    public int? JobZone { get; set; }
}

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    RespectRequiredConstructorParameters = true, RespectNullableAnnotations = true)]
[JsonSerializable(typeof(CatalogDto))]
internal sealed partial class CatalogJsonContext : JsonSerializerContext;
