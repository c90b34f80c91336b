using System.Globalization;
using System.Text.Json;
using Assessments.Scoring;

namespace Assessments.Interests;

/// <summary>
/// One person's RIASEC result: the six area scores and everything derived from them. When an area score is missing
/// (too few answers), <see cref="Areas"/> and everything derived are null and <see cref="MissingAreas"/> says which.
/// </summary>
public sealed class InterestsResult : InstrumentResult
{
    internal static readonly IReadOnlyList<string> SummaryColumnNames =
        ["code", "admissibleCodes", "consistency", "elevation", "DI1", "DI2", "DI3", "DI4", "DI5", "DI6", "DI7", "dataIdeas", "peopleThings"];

    private readonly double[]? _areas;

    /// <summary>Creates the result; derived values are computed from <paramref name="areas"/> (RIASEC order) when it is complete.</summary>
    public InterestsResult(Instrument instrument, string? respondentId, IReadOnlyList<ScaleScore> scales, double[]? areas, IReadOnlyList<char> missingAreas)
        : base(instrument, respondentId, scales)
    {
        _areas = areas;
        MissingAreas = missingAreas;
        if (areas is null)
        {
            return;
        }

        Code = Holland.Code(areas);
        AdmissibleCodes = Holland.AdmissibleCodes(areas);
        Consistency = (ConsistencyLevel)Holland.HexagonDistance(Code[0], Code[1]);
        double sum = 0;
        foreach (var a in areas)
        {
            sum += a;
        }

        Elevation = sum / 6;
        Differentiation = Differentiation.Compute(areas);
        Prediger = PredigerCoordinates.Compute(areas);
    }

    /// <summary>The six area scores in RIASEC order, or null when one is missing.</summary>
    public IReadOnlyList<double>? Areas => _areas;

    /// <summary>The areas whose score is missing (empty when all six exist).</summary>
    public IReadOnlyList<char> MissingAreas { get; }

    /// <summary>The three-letter Holland code; ties broken R, I, A, S, E, C (see <see cref="Holland.Code"/>).</summary>
    public string? Code { get; }

    /// <summary>Every three-letter code the ties allow, canonical first (a single code when no tie matters).</summary>
    public IReadOnlyList<string> AdmissibleCodes { get; } = [];

    /// <summary>Consistency of the first two letters of <see cref="Code"/>.</summary>
    public ConsistencyLevel? Consistency { get; }

    /// <summary>Elevation: the mean of the six area scores (overall interest level).</summary>
    public double? Elevation { get; }

    /// <summary>The seven differentiation indices.</summary>
    public Differentiation? Differentiation { get; }

    /// <summary>Prediger's Data/Ideas and People/Things coordinates.</summary>
    public PredigerCoordinates? Prediger { get; }

    /// <inheritdoc />
    public override IReadOnlyList<string> SummaryValues()
    {
        if (Code is null)
        {
            return [.. SummaryColumnNames.Select(_ => "")];
        }

        var d = Differentiation!;
        return
        [
            Code, string.Join(' ', AdmissibleCodes), ((int)Consistency!).ToString(CultureInfo.InvariantCulture), F(Elevation),
            F(d.DI1), F(d.DI2), F(d.DI3), F(d.DI4), F(d.DI5), F(d.DI6), F(d.DI7), F(Prediger!.DataIdeas), F(Prediger.PeopleThings),
        ];

        static string F(double? x) => x?.ToString("R", CultureInfo.InvariantCulture) ?? "";
    }

    /// <inheritdoc />
    protected override void WriteKindJson(Utf8JsonWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStartObject("interests");
        if (Code is null)
        {
            writer.WriteStartArray("missingAreas");
            foreach (var a in MissingAreas)
            {
                writer.WriteStringValue(a.ToString());
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
            return;
        }

        writer.WriteStartObject("areas");
        for (var a = 0; a < 6; a++)
        {
            writer.WriteNumber(Holland.Letters[a].ToString(), _areas![a]);
        }

        writer.WriteEndObject();
        writer.WriteString("code", Code);
        writer.WriteStartArray("admissibleCodes");
        foreach (var c in AdmissibleCodes)
        {
            writer.WriteStringValue(c);
        }

        writer.WriteEndArray();
        writer.WriteNumber("consistency", (int)Consistency!);
        writer.WriteString("consistencyLevel", Consistency.ToString()!.ToLowerInvariant());
        writer.WriteNumber("elevation", Elevation!.Value);
        var d = Differentiation!;
        writer.WriteStartObject("differentiation");
        writer.WriteNumber("DI1", d.DI1);
        writer.WriteNumber("DI2", d.DI2);
        writer.WriteNumber("DI3", d.DI3);
        writer.WriteNumber("DI4", d.DI4);
        writer.WriteNumber("DI5", d.DI5);
        if (d.DI6 is { } di6)
        {
            writer.WriteNumber("DI6", di6);
        }
        else
        {
            writer.WriteNull("DI6");
        }

        writer.WriteNumber("DI7", d.DI7);
        writer.WriteEndObject();
        writer.WriteStartObject("prediger");
        writer.WriteNumber("dataIdeas", Prediger!.DataIdeas);
        writer.WriteNumber("peopleThings", Prediger.PeopleThings);
        writer.WriteEndObject();
        writer.WriteEndObject();
    }
}
