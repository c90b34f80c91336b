namespace Assessments.Psychometrics;

/// <summary>A statistic reported as NaN, and why.</summary>
/// <param name="Statistic">The name of the property that holds NaN, e.g. <c>nameof(ScaleReliability.AlphaRaw)</c>.</param>
/// <param name="Reason">Why it is undefined.</param>
public sealed record UndefinedStatistic(string Statistic, UndefinedReason Reason);
