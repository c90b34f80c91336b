using Assessments.Interests;

namespace Assessments.Matching;

/// <summary>
/// Congruence between a person's and an occupation's Holland codes (docs/methods.md §5.1–5.3). Codes are strings of distinct
/// RIASEC letters, the most characteristic first. Healy–Mourton and Kwak–Pulvino are deliberately absent: no source
/// defining them was found.
/// </summary>
public static class Congruence
{
    private static readonly int[,] Iachan3 = { { 22, 10, 4 }, { 10, 5, 2 }, { 4, 2, 1 } };
    private static readonly int[,] Iachan2 = { { 5, 2 }, { 2, 1 } };

    /// <summary>Hexagon distance between two letters: 0 same, 1 adjacent, 2 alternate, 3 opposite.</summary>
    public static int HexagonDistance(char a, char b) => Holland.HexagonDistance(a, b);

    /// <summary>
    /// Brown &amp; Gore (1994) C index: <c>3·X1 + 2·X2 + 1·X3</c> with <c>X_i = 3 − d(p_i, e_i)</c>; 0–18 for three-letter
    /// codes, 18 for identical codes. With shorter codes only the positions both have are summed (PROJECT CHOICE).
    /// </summary>
    public static int BrownGoreC(string person, string environment)
    {
        Check(person, nameof(person));
        Check(environment, nameof(environment));
        return BrownGoreCUnchecked(person, environment);
    }

    private static int BrownGoreCUnchecked(string person, string environment)
    {
        var c = 0;
        for (var i = 0; i < Math.Min(3, Math.Min(person.Length, environment.Length)); i++)
        {
            c += (3 - i) * (3 - HexagonDistance(person[i], environment[i]));
        }

        return c;
    }

    /// <summary>
    /// Iachan (1984) M index: <c>Σ_i Σ_j W[i][j]·[p_i = e_j]</c> with W = [[22,10,4],[10,5,2],[4,2,1]], 0–28 for three-letter
    /// codes; when either code has fewer than three letters, the two-letter table [[5,2],[2,1]] (Iachan 1990), 0–6.
    /// </summary>
    public static int IachanM(string person, string environment)
    {
        Check(person, nameof(person));
        Check(environment, nameof(environment));
        return IachanMUnchecked(person, environment);
    }

    private static int IachanMUnchecked(string person, string environment)
    {
        var three = person.Length >= 3 && environment.Length >= 3;
        var weights = three ? Iachan3 : Iachan2;
        var n = three ? 3 : 2;
        var m = 0;
        for (var i = 0; i < Math.Min(n, person.Length); i++)
        {
            for (var j = 0; j < Math.Min(n, environment.Length); j++)
            {
                if (person[i] == environment[j])
                {
                    m += weights[i, j];
                }
            }
        }

        return m;
    }

    /// <summary>
    /// Iachan (1990) for tied codes: the mean of M over every pair of admissible person and environment codes
    /// (e.g. person SEA against ESA/ESI gives (21 + 20) / 2 = 20.5).
    /// </summary>
    public static double IachanMAveraged(IReadOnlyList<string> personCodes, IReadOnlyList<string> environmentCodes) =>
        Average(personCodes, environmentCodes, IachanMUnchecked);

    /// <summary>The mean of the C index over every pair of admissible codes (the same averaging as <see cref="IachanMAveraged"/>).</summary>
    public static double BrownGoreCAveraged(IReadOnlyList<string> personCodes, IReadOnlyList<string> environmentCodes) =>
        Average(personCodes, environmentCodes, BrownGoreCUnchecked);

    /// <summary>
    /// Zener &amp; Schnuelle (1976), 0–6, in the reading usually described (docs/methods.md §5.3; the primary paper is unchecked):
    /// the first rule that holds, from the top: 6 all three letters in the same order; 5 the first two in the same order;
    /// 4 all three in any order; 3 the same first letter; 2 the first two in any order; 1 the person's first letter anywhere
    /// in the occupation's code; 0 otherwise. PROJECT CHOICE: this reading, not the position-pattern port of
    /// <c>holland::con_zs_holland</c> (which sends unlisted patterns to 0).
    /// </summary>
    public static int ZenerSchnuelle(string person, string environment)
    {
        Check(person, nameof(person));
        Check(environment, nameof(environment));
        if (person.Length < 3 || environment.Length < 3)
        {
            throw new ArgumentException("The Zener–Schnuelle index compares three-letter codes.", nameof(person));
        }

        var p = person[..3];
        var e = environment[..3];
        bool SameSet(int n) => p[..n].Order().SequenceEqual(e[..n].Order());
        if (p == e)
        {
            return 6;
        }

        if (p[..2] == e[..2])
        {
            return 5;
        }

        if (SameSet(3))
        {
            return 4;
        }

        if (p[0] == e[0])
        {
            return 3;
        }

        if (SameSet(2))
        {
            return 2;
        }

        return e.Contains(p[0], StringComparison.Ordinal) ? 1 : 0;
    }

    /// <summary>How many letters the two codes share, in any position (Jörin-Fux's n3 for three-letter codes).</summary>
    public static int SharedLetters(string person, string environment)
    {
        Check(person, nameof(person));
        Check(environment, nameof(environment));
        return person.Count(environment.Contains);
    }

    /// <summary>The averaged indices for codes already known to be valid (the matcher's, validated when made): no checks per pair.</summary>
    internal static (double C, double M) AveragedTrusted(IReadOnlyList<string> personCodes, string environment)
    {
        long c = 0, m = 0;
        for (var i = 0; i < personCodes.Count; i++)
        {
            c += BrownGoreCUnchecked(personCodes[i], environment);
            m += IachanMUnchecked(personCodes[i], environment);
        }

        return ((double)c / personCodes.Count, (double)m / personCodes.Count);
    }

    private static double Average(IReadOnlyList<string> a, IReadOnlyList<string> b, Func<string, string, int> index)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        if (a.Count == 0 || b.Count == 0)
        {
            throw new ArgumentException("Each side needs at least one code.");
        }

        foreach (var code in a)
        {
            Check(code, "personCodes");
        }

        foreach (var code in b)
        {
            Check(code, "environmentCodes");
        }

        long sum = 0;
        foreach (var x in a)
        {
            foreach (var y in b)
            {
                sum += index(x, y);
            }
        }

        return (double)sum / (a.Count * b.Count);
    }

    private static void Check(string code, string name)
    {
        ArgumentNullException.ThrowIfNull(code, name);
        if (code.Length == 0)
        {
            throw new ArgumentException("A Holland code needs at least one letter.", name);
        }

        for (var i = 0; i < code.Length; i++)
        {
            if (!Holland.Letters.Contains(code[i], StringComparison.Ordinal))
            {
                throw new ArgumentException($"'{code}' is not a Holland code: '{code[i]}' is not one of R, I, A, S, E, C.", name);
            }

            if (code.IndexOf(code[i], StringComparison.Ordinal) != i)
            {
                throw new ArgumentException($"'{code}' is not a Holland code: the letter '{code[i]}' repeats.", name);
            }
        }
    }
}
