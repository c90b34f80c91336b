using System.Globalization;
using Assessments.Psychometrics;

namespace Assessments.Tests;

/// <summary>McDonald's ω on the 25 bfi items against psych::omega(items, nfactors = 5) (../shared/reference/bfi/omega_5factors.csv).</summary>
public class OmegaTests
{
    // The reference README: the iterative steps make an independent implementation agree only to about 1e-4.
    // Measured here: alpha_std, G6 and omega_t within 1e-7, omega_h within 1e-6.
    private const double IterativeTolerance = 1e-4;

    [Fact]
    public void MatchesPsychOmegaWithFiveFactors()
    {
        var (header, rows) = Bfi.ReadCsv(Bfi.ItemsCsv);
        var columns = Enumerable.Range(1, header.Length - 1)
            .Select(c => rows.Select(r => r[c].Length == 0 ? double.NaN : double.Parse(r[c], CultureInfo.InvariantCulture)).ToArray())
            .ToList();
        var expected = Bfi.ReadCsv(Path.Combine(Bfi.Folder, "omega_5factors.csv")).Rows
            .ToDictionary(r => r[0], r => double.Parse(r[1], CultureInfo.InvariantCulture));

        var omega = Omega.Compute(columns, 5);

        Assert.Equal(expected["alpha_std"], omega.AlphaStandardized, IterativeTolerance);
        Assert.Equal(expected["G6"], omega.G6, IterativeTolerance);
        Assert.Equal(expected["omega_t"], omega.OmegaTotal, IterativeTolerance);
        Assert.Equal(expected["omega_h"], omega.OmegaHierarchical, IterativeTolerance);
    }
}
