using System.Globalization;

namespace Assessments.Matching.Internals;

/// <summary>
/// Bounds on what a catalog loader reads (PROJECT CHOICE: far above O*NET's ~1,000 occupations and ROME's ~1,600 fiches,
/// whose largest file we read is under 3 MB), so that a wrong or hostile file gives a problem instead of exhausting memory.
/// </summary>
internal static class CatalogLimits
{
    /// <summary>The largest catalog file read: 64 MiB.</summary>
    public const long MaxFileBytes = 64L * 1024 * 1024;

    /// <summary>The longest record (a line, or lines joined by a quoted field): 1 MiB characters.</summary>
    public const int MaxRecordChars = 1024 * 1024;

    /// <summary>The most occupations in one catalog.</summary>
    public const int MaxOccupations = 100_000;

    /// <summary>Throws when the file is larger than <see cref="MaxFileBytes"/>.</summary>
    public static void CheckFileSize(string path, long length)
    {
        if (length > MaxFileBytes)
        {
            throw new CatalogLoadException([new CatalogProblem(path, 0, string.Create(CultureInfo.InvariantCulture,
                $"The file has {length:N0} bytes; catalog files may have at most {MaxFileBytes:N0} (64 MiB)."))]);
        }
    }

    /// <summary>Whether a record of <paramref name="length"/> characters is over <see cref="MaxRecordChars"/>.</summary>
    public static bool IsRecordTooLong(long length) => length > MaxRecordChars;

    /// <summary>The problem for a record over <see cref="MaxRecordChars"/>, with its real length.</summary>
    /// <param name="path">The file.</param>
    /// <param name="line">The line the record starts on.</param>
    /// <param name="length">The record's length in characters (its lines and the line breaks between them).</param>
    /// <param name="unclosed">Whether a quoted field in it runs to the end of the file.</param>
    public static CatalogLoadException RecordTooLong(string path, int line, long length, bool unclosed) =>
        new([new CatalogProblem(path, line, string.Create(CultureInfo.InvariantCulture,
            $"The record that starts on this line has {length:N0} characters; catalog records may have at most {MaxRecordChars:N0}.{(unclosed ? " A quoted field opened in it is never closed." : "")}"))]);

    /// <summary>Throws when a catalog would hold more than <see cref="MaxOccupations"/> occupations.</summary>
    public static void CheckOccupations(string source, int count)
    {
        if (count > MaxOccupations)
        {
            throw new CatalogLoadException([new CatalogProblem(source, 0, string.Create(CultureInfo.InvariantCulture,
                $"The catalog has {count:N0} occupations; a catalog may have at most {MaxOccupations:N0}."))]);
        }
    }
}
