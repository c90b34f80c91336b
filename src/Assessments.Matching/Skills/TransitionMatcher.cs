namespace Assessments.Matching.Skills;

/// <summary>How <see cref="TransitionMatcher"/> weighs and ranks.</summary>
public sealed record TransitionOptions
{
    /// <summary>How many target fiches to return.</summary>
    public int Top { get; init; } = 10;

    /// <summary>
    /// PROJECT CHOICE: the weight of a core skill (<c>Principale</c>) against 1 for the others. Measured on v460 (recall@20 of
    /// ROME's passerelles, docs/skills.md): 1.5 ranks best of 1.5, 2 and 3.
    /// </summary>
    public double CoreWeight { get; init; } = 1.5;

    /// <summary>
    /// PROJECT CHOICE: the weight of a shared macro-skill (the family a savoir-faire belongs to), which gives partial credit
    /// when the person's skill and the target's differ but do the same kind of work. 0 turns it off.
    /// </summary>
    public double MacroSkillWeight { get; init; } = 1.0;

    /// <summary>Whether the source fiches themselves may be ranked (false: a transition leads elsewhere).</summary>
    public bool IncludeSources { get; init; }
}

/// <summary>A target fiche, how much of it the person already holds, what transfers and what is missing.</summary>
/// <param name="Occupation">The target fiche.</param>
/// <param name="Transferability">The weighted share (0–1) of the target's skills, knowledge and macro-skills that the person holds.</param>
/// <param name="Passerelle">Whether ROME's experts list the move from one of the source fiches to this one (shown beside the score, never mixed into it).</param>
/// <param name="Transferable">The target's skills the person holds, in the fiche's order.</param>
/// <param name="Gaps">The target's skills the person does not hold: core first, then emerging, then the others; each by family and code.</param>
public sealed record Transition(Occupation Occupation, double Transferability, bool Passerelle, IReadOnlyList<FicheSkill> Transferable, IReadOnlyList<FicheSkill> Gaps);

/// <summary>A transition ranked on skills and interests together, each part shown.</summary>
/// <param name="Transition">The transition, with its transferability (the skills part).</param>
/// <param name="InterestFit">The interests part: (r + 1) / 2, r the Pearson correlation of the person's RIASEC profile with the fiche's.</param>
/// <param name="Score">The combined score: w · transferability + (1 − w) · interest fit.</param>
public sealed record CombinedTransition(Transition Transition, double InterestFit, double Score);

/// <summary>
/// Ranks ROME fiches by <b>transferability</b>: the share of each target's skills that a person holds. Each skill or knowledge
/// item of the target weighs <c>w × ln(N / df)</c>: w is <see cref="TransitionOptions.CoreWeight"/> for a core skill and 1
/// otherwise, N the fiches with skills and df the fiches that list the item. A rare, specific skill (a surgical technique)
/// therefore says more than one that nearly every fiche lists (following hygiene rules). Each macro-skill of the target's
/// savoir-faire adds <c>MacroSkillWeight × ln(N / df)</c> when the person holds a savoir-faire of the same macro-skill.
/// Ties are broken by code, so the ranking is deterministic. See docs/skills.md for what was measured and why.
/// </summary>
public sealed class TransitionMatcher
{
    private readonly OccupationCatalog _rome;
    private readonly SkillCatalog _skills;
    private readonly string[] _codes;                 // fiches with skills, ordinal order
    private readonly Dictionary<string, int> _featureOf; // skill code or "M" + macro code → feature id
    private readonly (int Fiche, double Weight)[][] _postings;
    private readonly double[] _totals;
    private readonly int[][] _skillFeatures;   // per fiche, the feature id of each skill, in the fiche's order
    private readonly int[][] _gapOrder;        // per fiche, its skills' positions in gap order (core, emerging, others; family; code)
    private readonly int[] _macroOfSkill;      // per skill feature id, its macro-skill's feature id, or -1

    [ThreadStatic]
    private static Scratch? _scratch;

