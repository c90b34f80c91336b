using System.Collections.Frozen;

namespace Assessments.Data;

/// <summary>The tool a responses file comes from (<c>--layout</c>): it says the header rows, the id and the metadata columns.</summary>
public enum SurveyTool
{
    /// <summary>Detected from the head (<see cref="SurveyTools.Detect"/>).</summary>
    Auto,

    /// <summary>One header row of item ids (or texts); the id in the first column unless <c>--id-column</c> says.</summary>
    Plain,

    /// <summary>Google Forms' response sheet or CSV download: a timestamp first, the e-mail address when collected.</summary>
    GoogleForms,

    /// <summary>Qualtrics' CSV export: three header rows (names, question texts, import ids), <c>ResponseId</c>.</summary>
    Qualtrics,

    /// <summary>LimeSurvey's response export: <c>id</c>, <c>submitdate</c>…, <c>CODE[SUBCODE]</c> headings, answer codes.</summary>
    LimeSurvey,
}

/// <summary>
/// What the project knows of each survey tool's export (sources in <c>tests/Assessments.Cli.Tests/Exports/NOTE.md</c>):
/// how to recognise it from its head, its header rows, its default id column and the metadata columns it adds, which are
/// skipped without <c>--extra-columns ignore</c>. PROJECT CHOICE: detection looks only at the header names and, for
/// Qualtrics, at the third row; a file that looks like none of them is plain.
/// </summary>
public static class SurveyTools
{
    /// <summary>Google Forms' timestamp column in the interface languages people here use (the first column of every export).</summary>
    private static readonly FrozenSet<string> GoogleTimestamps = FrozenSet.ToFrozenSet(
        ["Timestamp", "Horodateur", "Marca temporal", "Zeitstempel", "Informazioni cronologiche", "Carimbo de data/hora"], StringComparer.OrdinalIgnoreCase);

    /// <summary>Google Forms' e-mail column, when the form collects addresses: the default id.</summary>
    private static readonly string[] GoogleEmails = ["Email Address", "Adresse e-mail", "Adresse email", "Dirección de correo electrónico", "E-Mail-Adresse", "Indirizzo email"];

    /// <summary>Google Forms' quiz columns.</summary>
    private static readonly string[] GoogleQuiz = ["Score", "Total score", "Note", "Puntuación", "Punkte", "Punteggio"];

    /// <summary>The columns Qualtrics puts before the questions (current and legacy exports), and its system fields.</summary>
    private static readonly FrozenSet<string> QualtricsMetadata = FrozenSet.ToFrozenSet(
        ["StartDate", "EndDate", "Status", "IPAddress", "Progress", "Duration (in seconds)", "Finished", "RecordedDate", "ResponseId",
         "ResponseID", "RecipientLastName", "RecipientFirstName", "RecipientEmail", "ExternalReference", "ExternalDataReference",
         "LocationLatitude", "LocationLongitude", "DistributionChannel", "UserLanguage", "ResponseSet", "Name", "EmailAddress",
         "IPAddress", "LocationAccuracy"], StringComparer.OrdinalIgnoreCase);

    /// <summary>The fixed columns LimeSurvey puts before the questions.</summary>
    private static readonly FrozenSet<string> LimeSurveyMetadata = FrozenSet.ToFrozenSet(
        ["id", "token", "submitdate", "lastpage", "startlanguage", "seed", "startdate", "datestamp", "ipaddr", "refurl", "interviewtime"],
        StringComparer.OrdinalIgnoreCase);

    /// <summary>The name <c>--layout</c> takes for the tool.</summary>
    public static string Name(SurveyTool tool) => tool switch
    {
        SurveyTool.GoogleForms => "google-forms",
        SurveyTool.Qualtrics => "qualtrics",
        SurveyTool.LimeSurvey => "limesurvey",
        SurveyTool.Plain => "plain",
        _ => "auto",
    };

    /// <summary>The tool <c>--layout</c> names.</summary>
    public static SurveyTool Parse(string name) => name switch
    {
        "google-forms" => SurveyTool.GoogleForms,
        "qualtrics" => SurveyTool.Qualtrics,
        "limesurvey" => SurveyTool.LimeSurvey,
        "plain" => SurveyTool.Plain,
        _ => SurveyTool.Auto,
    };

    /// <summary>
    /// The tool whose export the head looks like: Qualtrics when the third row starts with <c>{"ImportId"</c>; LimeSurvey when
    /// the header has <c>id</c>, <c>submitdate</c> and <c>lastpage</c> or <c>startlanguage</c>; Google Forms when the first
    /// column is its timestamp; else plain.
    /// </summary>
    internal static SurveyTool Detect(CsvHead head)
    {
        if (IsQualtricsImportRow(head.FieldsOf(2)))
        {
            return SurveyTool.Qualtrics;
        }

        var names = head.Names.Select(Clean).ToHashSet(StringComparer.OrdinalIgnoreCase);
        if (names.Contains("id") && names.Contains("submitdate") && (names.Contains("lastpage") || names.Contains("startlanguage")))
        {
            return SurveyTool.LimeSurvey;
        }

        return GoogleTimestamps.Contains(Clean(head.Names[0])) ? SurveyTool.GoogleForms : SurveyTool.Plain;
    }

    /// <summary>The header rows of the tool's export in this head: 3 for Qualtrics (2 for its legacy export, without import ids).</summary>
    internal static int HeaderRecords(SurveyTool tool, CsvHead head) =>
        tool != SurveyTool.Qualtrics ? 1 : IsQualtricsImportRow(head.FieldsOf(2)) ? 3 : 2;

    /// <summary>The id column the tool's export has, by name (null: the first column).</summary>
    internal static int? DefaultIdColumn(SurveyTool tool, string[] names)
    {
        int? Find(IEnumerable<string> candidates) =>
            candidates.Select(c => Array.FindIndex(names, n => string.Equals(n, c, StringComparison.OrdinalIgnoreCase))).Where(i => i >= 0).Cast<int?>().FirstOrDefault();
        return tool switch
        {
            SurveyTool.Qualtrics => Find(["ResponseId", "ResponseID", "V1"]),
            SurveyTool.LimeSurvey => Find(["id"]),
            SurveyTool.GoogleForms => Find(GoogleEmails) ?? 0, // without e-mail addresses, the timestamp names the response
            _ => null,
        };
    }

    /// <summary>Whether the tool adds this column (it is skipped rather than refused).</summary>
    internal static bool IsMetadata(SurveyTool tool, string name) => tool switch
    {
        SurveyTool.Qualtrics => QualtricsMetadata.Contains(name) || name.StartsWith("Q_", StringComparison.Ordinal),
        SurveyTool.LimeSurvey => LimeSurveyMetadata.Contains(name),
        SurveyTool.GoogleForms => GoogleTimestamps.Contains(name) || GoogleEmails.Contains(name, StringComparer.OrdinalIgnoreCase) || GoogleQuiz.Contains(name, StringComparer.OrdinalIgnoreCase),
        _ => false,
    };

    private static bool IsQualtricsImportRow(string[]? row) =>
        row is { Length: > 0 } && row[0].TrimStart().StartsWith("{\"ImportId\"", StringComparison.Ordinal);

    private static string Clean(string name) => name.Trim().TrimStart('\uFEFF');
}
