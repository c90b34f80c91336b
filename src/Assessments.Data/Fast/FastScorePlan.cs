using System.Globalization;
using System.Text;
using Assessments.Definitions;
using Assessments.Scoring;

namespace Assessments.Data.Fast;

/// <summary>
/// What the byte-level reader and the vertical scorer need, decided once from the instrument and the header: for each
/// column whether it is the id, an item (with its valid digit range) or ignored; for each scale its items, reverse keys and a
/// table holding the output text of every possible (sum, answered) pair. The table is filled by the same
/// <see cref="Scale.ValueOf"/> and the same "R" formatting as the reference path, so the bytes written are the same.
/// </summary>
internal sealed class FastScorePlan
{
    /// <summary>
    /// Rows per tile. A chunk's answers are stored in tiles of 64 rows: within a tile, column-major (64 answers of item 0,
    /// then 64 of item 1, …). A row's stores then stay within a few KiB (one plain column-major block per chunk, with
    /// columns 8 KiB apart, made every row touch sixty pages and cost more than the parsing), while scoring still loads
    /// 32 or 64 answers of one item in one vector.
    /// </summary>
    public const int Tile = 64;

    private FastScorePlan(ResponsesLayout layout, byte separator, int itemCount, ScalePlan[] scales)
    {
        Layout = layout;
        Separator = separator;
        ItemCount = itemCount;
        Scales = scales;
        var columns = layout.Names.Length;
        CellOffset = new int[columns];
        Min = new uint[columns];
        Range = new uint[columns];
        for (var c = 0; c < columns; c++)
        {
            var item = layout.ItemOfColumn[c];
            CellOffset[c] = c == layout.IdColumn ? -2 : item < 0 ? -1 : item * Tile;
            Min[c] = item < 0 ? 0 : (uint)layout.Min[c];
            Range[c] = item < 0 ? 0 : (uint)(layout.Max[c] - layout.Min[c]);
        }

        MaxEntryLength = scales.Length == 0 ? 0 : scales.Max(s => s.MaxEntryLength);
        TileBytes = itemCount * Tile;

        // The common layout (id first, then only items, all on one format) gets a lookup table that checks and converts the
        // byte before each separator in one step: a valid digit d gives d + 1, a separator 0 (empty), anything else 0x80.
        var items = Enumerable.Range(1, columns - 1).Select(c => layout.ItemOfColumn[c]).ToList();
        if (layout.IdColumn == 0 && columns > 1 && items.All(i => i >= 0)
            && Enumerable.Range(1, columns - 1).All(c => layout.Min[c] == layout.Min[1] && layout.Max[c] == layout.Max[1]))
        {
            Uniform = new byte[256];
            Uniform.AsSpan().Fill(0x80);
            Uniform[separator] = 0;
            for (var d = layout.Min[1]; d <= layout.Max[1]; d++)
            {
                Uniform['0' + d] = (byte)(d + 1);
            }
        }
    }

    /// <summary>Bytes per tile: items × 64.</summary>
    public int TileBytes { get; }

    /// <summary>For the common layout, the byte-before-separator table; null otherwise.</summary>
    public byte[]? Uniform { get; }

    /// <summary>Where row <paramref name="row"/>'s answer to item 0 lies in a chunk's cells (add <see cref="CellOffset"/> for a column).</summary>
    public int CellBase(int row) => ((row >> 6) * TileBytes) + (row & (Tile - 1));

    public ResponsesLayout Layout { get; }

    public byte Separator { get; }

    public int ItemCount { get; }

    public int ColumnCount => Layout.Names.Length;

    /// <summary>Per column: <c>item × 64</c> for an item, −2 for the id, −1 for an ignored column.</summary>
    public int[] CellOffset { get; }

    /// <summary>Per item column: the lowest valid digit.</summary>
    public uint[] Min { get; }

    /// <summary>Per item column: max − min, so a digit d is valid when <c>(uint)(d − min) ≤ range</c>.</summary>
    public uint[] Range { get; }

    public ScalePlan[] Scales { get; }

    /// <summary>The longest table entry (separator included) of any scale.</summary>
    public int MaxEntryLength { get; }

