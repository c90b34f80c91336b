namespace Assessments.Data;

/// <summary>Which CSV reader scores a file (<c>--reader</c>).</summary>
public enum ReaderChoice
{
    /// <summary>The fast reader where it can serve the run, else the general one.</summary>
    Auto,

    /// <summary>The byte-level fast reader; a run it cannot serve is refused with the reason.</summary>
    Fast,

    /// <summary>The general (Sep) reader for every row: the reference.</summary>
    General,
}
