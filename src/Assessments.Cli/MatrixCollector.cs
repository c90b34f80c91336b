using Assessments.Responses;

namespace Assessments.Cli;

/// <summary>
/// Gathers scored rows from a streaming run into one <see cref="ResponseMatrix"/>, two bytes per answer, for the
/// statistics that need the whole sample at once (reliability, ω, norms).
/// </summary>
internal sealed class MatrixCollector(int itemCount)
{
    private readonly List<short>[] _columns = [.. Enumerable.Range(0, itemCount).Select(_ => new List<short>())];

    public int Rows { get; private set; }

    public void Add(ResponseMatrix chunk, int row)
    {
        for (var j = 0; j < _columns.Length; j++)
        {
            _columns[j].Add(chunk[row, j]);
        }

        Rows++;
    }

    /// <summary>The scored rows of a fast-path chunk (answers stored as answer + 1 in 64-row tiles; 0 = missing), in order.</summary>
    internal void Add(Fast.FastChunk chunk, Fast.FastScorePlan plan)
    {
        for (var r = 0; r < chunk.Rows; r++)
        {
            if (chunk.IdLength[r] == int.MinValue)
            {
                continue; // rejected
            }

            var cellBase = plan.CellBase(r);
            for (var j = 0; j < _columns.Length; j++)
            {
                var cell = chunk.Cells[cellBase + (j * Fast.FastScorePlan.Tile)];
                _columns[j].Add(cell == 0 ? ResponseMatrix.Missing : (short)(cell - 1));
            }

            Rows++;
        }
    }

    public ResponseMatrix ToMatrix()
    {
        var matrix = new ResponseMatrix(_columns.Length, Rows) { RowCount = Rows };
        for (var j = 0; j < _columns.Length; j++)
        {
            System.Runtime.InteropServices.CollectionsMarshal.AsSpan(_columns[j]).CopyTo(matrix.Column(j));
        }

        return matrix;
    }
}
