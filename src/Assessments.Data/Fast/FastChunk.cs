namespace Assessments.Data.Fast;

/// <summary>
/// A block of input bytes and the rows parsed from it: one byte per answer (answer + 1; 0 = missing), in tiles of 64 rows,
/// column-major within a tile; where each row's id lies; the rows the general reader saw, with their problems; then the scale sums and
/// counts and the output bytes. A small pool of chunks is reused for the whole file, so memory does not grow with it.
/// </summary>
internal sealed class FastChunk
{
    private const int InputPadding = 4096;

    private readonly FastScorePlan _plan;

    public FastChunk(FastScorePlan plan, int inputSize)
    {
        _plan = plan;
        Padding = InputPadding + (2 * plan.ColumnCount);
        Input = new byte[inputSize + Padding];
        Sums = new ushort[plan.Scales.Length][];
        Counts = new byte[plan.Scales.Length][];
        Allocate(4096);
    }

    /// <summary>The input bytes (ids of simply parsed rows point into them), followed by zero padding the parser may read.</summary>
    public byte[] Input { get; private set; }

    /// <summary>The number of valid bytes in <see cref="Input"/>.</summary>
    public int InputLength { get; set; }

    /// <summary>How many bytes after the valid data the parser may read (so it never checks bounds inside a line).</summary>
    public int Padding { get; }

    public byte[] Cells { get; private set; } = [];

    /// <summary>How many rows the arrays hold (a multiple of 64).</summary>
    public int Capacity { get; private set; }

    public int Rows { get; set; }

    /// <summary>How many lines (newlines) the chunk's bytes hold: the writer numbers lines from it.</summary>
    public int Lines { get; set; }

    /// <summary>The chunk's place in the file: chunks are written in this order.</summary>
    public long Sequence { get; set; }

    /// <summary>Where row r's output id starts: in <see cref="Input"/>, or (for a row of the general reader) in <see cref="GeneralIds"/>.</summary>
    public int[] IdStart { get; private set; } = [];

    /// <summary>The id's length in bytes; negative (−1 − length) when it lies in <see cref="GeneralIds"/>.</summary>
    public int[] IdLength { get; private set; } = [];

    /// <summary>Each row's id hash (<see cref="IdRegistry.Hash(ReadOnlySpan{byte})"/>); zero for a row without a usable id, or when ids are not compared.</summary>
    public ulong[] IdHash { get; private set; } = [];

    /// <summary>Each row's first line within the chunk (1 = the chunk's first line).</summary>
    public int[] LineOf { get; private set; } = [];

    /// <summary>Escaped ids of the rows the general reader parsed.</summary>
    public List<byte> GeneralIds { get; } = [];

    /// <summary>The ids, as read, of the rows whose output id lies in <see cref="GeneralIds"/> (by row).</summary>
    public Dictionary<int, string> IdTexts { get; } = [];

    /// <summary>The scored rows' ids, as read, for a collector that keeps them (<see cref="ResponseCollector.KeepIds"/>).</summary>
    public List<string> GatheredIds { get; } = [];

    /// <summary>Rows the general reader rejected: row, line within the chunk (1 = its first), id and every problem.</summary>
    public List<(int Row, int Line, string Id, List<(string Column, string Reason)> Problems)> Rejected { get; } = [];

    /// <summary>Bad cells read as missing (<c>--bad-cell missing</c>) in rows that are scored, in row order.</summary>
    public List<(int Row, int Line, string Id, List<(string Column, string Reason)> Cells)> Kept { get; } = [];

    public ushort[][] Sums { get; }

    public byte[][] Counts { get; }

    public byte[] Output { get; set; } = new byte[1 << 20];

    /// <summary>For <c>assess analyze</c> and <c>norms</c>: the scored rows' answers, two bytes each, one column after another.</summary>
    public short[] Gathered { get; set; } = [];

    /// <summary>With <c>--match</c>: each row's top candidates (−1 where none), <c>Top</c> per row.</summary>
    public int[] Matches { get; set; } = [];

    public int OutputLength { get; set; }

    /// <summary>Makes room for <paramref name="rows"/> rows, keeping those parsed.</summary>
    public void EnsureRows(int rows)
    {
        if (rows > Capacity)
        {
            Allocate(Math.Max(rows, Capacity * 2));
        }
    }

    public void EnsureInput(int size)
    {
        if (Input.Length < size + Padding)
        {
            var bigger = new byte[size + Padding];
            Input.AsSpan(0, InputLength).CopyTo(bigger);
            Input = bigger;
        }
    }

    private void Allocate(int rows)
    {
        rows = (rows + FastScorePlan.Tile - 1) / FastScorePlan.Tile * FastScorePlan.Tile;
        var cells = new byte[(rows / FastScorePlan.Tile) * _plan.TileBytes];
        Cells.CopyTo(cells, 0);
        Cells = cells;
        IdStart = Grow(IdStart, rows);
        IdLength = Grow(IdLength, rows);
        LineOf = Grow(LineOf, rows);
        var hashes = new ulong[rows];
        IdHash.CopyTo(hashes, 0);
        IdHash = hashes;
        for (var s = 0; s < Sums.Length; s++)
        {
            Sums[s] = new ushort[rows + 64];
            Counts[s] = new byte[rows + 64];
        }

        Capacity = rows;

        static int[] Grow(int[] old, int size)
        {
            var bigger = new int[size];
            old.CopyTo(bigger, 0);
            return bigger;
        }
    }

    public void Reset()
    {
        Rows = 0;
        GeneralIds.Clear();
        IdTexts.Clear();
        Rejected.Clear();
        Kept.Clear();
        OutputLength = 0;
    }
}
