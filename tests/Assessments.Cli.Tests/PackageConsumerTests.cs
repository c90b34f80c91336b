using System.Diagnostics;
using System.Globalization;
using System.Text;
using Assessments.Interests;
using Assessments.Matching;
using Assessments.Responses;

namespace Assessments.Cli.Tests;

/// <summary>
/// The packages as a .NET developer meets them: packed into a local folder feed, referenced by a fresh console app outside
/// the repository (restored from that feed and NuGet), which loads a shipped instrument, scores a person, matches
/// occupations and writes the HTML synthesis — under the JIT and published with Native AOT, without trim or AOT warnings; and the tool installed from the
/// feed with <c>dotnet tool install --tool-path</c>, running <c>assess demo</c> and <c>assess score</c>.
/// </summary>
public sealed class PackageConsumerTests(PackageConsumerTests.Feed feed) : IClassFixture<PackageConsumerTests.Feed>
{
    private static readonly string Onet = Path.GetFullPath(Path.Combine(TestPaths.RepoRoot, "..", "shared", "data", "onet", "30.1"));

    private const string ConsumerProgram = """
        using System.Globalization;
        using Assessments;
        using Assessments.Data;
        using Assessments.Interests;
        using Assessments.Matching;
        using Assessments.Responses;

        var instrument = Instruments.Load("interests-riasec");
        var level = new Dictionary<string, int> { ["R"] = 2, ["I"] = 4, ["A"] = 3, ["S"] = 5, ["E"] = 2, ["C"] = 1 };
        var answers = new Dictionary<string, int?>();
        foreach (var scale in instrument.Scales)
        {
            foreach (var item in scale.Items)
            {
                answers[item.Item.Id] = level[scale.Id];
            }
        }

        var result = (InterestsResult)instrument.Score(new Response("p1", answers));
        var person = new InterestProfile(result.Areas!, 1, 5);
        Console.WriteLine("code " + result.Code + " " + result.Fingerprint);
        Console.WriteLine("starter " + string.Join(",", new OccupationMatcher(OccupationCatalog.LoadStarter(), new MatchOptions { Top = 3 }).Match(person).Select(m => m.OccupationHollandCode + "=" + m.Score.ToString("R", CultureInfo.InvariantCulture))));
        Console.WriteLine("onet " + string.Join(",", new OccupationMatcher(OccupationCatalog.LoadOnet(args[0]), new MatchOptions { Top = 3 }).Match(person).Select(m => m.Occupation.Code + "=" + m.Score.ToString("R", CultureInfo.InvariantCulture))));
        var report = Assessments.Reports.ReportRenderer.Render(Assessments.Reports.CareerProfile.FromResults([result]).WithOccupations(OccupationCatalog.LoadStarter(), top: 3), "fr");
        Console.WriteLine("report " + Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(report))));
        var readiness = Instruments.Load("career-readiness");
        long inBlocks = 0;
        foreach (var block in ResponseBlocks.Read(readiness, args[1]))
        {
            inBlocks += block.Answers.RowCount;
        }

        using var scores = new StringWriter();
        var summary = new ScoreRun { Instrument = readiness, ResponsesPath = args[1], Output = scores }.Run();
        Console.WriteLine($"data {inBlocks} {summary.Read} {summary.Scored} {summary.Rejected} " + Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(scores.ToString()))));
        long sum = 0;
        foreach (var block in ResponseBlocks.Read(readiness, args[2]))
        {
            for (var j = 0; j < block.Answers.ItemCount; j++)
            {
                foreach (var answer in block.Answers.Column(j)[..block.Answers.RowCount])
                {
                    sum += answer == ResponseMatrix.Missing ? 0 : answer;
                }
            }
        }

        using var book = new MemoryStream();
        var booked = new ScoreRun { Instrument = readiness, ResponsesPath = args[2] }.RunToWorkbook(book);
        Console.WriteLine($"xlsx {sum} {booked.Scored} " + Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(book.ToArray())));
        """;

    [Fact]
    public void AFreshConsoleAppRestoresThePackagesAndScoresAndMatches()
    {
        var app = feed.CreateConsumer("jit");
        var run = Run(app, "dotnet", "run", "-c", "Release", "--", Onet, TestPaths.ExampleResponses, feed.Workbook);
        Assert.True(run.ExitCode == 0, run.Output);
        Assert.Equal(Expected(), run.Stdout.ReplaceLineEndings("\n").Trim());
    }