    /// <summary>A matcher over a ROME catalog with its skills.</summary>
    /// <exception cref="ArgumentException">The catalog has no skills.</exception>
    public TransitionMatcher(OccupationCatalog rome, TransitionOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(rome);
        _rome = rome;
        _skills = rome.Skills ?? throw new ArgumentException($"The catalog {rome.Name} has no skills: load a ROME 4.0 folder with its skills files.", nameof(rome));
        Options = options ?? new TransitionOptions();
        ArgumentOutOfRangeException.ThrowIfLessThan(Options.Top, 1, nameof(options));
        _codes = [.. _skills.OccupationCodes];
        var n = (double)_codes.Length;
        var df = new Dictionary<string, int>(StringComparer.Ordinal);
        var features = new List<string>[_codes.Length];
        for (var f = 0; f < _codes.Length; f++)
        {
            var list = new List<string>();
            foreach (var s in _skills.Of(_codes[f])!.Skills)
            {
                list.Add(s.Skill.Code);
            }

            list.AddRange(_skills.Of(_codes[f])!.Skills.Where(s => s.Skill.MacroSkillCode is not null).Select(s => "M" + s.Skill.MacroSkillCode).Distinct(StringComparer.Ordinal));
            features[f] = list;
            foreach (var feature in list)
            {
                df[feature] = df.GetValueOrDefault(feature) + 1;
            }
        }

        _featureOf = new Dictionary<string, int>(df.Count, StringComparer.Ordinal);
        foreach (var key in df.Keys.Order(StringComparer.Ordinal))
        {
            _featureOf[key] = _featureOf.Count;
        }

        var postings = Enumerable.Range(0, _featureOf.Count).Select(_ => new List<(int, double)>()).ToArray();
        _totals = new double[_codes.Length];
        _skillFeatures = new int[_codes.Length][];
        _gapOrder = new int[_codes.Length][];
        _macroOfSkill = new int[_featureOf.Count];
        Array.Fill(_macroOfSkill, -1);
        for (var f = 0; f < _codes.Length; f++)
        {
            var fiche = _skills.Of(_codes[f])!;
            var core = fiche.Skills.ToDictionary(s => s.Skill.Code, s => s.Core, StringComparer.Ordinal);
            foreach (var feature in features[f])
            {
                var idf = Math.Log(n / df[feature]);
                var weight = feature[0] == 'M' ? Options.MacroSkillWeight * idf : (core[feature] == SkillCore.Core ? Options.CoreWeight : 1.0) * idf;
                postings[_featureOf[feature]].Add((f, weight));
                _totals[f] += weight;
            }

            _skillFeatures[f] = [.. fiche.Skills.Select(s => _featureOf[s.Skill.Code])];
            foreach (var s in fiche.Skills.Where(s => s.Skill.MacroSkillCode is not null))
            {
                _macroOfSkill[_featureOf[s.Skill.Code]] = _featureOf["M" + s.Skill.MacroSkillCode];
            }

            _gapOrder[f] = [.. Enumerable.Range(0, fiche.Skills.Count)
                .OrderBy(i => fiche.Skills[i].Core switch { SkillCore.Core => 0, SkillCore.Emerging => 1, _ => 2 })
                .ThenBy(i => fiche.Skills[i].Skill.Family).ThenBy(i => fiche.Skills[i].Skill.Code, StringComparer.Ordinal)];
        }

        _postings = [.. postings.Select(p => p.ToArray())];
    }

    /// <summary>Per thread, reused: the sums by fiche, the held flags by feature, the held feature ids.</summary>
    private sealed class Scratch(int fiches, int features)
    {
        public double[] Sums { get; } = new double[fiches];

        public bool[] Held { get; } = new bool[features];

        public List<int> Ids { get; } = [];
    }

    /// <summary>The options in use.</summary>
    public TransitionOptions Options { get; }

    /// <summary>
    /// Transitions from one or more fiches, whose skills are all taken as held (an assumption: the person does the whole job
    /// as ROME describes it). The source fiches are left out of the ranking unless <see cref="TransitionOptions.IncludeSources"/>.
    /// </summary>
    /// <exception cref="ArgumentException">A code is not a fiche with skills.</exception>
    public IReadOnlyList<Transition> FromOccupations(IReadOnlyList<string> codes)
    {
        ArgumentNullException.ThrowIfNull(codes);
        var held = new HashSet<string>(StringComparer.Ordinal);
        foreach (var code in codes)
        {
            var fiche = _skills.Of(code) ?? throw new ArgumentException($"{code} is not a fiche with skills in {_rome.Name}.", nameof(codes));
            held.UnionWith(fiche.Skills.Select(s => s.Skill.Code));
        }

        return Rank(held, codes);
    }

    /// <summary>Transitions from a person's portfolio: the skills they hold (at or above the held level) and their past fiches as sources.</summary>
    public IReadOnlyList<Transition> FromPortfolio(SkillsResult portfolio)
    {
        ArgumentNullException.ThrowIfNull(portfolio);
        return Rank([.. portfolio.Portfolio.Where(s => s.Held).Select(s => s.Skill.Code)], [.. portfolio.Experiences.Select(e => e.OccupationCode).Distinct(StringComparer.Ordinal)]);
    }

