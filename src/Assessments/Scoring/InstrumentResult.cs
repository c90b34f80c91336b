using System.Text.Json;
using Assessments.Definitions;

namespace Assessments.Scoring;

/// <summary>
/// One person's result on one instrument: the scale scores, and the instrument's id, version and fingerprint so that every
/// number can be traced to the exact definition that made it. Kinds derive from it to add their own results.
/// </summary>
public class InstrumentResult
{
    /// <summary>Creates a result for <paramref name="instrument"/>.</summary>
    public InstrumentResult(Instrument instrument, string? respondentId, IReadOnlyList<ScaleScore> scales)
    {
        ArgumentNullException.ThrowIfNull(instrument);
        ArgumentNullException.ThrowIfNull(scales);
        Instrument = instrument;
        InstrumentId = instrument.Id;
        InstrumentVersion = instrument.Version;
        Fingerprint = instrument.Fingerprint;
        Kind = instrument.Kind;
        RespondentId = respondentId;
        Scales = scales;
    }

    /// <summary>The instrument the result was scored with (its titles, scales and texts, to explain the result).</summary>
    public Instrument Instrument { get; }

    /// <summary>The instrument's id.</summary>
    public string InstrumentId { get; }

    /// <summary>The instrument's version.</summary>
    public string InstrumentVersion { get; }

    /// <summary>The SHA-256 fingerprint (lower-case hex) of the instrument's canonical JSON.</summary>
    public string Fingerprint { get; }

    /// <summary>The instrument's kind.</summary>
    public string Kind { get; }

    /// <summary>The respondent's id, if the response had one.</summary>
    public string? RespondentId { get; }

    /// <summary>The scale scores in definition order.</summary>
    public IReadOnlyList<ScaleScore> Scales { get; }

    /// <summary>The score of the scale with this id.</summary>
    /// <exception cref="KeyNotFoundException">The instrument has no such scale.</exception>
    public ScaleScore this[string scaleId] =>
        Scales.FirstOrDefault(s => string.Equals(s.ScaleId, scaleId, StringComparison.Ordinal))
        ?? throw new KeyNotFoundException($"The instrument '{InstrumentId}' has no scale '{scaleId}'.");

    /// <summary>The person's free-text answers by item id, as written (empty when the instrument or the response has none).</summary>
    public IReadOnlyDictionary<string, string> FreeText { get; internal set; } = System.Collections.Frozen.FrozenDictionary<string, string>.Empty;

    /// <summary>
    /// Writes the whole result as one JSON object (the JSON Lines format of <c>assess score --format jsonl</c>): ids,
    /// fingerprint, and per scale the value, mean, sum, counts, missing reason and norm scores (missing numbers are null);
    /// then the free-text answers under <c>freeText</c> when there are any.
    /// </summary>
    public void WriteJson(Utf8JsonWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStartObject();
        writer.WriteString("respondent", RespondentId);
        writer.WriteString("instrument", InstrumentId);
        writer.WriteString("version", InstrumentVersion);
        writer.WriteString("fingerprint", Fingerprint);
        writer.WriteString("kind", Kind);
        writer.WriteStartObject("scales");
        foreach (var s in Scales)
        {
            writer.WriteStartObject(s.ScaleId);
            WriteNumber(writer, "score", s.Value);
            WriteNumber(writer, "mean", s.Mean);
            WriteNumber(writer, "sum", s.Sum);
            writer.WriteNumber("rawSum", s.RawSum);
            writer.WriteNumber("answered", s.Answered);
            writer.WriteNumber("items", s.ItemCount);
            writer.WriteNumber("minAnswered", s.MinAnswered);
            if (s.Centre is { } centre)
            {
                WriteNumber(writer, "mrat", centre); // the mean rating the score is centred on
            }

            if (s.MissingReason is not null)
            {
                writer.WriteString("missingReason", s.MissingReason);
            }

            if (s.Norms is { } n)
            {
                writer.WriteStartObject("norms");
                WriteNumber(writer, "z", n.Z);
                WriteNumber(writer, "t", n.T);
                WriteNumber(writer, "percentileRank", n.PercentileRank);
                WriteNumber(writer, "normalizedT", n.NormalizedT);
                if (n.Stanine is { } st)
                {
                    writer.WriteNumber("stanine", st);
                }
                else
                {
                    writer.WriteNull("stanine");
                }

                writer.WriteEndObject();
            }

            writer.WriteEndObject();
        }

        writer.WriteEndObject();
        if (FreeText.Count > 0)
        {
            writer.WriteStartObject("freeText");
            foreach (var (itemId, text) in FreeText)
            {
                writer.WriteString(itemId, text);
            }

            writer.WriteEndObject();
        }

        WriteKindJson(writer);
        writer.WriteEndObject();
    }

    /// <summary>The values of the kind's summary columns (<see cref="IInstrumentKind.SummaryColumns"/>), formatted in the invariant culture; empty for a plain Likert result.</summary>
    public virtual IReadOnlyList<string> SummaryValues() => [];

    /// <summary>Lets a kind add its own properties to <see cref="WriteJson"/>'s object (called before the object closes).</summary>
    protected virtual void WriteKindJson(Utf8JsonWriter writer)
    {
    }

    private static void WriteNumber(Utf8JsonWriter writer, string name, double? value)
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
