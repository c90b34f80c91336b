namespace Assessments.Ikigai;

/// <summary>The four circles of the Ikigai diagram.</summary>
public enum IkigaiCircle
{
    /// <summary>What I love.</summary>
    Love,

    /// <summary>What I am good at.</summary>
    GoodAt,

    /// <summary>What the world needs.</summary>
    Needs,

    /// <summary>What I can be paid for.</summary>
    Paid,
}
