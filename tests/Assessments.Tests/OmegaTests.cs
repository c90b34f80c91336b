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
        var (_, columns) = Columns();

        AssertMatchesOmega5(Omega.Compute(columns, 5));
    }

    /// <summary>omega_5factors.csv: standardised α, G6, ω_t and ω_h.</summary>
    private static void AssertMatchesOmega5(OmegaResult omega)
    {
        var expected = Bfi.ReadCsv(Path.Combine(Bfi.Folder, "omega_5factors.csv")).Rows
            .ToDictionary(r => r[0], r => double.Parse(r[1], CultureInfo.InvariantCulture));
        Assert.Equal(expected["alpha_std"], omega.AlphaStandardized, IterativeTolerance);
        Assert.Equal(expected["G6"], omega.G6, IterativeTolerance);
        Assert.Equal(expected["omega_t"], omega.OmegaTotal, IterativeTolerance);
        Assert.Equal(expected["omega_h"], omega.OmegaHierarchical, IterativeTolerance);
    }

    [Fact]
    public void ReportsPsychsEcvOmegaLimitAndEachGroupFactorMatchedByItsItems()
    {
        var (names, columns) = Columns();
        var omega = Omega.Compute(columns, 5);
        AssertMatchesGroups(names, omega);
    }

    [Fact]
    public void GivesTheSameOmegaFromTheCorrelationMatrixAlone()
    {
        // The matrix a paper would print: each pair's Pearson r over the people who answered both (computed here, in the
        // test, with its own loop), fed to FromCorrelations without the answers.
        var (names, columns) = Columns();
        var k = columns.Count;
        var r = new double[k, k];
        for (var i = 0; i < k; i++)
        {
            for (var j = 0; j < k; j++)
            {
                var pairs = columns[i].Zip(columns[j]).Where(p => !double.IsNaN(p.First) && !double.IsNaN(p.Second)).ToArray();
                double mx = pairs.Average(p => p.First), my = pairs.Average(p => p.Second);
                double sxy = pairs.Sum(p => (p.First - mx) * (p.Second - my)), sxx = pairs.Sum(p => (p.First - mx) * (p.First - mx)),
                    syy = pairs.Sum(p => (p.Second - my) * (p.Second - my));
                r[i, j] = i == j ? 1 : sxy / Math.Sqrt(sxx * syy);
            }
        }

        var omega = Omega.FromCorrelations(r, 5);

        AssertMatchesOmega5(omega);
        AssertMatchesGroups(names, omega);
    }

    [Theory]
    [InlineData(0.5, 1.0, 0.3, "[0, 1]")] // asymmetric: r[0,1] = 0.5, r[1,0] = 0.3
    [InlineData(0.5, 0.9, 0.5, "[0, 0]")] // a diagonal of 0.9
    [InlineData(1.5, 1.0, 1.5, "[0, 1]")] // |r| > 1
    public void RefusesWhatIsNotACorrelationMatrixNamingTheCell(double upper, double diagonal, double lower, string cell)
    {
        var r = new double[6, 6];
        for (var i = 0; i < 6; i++)
        {
            for (var j = 0; j < 6; j++)
            {
                r[i, j] = i == j ? 1 : 0.3;
            }
        }

        (r[0, 1], r[0, 0], r[1, 0]) = (upper, diagonal, lower);
        var error = Assert.Throws<ArgumentException>(() => Omega.FromCorrelations(r, 2));
        Assert.Contains(cell, error.Message.Replace("[1, 0]", "[0, 1]"), StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => Omega.FromCorrelations(new double[6, 5], 1));
        Assert.Throws<ArgumentException>(() => Omega.FromCorrelations(new double[5, 5], 2)); // fewer than 3 items per factor
    }

    [Fact]
    public void SplitsOneFactorDataIntoAnAllGeneralSolution()
    {
        // Six items all correlating .49 (loadings .7 on one factor), one group factor. By hand: the SL group loadings are
        // pattern · √(1 − 1²) = 0, so ECV = Σg² / Σg² = 1; minres gives g = .7 (h² = .49, u² = .51);
        // sum(R) = 6 + 30 · .49 = 20.7; ω_h = (6 · .7)² / 20.7 = 17.64 / 20.7 = .852174; ω_t = (20.7 − 6 · .51) / 20.7
        // = 17.64 / 20.7, the same; ω_limit = 17.64 / 17.64 = 1; the group factor holds all six items with group ω 0.
        var r = new double[6, 6];
        for (var i = 0; i < 6; i++)
        {
            for (var j = 0; j < 6; j++)
            {
                r[i, j] = i == j ? 1 : 0.49;
            }
        }

        var omega = Omega.FromCorrelations(r, 1);

        Assert.Equal(17.64 / 20.7, omega.OmegaHierarchical, 1e-9);
        Assert.Equal(17.64 / 20.7, omega.OmegaTotal, 1e-9);
        Assert.Equal(1, omega.Ecv, 1e-9);
        Assert.Equal(1, omega.OmegaLimit, 1e-9);
        Assert.Equal(0, omega.OmegaGroup, 1e-9);
        var group = Assert.Single(omega.Groups);
        Assert.Equal([0, 1, 2, 3, 4, 5], group.Items);
        Assert.Equal(17.64 / 20.7, group.OmegaHierarchical, 1e-9);
        Assert.Equal(0, group.OmegaGroup, 1e-9);
    }

    private static (string[] Names, List<double[]> Columns) Columns()
    {
        var (header, rows) = Bfi.ReadCsv(Bfi.ItemsCsv);
        return (header[1..], Enumerable.Range(1, header.Length - 1)
            .Select(c => rows.Select(r => r[c].Length == 0 ? double.NaN : double.Parse(r[c], CultureInfo.InvariantCulture)).ToArray())
            .ToList());
    }

    /// <summary>omega_groups.csv (row g, then each group factor named by its items) and omega_ecv.csv, at 1e-4.</summary>
    private static void AssertMatchesGroups(string[] names, OmegaResult omega)
    {
        var rows = Bfi.ReadCsv(Path.Combine(Bfi.Folder, "omega_groups.csv")).Rows.Select(r => r.Select(c => c.Trim('"')).ToArray()).ToList();
        double Cell(string[] row, int column) => double.Parse(row[column], CultureInfo.InvariantCulture);
        var g = rows.Single(r => r[0] == "g");
        Assert.Equal(Cell(g, 1), omega.OmegaTotal, IterativeTolerance);
        Assert.Equal(Cell(g, 2), omega.OmegaHierarchical, IterativeTolerance);
        Assert.Equal(Cell(g, 3), omega.OmegaGroup, IterativeTolerance);
        Assert.Equal(5, omega.Groups.Count);
        foreach (var row in rows.Where(r => r[0] != "g"))
        {
            var items = row[4].Split(' ');
            var factor = Assert.Single(omega.Groups, f => f.Items.Select(i => names[i]).Order().SequenceEqual(items.Order()));
            Assert.Equal(Cell(row, 1), factor.OmegaTotal, IterativeTolerance);
            Assert.Equal(Cell(row, 2), factor.OmegaHierarchical, IterativeTolerance);
            Assert.Equal(Cell(row, 3), factor.OmegaGroup, IterativeTolerance);
        }

        var ecv = Bfi.ReadCsv(Path.Combine(Bfi.Folder, "omega_ecv.csv")).Rows.ToDictionary(r => r[0], r => double.Parse(r[1], CultureInfo.InvariantCulture));
        Assert.Equal(ecv["ECV"], omega.Ecv, IterativeTolerance);
        Assert.Equal(ecv["omega_limit"], omega.OmegaLimit, IterativeTolerance);
    }
}
