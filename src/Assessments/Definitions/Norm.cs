namespace Assessments.Definitions;

/// <summary>
/// A norm group for one scale: its mean and standard deviation, a frequency table of its scores, or both.
/// Norm scores are computed on the scale's reported score (mean or prorated sum, as the scale aggregates).
/// </summary>
public sealed class Norm
{
    internal Norm(string scaleId, LocalizedText? population, double? mean, double? sd, string? sdDenominator, int? n,
        IReadOnlyList<NormTableRow> table, PercentileDefinition percentile)
    {
        ScaleId = scaleId;
        Population = population;
        Mean = mean;
        StandardDeviation = sd;
        StandardDeviationDenominator = sdDenominator;
        N = n;
        Table = table;
        Percentile = percentile;
        TableTotal = table.Sum(r => (long)r.Count);
    }

    /// <summary>The scale these norms apply to.</summary>
    public string ScaleId { get; }

    /// <summary>Who the norm group is, in words.</summary>
    public LocalizedText? Population { get; }

    /// <summary>The norm group's mean, if given.</summary>
    public double? Mean { get; }

    /// <summary>The norm group's standard deviation, if given.</summary>
    public double? StandardDeviation { get; }

    /// <summary><c>n-1</c> or <c>n</c>: the denominator the norm's SD used, as the definition states it (informational).</summary>
    public string? StandardDeviationDenominator { get; }

    /// <summary>The size of the norm group, if stated.</summary>
    public int? N { get; }

    /// <summary>The frequency table (scores in increasing order); empty when only mean and SD are given.</summary>
    public IReadOnlyList<NormTableRow> Table { get; }

    /// <summary>The number of cases in <see cref="Table"/>.</summary>
    public long TableTotal { get; }

    /// <summary>How percentile ranks are read from the table.</summary>
    public PercentileDefinition Percentile { get; }
}
