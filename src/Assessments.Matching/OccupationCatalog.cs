using Assessments.Matching.Internals;

namespace Assessments.Matching;

/// <summary>
/// A set of occupations to match people against, with the attribution its source requires. Load the O*NET text database
/// (<see cref="LoadOnet"/>), a ROME 4.0 export (<see cref="LoadRome"/>) or a JSON catalog (<see cref="LoadJson"/>).
/// </summary>
public sealed class OccupationCatalog
{
    private readonly Dictionary<string, Occupation> _byCode;

    /// <summary>Creates a catalog from occupations (codes must be unique).</summary>
    /// <exception cref="ArgumentException">An occupation is null, or two share a code.</exception>
    public OccupationCatalog(string name, string attribution, IReadOnlyList<Occupation> occupations)
    {
        ArgumentNullException.ThrowIfNull(occupations);
        Name = name;
        Attribution = attribution;
        Occupations = occupations;
        _byCode = new Dictionary<string, Occupation>(occupations.Count, StringComparer.Ordinal);
        for (var i = 0; i < occupations.Count; i++)
        {
            var o = occupations[i] ?? throw new ArgumentException(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"Occupation {i} is null."), nameof(occupations));
            if (!_byCode.TryAdd(o.Code, o))
            {
                throw new ArgumentException($"The code {o.Code} is used by two occupations; codes must be unique.", nameof(occupations));
            }

            HasJobZones |= o.JobZone is not null;
            HasWorkValues |= o.WorkValues is not null;
        }
    }

    /// <summary>What the catalog is, e.g. "O*NET 30.1" or "ROME 4.0 v460".</summary>
    public string Name { get; }

    /// <summary>The credit the source's licence requires; show it wherever the catalog's data are shown.</summary>
    public string Attribution { get; }

    /// <summary>The credit in each language the catalog gives it in (JSON catalogs, ROME in French and English); may be empty.</summary>
    public IReadOnlyDictionary<string, string> Attributions { get; init; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>The credit in <paramref name="language"/> when the catalog gives it, <see cref="Attribution"/> otherwise.</summary>
    public string AttributionIn(string language) => Attributions.TryGetValue(language, out var text) ? text : Attribution;

    /// <summary>The occupations in the source's order.</summary>
    public IReadOnlyList<Occupation> Occupations { get; }

    /// <summary>
    /// Whether any occupation has a Job Zone (<see cref="Occupation.JobZone"/>). When none has — ROME, or an O*NET folder
    /// without <c>Job Zones.txt</c> — filtering by Job Zone (<see cref="MatchOptions.MinJobZone"/>,
    /// <see cref="MatchOptions.MaxJobZone"/>) leaves no occupation, so an application should refuse such a query up front.
    /// </summary>
    public bool HasJobZones { get; }

    /// <summary>
    /// Whether any occupation has work values (<see cref="Occupation.WorkValues"/>). When none has — ROME, or an O*NET folder
    /// without <c>Work Values.txt</c> — <see cref="ValuesMatcher"/> and <see cref="CombinedMatcher"/> have no candidate, so an
    /// application should refuse a work-values query up front.
    /// </summary>
    public bool HasWorkValues { get; }

    /// <summary>
    /// Each fiche's skills, knowledge and work contexts (ROME 4.0 with its skills files); null for other catalogs and for a
    /// ROME folder without them (<see cref="Notes"/> says so).
    /// </summary>
    public SkillCatalog? Skills { get; init; }

    /// <summary>The job titles, searchable as a person types them (ROME's appellations); null when the catalog has none.</summary>
    public JobTitleIndex? JobTitles { get; init; }

    /// <summary>The mobility links that ROME's experts list between fiches; null when the catalog has none.</summary>
    public Passerelles? Passerelles { get; init; }

    /// <summary>What the loader left out and why (an optional file missing), for the application to show; empty when nothing was.</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];

    /// <summary>The occupation with this code, or null.</summary>
    public Occupation? Find(string code) => _byCode.GetValueOrDefault(code);

    /// <summary>
    /// Loads an O*NET database folder in O*NET's tab-separated text format: <c>Occupation Data.txt</c> and
    /// <c>Interests.txt</c> (OI levels 1–7 and IH high points) are required; <c>Work Values.txt</c> and
    /// <c>Job Zones.txt</c> are read when present, from the folder or from <paramref name="jobZonesFolder"/> (O*NET 30.1
    /// copies may lack Job Zones; 29.3's have the same values). Occupations without interest data keep a null profile.
    /// </summary>
    /// <param name="folder">The database folder.</param>
    /// <param name="release">The release for the attribution (e.g. "30.1"); default: the folder's name when it looks like one.</param>
    /// <param name="jobZonesFolder">Another folder to take <c>Job Zones.txt</c> from.</param>
    /// <exception cref="CatalogLoadException">A file is missing or has malformed rows.</exception>
    public static OccupationCatalog LoadOnet(string folder, string? release = null, string? jobZonesFolder = null) =>
        OnetLoader.Load(folder, release, jobZonesFolder);

    /// <summary>
    /// Loads a ROME 4.0 open-data folder from France Travail (<c>unix_referentiel_code_rome_v*_utf8.csv</c> for titles,
    /// <c>unix_referentiel_code_rome_riasec_v*_utf8.csv</c> for major and minor RIASEC letters). Each fiche's profile is
    /// major = 1, minor = 0.5, other areas 0 on a 0–1 scale (PROJECT CHOICE: ROME publishes letters, not scores).
    /// </summary>
    /// <exception cref="CatalogLoadException">A file is missing or has malformed rows.</exception>
    public static OccupationCatalog LoadRome(string folder) => RomeLoader.Load(folder);

    /// <summary>Loads a catalog in this project's JSON format (see <c>instruments/catalogs/starter-occupations.json</c>).</summary>
    /// <exception cref="CatalogLoadException">The file is missing or malformed.</exception>
    public static OccupationCatalog LoadJson(string path) => JsonCatalogLoader.Load(path);

    /// <summary>
    /// The starter catalog shipped inside this package (<c>instruments/catalogs/starter-occupations.json</c>): 48 common
    /// occupations whose interest and work-values profiles the project estimated, so that matching runs without any
    /// download. For real guidance load O*NET (<see cref="LoadOnet"/>) or ROME (<see cref="LoadRome"/>).
    /// </summary>
    public static OccupationCatalog LoadStarter()
    {
        using var stream = typeof(OccupationCatalog).Assembly.GetManifestResourceStream("Assessments.Matching.Catalogs.starter-occupations.json")
            ?? throw new InvalidOperationException("The starter catalog is missing from the assembly's resources.");
        return JsonCatalogLoader.Load(stream, "starter-occupations.json");
    }
}
