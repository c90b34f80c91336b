using System.Runtime.InteropServices;

namespace Assessments.Cli;

/// <summary>What kind of file a path is (after following symbolic links).</summary>
internal enum FileKind
{
    Regular,
    Directory,
    CharacterDevice,
    BlockDevice,
    Fifo,
    Socket,
    Other,
}

/// <summary>
/// A file's identity — its device and inode numbers, as <c>stat(2)</c> gives them after following symbolic links — and its
/// kind. Two paths name the same file exactly when their identities are equal, whatever links, <c>..</c> or hard links lie
/// between them. Read through libc on Linux (x64, arm64) and macOS (arm64); elsewhere <see cref="Of"/> falls back to the
/// full path with links resolved, which misses hard links only.
/// </summary>
internal readonly partial record struct FileIdentity(ulong Device, ulong Inode, FileKind Kind, string? FullPath)
{
    /// <summary>The identity of the file at <paramref name="path"/>, or null when nothing is there.</summary>
    public static FileIdentity? Of(string path)
    {
        if (TryStat(path) is { } stat)
        {
            return stat;
        }

        if (Directory.Exists(path))
        {
            return new FileIdentity(0, 0, FileKind.Directory, Resolve(path));
        }

        return File.Exists(path) ? new FileIdentity(0, 0, FileKind.Regular, Resolve(path)) : null;
    }

    /// <summary>
    /// The key under which an output is compared with other paths: its identity when it exists; for a file yet to be
    /// created, its folder's identity and its name (two outputs that would create the same new file are the same file).
    /// </summary>
    public static (FileIdentity Where, string Name)? KeyOf(string path)
    {
        if (Of(path) is { } existing)
        {
            return (existing, "");
        }

        var full = Path.GetFullPath(path);
        var folder = Path.GetDirectoryName(full);
        return folder is not null && Of(folder) is { } parent ? (parent, Path.GetFileName(full)) : null;
    }

    private static string Resolve(string path)
    {
        var full = Path.GetFullPath(path);
        try
        {
            return File.ResolveLinkTarget(full, returnFinalTarget: true)?.FullName ?? full;
        }
        catch (IOException)
        {
            return full;
        }
    }

    private static FileIdentity? TryStat(string path)
    {
        var linux = OperatingSystem.IsLinux();
        var mac = OperatingSystem.IsMacOS() && RuntimeInformation.ProcessArchitecture == Architecture.Arm64;
        if (!linux && !mac)
        {
            return null;
        }

        var buffer = new byte[256];
        try
        {
            if (Stat(path, buffer) != 0)
            {
                return null;
            }
        }
        catch (Exception ex) when (ex is EntryPointNotFoundException or DllNotFoundException)
        {
            return null; // an older libc without the plain `stat` symbol: compare paths instead
        }

        ulong device, inode;
        uint mode;
        if (linux)
        {
            device = BitConverter.ToUInt64(buffer, 0);
            inode = BitConverter.ToUInt64(buffer, 8);
            mode = RuntimeInformation.ProcessArchitecture == Architecture.X64 ? BitConverter.ToUInt32(buffer, 24) : BitConverter.ToUInt32(buffer, 16);
        }
        else
        {
            device = BitConverter.ToUInt32(buffer, 0);
            mode = BitConverter.ToUInt16(buffer, 4);
            inode = BitConverter.ToUInt64(buffer, 8);
        }

        var kind = (mode & 0xF000) switch
        {
            0x8000 => FileKind.Regular,
            0x4000 => FileKind.Directory,
            0x2000 => FileKind.CharacterDevice,
            0x6000 => FileKind.BlockDevice,
            0x1000 => FileKind.Fifo,
            0xC000 => FileKind.Socket,
            _ => FileKind.Other,
        };
        return new FileIdentity(device, inode, kind, null);
    }

    [LibraryImport("libc", EntryPoint = "stat", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Stat(string path, [Out] byte[] buffer);
}
