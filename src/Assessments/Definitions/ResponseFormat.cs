using System.Collections.Frozen;

namespace Assessments.Definitions;

/// <summary>
/// A closed range of integer answers (for example 1–5 from "strongly disagree" to "strongly agree") with optional labels.
/// Its endpoints define reverse keying: <c>x′ = Min + Max − x</c> (docs/methods.md §1.1).
/// </summary>
public sealed class ResponseFormat
{
    internal ResponseFormat(string id, int min, int max, IReadOnlyDictionary<string, IReadOnlyList<string>> labels)
    {
        Id = id;
        Min = min;
        Max = max;
        Labels = labels;
        var values = new Dictionary<string, int>(StringComparer.Ordinal);
        var ambiguous = new SortedDictionary<string, SortedSet<int>>(StringComparer.Ordinal);
        foreach (var (_, list) in labels.OrderBy(l => l.Key, StringComparer.Ordinal))
        {
            for (var k = 0; k < list.Count; k++)
            {
                var folded = Responses.TextFold.Fold(list[k]);
                var value = min + k;
                if (folded.Length == 0)
                {
                    continue;
                }

                if (values.TryGetValue(folded, out var earlier) && earlier != value)
                {
                    if (!ambiguous.TryGetValue(folded, out var set))
                    {
                        ambiguous[folded] = set = [earlier];
                    }

                    set.Add(value);
                }
                else
                {
                    values.TryAdd(folded, value);
                }
            }
        }

        foreach (var folded in ambiguous.Keys)
        {
            values.Remove(folded);
        }

        _labelValues = values.ToFrozenDictionary(StringComparer.Ordinal);
        _ambiguous = ambiguous.ToFrozenDictionary(a => a.Key, a => (IReadOnlyList<int>)[.. a.Value], StringComparer.Ordinal);
        AmbiguousLabels = [.. ambiguous.Select(a => labels.SelectMany(l => l.Value).First(x => Responses.TextFold.Fold(x) == a.Key))];
    }

    private readonly FrozenDictionary<string, int> _labelValues;
    private readonly FrozenDictionary<string, IReadOnlyList<int>> _ambiguous;

    /// <summary>
    /// Labels that two different answers of this format share once folded (<see cref="Responses.TextFold"/>), in any
    /// languages: reading a cell through one of them is an error, never a guess. The loader warns about each.
    /// </summary>
    public IReadOnlyList<string> AmbiguousLabels { get; }

    /// <summary>
    /// The answer whose label, in any language of the format, folds as <paramref name="text"/> does.
    /// </summary>
    /// <param name="text">A label as a survey tool exported it.</param>
    /// <param name="value">The answer, when exactly one label matches.</param>
    /// <param name="candidates">The answers sharing that label, when it is ambiguous; else empty.</param>
    /// <returns>True when exactly one answer has the label.</returns>
    public bool TryGetAnswerOfLabel(ReadOnlySpan<char> text, out int value, out IReadOnlyList<int> candidates)
    {
        var folded = Responses.TextFold.Fold(text);
        candidates = _ambiguous.TryGetValue(folded, out var several) ? several : [];
        return _labelValues.TryGetValue(folded, out value);
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
