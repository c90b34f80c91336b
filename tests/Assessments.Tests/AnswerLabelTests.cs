using Assessments.Responses;

namespace Assessments.Tests;

/// <summary>Answers given as the labels people clicked, in the forms survey tools export them.</summary>
public class AnswerLabelTests
{
    private static readonly Instrument Readiness = Instruments.Load("career-readiness");

    // agree5 (instruments/career-readiness.json): 1 "Strongly disagree" / "Pas du tout d'accord", 2 "Disagree" /
    // "Plutôt pas d'accord", 3 "Neither agree nor disagree" / "Ni d'accord ni pas d'accord", 4 "Agree" / "Plutôt d'accord",
    // 5 "Strongly agree" / "Tout à fait d'accord".
    private static readonly Definitions.ResponseFormat Agree5 = Readiness.ResponseFormats["agree5"];

    [Theory]
    [InlineData("Plutôt d'accord", 4)]
    [InlineData("PLUTOT D’ACCORD", 4)]           // capitals, no accent, typographic apostrophe
    [InlineData("  plutôt   d'accord ", 4)]        // spaces
    [InlineData("Plutôt pas d'accord", 2)]
    [InlineData("tout a fait d'accord", 5)]
    [InlineData("Strongly agree", 5)]              // the other language
    [InlineData("Neither agree nor disagree", 3)]
    [InlineData("4 - Plutôt d'accord", 4)]         // LimeSurvey/Qualtrics "value - label"
    [InlineData("4. Plutôt d'accord", 4)]
    [InlineData("4: Agree", 4)]
    [InlineData("Plutôt d'accord (4)", 4)]
    [InlineData("1 – Pas du tout d'accord", 1)]    // en dash
    [InlineData("4", 4)]
    [InlineData("4.0", 4)]
    public void Reads_a_label_in_any_language_and_form(string cell, int expected)
    {
        Assert.True(AnswerText.TryParse(cell, Agree5, AnswerReading.Auto, decimalComma: false, out var answer, out var error), error);
        Assert.Equal(expected, answer);
    }

    [Fact]
    public void A_number_and_a_label_that_disagree_are_a_bad_cell()
    {
        Assert.False(AnswerText.TryParse("2 - Plutôt d'accord", Agree5, AnswerReading.Auto, false, out _, out var error));
        Assert.Equal("'2 - Plutôt d'accord' gives the number 2 and a label of the answer 4; they must agree.", error);
    }

    [Fact]
    public void An_unknown_label_lists_the_accepted_ones()
    {
        Assert.False(AnswerText.TryParse("D'accord", Agree5, AnswerReading.Auto, false, out _, out var error));
        Assert.Equal(
            "'D'accord' is neither a number nor a label of the item's format. Accepted: en: Strongly disagree (1), Disagree (2), "
            + "Neither agree nor disagree (3), Agree (4), Strongly agree (5); fr: Pas du tout d'accord (1), Plutôt pas d'accord (2), "
            + "Ni d'accord ni pas d'accord (3), Plutôt d'accord (4), Tout à fait d'accord (5); or a whole number from 1 to 5.",
            error);
    }

    [Fact]
    public void Each_reading_refuses_what_it_does_not_read()
    {
        Assert.False(AnswerText.TryParse("Agree", Agree5, AnswerReading.Numbers, false, out _, out var numbersOnly));
        Assert.Equal("'Agree' is not a number (labels are read unless --answers numbers).", numbersOnly);
        Assert.False(AnswerText.TryParse("4", Agree5, AnswerReading.Labels, false, out _, out var labelsOnly));
        Assert.Equal("'4' is a number, and --answers labels reads labels only (auto reads both).", labelsOnly);
        Assert.True(AnswerText.TryParse("Agree", Agree5, AnswerReading.Labels, false, out var agree, out _));
        Assert.Equal(4, agree);
    }

    [Fact]
    public void A_decimal_comma_is_a_number_only_when_the_separator_is_not_a_comma()
    {
        Assert.True(AnswerText.TryParse("3,0", Agree5, AnswerReading.Auto, decimalComma: true, out var three, out _));
        Assert.Equal(3, three);
        Assert.False(AnswerText.TryParse("3,5", Agree5, AnswerReading.Auto, decimalComma: true, out _, out var half));
        Assert.Equal("'3,5' is not a whole number; answers are integers on the item's format.", half);
        Assert.False(AnswerText.TryParse("3,0", Agree5, AnswerReading.Auto, decimalComma: false, out _, out _));
    }

    [Fact]
    public void Two_answers_sharing_a_folded_label_warn_at_load_and_fail_only_when_read()
    {
        // "Neutre" and "NEUTRE" fold alike; 1 and 3 carry them (in two languages): a warning, not an error.
        var instrument = Instrument.Parse("""
            {
              "id": "amb", "version": "1.0.0", "kind": "likert", "languages": ["fr", "en"],
              "title": { "fr": "A", "en": "A" },
              "responseFormats": {
                "f3": { "min": 1, "max": 3, "labels": { "fr": ["Neutre", "Oui", "Non"], "en": ["No", "Yes", "NEUTRE"] } }
              },
              "items": [ { "id": "i1", "format": "f3", "text": { "fr": "Un", "en": "One" } } ],
              "scales": [ { "id": "s", "title": { "fr": "S", "en": "S" }, "items": ["i1"] } ]
            }
            """);
        var warning = Assert.Single(instrument.Warnings);
        Assert.Equal("ambiguous-label", warning.Code);
        Assert.Equal("$.responseFormats.f3.labels", warning.Path);
        var f3 = instrument.ResponseFormats["f3"];
        Assert.False(AnswerText.TryParse("neutre", f3, AnswerReading.Auto, false, out _, out var error));
        Assert.Equal("'neutre' is the label of several answers (1, 3) once case, accents and spaces are ignored; give the answer as a number.", error);
        Assert.True(AnswerText.TryParse("Oui", f3, AnswerReading.Auto, false, out var yes, out _));
        Assert.Equal(2, yes);
    }

    [Fact]
    public void The_shipped_instruments_have_no_ambiguous_label() =>
        Assert.All(Instruments.Ids, id => Assert.Empty(Instruments.Load(id).Warnings));

    [Fact]
    public void Folding_ignores_case_accents_spaces_and_typographic_variants()
    {
        Assert.Equal("plutotd'accord", TextFold.Fold("Plutôt\u00A0d’accord"));
        Assert.Equal("oeuvre-\"x\"", TextFold.Fold("Œuvre – « x »"));
        Assert.Equal("en1", TextFold.Fold("EN 1"));
    }
}
