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
