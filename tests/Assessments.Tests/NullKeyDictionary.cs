using System.Collections;
using System.Diagnostics.CodeAnalysis;

namespace Assessments.Tests;

/// <summary>
/// A read-only dictionary that, unlike <see cref="Dictionary{TKey, TValue}"/>, can hold a null key — as an application's own
/// <see cref="IReadOnlyDictionary{TKey, TValue}"/> can. Entries keep their order; lookups are ordinal.
/// </summary>
internal sealed class NullKeyDictionary<TValue>(params (string? Key, TValue Value)[] entries) : IReadOnlyDictionary<string, TValue>
{
    public TValue this[string key] => TryGetValue(key, out var value) ? value : throw new KeyNotFoundException();

    public IEnumerable<string> Keys => entries.Select(e => e.Key!);

    public IEnumerable<TValue> Values => entries.Select(e => e.Value);

    public int Count => entries.Length;

    public bool ContainsKey(string key) => entries.Any(e => string.Equals(e.Key, key, StringComparison.Ordinal));

    public bool TryGetValue(string key, [MaybeNullWhen(false)] out TValue value)
    {
        foreach (var (k, v) in entries)
        {
            if (string.Equals(k, key, StringComparison.Ordinal))
            {
                value = v;
                return true;
            }
        }

        value = default;
        return false;
    }

    public IEnumerator<KeyValuePair<string, TValue>> GetEnumerator() =>
        entries.Select(e => new KeyValuePair<string, TValue>(e.Key!, e.Value)).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
