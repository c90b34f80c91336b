using System.Globalization;
using Assessments.Data.Fast;
using Assessments.Responses;
using nietras.SeparatedValues;

namespace Assessments.Data;

/// <summary>A problem of one row, as the rejects output lists it: the reason a row was rejected, or a bad cell kept as missing.</summary>
/// <param name="Row">The data row's number (1 = the first data row).</param>
/// <param name="Line">The file line (the sheet row of a workbook) the row starts on.</param>
/// <param name="RespondentId">The row's id cell.</param>
/// <param name="Column">The column's header ("" when the problem is the whole row's).</param>
/// <param name="Reason">What was wrong and what was expected; it never quotes the cell.</param>
/// <param name="KeptAsMissing">True for a bad cell read as missing in a row that was kept (<see cref="ResponsesReadOptions.BadCellsAsMissing"/>); false for a reason the row was rejected.</param>
public sealed record RowProblem(long Row, long Line, string RespondentId, string Column, string Reason, bool KeptAsMissing);

/// <summary>
/// One block of rows read from a responses table: the answers of the rows that were read, as a <see cref="ResponseMatrix"/>
/// ready for <see cref="Instrument.ScoreBatch(ResponseMatrix, Scoring.ScoringOptions)"/>, their ids, row and line numbers,
/// and every problem met in the block's stretch of the file, rejected rows included. Blocks follow the file's order.
/// </summary>
public sealed class ResponseBlock
{
    internal ResponseBlock(int itemCount, int capacity)
    {
        Answers = new ResponseMatrix(itemCount, capacity);
        Ids = new List<string>(capacity);
        RowNumbers = new List<long>(capacity);
        LineNumbers = new List<long>(capacity);
    }

    /// <summary>The answers of the rows read (<see cref="ResponseMatrix.RowCount"/> of them), by the instrument's item order; rejected rows are not in it.</summary>
    public ResponseMatrix Answers { get; }

    /// <summary>Each row's respondent id, in the order of <see cref="Answers"/>.</summary>
    public IReadOnlyList<string> RespondentIds => Ids;

    /// <summary>Each row's data row number (1 = the first data row), in the order of <see cref="Answers"/>.</summary>
    public IReadOnlyList<long> Rows => RowNumbers;

    /// <summary>Each row's first line in the file (sheet row in a workbook), in the order of <see cref="Answers"/>.</summary>
    public IReadOnlyList<long> Lines => LineNumbers;

    /// <summary>The rows rejected in this stretch of the file with their reasons, and the bad cells kept as missing in the rows read.</summary>
    public IReadOnlyList<RowProblem> Problems => ProblemList;

    /// <summary>The data rows this block accounts for: rows read into <see cref="Answers"/> plus rows rejected.</summary>
    public long RowsAccountedFor { get; internal set; }

    internal List<string> Ids { get; }

    internal List<long> RowNumbers { get; }

    internal List<long> LineNumbers { get; }

    internal List<RowProblem> ProblemList { get; } = [];

    internal bool IsFull => Ids.Count == Answers.Capacity;
}

/// <summary>
/// Reads a responses table — CSV or Excel workbook, any survey tool's layout, answers as numbers, labels or codes — in blocks
/// of bounded size, with the same header mapping, cell rules and diagnostics as <see cref="ScoreRun"/>, for an app that
/// scores, stores or analyses the answers itself. Memory stays flat however long the file is: each block holds at most
/// <c>blockSize</c> rows. Every data row is either in a block's <see cref="ResponseBlock.Answers"/> or in its
/// <see cref="ResponseBlock.Problems"/>.
/// </summary>
/// <example>
/// <code>
/// var instrument = Instruments.Load("career-readiness");
/// foreach (var block in ResponseBlocks.Read(instrument, "answers.csv"))
/// {
///     var scores = instrument.ScoreBatch(block.Answers);
///     // scores.GetValues(s)[r] is scale s of block.RespondentIds[r]; block.Problems lists the rows left out and why
/// }
/// </code>
/// </example>
public static class ResponseBlocks
{
    /// <summary>The rows per block unless told otherwise.</summary>
    public const int DefaultBlockSize = 4096;

