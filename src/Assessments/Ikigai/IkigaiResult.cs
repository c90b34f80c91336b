using System.Text.Json;
using Assessments.Scoring;

namespace Assessments.Ikigai;

/// <summary>One person's Ikigai exercise: the candidates ranked, with the t-norm and α that produced the numbers.</summary>
public sealed class IkigaiResult : InstrumentResult
{
    /// <summary>Creates the result.</summary>
    public IkigaiResult(Instrument instrument, string? respondentId, IReadOnlyList<IkigaiCandidateResult> candidates, IkigaiSettings settings)
        : base(instrument, respondentId, [])
    {
        ArgumentNullException.ThrowIfNull(settings);
        Candidates = candidates;
        TNorm = settings.TNorm;
        Alpha = settings.Alpha;
    }

    /// <summary>The candidates, best first.</summary>
    public IReadOnlyList<IkigaiCandidateResult> Candidates { get; }

    /// <summary>The t-norm used for every overlap.</summary>
    public TNorm TNorm { get; }

    /// <summary>The α-cut of the regions.</summary>
    public double Alpha { get; }

    /// <inheritdoc />
    protected override void WriteKindJson(Utf8JsonWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStartObject("ikigai");
        writer.WriteString("tNorm", TNorm.ToString().ToLowerInvariant());
        writer.WriteNumber("alpha", Alpha);
        writer.WriteString("model", "PROJECT model (fuzzy sets, docs/methods.md §7.2); no validated scoring of the four-circle exercise exists");
        writer.WriteStartArray("candidates");
        foreach (var c in Candidates)
        {
            writer.WriteStartObject();
            writer.WriteNumber("rank", c.Rank);
            writer.WriteString("id", c.Id);
            writer.WriteString("label", c.Label);
            writer.WriteStartObject("memberships");
            for (var k = 0; k < 4; k++)
            {
                writer.WriteStartObject(IkigaiKind.CircleKeys[k]);
                writer.WriteNumber("value", c.Memberships[k]);
                writer.WriteString("source", c.Sources[k]);
                writer.WriteEndObject();
            }

            writer.WriteEndObject();
            writer.WriteNumber("passion", c.Passion);
            writer.WriteNumber("mission", c.Mission);
            writer.WriteNumber("profession", c.Profession);
            writer.WriteNumber("vocation", c.Vocation);
            writer.WriteNumber("ikigai", c.Ikigai);
            writer.WriteNumber("geometricMean", c.GeometricMean);
            writer.WriteNumber("minimum", c.Minimum);
            writer.WriteStartArray("region");
            foreach (var circle in c.Region)
            {
                writer.WriteStringValue(IkigaiKind.CircleKeys[(int)circle]);
            }

            writer.WriteEndArray();
            writer.WriteString("regionName", c.RegionName);
            writer.WriteString("weakest", IkigaiKind.CircleKeys[(int)c.Weakest]);
            writer.WriteNumber("gap", c.Gap);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }
}
