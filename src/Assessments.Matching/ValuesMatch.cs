using Assessments.CardSort;

namespace Assessments.Matching;

/// <summary>One occupation ranked by how its work values fit a person's, with what is behind the score.</summary>
public sealed record ValuesMatch
{
    /// <summary>The occupation.</summary>
    public required Occupation Occupation { get; init; }

    /// <summary>1 for the best fit.</summary>
    public required int Rank { get; init; }

    /// <summary>Pearson r between the person's and the occupation's six work values (NaN when a profile is flat).</summary>
    public required double Score { get; init; }

    /// <summary>The work value the person rates highest.</summary>
    public required WorkValue PersonTop { get; init; }

    /// <summary>The work value the occupation offers most (O*NET Extent).</summary>
    public required WorkValue OccupationTop { get; init; }

    /// <summary>Euclidean distance between the two profiles rescaled to 0–1 (0 to √6).</summary>
    public required double Distance { get; init; }
}
