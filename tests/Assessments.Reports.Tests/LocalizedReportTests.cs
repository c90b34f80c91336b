using System.Text.RegularExpressions;
using System.Xml;
using System.Xml.Linq;
using Assessments.Localization;

namespace Assessments.Reports.Tests;

/// <summary>The synthesis in one language only, dated by an injected clock, refusing a language it does not write.</summary>
public partial class LocalizedReportTests
{
    /// <summary>A clock stopped at 6 December 2026, 10:00 UTC (local time: UTC).</summary>
    private sealed class FixedClock : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => new(2026, 12, 6, 10, 0, 0, TimeSpan.Zero);

        public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;
    }

    private static string Text(string html)
    {
        using var reader = XmlReader.Create(new StringReader(html), new XmlReaderSettings { DtdProcessing = DtdProcessing.Ignore });
        return string.Join(" ", XDocument.Load(reader).Descendants().Where(e => e.Name.LocalName == "main").Single().DescendantNodes().OfType<XText>().Select(t => t.Value));
    }

    /// <summary>The whole profile: the four shipped kinds and m02's skills portfolio, ranked on ROME.</summary>
    private static CareerProfile Everything => SkillsReportTests.Profile("m02", OnePerson.Results);

    [Theory]
    [InlineData("fr", "en")]
    [InlineData("en", "fr")]
    public void A_report_holds_no_sentence_of_the_other_languages_catalog(string language, string other)
    {
        var text = Text(ReportRenderer.Render(Everything, language, new ReportOptions { Clock = new FixedClock() }));
        var mine = TextCatalog.For(language);
        var theirs = TextCatalog.For(other);
        var leaks = new List<string>();
        foreach (var key in theirs.Keys)
        {
            // The template's fixed fragments (between placeholders) of two words or more and 12 characters or more that the
            // report's language does not share (a single word such as "savoir-faire" may rightly stand in both).
            foreach (var fragment in Placeholder().Split(theirs[key]).Where(f => f.Trim().Length >= 12 && f.Trim().Contains(' ', StringComparison.Ordinal)
                && !mine[key].Contains(f.Trim(), StringComparison.Ordinal)))
            {
                if (text.Contains(fragment.Trim(), StringComparison.Ordinal))
                {
                    leaks.Add($"{key}: {fragment.Trim()}");
                }
            }
        }

        Assert.Empty(leaks);
        Assert.True(text.Length > 5_000); // a whole report was read
    }

    [Fact]
    public void The_header_gives_the_name_the_date_and_the_instruments_taken()
    {
        var fr = Text(ReportRenderer.Render(OnePerson.Profile, "fr", new ReportOptions { Clock = new FixedClock(), RespondentName = "Marie Dupont" }));
        Assert.Contains("Personne : Marie Dupont", fr, StringComparison.Ordinal);
        Assert.Contains("Synthèse du 6 décembre 2026", fr, StringComparison.Ordinal);
        Assert.Contains("Questionnaires : Intérêts professionnels (RIASEC)", fr, StringComparison.Ordinal);
        var en = Text(ReportRenderer.Render(OnePerson.Profile, "en", new ReportOptions { Clock = new FixedClock() }));
        Assert.Contains("Person: p1", en, StringComparison.Ordinal);
        Assert.Contains("Written on 6 December 2026", en, StringComparison.Ordinal);
        Assert.Contains("Instruments: Work interests (RIASEC)", en, StringComparison.Ordinal);

        // The same profile and clock give the same bytes.
        Assert.Equal(ReportRenderer.Render(OnePerson.Profile, "fr", new ReportOptions { Clock = new FixedClock() }),
            ReportRenderer.Render(OnePerson.Profile, "fr", new ReportOptions { Clock = new FixedClock() }));
    }

    [Fact]
    public void The_header_dates_each_instrument_when_the_results_line_or_the_options_say()
    {
        // The interests line carries "takenOn" (a date-time: its written date counts, not the UTC one); the options date
        // the type indicator; the others show no date.
        var lines = OnePerson.JsonLines();
        lines[0] = lines[0].Insert(1, "\"takenOn\":\"2026-11-03T23:30:00-05:00\",");
        var profile = CareerProfile.FromJsonLines(lines, OnePerson.Id);
        Assert.Equal(new DateOnly(2026, 11, 3), profile.Sources[0].TakenOn);
        var options = new ReportOptions { Clock = new FixedClock(), TakenOn = new Dictionary<string, DateOnly> { ["type-indicator"] = new(2026, 11, 17) } };
        var fr = Text(ReportRenderer.Render(profile, "fr", options));
        Assert.Contains("Questionnaires : Intérêts professionnels (RIASEC) (passé le 3 novembre 2026) ; Préférences de fonctionnement", fr, StringComparison.Ordinal);
        Assert.Matches("type jungien\\) \\(passé le 17 novembre 2026\\) ; ", fr);
        var en = Text(ReportRenderer.Render(profile, "en", options));
        Assert.Contains("Instruments: Work interests (RIASEC) (taken on 3 November 2026); ", en, StringComparison.Ordinal);

        // A line whose takenOn is not a date is refused with its number.
        lines[0] = lines[0].Replace("2026-11-03T23:30:00-05:00", "03/11/2026", StringComparison.Ordinal);
        var error = Assert.Throws<FormatException>(() => CareerProfile.FromJsonLines(lines, OnePerson.Id));
        Assert.Equal("Line 1: \"takenOn\" must be a date as YYYY-MM-DD (or an ISO 8601 date-time).", error.Message);
    }

    [Fact]
    public void A_language_the_project_does_not_write_is_an_error_naming_those_it_does()
    {
        var error = Assert.Throws<ArgumentException>(() => ReportRenderer.Render(OnePerson.Profile, "de"));
        Assert.StartsWith("The language 'de' is not available; the languages are: en, fr.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void French_numbers_and_labels_in_the_report()
    {
        var fr = Text(ReportRenderer.Render(OnePerson.Profile, "fr", new ReportOptions { Clock = new FixedClock() }));
        Assert.Contains("Très important", fr, StringComparison.Ordinal);  // the pile's label, not its id "very"
        Assert.DoesNotContain(" very ", fr, StringComparison.Ordinal);
        Assert.Matches(@"\b0,\d", fr);                                  // decimals written with a comma
        Assert.DoesNotMatch(@"(?<![@\d.])\d+\.\d+(?![\d.])", fr);          // and never a point (versions such as 1.0.0 aside)
    }

    [GeneratedRegex(@"\{\d+(?:[:,][^}]*)?\}")]
    private static partial Regex Placeholder();
}
