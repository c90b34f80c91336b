using Assessments.Definitions;

namespace Assessments;

/// <summary>
/// The instruments shipped inside this package (the repository's <c>instruments/*.json</c>, embedded at build time): an
/// app loads one by id, without copying files. The definitions are the same bytes as the files, so results carry the same
/// fingerprints.
/// </summary>
/// <example>
/// <code>
/// var interests = Instruments.Load("interests-riasec");
/// </code>
/// </example>
public static class Instruments
{
    private const string Prefix = "Assessments.Instruments.";
    private const string Suffix = ".json";

    /// <summary>The ids of the shipped instruments, in ordinal order: career-readiness, ikigai, interests-riasec, type-indicator, values-cards.</summary>
    public static IReadOnlyList<string> Ids { get; } = [.. typeof(Instruments).Assembly.GetManifestResourceNames()
        .Where(n => n.StartsWith(Prefix, StringComparison.Ordinal) && n.EndsWith(Suffix, StringComparison.Ordinal))
        .Select(n => n[Prefix.Length..^Suffix.Length])
        .Order(StringComparer.Ordinal)];

    /// <summary>Loads and validates a shipped instrument.</summary>
    /// <param name="id">One of <see cref="Ids"/>, e.g. <c>interests-riasec</c>.</param>
    /// <param name="options">Load options (default: <see cref="InstrumentLoadOptions.Default"/>).</param>
    /// <exception cref="ArgumentException">No shipped instrument has that id (the message lists those that do).</exception>
    public static Instrument Load(string id, InstrumentLoadOptions? options = null)
    {
        using var stream = Open(id);
        return Instrument.Load(stream, options, sourceName: id + Suffix);
    }

    /// <summary>The JSON definition of a shipped instrument, as UTF-8 text (for display, or as a start for your own).</summary>
    /// <exception cref="ArgumentException">No shipped instrument has that id.</exception>
    public static string Definition(string id)
    {
        using var stream = Open(id);
        using var reader = new StreamReader(stream, System.Text.Encoding.UTF8);
        return reader.ReadToEnd();
    }

    private static Stream Open(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        return (Ids.Contains(id, StringComparer.Ordinal) ? typeof(Instruments).Assembly.GetManifestResourceStream(Prefix + id + Suffix) : null)
            ?? throw new ArgumentException($"No shipped instrument has the id '{id}'. The shipped instruments are: {string.Join(", ", Ids)}.", nameof(id));
    }
}