    /// <summary>Transitions from held skills (<c>code_ogr</c>), with the fiches they come from as sources (for the passerelles; may be empty).</summary>
    public IReadOnlyList<Transition> Rank(IReadOnlyCollection<string> heldSkills, IReadOnlyList<string> sources)
    {
        ArgumentNullException.ThrowIfNull(heldSkills);
        ArgumentNullException.ThrowIfNull(sources);
        var scratch = AcquireScratch();
        try
        {
            var scores = Scores(heldSkills, scratch);
            var top = new List<int>(Options.Top + 1);
            for (var f = 0; f < _codes.Length; f++)
            {
                if (scores[f] <= 0 || (!Options.IncludeSources && Contains(sources, _codes[f])))
                {
                    continue;
                }

                // Insert in order: higher score first, then lower index (the codes are in ordinal order).
                var at = top.Count;
                while (at > 0 && scores[top[at - 1]] < scores[f])
                {
                    at--;
                }

                if (at < Options.Top)
                {
                    top.Insert(at, f);
                    if (top.Count > Options.Top)
                    {
                        top.RemoveAt(top.Count - 1);
                    }
                }
            }

            return [.. top.Select(f => Describe(f, scores[f], scratch.Held, sources))];
        }
        finally
        {
            Release(scratch);
        }
    }

    /// <summary>
    /// The transition toward one chosen fiche (a target the person has in mind, ranked or not): its transferability, the
    /// transferable skills and the gaps, as <see cref="Rank"/> describes them.
    /// </summary>
    /// <param name="heldSkills">The skills the person holds (<c>code_ogr</c>).</param>
    /// <param name="sources">The fiches they come from (for the passerelle; may be empty).</param>
    /// <param name="target">The target fiche's code.</param>
    /// <exception cref="ArgumentException"><paramref name="target"/> is not a fiche with skills.</exception>
    public Transition Toward(IReadOnlyCollection<string> heldSkills, IReadOnlyList<string> sources, string target)
    {
        ArgumentNullException.ThrowIfNull(heldSkills);
        ArgumentNullException.ThrowIfNull(sources);
        ArgumentNullException.ThrowIfNull(target);
        var f = Array.BinarySearch(_codes, target, StringComparer.Ordinal);
        if (f < 0)
        {
            throw new ArgumentException($"{target} is not a fiche with skills in {_rome.Name}.", nameof(target));
        }

        var scratch = AcquireScratch();
        try
        {
            var scores = Scores(heldSkills, scratch);
            return Describe(f, scores[f], scratch.Held, sources);
        }
        finally
        {
            Release(scratch);
        }
    }

    /// <summary>This thread's scratch, made (or remade, for another matcher's sizes) when needed.</summary>
    private Scratch AcquireScratch() =>
        _scratch is { } reused && reused.Sums.Length == _codes.Length && reused.Held.Length == _featureOf.Count
            ? reused
            : _scratch = new Scratch(_codes.Length, _featureOf.Count);

    /// <summary>Clears the held flags a ranking set, so the scratch is ready for the next person.</summary>
    private static void Release(Scratch scratch)
    {
        foreach (var id in scratch.Ids)
        {
            scratch.Held[id] = false;
        }

        scratch.Ids.Clear();
    }

