using System.Globalization;
using System.Text;

namespace Assessments.Matching;

/// <summary>One job title (ROME's <i>appellation</i>) and the fiche it belongs to.</summary>
/// <param name="Code">The appellation's <c>code_ogr</c>.</param>
/// <param name="Label">The long label, with its masculine and feminine forms ("Secrétaire médical / médicale").</param>
/// <param name="OccupationCode">The fiche's code (<c>code_rome</c>).</param>
public sealed record JobTitle(string Code, string Label, string OccupationCode);

/// <summary>A job title found by <see cref="JobTitleIndex.Search"/>, with why it ranks where it does.</summary>
/// <param name="Title">The title.</param>
/// <param name="ExactWords">How many words of the query are whole words of the title (the others begin one).</param>
/// <param name="ExtraWords">How many words of the title the query does not cover.</param>
public sealed record JobTitleMatch(JobTitle Title, int ExactWords, int ExtraWords);

/// <summary>
/// ROME's job titles, searchable the way a person types them: "secrétaire médicale", "aide soignant", "soignant aide".
/// Case, accents, punctuation and word order do not matter, and each query word may be the beginning of a title word
/// ("compta" finds "Comptable"). PROJECT CHOICE, ranking (deterministic): more query words that are whole title words
/// first, then fewer title words left over (the closest title), then the label in ordinal order, then the code.
/// </summary>
public sealed class JobTitleIndex
{
    private readonly JobTitle[] _titles;
    private readonly string[][] _words;
    private readonly string[] _vocabulary;  // distinct words, ordinal order
    private readonly int[][] _postings;     // for each word of the vocabulary, the titles holding it (ascending)

    internal JobTitleIndex(IReadOnlyList<JobTitle> titles)
    {
        _titles = [.. titles];
        _words = [.. _titles.Select(t => Words(t.Label).Distinct(StringComparer.Ordinal).ToArray())];
        var postings = new SortedDictionary<string, List<int>>(StringComparer.Ordinal);
        for (var t = 0; t < _words.Length; t++)
        {
            foreach (var word in _words[t])
            {
                if (!postings.TryGetValue(word, out var list))
                {
                    postings[word] = list = [];
                }

                list.Add(t);
            }
        }

        _vocabulary = [.. postings.Keys];
        _postings = [.. postings.Values.Select(l => l.ToArray())];
    }

    /// <summary>Every title, in the source's order.</summary>
    public IReadOnlyList<JobTitle> Titles => _titles;

    /// <summary>The titles that hold every word of <paramref name="text"/> (each as a whole word or the beginning of one), best first.</summary>
    /// <param name="text">What the person typed.</param>
    /// <param name="top">The most titles to return.</param>
    public IReadOnlyList<JobTitleMatch> Search(string text, int top = 10)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentOutOfRangeException.ThrowIfLessThan(top, 1);
        var query = Words(text).Distinct(StringComparer.Ordinal).ToArray();
        if (query.Length == 0)
        {
            return [];
        }

        // The titles with a word beginning with each query word; intersected, rarest word first.
        var sets = query.Select(Beginning).OrderBy(s => s.Count).ToList();
        var candidates = sets[0];
        foreach (var set in sets.Skip(1))
        {
            candidates.IntersectWith(set);
            if (candidates.Count == 0)
            {
                return [];
            }
        }

        return [.. candidates
            .Select(t => new JobTitleMatch(_titles[t], query.Count(q => Array.IndexOf(_words[t], q) >= 0), _words[t].Count(w => !query.Any(q => w.StartsWith(q, StringComparison.Ordinal)))))
            .OrderByDescending(m => m.ExactWords)
            .ThenBy(m => m.ExtraWords)
            .ThenBy(m => m.Title.Label, StringComparer.Ordinal)
            .ThenBy(m => m.Title.Code, StringComparer.Ordinal)
            .Take(top)];
    }

    /// <summary>The titles holding a word that begins with <paramref name="prefix"/>.</summary>
    private HashSet<int> Beginning(string prefix)
    {
        var set = new HashSet<int>();
        var first = Array.BinarySearch(_vocabulary, prefix, StringComparer.Ordinal);
        for (var i = first < 0 ? ~first : first; i < _vocabulary.Length && _vocabulary[i].StartsWith(prefix, StringComparison.Ordinal); i++)
        {
            set.UnionWith(_postings[i]);
        }

        return set;
    }

    /// <summary>A text's words, folded: lower case, accents and ligatures removed, split on anything but letters and digits.</summary>
    internal static List<string> Words(string text)
    {
        var words = new List<string>();
        Span<char> buffer = text.Length <= 256 ? stackalloc char[text.Length * 2] : new char[text.Length * 2];
        var length = 0;
        foreach (var c in text)
        {
            var folded = Fold(c);
            if (folded == '\0')
            {
                Flush(buffer, ref length, words);
            }
            else
            {
                buffer[length++] = folded;
                if (c is 'œ' or 'Œ' or 'æ' or 'Æ' or 'ß')
                {
                    buffer[length++] = c == 'ß' ? 's' : 'e'; // œ → oe, æ → ae, ß → ss
                }
            }
        }

        Flush(buffer, ref length, words);
        return words;

        static void Flush(Span<char> buffer, ref int length, List<string> words)
        {
            if (length > 0)
            {
                words.Add(new string(buffer[..length]));
                length = 0;
            }
        }
    }

    /// <summary>Each character folded once: its lower-case base letter or digit, or '\0' for a separator.</summary>
    private static readonly char[] FoldTable = BuildFoldTable();

    private static char Fold(char c) => c < FoldTable.Length ? FoldTable[c] : char.IsLetterOrDigit(c) ? char.ToLowerInvariant(c) : '\0';

    /// <summary>ASCII, Latin-1 and Latin Extended-A/B (every letter French uses): the base letter of each, by decomposition.</summary>
    private static char[] BuildFoldTable()
    {
        var table = new char[0x250];
        for (var c = 0; c < table.Length; c++)
        {
            var ch = (char)c;
            if (!char.IsLetterOrDigit(ch))
            {
                continue;
            }

            var decomposed = ch.ToString().Normalize(NormalizationForm.FormD);
            var baseLetter = decomposed.FirstOrDefault(d => CharUnicodeInfo.GetUnicodeCategory(d) != UnicodeCategory.NonSpacingMark);
            table[c] = char.ToLowerInvariant(ch switch { 'œ' or 'Œ' => 'o', 'æ' or 'Æ' => 'a', 'ß' => 's', _ => baseLetter == '\0' ? ch : baseLetter });
        }

        return table;
    }
}

/// <summary>ROME's mobility links (<i>passerelles</i>): the fiches experts list as moves from each fiche, in ROME's order.</summary>
public sealed class Passerelles
{
    private readonly Dictionary<string, string[]> _targets;

    internal Passerelles(Dictionary<string, string[]> targets) => _targets = targets;

    /// <summary>How many links there are.</summary>
    public int Count => _targets.Values.Sum(t => t.Length);

    /// <summary>The fiches ROME lists as moves from <paramref name="occupationCode"/> (by <c>numero_ordre</c>, then code); empty if none.</summary>
    public IReadOnlyList<string> From(string occupationCode) => _targets.GetValueOrDefault(occupationCode) ?? [];

    /// <summary>Whether ROME lists the move from <paramref name="from"/> to <paramref name="to"/>.</summary>
    public bool Contains(string from, string to) => Array.IndexOf(_targets.GetValueOrDefault(from) ?? [], to) >= 0;
}
