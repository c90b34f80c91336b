using Assessments.Matching;
using BenchmarkDotNet.Attributes;

namespace Assessments.Benchmarks;

/// <summary>
/// Issue 19's budgets on the real ROME 4.0 v460 export (../shared/data/rome/v460): loading the whole folder with each fiche's
/// skills, knowledge, work contexts, the 13,120 job titles and the 14,912 passerelles (≤ 500 ms, ≤ 150 MB), and one job-title
/// search as a person types it (≤ 50 µs); one person's transitions against every fiche (≤ 100 µs); 100,000 people, top 10
/// each, on 2 cores (≤ 6 s).
/// </summary>
[MemoryDiagnoser]
public class RomeSkillsBenchmarks
{
    private string _folder = null!;
    private JobTitleIndex _titles = null!;
    private Assessments.Matching.Skills.TransitionMatcher _transitions = null!;
    private string[] _held = null!;
    private (IReadOnlyCollection<string> Held, IReadOnlyList<string> Sources)[] _people = null!;

    [GlobalSetup]
    public void Setup()
    {
        _folder = Path.Combine(Paths.RepoRoot, "..", "shared", "data", "rome", "v460");
        var rome = OccupationCatalog.LoadRome(_folder);
        _titles = rome.JobTitles!;
        _transitions = new Assessments.Matching.Skills.TransitionMatcher(rome);
        _held = [.. rome.Skills!.Of("J1501")!.Skills.Select(s => s.Skill.Code)]; // an aide-soignant's 44 skills and knowledge items
        var codes = rome.Skills.OccupationCodes;
        var bySource = codes.Select(c => ((IReadOnlyCollection<string>)rome.Skills.Of(c)!.Skills.Select(s => s.Skill.Code).ToHashSet(StringComparer.Ordinal), (IReadOnlyList<string>)[c])).ToArray();
        _people = [.. Enumerable.Range(0, 100_000).Select(i => bySource[i % bySource.Length])];
    }

    /// <summary>100,000 people, each holding one fiche's skills (the fiches in turn), top 10 each, on every core.</summary>
    [Benchmark]
    public int Transitions100kPeopleAllCores() => _transitions.RankBatch(_people).Count;

    /// <summary>One person (J1501's skills held) against all 1,584 fiches, top 10 with transferable skills and gaps.</summary>
    [Benchmark]
    public int TransitionsForOnePerson() => _transitions.Rank(_held, ["J1501"]).Count;

    [Benchmark]
    public int LoadRomeWithSkills() => OccupationCatalog.LoadRome(_folder).Skills!.Skills.Count;

    [Benchmark]
    [Arguments("secrétaire médicale")]
    [Arguments("aide soignant")]
    [Arguments("compta")]
    public int SearchTitle(string text) => _titles.Search(text).Count;
}
