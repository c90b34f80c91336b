using System.Globalization;
using Assessments.Ikigai;

namespace Assessments.Matching;

/// <summary>
/// Fills Ikigai circles from other results (docs/methods.md §7.2, PROJECT CHOICES): "love" from the interest fit of an
/// occupation, "needs" from the work-values fit. "Good at" is left to the person, "paid" to their rating or to
/// labour-market data they supply. Each membership carries its derivation in words, shown in the result.
/// </summary>
public static class IkigaiDerivation
{
    /// <summary>love = (r + 1)/2, with r the Pearson correlation of the person's interest profile and the occupation's.</summary>
    /// <exception cref="ArgumentException">The occupation has no interest profile, or a profile is flat (r undefined).</exception>
    public static DerivedMembership LoveFromInterests(InterestProfile person, Occupation occupation)
    {
        ArgumentNullException.ThrowIfNull(person);
        ArgumentNullException.ThrowIfNull(occupation);
        var profile = occupation.Interests ?? throw new ArgumentException($"{occupation.Code} has no interest profile.", nameof(occupation));
        var r = ProfileSimilarity.Pearson(person.RescaledSpan, profile.RescaledSpan);
        return double.IsNaN(r)
            ? throw new ArgumentException("A flat interest profile has no correlation with any occupation; rate 'love' directly.", nameof(person))
            : new DerivedMembership((r + 1) / 2, string.Create(CultureInfo.InvariantCulture,
                $"love = (r + 1)/2 = {(r + 1) / 2:0.000}, where r = {r:0.000} correlates your interest profile ({person.Code}) with {occupation.Code} {occupation.Title()} ({occupation.MatchingCode})"));
    }

    /// <summary>needs = (r + 1)/2, with r the Pearson correlation of the person's work values (0–1) and the occupation's O*NET work values.</summary>
    /// <exception cref="ArgumentException">The occupation has no work values, or a profile is flat.</exception>
    public static DerivedMembership NeedsFromValues(IReadOnlyList<double> workValues, Occupation occupation)
    {
        ArgumentNullException.ThrowIfNull(workValues);
        ArgumentNullException.ThrowIfNull(occupation);
        var values = occupation.WorkValues ?? throw new ArgumentException($"{occupation.Code} has no work values.", nameof(occupation));
        var r = ProfileSimilarity.Pearson(workValues.ToArray(), values.Select(x => (x - 1) / 6).ToArray());
        return double.IsNaN(r)
            ? throw new ArgumentException("A flat work-values profile has no correlation with any occupation; rate 'needs' directly.", nameof(workValues))
            : new DerivedMembership((r + 1) / 2, string.Create(CultureInfo.InvariantCulture,
                $"needs = (r + 1)/2 = {(r + 1) / 2:0.000}, where r = {r:0.000} correlates your work values with those of {occupation.Code} {occupation.Title()}"));
    }
}
