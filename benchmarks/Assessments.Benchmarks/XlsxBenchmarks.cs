using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Jobs;
using ExcelDataReader;
using MiniExcelLibs;
using SpreadCheetah;

namespace Assessments.Benchmarks;

/// <summary>
/// The choice of xlsx libraries (issue 18): a workbook of 100,000 respondents × 60 answers (1..5) plus an id column, read
/// cell by cell with ExcelDataReader and with MiniExcel, and written with SpreadCheetah and with MiniExcel. Reading counts
/// the answers so that no reader can skip cells. The file is written once in the setup (SpreadCheetah) into a temporary
/// folder of our own.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 3)]
public class XlsxBenchmarks
{
    private const int Rows = 100_000;
    private const int Items = 60;
    private string _folder = null!;
    private string _workbook = null!;

    [GlobalSetup]
    public void Setup()
    {
        System.Text.Encoding.RegisterProvider(System.Text.CodePagesEncodingProvider.Instance);
        _folder = Directory.CreateTempSubdirectory("assess-xlsx-bench-").FullName;
        _workbook = Path.Combine(_folder, "in.xlsx");
        using var file = File.Create(_workbook);
        WriteSpreadCheetah(file);
    }

    [GlobalCleanup]
    public void Cleanup() => Directory.Delete(_folder, recursive: true);

    [Benchmark]
    public long ReadExcelDataReader()
    {
        long sum = 0;
        using var stream = File.OpenRead(_workbook);
        using var reader = ExcelReaderFactory.CreateReader(stream);
        while (reader.Read())
        {
            for (var c = 1; c < reader.FieldCount; c++)
            {
                if (reader.GetValue(c) is double d)
                {
                    sum += (long)d;
                }
            }
        }

        return sum;
    }

    [Benchmark]
    public long ReadMiniExcel()
    {
        long sum = 0;
        foreach (IDictionary<string, object?> row in MiniExcel.Query(_workbook, useHeaderRow: false))
        {
            foreach (var cell in row)
            {
                if (cell.Value is double d)
                {
                    sum += (long)d;
                }
            }
        }

        return sum;
    }

    [Benchmark]
    public long WriteSpreadCheetah()
    {
        using var output = new CountingStream();
        WriteSpreadCheetah(output);
        return output.Length;
    }

    [Benchmark]
    public long WriteMiniExcel()
    {
        using var output = new CountingStream();
        output.SaveAs(Rows_(), printHeader: false);
        return output.Length;

        static IEnumerable<Dictionary<string, object>> Rows_()
        {
            var random = new Random(42);
            for (var r = 0; r < Rows; r++)
            {
                var row = new Dictionary<string, object>(Items + 1) { ["id"] = $"p{r}" };
                for (var i = 1; i <= Items; i++)
                {
                    row[$"I{i:00}"] = random.Next(1, 6);
                }

                yield return row;
            }
        }
    }

    private static void WriteSpreadCheetah(Stream output)
    {
        using var sheet = Spreadsheet.CreateNewAsync(output).AsTask().GetAwaiter().GetResult();
        sheet.StartWorksheetAsync("responses").AsTask().GetAwaiter().GetResult();
        var row = new Cell[Items + 1];
        row[0] = new Cell("id");
        for (var i = 1; i <= Items; i++)
        {
            row[i] = new Cell($"I{i:00}");
        }

        sheet.AddRowAsync(row).AsTask().GetAwaiter().GetResult();
        var random = new Random(42);
        for (var r = 0; r < Rows; r++)
        {
            row[0] = new Cell($"p{r}");
            for (var i = 1; i <= Items; i++)
            {
                row[i] = new Cell(random.Next(1, 6));
            }

            var pending = sheet.AddRowAsync(row);
            if (!pending.IsCompletedSuccessfully)
            {
                pending.AsTask().GetAwaiter().GetResult();
            }
        }

        sheet.FinishAsync().AsTask().GetAwaiter().GetResult();
    }

    /// <summary>A write-only stream that keeps nothing: the writer's own cost, without the memory of the file.</summary>
    private sealed class CountingStream : Stream
    {
        private long _length;

        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => _length;

        public override long Position { get => _length; set => throw new NotSupportedException(); }

        public override void Flush()
        {
        }

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => _length += count;

        public override void Write(ReadOnlySpan<byte> buffer) => _length += buffer.Length;
    }
}
