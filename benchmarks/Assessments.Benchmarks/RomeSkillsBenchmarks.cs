using Assessments.Matching;
using BenchmarkDotNet.Attributes;

namespace Assessments.Benchmarks;

/// <summary>
/// Issue 19's budgets on the real ROME 4.0 v460 export (../shared/data/rome/v460): loading the whole folder with each fiche's
/// skills, knowledge, work contexts, the 13,120 job titles and the 14,912 passerelles (≤ 500 ms, ≤ 150 MB), and one job-title
/// search as a person types it (≤ 50 µs).
/// </summary>
[MemoryDiagnoser]
public class RomeSkillsBenchmarks
{
    private string _folder = null!;
    private JobTitleIndex _titles = null!;

    [GlobalSetup]
    public void Setup()
    {
        _folder = Path.Combine(Paths.RepoRoot, "..", "shared", "data", "rome", "v460");
        _titles = OccupationCatalog.LoadRome(_folder).JobTitles!;
    }

    [Benchmark]
    public int LoadRomeWithSkills() => OccupationCatalog.LoadRome(_folder).Skills!.Skills.Count;

    [Benchmark]
    [Arguments("secrétaire médicale")]
    [Arguments("aide soignant")]
    [Arguments("compta")]
    public int SearchTitle(string text) => _titles.Search(text).Count;
}
