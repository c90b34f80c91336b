namespace Assessments.Scoring;

/// <summary>
/// The set of instrument kinds a loader accepts. Immutable: <see cref="With"/> returns a new registry, so a registry can be
/// shared between threads and the built-in <see cref="Default"/> can never be changed behind another component's back.
/// </summary>
/// <example>
/// <code>
/// var kinds = InstrumentKindRegistry.Default.With(new MyKind());
/// var instrument = Instrument.Load("my.json", new InstrumentLoadOptions { Kinds = kinds });
/// </code>
/// </example>
public sealed class InstrumentKindRegistry
{
    private readonly Dictionary<string, IInstrumentKind> _kinds;

    private InstrumentKindRegistry(Dictionary<string, IInstrumentKind> kinds) => _kinds = kinds;

    /// <summary>The built-in kinds: <c>likert</c>, <c>interests</c>, <c>type-indicator</c>, <c>card-sort</c>, <c>ikigai</c>.</summary>
    public static InstrumentKindRegistry Default { get; } =
        Empty.With(new LikertKind()).With(new Interests.InterestsKind()).With(new TypeIndicator.TypeIndicatorKind()).With(new CardSort.CardSortKind()).With(new Ikigai.IkigaiKind());

    /// <summary>A registry with no kinds.</summary>
    public static InstrumentKindRegistry Empty => new(new Dictionary<string, IInstrumentKind>(StringComparer.Ordinal));

    /// <summary>The registered kind names, in ordinal order.</summary>
    public IReadOnlyList<string> Names => [.. _kinds.Keys.Order(StringComparer.Ordinal)];

    /// <summary>A registry with every kind of this one plus <paramref name="kind"/>.</summary>
    /// <exception cref="ArgumentException">A kind with the same name is already registered.</exception>
    public InstrumentKindRegistry With(IInstrumentKind kind)
    {
        ArgumentNullException.ThrowIfNull(kind);
        if (string.IsNullOrWhiteSpace(kind.Name))
        {
            throw new ArgumentException("A kind needs a non-empty name.", nameof(kind));
        }

        if (_kinds.ContainsKey(kind.Name))
        {
            throw new ArgumentException($"A kind named '{kind.Name}' is already registered.", nameof(kind));
        }

        return new InstrumentKindRegistry(new Dictionary<string, IInstrumentKind>(_kinds, StringComparer.Ordinal) { [kind.Name] = kind });
    }

    /// <summary>Finds a kind by its exact (ordinal) name.</summary>
    public bool TryGet(string name, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out IInstrumentKind? kind) =>
        _kinds.TryGetValue(name, out kind);
}
