using System.Diagnostics;
using System.Globalization;
using Assessments.Responses;
using Assessments.Scoring;
using nietras.SeparatedValues;

namespace Assessments.Data;

/// <summary>
/// The general reader, and the reference: Sep reads every record (quotes, any UTF-8 or UTF-16 text, any answer), the
/// shared <see cref="RecordParser"/> turns it into answers and problems, chunks of rows go into a reusable
/// <see cref="ResponseMatrix"/>, are scored in parallel and written in input order. Memory stays flat however long the
/// file is. Lines are counted here, in 64 bits, from the lines each Sep row spans (Sep's own numbers are 32-bit).
/// </summary>
internal sealed class GeneralCsvReader : IResponsesReader
{
    public string Name => "general";

    public ScoreSummary Read(ReadContext context, Stream input)
    {
        SepReader reader;
        try
        {
            reader = Sep.New(context.Separator).Reader(o => o with { HasHeader = false, Unescape = true, DisableColCountCheck = true }).From(input);
        }
        catch (NotSupportedException ex) when (ex.Source == "Sep")
        {
            throw SepRowLimit(context.Path, ex); // Sep reads the first row as it opens
        }

        using (reader)
        {
            try
            {
                return Read(context, reader);
            }
            catch (NotSupportedException ex) when (ex.Source == "Sep")
            {
                throw SepRowLimit(context.Path, ex);
            }
        }
    }

    /// <summary>Sep's own row limit (16 M characters), met only where the guard cannot follow quotes (UTF-16 files).</summary>
    internal static InputFileException SepRowLimit(string path, NotSupportedException ex) =>
        new($"{path}: a record is longer than Sep can hold ({ex.Message.Split('.')[0]}); an opening quote (\") that is never closed is the usual cause.");

    private static ScoreSummary Read(ReadContext context, SepReader reader)
    {
        var rows = reader.GetEnumerator();
        for (var h = 0; h < context.Head.HeaderRecords; h++)
        {
            if (!rows.MoveNext())
            {
                return new ScoreSummary(0, 0, 0); // the head said there was a header: nothing after it
            }
        }

        var instrument = context.Instrument;
        var layout = context.Layout;
        var chunkSize = context.Options.ChunkSize;
        var matrix = new ResponseMatrix(instrument.Items.Count, chunkSize);
        var batch = ScaleScoreBatch.Create(instrument, chunkSize);
        var chunk = new Chunk(chunkSize);
        context.Writer.WriteHeaders(layout);
        var offset = context.Options.NumberingOffset;
        long read = 0, scored = 0, rejected = 0;
        var clock = Stopwatch.StartNew();
        var lastProgress = TimeSpan.Zero;
        var byColumn = new short[layout.Names.Length];
        long lineFrom = 0;
        var nextLine = offset + context.Head.HeaderLines + 1;
        RecordHandler add = (lineOffset, id, answers, problems, kept) =>
        {
            read++;
            var r = chunk.Count++;
            chunk.RowNumbers[r] = offset + read;
            chunk.Lines[r] = lineFrom + lineOffset;
            chunk.Ids[r] = id;
            chunk.Problems[r] = problems;
            chunk.Kept[r] = kept;
            for (var c = 0; c < layout.ItemOfColumn.Length; c++)
            {
                if (layout.ItemOfColumn[c] >= 0 && answers[c] != ResponseMatrix.Missing)
                {
                    matrix[r, layout.ItemOfColumn[c]] = answers[c];
                }
            }

            if (chunk.Count == chunkSize)
            {
                (scored, rejected) = Flush(context, matrix, batch, chunk, scored, rejected);
                if (context.ShowProgress && clock.Elapsed - lastProgress > TimeSpan.FromSeconds(0.5))
                {
                    lastProgress = clock.Elapsed;
                    context.Log.Write(string.Create(CultureInfo.InvariantCulture, $"\rscored {read:N0} rows…"));
                }
            }
        };
        while (rows.MoveNext())
        {
            var row = rows.Current;
            lineFrom = nextLine;
            nextLine += unchecked(row.LineNumberToExcl - row.LineNumberFrom);
            context.Parser.ReadRecords(row, byColumn, add);
        }

        (scored, rejected) = Flush(context, matrix, batch, chunk, scored, rejected);
        if (context.ShowProgress && lastProgress > TimeSpan.Zero)
        {
            context.Log.Write('\r');
        }

        return new ScoreSummary(read, scored, rejected) { Reader = "general" };
    }

    private static (long Scored, long Rejected) Flush(ReadContext context, ResponseMatrix matrix, ScaleScoreBatch batch, Chunk chunk, long scored, long rejected)
    {
        if (chunk.Count == 0)
        {
            return (scored, rejected);
        }

        var writer = context.Writer;
        matrix.RowCount = chunk.Count;
        context.Instrument.ScoreBatch(matrix, batch, context.Scoring);
        var batchRejections = batch.Rejections.ToLookup(x => x.Row);
        for (var r = 0; r < chunk.Count; r++)
        {
            var repeat = writer.Ids is not null && RecordParser.IsUsableId(chunk.Ids[r])
                && writer.RejectsRepeat(chunk.Ids[r], chunk.Lines[r]);
            if (chunk.Problems[r] is { } problems)
            {
                rejected++;
                writer.WriteProblems(chunk.RowNumbers[r], chunk.Lines[r], chunk.Ids[r], problems, keptAsMissing: false);
            }
            else if (batch.IsRejected(r))
            {
                rejected++;
                writer.WriteProblems(chunk.RowNumbers[r], chunk.Lines[r], chunk.Ids[r], chunk.Kept[r], keptAsMissing: false);
                foreach (var rejection in batchRejections[r])
                {
                    writer.WriteReject(chunk.RowNumbers[r], chunk.Lines[r], chunk.Ids[r], rejection.ItemId, rejection.Reason);
                }
            }
            else if (repeat)
            {
                rejected++;
                writer.WriteProblems(chunk.RowNumbers[r], chunk.Lines[r], chunk.Ids[r], chunk.Kept[r], keptAsMissing: false);
                writer.WriteReject(chunk.RowNumbers[r], chunk.Lines[r], chunk.Ids[r], context.Layout.Names[context.Layout.IdColumn], ScoreWriter.RepeatReason);
            }
            else
            {
                scored++;
                writer.WriteProblems(chunk.RowNumbers[r], chunk.Lines[r], chunk.Ids[r], chunk.Kept[r], keptAsMissing: true);
                writer.WriteScored(matrix, batch, chunk.Ids[r], r, context.Layout);
            }
        }

        matrix.Clear();
        chunk.Count = 0;
        return (scored, rejected);
    }

    private sealed class Chunk(int size)
    {
        public int Count { get; set; }

        public long[] RowNumbers { get; } = new long[size];

        public long[] Lines { get; } = new long[size];

        public string[] Ids { get; } = new string[size];

        public List<(string Column, string Reason)>?[] Problems { get; } = new List<(string, string)>?[size];

        public List<(string Column, string Reason)>?[] Kept { get; } = new List<(string, string)>?[size];
    }
}
