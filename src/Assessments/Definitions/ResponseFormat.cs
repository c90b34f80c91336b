namespace Assessments.Definitions;

/// <summary>
/// A closed range of integer answers (for example 1–5 from "strongly disagree" to "strongly agree") with optional labels.
/// Its endpoints define reverse keying: <c>x′ = Min + Max − x</c> (METHODS.md §1.1).
/// </summary>
public sealed class ResponseFormat
{
    internal ResponseFormat(string id, int min, int max, IReadOnlyDictionary<string, IReadOnlyList<string>> labels)
    {
        Id = id;
        Min = min;
        Max = max;
        Labels = labels;
    }

    /// <summary>The format's id, as items refer to it.</summary>
    public string Id { get; }

    /// <summary>The lowest valid answer.</summary>
    public int Min { get; }

    /// <summary>The highest valid answer.</summary>
    public int Max { get; }

    /// <summary>One label per answer from <see cref="Min"/> to <see cref="Max"/>, per language; empty when the format has none.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Labels { get; }

    /// <summary>The neutral point, <c>(Min + Max) / 2</c>.</summary>
    public double Midpoint => (Min + Max) / 2.0;

    /// <summary>Whether <paramref name="answer"/> lies within the format.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    public bool Contains(int answer) => answer >= Min && answer <= Max;

    /// <summary>The reverse-keyed answer <c>Min + Max − answer</c>.</summary>
    public int Reverse(int answer) => Min + Max - answer;
}
