namespace Assessments.Interests;

/// <summary>
/// Holland's hexagon and codes (docs/methods.md §4.2–4.4): the letters R, I, A, S, E, C in hexagon order, the distance
/// between two letters, and the Holland code of six scores with its deterministic tie rule and every admissible code.
/// </summary>
public static class Holland
{
    /// <summary>The six areas in hexagon order: Realistic, Investigative, Artistic, Social, Enterprising, Conventional.</summary>
    public const string Letters = "RIASEC";

    /// <summary>The position of an area letter on the hexagon (R = 0 … C = 5).</summary>
    /// <exception cref="ArgumentException">The letter is not one of R, I, A, S, E, C (upper case).</exception>
    public static int Position(char letter)
    {
        var position = Letters.IndexOf(letter, StringComparison.Ordinal);
        return position >= 0 ? position : throw new ArgumentException($"'{letter}' is not a RIASEC letter (R, I, A, S, E or C).", nameof(letter));
    }

    /// <summary>
    /// Hexagon distance <c>min(|i − j|, 6 − |i − j|)</c>: 0 same, 1 adjacent, 2 alternate, 3 opposite (Holland 1997).
    /// </summary>
    public static int HexagonDistance(char a, char b)
    {
        var d = Math.Abs(Position(a) - Position(b));
        return Math.Min(d, 6 - d);
    }

    /// <summary>
    /// The Holland code: the <paramref name="length"/> letters with the highest scores, in descending order.
    /// PROJECT CHOICE (docs/methods.md §4.2): ties are broken by hexagon position, R before I before A before S before E before C,
    /// so the code never depends on input order. <see cref="AdmissibleCodes"/> lists the alternatives a tie allows.
    /// </summary>
    /// <param name="scores">Six scores in RIASEC order.</param>
    /// <param name="length">How many letters (1–6); 3 by convention.</param>
    public static string Code(ReadOnlySpan<double> scores, int length = 3)
    {
        CheckScores(scores, length);
        var order = new int[6] { 0, 1, 2, 3, 4, 5 };
        var copy = scores.ToArray();
        // A stable sort on descending score keeps hexagon order among equal scores.
        var sorted = order.OrderByDescending(i => copy[i]).ToArray();
        return new string([.. sorted.Take(length).Select(i => Letters[i])]);
    }

    /// <summary>
    /// Every code of <paramref name="length"/> letters consistent with the scores: letters c1…ck, all different, with
    /// score(c1) ≥ … ≥ score(ck) ≥ the score of every letter left out. One code when there is no tie that matters; in
    /// hexagon-lexicographic order, which puts the canonical <see cref="Code"/> first (Iachan 1990 averages over them).
    /// </summary>
    public static IReadOnlyList<string> AdmissibleCodes(ReadOnlySpan<double> scores, int length = 3)
    {
        CheckScores(scores, length);
        var copy = scores.ToArray();
        var codes = new List<string>();
        var chosen = new int[length];
        var used = new bool[6];
        Extend(0); // letters are tried in hexagon order, so the list comes out hexagon-lexicographic, canonical code first
        return codes;

        void Extend(int depth)
        {
            if (depth == length)
            {
                var floor = copy[chosen[length - 1]];
                for (var x = 0; x < 6; x++)
                {
                    if (!used[x] && copy[x] > floor)
                    {
                        return;
                    }
                }

                codes.Add(new string([.. chosen.Select(i => Letters[i])]));
                return;
            }

            for (var x = 0; x < 6; x++)
            {
                if (used[x] || (depth > 0 && copy[x] > copy[chosen[depth - 1]]))
                {
                    continue;
                }

                used[x] = true;
                chosen[depth] = x;
                Extend(depth + 1);
                used[x] = false;
            }
        }
    }

    private static void CheckScores(ReadOnlySpan<double> scores, int length)
    {
        if (scores.Length != 6)
        {
            throw new ArgumentException($"Expected six scores in RIASEC order; got {scores.Length}.", nameof(scores));
        }

        foreach (var s in scores)
        {
            if (!double.IsFinite(s))
            {
                throw new ArgumentException("Every score must be a finite number.", nameof(scores));
            }
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(length, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(length, 6);
    }
}
