namespace Assessments.Ikigai;

/// <summary>
/// One candidate placed on the Ikigai diagram: memberships, overlaps under the t-norm, the crisp region by α-cut, and the
/// weakest circle with the gap to the threshold — what an action plan must close.
/// </summary>
public sealed record IkigaiCandidateResult
{
    /// <summary>The candidate's id.</summary>
    public required string Id { get; init; }

    /// <summary>The person's label, if any.</summary>
    public string? Label { get; init; }

    /// <summary>1 for the best candidate.</summary>
    public required int Rank { get; init; }

    /// <summary>Memberships in <see cref="IkigaiCircle"/> order (love, good at, needs, paid), each in [0, 1].</summary>
    public required IReadOnlyList<double> Memberships { get; init; }

    /// <summary>Where each membership comes from: "rating 4 on 1–5" or the derivation.</summary>
    public required IReadOnlyList<string> Sources { get; init; }

    /// <summary>Passion = T(love, good at).</summary>
    public required double Passion { get; init; }

    /// <summary>Mission = T(love, needs).</summary>
    public required double Mission { get; init; }

    /// <summary>Profession = T(good at, paid).</summary>
    public required double Profession { get; init; }

    /// <summary>Vocation = T(needs, paid).</summary>
    public required double Vocation { get; init; }

    /// <summary>Ikigai = T(love, good at, needs, paid).</summary>
    public required double Ikigai { get; init; }

    /// <summary>The geometric mean of the four memberships (the first tie-break).</summary>
    public required double GeometricMean { get; init; }

    /// <summary>The smallest membership (the second tie-break).</summary>
    public required double Minimum { get; init; }

    /// <summary>The circles whose membership reaches α.</summary>
    public required IReadOnlyList<IkigaiCircle> Region { get; init; }

    /// <summary>The region in words: "ikigai", or the named overlaps it covers and the circles it misses.</summary>
    public required string RegionName { get; init; }

    /// <summary>The circle with the lowest membership (the first in circle order on a tie).</summary>
    public required IkigaiCircle Weakest { get; init; }

    /// <summary>How far the weakest circle is below α (0 when every circle reaches it).</summary>
    public required double Gap { get; init; }
}
