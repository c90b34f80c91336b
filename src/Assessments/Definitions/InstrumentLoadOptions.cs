using Assessments.Scoring;

namespace Assessments.Definitions;

/// <summary>Limits and plug-ins used when loading an instrument definition.</summary>
public sealed record InstrumentLoadOptions
{
    /// <summary>The options used when none are given: built-in kinds, 4 MiB, depth 32.</summary>
    public static InstrumentLoadOptions Default { get; } = new();

    /// <summary>The kinds an instrument may declare. Default: <see cref="InstrumentKindRegistry.Default"/> (the built-in kinds).</summary>
    public InstrumentKindRegistry Kinds { get; init; } = InstrumentKindRegistry.Default;

    /// <summary>Largest definition accepted, in bytes. Default 4 MiB: the largest shipped instrument is under 100 KiB.</summary>
    public int MaxBytes { get; init; } = 4 * 1024 * 1024;

    /// <summary>Deepest nesting of objects and arrays accepted. Default 32: the model itself needs 6.</summary>
    public int MaxDepth { get; init; } = 32;
}
