using System.Globalization;
using Assessments;
using Assessments.Cli;
using Assessments.Definitions;
using Assessments.Matching;
using SharpFuzz;

namespace Assessments.Fuzz;

/// <summary>
/// Fuzz targets for AFL++ through SharpFuzz (<c>run.sh TARGET</c>), or a replay of saved inputs without AFL
/// (<c>dotnet run --project tests/Assessments.Fuzz -- TARGET --replay FILE|FOLDER…</c>). Each target turns one input into
/// a call of the library or the CLI and lets through only the documented outcomes: a load diagnostic, a catalog problem,
/// exit codes 0, 1 or 4, and both CSV readers writing the same bytes. Anything else escapes as an exception, which AFL
/// records as a crash.
/// </summary>
internal static class Program
{
    private static readonly Dictionary<string, Action<byte[]>> Targets = new(StringComparer.Ordinal)
    {
        ["instrument"] = Instrument,
        ["csv"] = Csv,
        ["onet-occupations"] = bytes => OnetFile("Occupation Data.txt", bytes),
        ["onet-interests"] = bytes => OnetFile("Interests.txt", bytes),
        ["rome-titles"] = bytes => RomeFile("unix_referentiel_code_rome_v460_utf8.csv", bytes),
        ["catalog-json"] = CatalogJson,
    };

    // One scratch folder per process, removed when the process ends (run.sh also sweeps those of killed processes).
    private static readonly string Work = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), $"assess-fuzz-{Environment.ProcessId}")).FullName;

    public static int Main(string[] args)
    {
        AppDomain.CurrentDomain.ProcessExit += (_, _) => Directory.Delete(Work, recursive: true);
        if (args.Length == 0 || !Targets.TryGetValue(args[0], out var target))
        {
            Console.Error.WriteLine($"usage: Assessments.Fuzz TARGET [--replay FILE|FOLDER…]; targets: {string.Join(", ", Targets.Keys)}");
            return 2;
        }

        if (args.Length > 1 && args[1] == "--replay")
        {
            var files = args.Skip(2).SelectMany(p => Directory.Exists(p) ? Directory.GetFiles(p, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal) : (IEnumerable<string>)[p]).ToList();
            foreach (var file in files)
            {
                target(File.ReadAllBytes(file));
            }

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{args[0]}: {files.Count} input(s) replayed, all with documented outcomes"));
            return 0;
        }

        Fuzzer.OutOfProcess.Run(stream =>
        {
            using var memory = new MemoryStream();
            stream.CopyTo(memory);
            target(memory.ToArray());
        });
        return 0;
    }

    private static void Instrument(byte[] bytes)
    {
        try
        {
            using var stream = new MemoryStream(bytes);
            Assessments.Instrument.Load(stream, sourceName: "fuzz.json");
        }
        catch (InstrumentLoadException)
        {
        }
    }

    private const string Likert = Assessments.Testing.ThreeItemLikert.Json;

    private static void Csv(byte[] bytes)
    {
        var instrument = Path.Combine(Work, "t.json");
        if (!File.Exists(instrument))
        {
            File.WriteAllText(instrument, Likert);
        }

        var input = Path.Combine(Work, "in.csv");
        File.WriteAllBytes(input, bytes);
        var outcomes = new List<string>();
        foreach (var reader in new[] { "auto", "general" })
        {
            var rejects = Path.Combine(Work, "rejects.csv");
            File.Delete(rejects);
            using var stdout = new StringWriter(CultureInfo.InvariantCulture) { NewLine = "\n" };
            using var stderr = new StringWriter(CultureInfo.InvariantCulture) { NewLine = "\n" };
            var exit = AssessCli.Run(["score", "--instrument", instrument, "--responses", input, "--reader", reader, "--rejects", rejects], stdout, stderr);
            if (exit is not (0 or 1 or 4))
            {
                throw new InvalidOperationException($"{reader}: exit {exit}: {stderr}");
            }

            outcomes.Add($"{exit}\n{stdout}{(File.Exists(rejects) ? File.ReadAllText(rejects) : "")}");
        }

        if (outcomes[0] != outcomes[1])
        {
            throw new InvalidOperationException($"the readers disagree:\nauto {outcomes[0]}\ngeneral {outcomes[1]}");
        }
    }

    private static void OnetFile(string name, byte[] bytes)
    {
        // The file under test is fuzzed; the other required file is a minimal valid one.
        var folder = Fresh("onet");
        File.WriteAllText(Path.Combine(folder, "Occupation Data.txt"), "O*NET-SOC Code\tTitle\tDescription\n11-1011.00\tChief Executives\tPlans.\n");
        File.WriteAllText(Path.Combine(folder, "Interests.txt"), "O*NET-SOC Code\tElement ID\tElement Name\tScale ID\tData Value\n");
        File.WriteAllBytes(Path.Combine(folder, name), bytes);
        Catalog(() => OccupationCatalog.LoadOnet(folder));
    }

    private static void RomeFile(string name, byte[] bytes)
    {
        var folder = Fresh("rome");
        File.WriteAllText(Path.Combine(folder, "unix_referentiel_code_rome_riasec_v460_utf8.csv"), "\"code_rome\",\"riasec_majeur\",\"riasec_mineur\"\n");
        File.WriteAllBytes(Path.Combine(folder, name), bytes);
        Catalog(() => OccupationCatalog.LoadRome(folder));
    }

    private static void CatalogJson(byte[] bytes)
    {
        var path = Path.Combine(Work, "catalog.json");
        File.WriteAllBytes(path, bytes);
        Catalog(() => OccupationCatalog.LoadJson(path));
    }

    private static void Catalog(Func<OccupationCatalog> load)
    {
        try
        {
            load();
        }
        catch (CatalogLoadException)
        {
        }
    }

    private static string Fresh(string name)
    {
        var folder = Path.Combine(Work, name);
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }

        return Directory.CreateDirectory(folder).FullName;
    }
}