    private static bool Contains(IReadOnlyList<string> codes, string code)
    {
        for (var i = 0; i < codes.Count; i++)
        {
            if (string.Equals(codes[i], code, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Transitions ranked on skills and interests together: <c>w · transferability + (1 − w) · (r + 1) / 2</c>, with r the
    /// Pearson correlation of the person's RIASEC profile and the fiche's (ROME's letters: major 1, minor 0.5). PROJECT
    /// CHOICE: r is moved onto 0–1 so that both parts share a scale, and w = 0.5 by default, as <see cref="CombinedMatcher"/>
    /// weighs interests and values, because neither part is known to predict a good move better. ROME has no work values,
    /// so they take no part here. Fiches whose correlation is undefined are left out, as in <see cref="CombinedMatcher"/>.
    /// </summary>
    /// <param name="heldSkills">The skills the person holds (<c>code_ogr</c>).</param>
    /// <param name="sources">The fiches they come from (left out, and used for the passerelles).</param>
    /// <param name="interests">The person's interest profile.</param>
    /// <param name="skillsWeight">w, the weight of the skills part (0–1).</param>
    public IReadOnlyList<CombinedTransition> RankWithInterests(IReadOnlyCollection<string> heldSkills, IReadOnlyList<string> sources, InterestProfile interests, double skillsWeight = 0.5)
    {
        ArgumentNullException.ThrowIfNull(heldSkills);
        ArgumentNullException.ThrowIfNull(sources);
        ArgumentNullException.ThrowIfNull(interests);
        if (double.IsNaN(skillsWeight) || skillsWeight < 0 || skillsWeight > 1)
        {
            throw new ArgumentOutOfRangeException(nameof(skillsWeight), "The skills weight is a number from 0 to 1.");
        }

        var person = interests.Scores.ToArray();
        var scratch = AcquireScratch();
        try
        {
            var transfer = Scores(heldSkills, scratch);
            var ranked = new List<(int Fiche, double Fit, double Score)>();
            for (var f = 0; f < _codes.Length; f++)
            {
                if (!Options.IncludeSources && Contains(sources, _codes[f]) || _rome.Find(_codes[f])?.Interests is not { } profile)
                {
                    continue;
                }

                var r = ProfileSimilarity.Pearson(person, profile.Scores.ToArray());
                if (double.IsNaN(r))
                {
                    continue;
                }

                var fit = (r + 1) / 2;
                ranked.Add((f, fit, (skillsWeight * transfer[f]) + ((1 - skillsWeight) * fit)));
            }

            return [.. ranked.OrderByDescending(x => x.Score).ThenBy(x => x.Fiche).Take(Options.Top)
                .Select(x => new CombinedTransition(Describe(x.Fiche, transfer[x.Fiche], scratch.Held, sources), x.Fit, x.Score))];
        }
        finally
        {
            Release(scratch);
        }
    }

    /// <summary>
    /// The transitions of many people at once, on up to <paramref name="maxDegreeOfParallelism"/> cores (0: all). Each person
    /// is ranked on their own, so the result is the same, in the same order, on 1 and N threads.
    /// </summary>
    /// <param name="people">Each person's held skills and source fiches.</param>
    /// <param name="maxDegreeOfParallelism">The most cores to use; 0 for all.</param>
    public IReadOnlyList<IReadOnlyList<Transition>> RankBatch(IReadOnlyList<(IReadOnlyCollection<string> Held, IReadOnlyList<string> Sources)> people, int maxDegreeOfParallelism = 0)
    {
        ArgumentNullException.ThrowIfNull(people);
        var results = new IReadOnlyList<Transition>[people.Count];
        Parallel.For(0, people.Count, new ParallelOptions { MaxDegreeOfParallelism = maxDegreeOfParallelism > 0 ? maxDegreeOfParallelism : -1 },
            i => results[i] = Rank(people[i].Held, people[i].Sources));
        return results;
    }

    /// <summary>Each fiche's transferability for the held skills, by fiche index (in the scratch's sums; held flags set).</summary>
    private double[] Scores(IReadOnlyCollection<string> held, Scratch scratch)
    {
        foreach (var code in held)
        {
            if (_featureOf.TryGetValue(code, out var id) && code.Length > 0 && code[0] != 'M')
            {
                Mark(id);
                if (_macroOfSkill[id] >= 0)
                {
                    Mark(_macroOfSkill[id]);
                }
            }
            else if (_skills.Find(code)?.MacroSkillCode is { } macro && _featureOf.TryGetValue("M" + macro, out var macroId))
            {
                Mark(macroId); // a skill no fiche lists still shares its macro-skill
            }
        }

        var sums = scratch.Sums;
        Array.Clear(sums);
        var ids = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(scratch.Ids);
        ids.Sort(); // a fixed order of summation: the same bits on every thread
        foreach (var id in ids)
        {
            foreach (var (fiche, weight) in _postings[id])
            {
                sums[fiche] += weight;
            }
        }

        for (var f = 0; f < sums.Length; f++)
        {
            sums[f] = _totals[f] > 0 ? sums[f] / _totals[f] : 0;
        }

        return sums;

        void Mark(int id)
        {
            if (!scratch.Held[id])
            {
                scratch.Held[id] = true;
                scratch.Ids.Add(id);
            }
        }
    }

    private Transition Describe(int f, double score, bool[] held, IReadOnlyList<string> sources)
    {
        var skills = _skills.Of(_codes[f])!.Skills;
        var features = _skillFeatures[f];
        var transferable = new List<FicheSkill>();
        for (var i = 0; i < skills.Count; i++)
        {
            if (held[features[i]])
            {
                transferable.Add(skills[i]);
            }
        }

        var gaps = new List<FicheSkill>(skills.Count - transferable.Count);
        foreach (var i in _gapOrder[f])
        {
            if (!held[features[i]])
            {
                gaps.Add(skills[i]);
            }
        }

        var passerelle = false;
        if (_rome.Passerelles is { } links)
        {
            for (var i = 0; i < sources.Count && !passerelle; i++)
            {
                passerelle = links.Contains(sources[i], _codes[f]);
            }
        }

        return new Transition(_rome.Find(_codes[f])!, score, passerelle, transferable, gaps);
    }
}
