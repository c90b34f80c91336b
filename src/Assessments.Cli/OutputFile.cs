using System.Text;

namespace Assessments.Cli;

/// <summary>
/// An output written under a temporary name and moved to its final name only by <see cref="Commit"/>, so a failed or
/// cancelled run never leaves a half-written file that looks complete. Without a path it writes to standard output.
/// </summary>
internal sealed class OutputFile : IDisposable
{
    // Temporary files of outputs not yet committed: an interrupted run (Ctrl+C, SIGTERM) deletes them on its way out.
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, byte> Unfinished = new(StringComparer.Ordinal);

    private readonly string? _path;
    private readonly string? _temp;
    private readonly StreamWriter? _file;
    private bool _committed;

    private OutputFile(string? path, TextWriter writer, string? temp, StreamWriter? file)
    {
        _path = path;
        Writer = writer;
        _temp = temp;
        _file = file;
    }

    public TextWriter Writer { get; }

    public static OutputFile Open(string? path, TextWriter stdout)
    {
        if (path is null or "-")
        {
            return new OutputFile(null, stdout, null, null);
        }

        var full = Path.GetFullPath(path);
        var temp = Path.Combine(Path.GetDirectoryName(full)!, "." + Path.GetFileName(full) + ".partial");
        try
        {
            var file = new StreamWriter(temp, false, new UTF8Encoding(false), 1 << 16) { NewLine = "\n" };
            Unfinished[temp] = 0;
            return new OutputFile(full, file, temp, file);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new InputException($"{path}: cannot be written: {ex.Message}");
        }
    }

    public void Commit()
    {
        if (_file is null)
        {
            Writer.Flush();
            return;
        }

        _file.Dispose();
        File.Move(_temp!, _path!, overwrite: true);
        Unfinished.TryRemove(_temp!, out _);
        _committed = true;
    }

    /// <summary>Deletes the temporary file of every output not committed (the process is being interrupted).</summary>
    public static void DeleteUnfinished()
    {
        foreach (var temp in Unfinished.Keys)
        {
            try
            {
                File.Delete(temp);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // best effort: the run is ending anyway, and the final name was never touched
            }
        }
    }

    public void Dispose()
    {
        if (_file is null || _committed)
        {
            return;
        }

        _file.Dispose();
        File.Delete(_temp!);
        Unfinished.TryRemove(_temp!, out _);
    }
}