    [Fact]
    public void TheSameAppPublishedWithNativeAotHasNoTrimWarningsAndGivesTheSameResults()
    {
        var app = feed.CreateConsumer("aot");
        // Every trim and AOT warning is listed one by one (TrimmerSingleWarn=false), and the only ones allowed are the two known
        // ones inside ExcelDataReader 3.6.0, which is not annotated for trimming (docs/your-data.md): IL2077 in its optional
        // logging hook (Log.GetLoggerFor, used only after Log.InitializeWith, which nothing calls) and IL2093, an annotation
        // mismatch on GetFieldType (never called). None may come from the project's own assemblies.
        var publish = Run(app, "dotnet", "publish", "-c", "Release", "-r", "linux-x64", "-p:PublishAot=true", "-p:CppCompilerAndLinker=gcc",
            "-p:TrimmerSingleWarn=false", "-p:WarningsNotAsErrors=IL2077%3BIL2093", "-o", Path.Combine(app, "native"));
        Assert.True(publish.ExitCode == 0, publish.Output);
        var warnings = publish.Output.Split('\n').Where(l => System.Text.RegularExpressions.Regex.IsMatch(l, @"\b(warning|error) IL\d{4}")).Select(l => l.Split(" [")[0].Trim()).Distinct().Order(StringComparer.Ordinal).ToList();
        Assert.All(warnings, w => Assert.Matches(@"^ILC : Trim analysis warning (IL2077: ExcelDataReader\.Log\.Log\.GetLoggerFor\(Type\)|IL2093: ExcelDataReader\.ExcelDataReader`2\.GetFieldType\(Int32\)):", w));
        var run = Run(app, Path.Combine(app, "native", "consumer"), Onet, TestPaths.ExampleResponses, feed.Workbook);
        Assert.True(run.ExitCode == 0, run.Output);
        Assert.Equal(Expected(), run.Stdout.ReplaceLineEndings("\n").Trim());
    }

    [Fact]
    public void TheToolInstalledFromTheFeedRunsTheDemoAndScoresAFile()
    {
        var tools = Path.Combine(feed.Root, "tools");
        var install = Run(feed.Root, "dotnet", "tool", "install", "Assessments.Cli", "--version", feed.Version, "--tool-path", tools);
        Assert.True(install.ExitCode == 0, install.Output);
        var assess = Path.Combine(tools, "assess");

        // The tool installed here is the Native AOT one: the linux-x64 package, a native executable with no assembly of its own
        // beside it; the framework-dependent `any` package is in the feed for every other platform.
        var target = new FileInfo(assess).LinkTarget ?? "";
        Assert.Contains("assessments.cli.linux-x64", target, StringComparison.Ordinal);
        var folder = Path.GetDirectoryName(Path.Combine(tools, target))!;
        Assert.False(File.Exists(Path.Combine(folder, "assess.dll")), "the installed tool carries assess.dll: it is not the native one");
        Assert.Equal("\u007FELF"u8.ToArray(), File.ReadAllBytes(Path.Combine(tools, target))[..4]);
        using (var any = System.IO.Compression.ZipFile.OpenRead(Path.Combine(feed.FeedFolder, $"Assessments.Cli.any.{feed.Version}.nupkg")))
        {
            Assert.Contains(any.Entries, e => e.FullName.EndsWith("/assess.dll", StringComparison.Ordinal));
        }

        var demo = Run(feed.Root, assess, "demo");
        Assert.True(demo.ExitCode == 0, demo.Output);
        Assert.Contains("career-readiness", demo.Stdout, StringComparison.Ordinal);

        var output = Path.Combine(feed.Root, "scores.csv");
        var score = Run(feed.Root, assess, "score", "--instrument", TestPaths.CareerReadiness, "--responses", TestPaths.ExampleResponses, "--out", output);
        Assert.True(score.ExitCode == 0, score.Output);
        Assert.Equal(File.ReadAllText(TestPaths.ExampleExpected).ReplaceLineEndings("\n"), File.ReadAllText(output).ReplaceLineEndings("\n"));
    }