    /// <summary>Reads the table at <paramref name="path"/> in blocks, lazily (the file is opened when enumeration starts).</summary>
    /// <param name="instrument">The instrument whose items the columns are.</param>
    /// <param name="path">A CSV or an Excel workbook (.xlsx).</param>
    /// <param name="options">How the table is read (separator, id column, layout, mapping files, answers, bad cells, repeated ids); the readers' choice and threads do not apply.</param>
    /// <param name="log">Where notes go (separator detected, layout chosen, columns matched loosely, repeated ids), or null.</param>
    /// <param name="blockSize">The most rows of a block's matrix.</param>
    /// <exception cref="InputFileException">The file cannot be read, or no column is an item (when enumeration starts).</exception>
    public static IEnumerable<ResponseBlock> Read(Instrument instrument, string path, ResponsesReadOptions? options = null, TextWriter? log = null, int blockSize = DefaultBlockSize)
    {
        ArgumentNullException.ThrowIfNull(instrument);
        ArgumentNullException.ThrowIfNull(path);
        ArgumentOutOfRangeException.ThrowIfLessThan(blockSize, 1);
        return ReadCore(new ScoreRun { Instrument = instrument, ResponsesPath = path, Read = options ?? new(), Log = log ?? TextWriter.Null }, blockSize);
    }

    private static IEnumerable<ResponseBlock> ReadCore(ScoreRun run, int blockSize)
    {
        using var input = run.Open();
        var context = run.Prepare(input);
        SepReader reader;
        try
        {
            reader = Sep.New(context.Separator).Reader(o => o with { HasHeader = false, Unescape = true, DisableColCountCheck = true }).From(input);
        }
        catch (NotSupportedException ex) when (ex.Source == "Sep")
        {
            throw GeneralCsvReader.SepRowLimit(context.Path, ex);
        }

        using (reader)
        {
            foreach (var block in Blocks(context, reader, blockSize))
            {
                yield return block;
            }
        }
    }

    private static IEnumerable<ResponseBlock> Blocks(ReadContext context, SepReader reader, int blockSize)
    {
        var rows = reader.GetEnumerator();
        for (var h = 0; h < context.Head.HeaderRecords; h++)
        {
            if (!Next(rows, context.Path))
            {
                yield break;
            }
        }

        var instrument = context.Instrument;
        var layout = context.Layout;
        var writer = context.Writer;
        var ready = new Queue<ResponseBlock>();
        var block = new ResponseBlock(instrument.Items.Count, blockSize);
        var byColumn = new short[layout.Names.Length];
        var offset = context.Options.NumberingOffset;
        long read = 0, lineFrom = 0;
        var nextLine = offset + context.Head.HeaderLines + 1;
        RecordHandler add = (lineOffset, id, answers, problems, kept) =>
        {
            read++;
            var rowNumber = offset + read;
            var line = lineFrom + lineOffset;
            block.RowsAccountedFor++;
            var repeat = writer.Ids is not null && RecordParser.IsUsableId(id) && writer.RejectsRepeat(id, line);
            if (problems is not null || repeat)
            {
                foreach (var (column, reason) in problems ?? [(layout.Names[layout.IdColumn], ScoreWriter.RepeatReason)])
                {
                    block.ProblemList.Add(new RowProblem(rowNumber, line, id, column, reason, KeptAsMissing: false));
                }

                return;
            }

            foreach (var (column, reason) in kept ?? [])
            {
                block.ProblemList.Add(new RowProblem(rowNumber, line, id, column, reason, KeptAsMissing: true));
            }

            var r = block.Ids.Count;
            block.Answers.RowCount = r + 1;
            for (var c = 0; c < layout.ItemOfColumn.Length; c++)
            {
                if (layout.ItemOfColumn[c] >= 0 && answers[c] != ResponseMatrix.Missing)
                {
                    block.Answers[r, layout.ItemOfColumn[c]] = answers[c];
                }
            }

            block.Ids.Add(id);
            block.RowNumbers.Add(rowNumber);
            block.LineNumbers.Add(line);
            if (block.IsFull)
            {
                ready.Enqueue(block);
                block = new ResponseBlock(instrument.Items.Count, blockSize);
            }
        };
        while (Next(rows, context.Path))
        {
            var row = rows.Current;
            lineFrom = nextLine;
            nextLine += unchecked(row.LineNumberToExcl - row.LineNumberFrom);
            context.Parser.ReadRecords(row, byColumn, add);
            while (ready.Count > 0)
            {
                yield return ready.Dequeue();
            }
        }

        if (block.RowsAccountedFor > 0)
        {
            yield return block;
        }

        if (read == 0)
        {
            throw new InputFileException($"{context.Path}: the file has a header but no data rows.");
        }

        if (writer.Ids is { Repeats: > 0 } ids && writer.DuplicateIds == DuplicateIds.Warn)
        {
            context.Log.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"warning: {context.Path}: {ids.Repeats} row(s) repeat the respondent id of an earlier row (line(s) {string.Join(", ", ids.FirstLines)}{(ids.Repeats > ids.FirstLines.Count ? ", …" : "")})."));
        }
    }

    private static bool Next(SepReader rows, string path)
    {
        try
        {
            return rows.MoveNext();
        }
        catch (NotSupportedException ex) when (ex.Source == "Sep")
        {
            throw GeneralCsvReader.SepRowLimit(path, ex);
        }
    }
}
