using Assessments.Definitions;

namespace Assessments.Responses;

/// <summary>
/// Many people's answers to one instrument, stored by column: one <see cref="short"/> per cell, <see cref="Missing"/> for an
/// empty cell. Column <c>j</c> is the instrument's item with <see cref="Item.Index"/> <c>j</c>. A matrix can be refilled and
/// reused (set <see cref="RowCount"/>), which is how the CLI streams a file of any size in bounded memory.
/// </summary>
public sealed class ResponseMatrix
{
    /// <summary>The sentinel for a missing answer.</summary>
    public const short Missing = short.MinValue;

    private readonly short[][] _columns;
    private int _rowCount;

    /// <summary>Creates an empty matrix with room for <paramref name="capacity"/> rows of <paramref name="itemCount"/> items, every cell missing.</summary>
    public ResponseMatrix(int itemCount, int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(itemCount);
        ArgumentOutOfRangeException.ThrowIfNegative(capacity);
        ItemCount = itemCount;
        Capacity = capacity;
        _columns = new short[itemCount][];
        for (var j = 0; j < itemCount; j++)
        {
            _columns[j] = new short[capacity];
            _columns[j].AsSpan().Fill(Missing);
        }
    }

    /// <summary>The number of item columns.</summary>
    public int ItemCount { get; }

    /// <summary>The number of rows the matrix can hold.</summary>
    public int Capacity { get; }

    /// <summary>The number of rows in use (scored by <see cref="Instrument.ScoreBatch(ResponseMatrix, Scoring.ScoringOptions)"/>).</summary>
    public int RowCount
    {
        get => _rowCount;
        set
        {
            ArgumentOutOfRangeException.ThrowIfNegative(value);
            ArgumentOutOfRangeException.ThrowIfGreaterThan(value, Capacity);
            _rowCount = value;
        }
    }

    /// <summary>The answer at a row and item column, or <see cref="Missing"/>.</summary>
    public short this[int row, int item]
    {
        get => _columns[item][row];
        set => _columns[item][row] = value;
    }

    /// <summary>One item's column (all <see cref="Capacity"/> rows), for filling or reading in bulk.</summary>
    public Span<short> Column(int item) => _columns[item];

    /// <summary>Sets every cell of every row back to <see cref="Missing"/> and <see cref="RowCount"/> to 0.</summary>
    public void Clear()
    {
        foreach (var column in _columns)
        {
            column.AsSpan().Fill(Missing);
        }

        _rowCount = 0;
    }

    /// <summary>
    /// Builds a matrix from per-person responses (for tests and small batches).
    /// </summary>
    /// <exception cref="InvalidResponseException">A response names an item the instrument does not have, or an answer does not fit a cell.</exception>
    public static ResponseMatrix FromResponses(Instrument instrument, IReadOnlyList<Response> responses)
    {
        ArgumentNullException.ThrowIfNull(instrument);
        ArgumentNullException.ThrowIfNull(responses);
        var matrix = new ResponseMatrix(instrument.Items.Count, responses.Count) { RowCount = responses.Count };
        var problems = new List<ResponseProblem>();
        for (var row = 0; row < responses.Count; row++)
        {
            if (responses[row] is null)
            {
                problems.Add(new ResponseProblem(null, "", string.Create(System.Globalization.CultureInfo.InvariantCulture, $"Response {row + 1} is null.")));
                continue;
            }

            foreach (var (itemId, answer) in responses[row].Answers)
            {
                if (itemId is null)
                {
                    problems.Add(new ResponseProblem(responses[row].RespondentId, "", "An answer has no item id (null); each answer names the item it answers."));
                }
                else if (instrument.FindItem(itemId) is not { } item)
                {
                    problems.Add(new ResponseProblem(responses[row].RespondentId, itemId, $"The instrument '{instrument.Reference}' has no item '{itemId}'."));
                }
                else if (answer is { } a)
                {
                    if (a is <= Missing or > short.MaxValue)
                    {
                        problems.Add(new ResponseProblem(responses[row].RespondentId, itemId, $"The answer {a} is too large to store."));
                    }
                    else
                    {
                        matrix[row, item.Index] = (short)a;
                    }
                }
            }
        }

        return problems.Count > 0 ? throw new InvalidResponseException(problems, instrument) : matrix;
    }
}
