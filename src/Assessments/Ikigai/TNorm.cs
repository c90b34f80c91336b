namespace Assessments.Ikigai;

/// <summary>How memberships combine in an overlap (docs/methods.md §7.2). Every report names the one used.</summary>
public enum TNorm
{
    /// <summary>Gödel: the weakest circle decides; idempotent.</summary>
    Minimum,

    /// <summary>The product: every shortfall compounds.</summary>
    Product,

    /// <summary>Łukasiewicz: <c>max(0, Σμ − (n − 1))</c>, strict.</summary>
    Lukasiewicz,
}
