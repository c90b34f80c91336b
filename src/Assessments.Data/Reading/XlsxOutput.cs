using System.Globalization;
using System.IO.Compression;
using nietras.SeparatedValues;
using SpreadCheetah;

namespace Assessments.Data;

/// <summary>
/// <c>--out FILE.xlsx</c>: the run's results as a workbook that opens in Excel with numbers as numbers, whatever the
/// reader's locale. The run writes its scores and rejects as CSV into a private temporary folder (so memory stays flat);
/// this class then streams them, row by row, into three sheets with SpreadCheetah: <c>scores</c> (the id and every text
/// column as string cells, every number as a number cell), <c>rejects</c> (row and line as numbers) and <c>run</c> (the
/// instrument's id, version and fingerprint, the file read and the counts). Text is always a string cell — never a
/// formula, and without the apostrophe the CSV output puts before text that starts like one. The zip entries get a fixed
/// date, so the same run gives the same bytes (PROJECT CHOICE: 2000-01-01).
/// </summary>
internal static class XlsxOutput
{
    private static readonly System.Buffers.SearchValues<char> NumberChars = System.Buffers.SearchValues.Create("0123456789.-+eE");

    private static readonly DateTimeOffset EntryDate = new(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>Writes the workbook to <paramref name="target"/>.</summary>
    /// <param name="target">Where the workbook goes.</param>
    /// <param name="scoresCsv">The scores the run wrote (CSV, comma, first row the header).</param>
    /// <param name="rejectsCsv">The rejects the run wrote (CSV with its header).</param>
    /// <param name="separator">The CSV files' separator (that of the input).</param>
    /// <param name="run">The run sheet's rows: a name and a value (a number or a text).</param>
    /// <param name="scratch">A private folder for the workbook before its dates are fixed.</param>
    public static void Write(Stream target, string scoresCsv, string rejectsCsv, char separator, IReadOnlyList<(string Name, object Value)> run, string scratch)
    {
        var book = Path.Combine(scratch, "book.xlsx");
        using (var file = new FileStream(book, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16))
        {
            var sheet = Spreadsheet.CreateNewAsync(file, new SpreadCheetahOptions { DocumentProperties = null, CompressionLevel = SpreadCheetahCompressionLevel.Fastest }).AsTask().GetAwaiter().GetResult();
            using (sheet)
            {
                Sheet(sheet, "scores", scoresCsv, separator, c => c > 0);
                Sheet(sheet, "rejects", rejectsCsv, separator, c => c <= 1);
                Wait(sheet.StartWorksheetAsync("run"));
                Wait(sheet.AddRowAsync([new Cell("field"), new Cell("value")]));
                foreach (var (name, value) in run)
                {
                    Wait(sheet.AddRowAsync([new Cell(name), value switch
                    {
                        long n => new Cell(n),
                        int n => new Cell(n),
                        double d => new Cell(d),
                        _ => new Cell(value.ToString()),
                    }]));
                }

                Wait(sheet.FinishAsync());
            }
        }

        using var source = ZipFile.OpenRead(book);
        using var zip = new ZipArchive(target, ZipArchiveMode.Create, leaveOpen: true);
        foreach (var entry in source.Entries)
        {
            var copy = zip.CreateEntry(entry.FullName, CompressionLevel.Optimal);
            copy.LastWriteTime = EntryDate;
            using var from = entry.Open();
            using var to = copy.Open();
            from.CopyTo(to);
        }
    }

    /// <summary>One sheet from a CSV file: header cells as strings, then each cell as a number where <paramref name="numeric"/> allows and it is one.</summary>
    private static void Sheet(Spreadsheet book, string name, string csv, char separator, Func<int, bool> numeric)
    {
        Wait(book.StartWorksheetAsync(name));
        using var reader = Sep.New(separator).Reader(o => o with { HasHeader = false, Unescape = true, DisableColCountCheck = true }).FromFile(csv);
        var cells = new List<Cell>();
        long row = 0;
        foreach (var record in reader)
        {
            cells.Clear();
            for (var c = 0; c < record.ColCount; c++)
            {
                var text = record[c].Span;
                if (text.IsEmpty)
                {
                    cells.Add(default);
                }
                else if (row > 0 && numeric(c) && IsPlainNumber(text) && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
                {
                    cells.Add(new Cell(number));
                }
                else
                {
                    cells.Add(new Cell(text.ToString()));
                }
            }

            Wait(book.AddRowAsync(cells));
            row++;
        }
    }

    /// <summary>Copies a CSV the run wrote without the formula guard to <paramref name="output"/>, with it (<c>--rejects</c> beside a workbook).</summary>
    public static void CopyCsv(string csv, char separator, TextWriter output)
    {
        using var reader = Sep.New(separator).Reader(o => o with { HasHeader = false, Unescape = true, DisableColCountCheck = true }).FromFile(csv);
        foreach (var record in reader)
        {
            for (var c = 0; c < record.ColCount; c++)
            {
                if (c > 0)
                {
                    output.Write(separator);
                }

                output.Write(CsvText.Escape(record[c].ToString(), separator));
            }

            output.WriteLine();
        }
    }

    /// <summary>Digits with an optional sign, point and exponent: what the CSV output writes for a number (not NaN, not ∞).</summary>
    private static bool IsPlainNumber(ReadOnlySpan<char> text) =>
        text.IndexOfAnyExcept(NumberChars) < 0 && text.IndexOfAnyInRange('0', '9') >= 0;

    private static void Wait(ValueTask pending)
    {
        if (!pending.IsCompletedSuccessfully)
        {
            pending.AsTask().GetAwaiter().GetResult();
        }
    }
}
