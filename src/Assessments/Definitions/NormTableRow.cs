namespace Assessments.Definitions;

/// <summary>One row of a norm frequency table: how many people of the norm group had this score.</summary>
/// <param name="Score">A scale score.</param>
/// <param name="Count">How many norm cases had exactly that score.</param>
public readonly record struct NormTableRow(double Score, int Count);
