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
        var utf8 = Read(stream, path);
        var json = utf8.AsMemory(utf8.AsSpan().StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]) ? 3 : 0);
        if (!System.Text.Unicode.Utf8.IsValid(json.Span))
        {
            // The JSON reader would accept it inside a string until that string is read as text.
            var valid = 0;
            while (System.Text.Rune.DecodeFromUtf8(json.Span[valid..], out _, out var consumed) == System.Buffers.OperationStatus.Done)
            {
                valid += consumed;
            }

            throw new CatalogLoadException([new CatalogProblem(path, json.Span[..valid].Count((byte)'\n') + 1,
                "The file is not valid UTF-8 (a byte on this line does not start a character). Save the catalog as UTF-8.")]);
        }
        CatalogDto dto;
        try
        {
            using var document = JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = 64 });
            var found = new List<(string Path, string Message)>();
            JsonShape.Check(document.RootElement, CatalogJsonContext.Default.CatalogDto, JsonPathText.Root, found, MaxProblems);
            if (found.Count > 0)
            {
                throw Fail(path, json.Span, [.. found.Select(f => new Problem(f.Path, f.Message))]);
            }

            // The shape check leaves the serializer nothing to refuse; it still guards against any gap between the two.
            dto = document.RootElement.Deserialize(CatalogJsonContext.Default.CatalogDto)!;
        }
        catch (JsonException ex)
        {
            // Not the message's tail: it repeats the position the problem already gives.
            var line = (int)(ex.LineNumber ?? 0) + 1;
            var message = ex.Message.Split(" LineNumber:", 2)[0].Split(" Path:", 2)[0].Trim();
            throw new CatalogLoadException([new CatalogProblem(path, line, ex.Path is { Length: > 0 } at ? $"{at}: {message}" : $"The file is not valid JSON: {message}")]);
        }

        var problems = Check(dto, out var occupations);
        if (problems.Count > 0)
        {
            throw Fail(path, json.Span, problems);
        }

        CatalogLimits.CheckOccupations(path, occupations.Count);
        var attribution = dto.Attribution.TryGetValue("en", out var en) ? en : dto.Attribution.Values.FirstOrDefault() ?? "";
        return new OccupationCatalog($"{dto.Id}@{dto.Version}", attribution, occupations)
        {
            Attributions = new Dictionary<string, string>(dto.Attribution, StringComparer.Ordinal),
        };
    }

    private const int MaxProblems = 100;

    /// <summary>A problem at a JSON path; <see cref="First"/>, when given, is where the same thing first appeared.</summary>
    private sealed record Problem(string Path, string Message, string? First = null);

    /// <summary>The meaning checks on a well-shaped catalog: unique codes, titles in every language, values within their scales.</summary>
    private static List<Problem> Check(CatalogDto dto, out List<Occupation> occupations)
    {
        var problems = new List<Problem>();
        occupations = [];
        var firstPath = new Dictionary<string, string>(StringComparer.Ordinal);
        var min = dto.ProfileScale.Min;
        var max = dto.ProfileScale.Max;
        if (!(max > min))
        {
            problems.Add(new Problem("$.profileScale.max", string.Create(CultureInfo.InvariantCulture, $"max ({max}) must be greater than min ({min}).")));
        }

        for (var i = 0; i < dto.Occupations.Count && problems.Count < MaxProblems; i++)
        {
            var o = dto.Occupations[i];
            var at = JsonPathText.Index("$.occupations", i);
            if (!firstPath.TryAdd(o.Code, JsonPathText.Property(at, "code")))
            {
                problems.Add(new Problem(JsonPathText.Property(at, "code"), $"The code {o.Code} is used twice; each occupation needs its own code.", firstPath[o.Code]));
                continue;
            }

            foreach (var language in dto.Languages.Where(l => !o.Title.ContainsKey(l)))
            {
                problems.Add(new Problem(JsonPathText.Property(at, "title"), $"The title has no '{language}' version; give one in each of the catalog's languages ({string.Join(", ", dto.Languages)})."));
            }

            var before = problems.Count;
            InterestProfile? profile = null;
            if (o.Interests is not null)
            {
                var interestsPath = JsonPathText.Property(at, "interests");
                var values = new double[6];
                foreach (var letter in Holland.Letters)
                {
                    if (!o.Interests.TryGetValue(letter.ToString(), out var v) || v < min || v > max)
                    {
                        problems.Add(new Problem(interestsPath, string.Create(CultureInfo.InvariantCulture,
                            $"interests.{letter} must be given, between {min} and {max}.")));
                    }
                    else
                    {
                        values[Holland.Position(letter)] = v;
                    }
                }

                if (o.Interests.Count != 6)
                {
                    problems.Add(new Problem(interestsPath, "interests must have exactly the six keys R, I, A, S, E, C."));
                }

                if (problems.Count == before && max > min)
                {
                    profile = new InterestProfile(values, min, max);
                }
            }

            var code = o.HollandCode ?? profile?.Code ?? "";
            if (code.Length > 6 || code.Any(c => !Holland.Letters.Contains(c, StringComparison.Ordinal)) || code.Distinct().Count() != code.Length)
            {
                problems.Add(new Problem(JsonPathText.Property(at, "hollandCode"), $"'{code}' is not a Holland code (distinct letters among R, I, A, S, E, C)."));
            }

            if (o.JobZone is < 1 or > 5)
            {
                problems.Add(new Problem(JsonPathText.Property(at, "jobZone"), string.Create(CultureInfo.InvariantCulture, $"jobZone must be 1 to 5 (found {o.JobZone}).")));
            }

            double[]? workValues = null;
            if (o.WorkValues is not null)
            {
                var names = Enum.GetNames<Assessments.CardSort.WorkValue>();
                if (o.WorkValues.Count != 6 || names.Any(n => !o.WorkValues.ContainsKey(n)) || o.WorkValues.Values.Any(v => v is < 1 or > 7))
                {
                    problems.Add(new Problem(JsonPathText.Property(at, "workValues"), $"workValues must have the six keys {string.Join(", ", names)}, each from 1 to 7 (O*NET's Extent scale)."));
                }
                else
                {
                    workValues = [.. names.Select(n => o.WorkValues[n])];
                }
            }

            if (problems.Count == 0)
            {
                occupations.Add(new Occupation(o.Code, o.Title, o.Description, profile, code, o.JobZone, workValues));
            }
        }

        return problems;
    }

    /// <summary>The exception for problems at JSON paths, each placed on its line (found in one more pass over the bytes).</summary>
    private static CatalogLoadException Fail(string path, ReadOnlySpan<byte> json, List<Problem> problems)
    {
        var wanted = problems.Select(p => p.Path).Concat(problems.Where(p => p.First is not null).Select(p => p.First!)).ToHashSet(StringComparer.Ordinal);
        var lines = JsonPathText.Lines(json, wanted);
        return new CatalogLoadException([.. problems.Take(MaxProblems).Select(p => new CatalogProblem(path, lines.GetValueOrDefault(p.Path),
            p.First is null ? $"{p.Path}: {p.Message}"
            : string.Create(CultureInfo.InvariantCulture, $"{p.Path}: {p.Message} It is first used at {p.First}, line {lines.GetValueOrDefault(p.First)}.")))]);
    }

    /// <summary>Reads the whole stream, refusing one over the catalog file limit.</summary>
    private static byte[] Read(Stream stream, string path)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = stream.Read(chunk, 0, chunk.Length)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > CatalogLimits.MaxFileBytes)
            {
                CatalogLimits.CheckFileSize(path, stream.CanSeek ? stream.Length : buffer.Length);
            }
        }

        return buffer.ToArray();
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
