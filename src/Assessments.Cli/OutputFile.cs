using System.Security.Cryptography;
using System.Text;

namespace Assessments.Cli;

/// <summary>
/// An output of <c>assess</c> that never destroys what is at its path:
/// <list type="bullet">
/// <item>a regular file (or a new one) is written under a temporary name — created new and exclusive, unique to the run, in
/// the folder of the resolved target — and moved over the target only by <see cref="Commit"/>; a failed, cancelled or
/// interrupted run removes the temporary file and leaves the previous file as it was;</item>
/// <item>a symbolic link stays a link: the file it points to is the one replaced;</item>
/// <item>a character device (a terminal, <c>/dev/null</c>), a FIFO or a socket is written in place, never replaced;</item>
/// <item>a folder or a block device is refused;</item>
/// <item>without a path (or with <c>-</c>) the output is standard output.</item>
/// </list>
/// Every failure to write (a full disk, a permission, a folder gone) becomes an <see cref="InputFileException"/> naming the
/// output, so the run ends with one line and exit code 4.
/// </summary>
internal sealed class OutputFile : IDisposable
{
    // Temporary files of outputs not yet committed: an interrupted run (Ctrl+C, SIGTERM) deletes them on its way out.
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, byte> Unfinished = new(StringComparer.Ordinal);

    private readonly string? _shown;
    private readonly string? _target;
    private readonly string? _temp;
    private readonly StreamWriter? _file;
    private bool _committed;

    private OutputFile(string? shown, TextWriter writer, string? target, string? temp, StreamWriter? file)
    {
        _shown = shown;
        Writer = writer;
        _target = target;
        _temp = temp;
        _file = file;
    }

    public TextWriter Writer { get; }

    /// <summary>Whether the output goes to a file that is replaced on commit (not standard output, not a device or FIFO).</summary>
    public bool Replaces => _temp is not null;

    /// <exception cref="InputFileException">The path is a folder or a block device, its folder is missing, or it cannot be written.</exception>
    public static OutputFile Open(string? path, TextWriter stdout)
    {
        if (path is null or "-")
        {
            return new OutputFile(null, stdout, null, null, null);
        }

        try
        {
            var target = ResolveTarget(path);
            var kind = FileIdentity.Of(target)?.Kind;
            switch (kind)
            {
                case FileKind.Directory:
                    throw new InputFileException($"{path}: is a folder; give a file name for the output.");
                case FileKind.BlockDevice:
                    throw new InputFileException($"{path}: is a block device (a disk); assess does not write onto disks.");
                case FileKind.CharacterDevice or FileKind.Fifo or FileKind.Socket or FileKind.Other:
                {
                    // Written in place: replacing a device or a FIFO with a plain file would break whatever relies on it.
                    var stream = new FileStream(target, FileMode.Open, FileAccess.Write, FileShare.ReadWrite, 1, FileOptions.None);
                    var writer = new StreamWriter(new GuardedStream(stream, path), new UTF8Encoding(false), 1 << 16) { NewLine = "\n" };
                    return new OutputFile(path, writer, null, null, writer);
                }
            }

            var folder = Path.GetDirectoryName(target)!;
            if (!Directory.Exists(folder))
            {
                throw new InputFileException($"{path}: cannot be written: the folder {folder} does not exist.");
            }

            var (temp, file) = CreateTemporary(folder, Path.GetFileName(target));
            Unfinished[temp] = 0;
            var output = new StreamWriter(new GuardedStream(file, path), new UTF8Encoding(false), 1 << 16) { NewLine = "\n" };
            return new OutputFile(path, output, target, temp, output);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new InputFileException($"{path}: cannot be written: {Reason(ex)}.");
        }
    }

    /// <summary>
    /// The file an output path finally names: itself, or for a symbolic link (or a chain of them) the file it points to,
    /// so that the link stays a link. A relative link target is taken from the link's folder.
    /// </summary>
    private static string ResolveTarget(string path)
    {
        var full = Path.GetFullPath(path);
        for (var hops = 0; hops < 40; hops++)
        {
            var info = new FileInfo(full);
            if (info.LinkTarget is not { } link)
            {
                return full;
            }

            full = Path.GetFullPath(link, Path.GetDirectoryName(full)!);
        }

        throw new InputFileException($"{path}: too many levels of symbolic links.");
    }

