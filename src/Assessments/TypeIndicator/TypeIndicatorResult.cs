using System.Globalization;
using System.Text.Json;
using Assessments.Definitions;
using Assessments.Scoring;

namespace Assessments.TypeIndicator;

/// <summary>One person's type: each dichotomy's score, letter and clarity, the type, a temperament grouping and the type's description.</summary>
public sealed class TypeIndicatorResult : InstrumentResult
{
    /// <summary>Creates the result.</summary>
    public TypeIndicatorResult(Instrument instrument, string? respondentId, IReadOnlyList<ScaleScore> scales, IReadOnlyList<DichotomyResult> dichotomies,
        TypeIndicatorSettings settings)
        : base(instrument, respondentId, scales)
    {
        ArgumentNullException.ThrowIfNull(dichotomies);
        ArgumentNullException.ThrowIfNull(settings);
        Dichotomies = dichotomies;
        Type = new string([.. dichotomies.Select(d => d.Letter)]);
        Temperament = TemperamentOf(Type);
        Description = settings.Descriptions.GetValueOrDefault(Type);
    }

    /// <summary>The dichotomies in order.</summary>
    public IReadOnlyList<DichotomyResult> Dichotomies { get; }

    /// <summary>The type, one letter per dichotomy, with X where a preference is undetermined (e.g. <c>ENXP</c>).</summary>
    public string Type { get; }

    /// <summary>
    /// A convenience grouping after Keirsey: NT or NF when the type has N and T or F, SJ or SP when it has S and J or P;
    /// null when those letters are missing or undetermined.
    /// </summary>
    public string? Temperament { get; }

    /// <summary>The shipped description of <see cref="Type"/>, when the instrument has one (none for a type with X).</summary>
    public LocalizedText? Description { get; }

    /// <inheritdoc />
    public override IReadOnlyList<string> SummaryValues() =>
    [
        Type, Temperament ?? "",
        .. Dichotomies.SelectMany(d => new[] { F(d.Score), d.Letter.ToString(), F(d.Clarity) }),
    ];

    /// <inheritdoc />
    protected override void WriteKindJson(Utf8JsonWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStartObject("typeIndicator");
        writer.WriteString("type", Type);
        writer.WriteString("temperament", Temperament);
        writer.WriteStartArray("dichotomies");
        foreach (var d in Dichotomies)
        {
            writer.WriteStartObject();
            writer.WriteString("scale", d.ScaleId);
            Number(writer, "score", d.Score);
            writer.WriteString("letter", d.Letter.ToString());
            Number(writer, "clarity", d.Clarity);
            writer.WriteString("band", d.Band is { } band ? JsonNamingPolicy.CamelCase.ConvertName(band.ToString()) : null);
            writer.WriteBoolean("atMidpoint", d.AtMidpoint);
            writer.WriteNumber("imputed", d.Imputed);
            if (d.MissingReason is not null)
            {
                writer.WriteString("missingReason", d.MissingReason);
            }

            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        if (Description is not null)
        {
            writer.WriteStartObject("description");
            foreach (var language in Description.Languages)
            {
                writer.WriteString(language, Description[language]);
            }

            writer.WriteEndObject();
        }

        writer.WriteEndObject();
    }

    private static string? TemperamentOf(string type)
    {
        if (type.Contains('N', StringComparison.Ordinal))
        {
            return type.Contains('T', StringComparison.Ordinal) ? "NT" : type.Contains('F', StringComparison.Ordinal) ? "NF" : null;
        }

        if (type.Contains('S', StringComparison.Ordinal))
        {
            return type.Contains('J', StringComparison.Ordinal) ? "SJ" : type.Contains('P', StringComparison.Ordinal) ? "SP" : null;
        }

        return null;
    }

    private static string F(double? x) => x?.ToString("R", CultureInfo.InvariantCulture) ?? "";

    private static void Number(Utf8JsonWriter writer, string name, double? value)
    {
        if (value is { } v)
        {
            writer.WriteNumber(name, v);
        }
        else
        {
            writer.WriteNull(name);
        }
    }
}