    /// <summary>What the consumer must print, computed here with the projects the packages were built from.</summary>
    private string Expected()
    {
        var instrument = Instrument.Load(Path.Combine(TestPaths.Instruments, "interests-riasec.json"));
        var level = new Dictionary<string, int> { ["R"] = 2, ["I"] = 4, ["A"] = 3, ["S"] = 5, ["E"] = 2, ["C"] = 1 };
        var answers = instrument.Scales.SelectMany(s => s.Items.Select(i => (i.Item.Id, Answer: (int?)level[s.Id]))).ToDictionary(x => x.Id, x => x.Answer);
        var result = (InterestsResult)instrument.Score(new Response("p1", answers));
        Assert.Equal("SIA", result.Code); // S 5 > I 4 > A 3 > R = E 2 > C 1
        var person = new InterestProfile(result.Areas!, 1, 5);
        var starter = new OccupationMatcher(OccupationCatalog.LoadJson(Path.Combine(TestPaths.Instruments, "catalogs", "starter-occupations.json")), new MatchOptions { Top = 3 }).Match(person);
        var onet = new OccupationMatcher(OccupationCatalog.LoadOnet(Onet), new MatchOptions { Top = 3 }).Match(person);
        var report = Reports.ReportRenderer.Render(Reports.CareerProfile.FromResults([result]).WithOccupations(OccupationCatalog.LoadStarter(), top: 3), "fr");
        return "code SIA " + result.Fingerprint + "\n"
            + "starter " + string.Join(",", starter.Select(m => m.OccupationHollandCode + "=" + m.Score.ToString("R", CultureInfo.InvariantCulture))) + "\n"
            + "onet " + string.Join(",", onet.Select(m => m.Occupation.Code + "=" + m.Score.ToString("R", CultureInfo.InvariantCulture))) + "\n"
            + "report " + Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(report))) + "\n"
            + "data 6 6 6 0 " + Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(File.ReadAllText(TestPaths.ExampleExpected).ReplaceLineEndings("\n")))) + "\n" // the example's 6 rows, all scored, as the expected file
            + Xlsx();
    }

    /// <summary>The consumer's workbook line: the sum of every answer in the CSV (by hand), and the workbook run's bytes here.</summary>
    private string Xlsx()
    {
        var sum = File.ReadAllLines(TestPaths.ExampleResponses).Skip(1).SelectMany(l => l.Split(',').Skip(1)).Where(c => c.Length > 0).Sum(c => long.Parse(c, CultureInfo.InvariantCulture));
        using var book = new MemoryStream();
        var summary = new Assessments.Data.ScoreRun { Instrument = Instrument.Load(TestPaths.CareerReadiness), ResponsesPath = feed.Workbook }.RunToWorkbook(book);
        return $"xlsx {sum} {summary.Scored} " + Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(book.ToArray()));
    }

    [Fact]
    public void PackageAddressesComeFromOnePropertyThatIsEmptyUntilPublished()
    {
        // Unpublished, no package names a project or repository address (no invented URL, no local path from git), only
        // the commit; each says its licence and carries its own README.
        foreach (var package in Directory.GetFiles(feed.FeedFolder, "*.nupkg"))
        {
            using var zip = System.IO.Compression.ZipFile.OpenRead(package);
            var nuspecEntry = zip.Entries.Single(e => e.FullName.EndsWith(".nuspec", StringComparison.Ordinal));
            using var reader = new StreamReader(nuspecEntry.Open());
            var nuspec = reader.ReadToEnd();
            Assert.DoesNotContain("<projectUrl>", nuspec, StringComparison.Ordinal);
            Assert.DoesNotMatch("<repository[^>]*url=", nuspec); // Source Link still records the commit it was built from
            Assert.Contains("<license type=\"expression\">MIT</license>", nuspec, StringComparison.Ordinal);
            Assert.Contains("<readme>README.md</readme>", nuspec, StringComparison.Ordinal);
        }

        // Set once, it is every package's project and repository address.
        foreach (var project in new[] { "Assessments", "Assessments.Matching", "Assessments.Reports", "Assessments.Data", "Assessments.Cli" })
        {
            var set = Run(TestPaths.RepoRoot, "dotnet", "msbuild", Path.Combine("src", project), "-getProperty:PackageProjectUrl", "-getProperty:RepositoryUrl",
                "-p:AssessmentsProjectUrl=https://example.org/assessments");
            Assert.True(set.ExitCode == 0, set.Output);
            Assert.Equal(2, System.Text.RegularExpressions.Regex.Count(set.Stdout, "\"https://example.org/assessments\""));
        }
    }

    private static ProcessResult Run(string directory, string file, params string[] arguments)
    {
        var start = new ProcessStartInfo(file) { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment.Remove("MSBuildExtensionsPath"); // the test host's MSBuild settings must not leak into the consumer's build
        start.Environment.Remove("MSBUILD_EXE_PATH");
        start.Environment.Remove("MSBuildSDKsPath");
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return new ProcessResult(process.ExitCode, stdout, stderr.Result);
    }

    private sealed record ProcessResult(int ExitCode, string Stdout, string Stderr)
    {
        public string Output => $"exit {ExitCode}\n{Stdout}\n{Stderr}";
    }

    /// <summary>
    /// Packs Assessments, Assessments.Matching, Assessments.Reports, Assessments.Data and the tool once for the class, with a version of their own (so no cached
    /// package of the same version can stand in for them), into a folder feed outside the repository.
    /// </summary>
    public sealed class Feed : IDisposable
    {
        private readonly TempDirectory _folder = new();

        public Feed()
        {
            Root = _folder.FullName;
            FeedFolder = Path.Combine(Root, "feed");
            Version = "0.1.0-consumer." + DateTime.UtcNow.ToString("yyyyMMddHHmmssfff", CultureInfo.InvariantCulture);
            foreach (var project in new[] { "Assessments", "Assessments.Matching", "Assessments.Reports", "Assessments.Data", "Assessments.Cli" })
            {
                var pack = Run(TestPaths.RepoRoot, "dotnet", "pack", Path.Combine("src", project), "-c", "Release", "-o", FeedFolder, "-p:Version=" + Version);
                Assert.True(pack.ExitCode == 0, pack.Output);
            }

            // The tool's RID-specific packages, as the README packs them: Native AOT for linux-x64, framework-dependent for any other.
            foreach (var arguments in new[] { new[] { "-r", "linux-x64", "-p:CppCompilerAndLinker=gcc" }, ["-r", "any", "-p:PublishAot=false"] })
            {
                var pack = Run(TestPaths.RepoRoot, "dotnet", ["pack", Path.Combine("src", "Assessments.Cli"), "-c", "Release", "-o", FeedFolder, "-p:Version=" + Version, .. arguments]);
                Assert.True(pack.ExitCode == 0, pack.Output);
            }

            Workbook = Path.Combine(Root, "answers.xlsx");
            using (var file = File.Create(Workbook))
            using (var book = SpreadCheetah.Spreadsheet.CreateNewAsync(file).AsTask().GetAwaiter().GetResult())
            {
                book.StartWorksheetAsync("Réponses").AsTask().GetAwaiter().GetResult();
                foreach (var (line, r) in File.ReadAllLines(TestPaths.ExampleResponses).Select((l, r) => (l, r)))
                {
                    book.AddRowAsync([.. line.Split(',').Select((c, j) => r == 0 || j == 0 ? new SpreadCheetah.Cell(c) : c.Length == 0 ? default : new SpreadCheetah.Cell(int.Parse(c, CultureInfo.InvariantCulture)))]).AsTask().GetAwaiter().GetResult();
                }

                book.FinishAsync().AsTask().GetAwaiter().GetResult();
            }

            File.WriteAllText(Path.Combine(Root, "nuget.config"), $"""
                <?xml version="1.0" encoding="utf-8"?>
                <configuration>
                  <packageSources>
                    <clear />
                    <add key="local" value="{FeedFolder}" />
                    <add key="nuget.org" value="https://api.nuget.org/v3/index.json" />
                  </packageSources>
                </configuration>
                """);
        }

        public string Root { get; }

        /// <summary>The shipped example's answers typed into a workbook (number cells), for the consumer to read.</summary>
        public string Workbook { get; private set; } = "";

        public string FeedFolder { get; }

        public string Version { get; }

        /// <summary>A new console app in its own folder under <see cref="Root"/> (whose nuget.config it inherits).</summary>
        public string CreateConsumer(string name)
        {
            var folder = Path.Combine(Root, name);
            Directory.CreateDirectory(folder);
            File.WriteAllText(Path.Combine(folder, "consumer.csproj"), $"""
                <Project Sdk="Microsoft.NET.Sdk">
                  <PropertyGroup>
                    <OutputType>Exe</OutputType>
                    <TargetFramework>net10.0</TargetFramework>
                    <ImplicitUsings>enable</ImplicitUsings>
                    <Nullable>enable</Nullable>
                    <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
                  </PropertyGroup>
                  <ItemGroup>
                    <PackageReference Include="Assessments" Version="{Version}" />
                    <PackageReference Include="Assessments.Matching" Version="{Version}" />
                    <PackageReference Include="Assessments.Reports" Version="{Version}" />
                    <PackageReference Include="Assessments.Data" Version="{Version}" />
                  </ItemGroup>
                </Project>
                """);
            File.WriteAllText(Path.Combine(folder, "Program.cs"), ConsumerProgram, new UTF8Encoding(false));
            return folder;
        }

        public void Dispose() => _folder.Dispose();
    }
}