    /// <summary>A new file beside the target, under a name no other run uses, opened exclusively (never through an existing path).</summary>
    private static (string Path, FileStream Stream) CreateTemporary(string folder, string name)
    {
        for (var attempt = 0; ; attempt++)
        {
            var temp = Path.Combine(folder, $".{name}.{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6))}.partial");
            try
            {
                // CreateNew is O_CREAT|O_EXCL: it fails on anything already there, a planted symbolic link included.
                return (temp, new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1, FileOptions.None));
            }
            catch (IOException) when (attempt < 5 && File.Exists(temp))
            {
                // another file took that name: draw again
            }
        }
    }

    /// <summary>
    /// Refuses, before any work, an output that is one of the inputs or the same file as another output — compared by file
    /// identity (device and inode, after following links), so <c>./a.csv</c>, a link to it and a hard link all count.
    /// Character devices are exempt (<c>--out /dev/null --rejects /dev/null</c> is fine), and so are folders (a catalog
    /// folder is read, never written).
    /// </summary>
    /// <exception cref="InputFileException">Two of the paths name the same file.</exception>
    public static void CheckDistinct(IEnumerable<(string Option, string? Path)> inputs, IEnumerable<(string Option, string? Path)> outputs)
    {
        var seen = new List<(string Option, string Path, bool Input, (FileIdentity Where, string Name) Key)>();
        foreach (var (option, path) in inputs)
        {
            if (path is null || FileIdentity.KeyOf(path) is not { } key
                || (key.Name.Length == 0 && key.Where.Kind is FileKind.CharacterDevice or FileKind.Directory))
            {
                continue;
            }

            seen.Add((option, path, true, key));
        }

        foreach (var (option, path) in outputs)
        {
            if (path is null or "-" || FileIdentity.KeyOf(path) is not { } key || (key.Name.Length == 0 && key.Where.Kind == FileKind.CharacterDevice))
            {
                continue;
            }

            if (seen.FirstOrDefault(s => s.Key == key) is { Path: not null } same)
            {
                throw new InputFileException(same.Input
                    ? $"{path}: {option} is the same file as {same.Option} ({same.Path}); writing it would destroy the input. Choose another file for {option}."
                    : $"{path}: {option} is the same file as {same.Option} ({same.Path}); two outputs cannot share a file.");
            }

            seen.Add((option, path, false, key));
        }
    }

    /// <summary>Finishes this output and moves it into place.</summary>
    public void Commit() => CommitAll(this);

    /// <summary>
    /// Finishes every output (flushes and closes it), then moves each into place. If any cannot be finished — the disk
    /// filled up while flushing the rejects, say — none is moved: scores are never committed without their rejects.
    /// </summary>
    public static void CommitAll(params OutputFile?[] outputs)
    {
        foreach (var output in outputs)
        {
            output?.Finish();
        }

        foreach (var output in outputs)
        {
            output?.Move();
        }
    }

    private void Finish()
    {
        if (_file is null)
        {
            Writer.Flush();
            return;
        }

        _file.Dispose(); // flushes: a full disk shows here, before anything is moved
    }

    private void Move()
    {
        if (_temp is null || _committed)
        {
            _committed = true;
            return;
        }

        try
        {
            if (File.Exists(_target) && !OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(_temp, File.GetUnixFileMode(_target!)); // the replaced file's permissions carry over
            }

            File.Move(_temp, _target!, overwrite: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new InputFileException($"{_shown}: cannot be written: {Reason(ex)}.");
        }

        Unfinished.TryRemove(_temp, out _);
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

        try
        {
            _file.Dispose();
        }
        catch (InputFileException)
        {
            // a full disk again while closing: the temporary file is removed below all the same
        }

        if (_temp is not null)
        {
            try
            {
                File.Delete(_temp);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // nothing more can be done; the target was never touched
            }

            Unfinished.TryRemove(_temp, out _);
        }
    }

    /// <summary>What went wrong, without the temporary file's name that .NET appends (<c>No space left on device : '…'</c>).</summary>
    private static string Reason(Exception ex) => ex.Message.Split(" : '", 2)[0].TrimEnd('.', ' ');

    /// <summary>A write-only stream that turns every I/O failure into an <see cref="InputFileException"/> naming the output.</summary>
    private sealed class GuardedStream(Stream inner, string shown) : Stream
    {
        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

        public override void Write(ReadOnlySpan<byte> buffer)
        {
            try
            {
                inner.Write(buffer);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                throw Failure(ex);
            }
        }

        public override void Flush()
        {
            try
            {
                inner.Flush();
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                throw Failure(ex);
            }
        }

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                try
                {
                    inner.Dispose();
                }
                catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
                {
                    throw Failure(ex);
                }
            }

            base.Dispose(disposing);
        }

        private InputFileException Failure(Exception ex) =>
            new($"{shown}: cannot be written: {Reason(ex)}. The previous file at that path, if any, is unchanged.", ex);
    }
}