    /// <summary>
    /// The plan, or null with the reason when the instrument or the run needs the general path: answers that are not single
    /// digits, weighted items, a kind with summary columns, or a separator that is not a single ASCII byte.
    /// </summary>
    public static FastScorePlan? TryCreate(Instrument instrument, ResponsesLayout layout, char separator, out string reason)
    {
        if (separator is '"' or '\r' or '\n' or > (char)0x7F)
        {
            reason = "the separator is not a plain ASCII character";
            return null;
        }

        if (layout.Names.Length > 4096)
        {
            reason = "the header has more than 4,096 columns (the simple parser keeps a line's separators on the stack)";
            return null;
        }

        if (instrument.KindHandler.SummaryColumns(instrument).Count > 0)
        {
            reason = $"the '{instrument.Kind}' kind adds summary columns";
            return null;
        }

        for (var c = 0; c < layout.ItemOfColumn.Length; c++)
        {
            if (layout.ItemOfColumn[c] >= 0 && (layout.Min[c] < 0 || layout.Max[c] > 9 || layout.Max[c] < layout.Min[c]))
            {
                reason = $"item '{instrument.Items[layout.ItemOfColumn[c]].Id}' (column {c + 1}) takes answers beyond one digit";
                return null;
            }
        }

        var scales = new ScalePlan[instrument.Scales.Count];
        long entries = 0;
        for (var s = 0; s < scales.Length; s++)
        {
            var scale = instrument.Scales[s];
            if (!scale.UnitWeights || scale.Items.Count > 255)
            {
                reason = $"scale '{scale.Id}' has weighted items or more than 255 items";
                return null;
            }

            entries += (scale.Items.Count + 1L) * ((9L * scale.Items.Count) + 1);
            if (entries > 4_000_000)
            {
                reason = "the scales are too long for value tables";
                return null;
            }

            scales[s] = new ScalePlan(scale, (byte)separator);
        }

        reason = "";
        return new FastScorePlan(layout, (byte)separator, instrument.Items.Count, scales);
    }
}

/// <summary>One scale for the vertical scorer: item indexes, reverse keys, and the output text of every (sum, answered) pair.</summary>
internal sealed class ScalePlan
{
    public ScalePlan(Scale scale, byte separator)
    {
        var n = scale.Items.Count;
        Items = [.. scale.Items.Select(i => i.Item.Index)];
        ReversePlusOne = new byte[n];
        for (var p = 0; p < n; p++)
        {
            // Cells hold answer + 1 (0 = missing); a reverse-keyed answer x becomes (min + max) − x = (min + max + 1) − cell.
            var item = scale.Items[p];
            ReversePlusOne[p] = item.Reverse ? (byte)(item.Item.Format!.Min + item.Item.Format.Max + 1) : (byte)0;
        }

        Width = (9 * n) + 1;
        var count = (n + 1) * Width;
        Offsets = new int[count];
        Lengths = new byte[count];
        Values = new double[count];
        var text = new List<byte>(count * 4);
        Span<char> chars = stackalloc char[32];
        Span<byte> bytes = stackalloc byte[40];
        for (var answered = 0; answered <= n; answered++)
        {
            for (var sum = 0; sum < Width; sum++)
            {
                var index = (answered * Width) + sum;
                Offsets[index] = text.Count;
                text.Add(separator);
                var value = scale.ValueOf(sum, answered, answered);
                Values[index] = value;
                var length = 1;
                if (!double.IsNaN(value))
                {
                    value.TryFormat(chars, out var written, "R", CultureInfo.InvariantCulture);
                    length += Encoding.UTF8.GetBytes(chars[..written], bytes);
                    for (var i = 0; i < length - 1; i++)
                    {
                        text.Add(bytes[i]);
                    }
                }

                Lengths[index] = (byte)length;
                MaxEntryLength = Math.Max(MaxEntryLength, length);
            }
        }

        // Padding so that every entry can be copied as a fixed 32-byte block.
        text.AddRange(new byte[32]);
        Text = [.. text];
    }

    public int[] Items { get; }

    /// <summary>0 for a forward item; (min + max + 1) for a reverse-keyed one.</summary>
    public byte[] ReversePlusOne { get; }

    /// <summary>The number of possible sums, 9 × items + 1: an entry's index is answered × Width + sum.</summary>
    public int Width { get; }

    public int[] Offsets { get; }

    /// <summary>Each entry's value (NaN when missing): the profile <c>--match</c> ranks.</summary>
    public double[] Values { get; }

    public byte[] Lengths { get; }

    /// <summary>All entries: the separator then the value's shortest round-trip text (nothing for a missing score).</summary>
    public byte[] Text { get; }

    public int MaxEntryLength { get; }
}
