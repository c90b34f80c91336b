using Assessments.Responses;

namespace Assessments.Data;

/// <summary>
/// Gathers scored rows from a streaming run into one <see cref="ResponseMatrix"/>, two bytes per answer, for the
/// statistics that need the whole sample at once (reliability, ω, norms). Rows keep their input order.
/// </summary>
/// <param name="itemCount">The items of a row (<see cref="ResponseMatrix.ItemCount"/>).</param>
public sealed class ResponseCollector(int itemCount)
{
    /// <summary>A collector of <paramref name="instrument"/>'s answers.</summary>
    /// <param name="instrument">The instrument whose answers are collected.</param>
    public ResponseCollector(Instrument instrument) : this((instrument ?? throw new ArgumentNullException(nameof(instrument))).Items.Count) { }

    private short[][] _columns = [.. Enumerable.Range(0, itemCount).Select(_ => new short[4096])];

    private readonly List<string> _ids = [];

    /// <summary>The rows gathered so far.</summary>
    public int Rows { get; private set; }

    /// <summary>Whether the respondent id of every row is kept too (<see cref="Ids"/>); off by default.</summary>
    public bool KeepIds { get; init; }

    /// <summary>With <see cref="KeepIds"/>: each gathered row's respondent id, as read, in row order; otherwise empty.</summary>
    public IReadOnlyList<string> Ids => _ids;

    /// <summary>Appends row <paramref name="row"/> of <paramref name="chunk"/>.</summary>
    /// <param name="chunk">A block of answers with this collector's items.</param>
    /// <param name="row">The row to append.</param>
    public void Add(ResponseMatrix chunk, int row) => Add(chunk, row, "");

    /// <summary>Appends row <paramref name="row"/> of <paramref name="chunk"/>, whose respondent id is <paramref name="id"/>.</summary>
    /// <param name="chunk">A block of answers with this collector's items.</param>
    /// <param name="row">The row to append.</param>
    /// <param name="id">The row's respondent id (kept with <see cref="KeepIds"/>).</param>
    public void Add(ResponseMatrix chunk, int row, string id)
    {
        ArgumentNullException.ThrowIfNull(chunk);
        if (KeepIds)
        {
            _ids.Add(id);
        }

        Reserve(1);
        for (var j = 0; j < _columns.Length; j++)
        {
            _columns[j][Rows] = chunk[row, j];
        }

        Rows++;
    }

    /// <summary>
    /// Converts a fast-path chunk's scored rows (answers stored as answer + 1 in 64-row tiles; 0 = missing) into the chunk's
    /// own two-byte columns. Runs on the thread that parsed the chunk, in parallel with the others.
    /// </summary>
    internal void Prepare(Fast.FastChunk chunk, Fast.FastScorePlan plan)
    {
        if (KeepIds)
        {
            chunk.GatheredIds.Clear();
            for (var r = 0; r < chunk.Rows; r++)
            {
                var length = chunk.IdLength[r];
                if (length != int.MinValue)
                {
                    chunk.GatheredIds.Add(length >= 0 ? System.Text.Encoding.UTF8.GetString(chunk.Input, chunk.IdStart[r], length) : chunk.IdTexts[r]);
                }
            }
        }

        var items = plan.ItemCount;
        var rows = chunk.Rows - chunk.Rejected.Count;
        if (chunk.Gathered.Length < items * rows)
        {
            chunk.Gathered = new short[items * Math.Max(rows, chunk.Capacity)];
        }

        var cells = chunk.Cells;
        for (var j = 0; j < items; j++)
        {
            var column = chunk.Gathered.AsSpan(j * rows, rows);
            var at = 0;
            for (var r = 0; r < chunk.Rows; r++)
            {
                if (chunk.IdLength[r] != int.MinValue) // rejected rows are left out
                {
                    var cell = cells[plan.CellBase(r) + (j * Fast.FastScorePlan.Tile)];
                    column[at++] = cell == 0 ? ResponseMatrix.Missing : (short)(cell - 1);
                }
            }
        }
    }

    /// <summary>Appends a chunk's prepared columns (<see cref="Prepare"/>), in input order.</summary>
    internal void Add(Fast.FastChunk chunk)
    {
        var rows = chunk.Rows - chunk.Rejected.Count;
        if (KeepIds)
        {
            _ids.AddRange(chunk.GatheredIds);
        }

        Reserve(rows);
        for (var j = 0; j < _columns.Length; j++)
        {
            chunk.Gathered.AsSpan(j * rows, rows).CopyTo(_columns[j].AsSpan(Rows));
        }

        Rows += rows;
    }

    /// <summary>Every row gathered, in order, as one matrix (a copy).</summary>
    public ResponseMatrix ToMatrix()
    {
        var matrix = new ResponseMatrix(_columns.Length, Rows) { RowCount = Rows };
        for (var j = 0; j < _columns.Length; j++)
        {
            _columns[j].AsSpan(0, Rows).CopyTo(matrix.Column(j));
        }

        return matrix;
    }

    private void Reserve(int more)
    {
        if (_columns.Length == 0 || Rows + more <= _columns[0].Length)
        {
            return;
        }

        var size = Math.Max(Rows + more, _columns[0].Length * 2);
        for (var j = 0; j < _columns.Length; j++)
        {
            Array.Resize(ref _columns[j], size);
        }
    }
}
