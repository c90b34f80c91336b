using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace Assessments.Cli.Tests;

/// <summary>
/// No output path destroys what is there: regular files are replaced atomically (permissions kept), symbolic links stay
/// links, FIFOs and character devices are written in place, folders and block devices are refused, an output that is an
/// input (by any path, link or hard link) or two outputs that are one file are refused before any work, a planted link
/// at a temporary name is never followed, and a full disk ends the run with one line, exit 4 and the previous output
/// intact. Every FIFO, device node, link and small file system is made here, in a temporary folder: no test touches the
/// machine's /dev nodes. Device nodes and the file system need root, as CI runs.
/// </summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class OutputSafetyTests : IDisposable
{
    private const string Csv = "id,I1,I2,I3\np1,1,2,3\np2,5,4,3\n";
    private const string Scores = "id,s\np1,2.6666666666666665\np2,3.3333333333333335\n"; // (1 + 4 + 3)/3, (5 + 2 + 3)/3

    private readonly TempDirectory _temp = new();
    private readonly string _instrument;
    private readonly string _responses;

    public OutputSafetyTests()
    {
        _instrument = _temp.Write("t.json", Assessments.Testing.ThreeItemLikert.Json);
        _responses = _temp.Write("in.csv", Csv);
    }

    public void Dispose() => _temp.Dispose();

    private CliResult Score(params string[] extra) =>
        AssessRunner.Run(["score", "--instrument", _instrument, "--responses", _responses, "--separator", ",", .. extra]);

    [Fact]
    public void ARegularFileIsReplacedWholeWithItsPermissions()
    {
        var output = _temp.Write("scores.csv", "previous\n");
        File.SetUnixFileMode(output, UnixFileMode.UserRead | UnixFileMode.UserWrite);

        var result = Score("--out", output);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(Scores, File.ReadAllText(output));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(output));
        Assert.Empty(Directory.GetFiles(_temp.FullName, "*.partial"));
    }

    [Fact]
    public void ASymbolicLinkStaysALinkAndItsTargetIsReplaced()
    {
        Directory.CreateDirectory(_temp.PathOf("elsewhere"));
        var target = _temp.Write(Path.Combine("elsewhere", "real.csv"), "previous\n");
        var link = _temp.PathOf("scores.csv");
        File.CreateSymbolicLink(link, Path.Combine("elsewhere", "real.csv")); // relative, as people make them

        var result = Score("--out", link);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(Path.Combine("elsewhere", "real.csv"), new FileInfo(link).LinkTarget);
        Assert.Equal(Scores, File.ReadAllText(target));
        Assert.Empty(Directory.GetFiles(_temp.PathOf("elsewhere"), "*.partial"));
    }

    [Fact]
    public async Task AFifoIsWrittenInPlace()
    {
        var fifo = _temp.PathOf("pipe");
        Run("mkfifo", fifo);
        var reader = Task.Run(() => File.ReadAllText(fifo));

        var result = Score("--out", fifo);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(Scores, await reader.WaitAsync(TimeSpan.FromSeconds(30)));
        Assert.Equal("fifo", Run("stat", "-c", "%F", fifo).Trim()); // still a pipe, not a plain file
    }

    [Fact]
    public void ACharacterDeviceIsWrittenInPlaceAndMayTakeBothOutputs()
    {
        // A node of our own for the null device (major 1, minor 3), in the temporary folder.
        var device = _temp.PathOf("null");
        Run("mknod", device, "c", "1", "3");

        var result = Score("--out", device, "--rejects", device);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("character special file", Run("stat", "-c", "%F", device).Trim());
    }

    [Fact]
    public void AFolderOrABlockDeviceIsRefusedAndAnEmptyPathIsAUsageError()
    {
        var folder = _temp.PathOf("folder");
        Directory.CreateDirectory(folder);
        var asFolder = Score("--out", folder);
        Assert.Equal(4, asFolder.ExitCode);
        Assert.Equal($"error: {folder}: is a folder; give a file name for the output.\n", asFolder.Stderr);

        var block = _temp.PathOf("disk");
        Run("mknod", block, "b", "7", "200"); // a loop device number; nothing is ever opened on it
        var asBlock = Score("--out", block);
        Assert.Equal(4, asBlock.ExitCode);
        Assert.Equal($"error: {block}: is a block device (a disk); assess does not write onto disks.\n", asBlock.Stderr);
        Assert.Equal("block special file", Run("stat", "-c", "%F", block).Trim());

        var empty = Score("--out", "");
        Assert.Equal(2, empty.ExitCode);
        Assert.Equal("error: --out needs a value; found an empty one. See 'assess score --help'.\n", empty.Stderr);
    }

    [Fact]
    public void AnOutputThatIsAnInputIsRefusedByAnyPathBeforeAnyWork()
    {
        var hardLink = _temp.PathOf("hard.csv");
        Run("ln", _responses, hardLink);
        var symbolic = _temp.PathOf("soft.csv");
        File.CreateSymbolicLink(symbolic, _responses);
        var dotted = Path.Combine(_temp.FullName, ".", "in.csv");
        foreach (var (option, path) in new[] { ("--out", _responses), ("--out", hardLink), ("--rejects", symbolic), ("--out", dotted) })
        {
            var result = Score(option, path);
            Assert.Equal(4, result.ExitCode);
            Assert.Equal($"error: {path}: {option} is the same file as --responses ({_responses}); writing it would destroy the input. Choose another file for {option}.\n", result.Stderr);
            Assert.Equal(Csv, File.ReadAllText(_responses));
        }

        var instrument = Score("--out", _instrument);
        Assert.Equal(4, instrument.ExitCode);
        Assert.Contains("--out is the same file as --instrument", instrument.Stderr, StringComparison.Ordinal);
        Assert.Equal(Assessments.Testing.ThreeItemLikert.Json, File.ReadAllText(_instrument));
    }

    [Fact]
    public void TwoOutputsThatAreOneFileAreRefused()
    {
        var existing = _temp.Write("both.csv", "previous\n");
        var same = Score("--out", existing, "--rejects", existing);
        Assert.Equal(4, same.ExitCode);
        Assert.Equal($"error: {existing}: --rejects is the same file as --out ({existing}); two outputs cannot share a file.\n", same.Stderr);
        Assert.Equal("previous\n", File.ReadAllText(existing));

        // Not there yet, named two ways: still one file.
        var fresh = _temp.PathOf("new.csv");
        var twice = Score("--out", fresh, "--rejects", Path.Combine(_temp.FullName, "..", Path.GetFileName(_temp.FullName), "new.csv"));
        Assert.Equal(4, twice.ExitCode);
        Assert.False(File.Exists(fresh));
    }

    [Fact]
    public void ALinkPlantedAtATemporaryNameIsNeverFollowed()
    {
        // Before, the temporary file had a fixed name opened through links: a link planted there overwrote its target.
        var victim = _temp.Write("victim.txt", "keep me\n");
        var output = _temp.Write("scores.csv", "previous\n");
        File.CreateSymbolicLink(_temp.PathOf(".scores.csv.partial"), victim);

        var result = Score("--out", output);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("keep me\n", File.ReadAllText(victim));
        Assert.Equal(Scores, File.ReadAllText(output));
        Assert.Equal([".scores.csv.partial"], Directory.GetFileSystemEntries(_temp.FullName, "*.partial").Select(Path.GetFileName));
    }

    [Fact]
    public async Task RunsSharingAnOutputEachCommitAWholeFile()
    {
        // Each run writes its own temporary file; the output is always one run's whole result, never a mix.
        var other = _temp.Write("other.csv", "id,I1,I2,I3\nq1,5,5,5\n");
        var output = _temp.PathOf("shared.csv");
        var runs = Enumerable.Range(0, 8).Select(i => Task.Run(() => AssessRunner.Run("score", "--instrument", _instrument,
            "--responses", i % 2 == 0 ? _responses : other, "--separator", ",", "--out", output))).ToArray();
        var results = await Task.WhenAll(runs);
        Assert.All(results, r => Assert.Equal(0, r.ExitCode));
        Assert.Contains(File.ReadAllText(output), new[] { Scores, "id,s\nq1,3.6666666666666665\n" }); // (5 + 1 + 5)/3
        Assert.Empty(Directory.GetFiles(_temp.FullName, "*.partial"));
    }

    [Fact]
    public void AFullDiskEndsTheRunWithOneLineAndThePreviousOutputsIntact()
    {
        var input = _temp.PathOf("big.csv");
        Assert.Equal(0, AssessRunner.Run("generate", "--instrument", _instrument, "--rows", "20000", "--missing", "0.3", "--out", input).ExitCode);
        var small = _temp.PathOf("small");
        Directory.CreateDirectory(small);
        Run("mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", small);
        try
        {
            // The scores do not fit: the run stops with exit 4, the previous file stays, no temporary file is left.
            var output = Path.Combine(small, "scores.csv");
            File.WriteAllText(output, "previous\n");
            var full = AssessRunner.Run("score", "--instrument", _instrument, "--responses", input, "--out", output);
            Assert.Equal(4, full.ExitCode);
            Assert.Equal($"error: {output}: cannot be written: No space left on device. The previous file at that path, if any, is unchanged.",
                AssessRunner.Lines(full.Stderr)[^1]);
            Assert.Equal("previous\n", File.ReadAllText(output));
            Assert.Equal(["scores.csv"], Directory.GetFileSystemEntries(small).Select(Path.GetFileName));

            // The rejects do not fit: the scores, which would fit elsewhere, are not committed either.
            var scores = _temp.Write("scores.csv", "previous scores\n");
            var rejects = Path.Combine(small, "rejects.csv");
            var noRejects = AssessRunner.Run("score", "--instrument", _instrument, "--responses", BadRows(20000), "--out", scores, "--rejects", rejects);
            Assert.Equal(4, noRejects.ExitCode);
            Assert.Single(AssessRunner.Lines(noRejects.Stderr), l => l.StartsWith("error: ", StringComparison.Ordinal));
            Assert.Equal("previous scores\n", File.ReadAllText(scores));
            Assert.False(File.Exists(rejects));
            Assert.Empty(Directory.GetFiles(_temp.FullName, "*.partial"));
        }
        finally
        {
            Run("umount", small);
        }
    }

    private string BadRows(int rows)
    {
        var text = new StringBuilder("id,I1,I2,I3\n");
        for (var r = 0; r < rows; r++)
        {
            text.Append(CultureInfo.InvariantCulture, $"p{r},{(r % 2 == 0 ? "9" : "1")},2,3\n"); // half of them out of range
        }

        return _temp.Write("bad.csv", text.ToString());
    }

    /// <summary>Runs a system tool on the test's own files; fails the test with its stderr when it fails.</summary>
    private static string Run(string tool, params string[] args)
    {
        var start = new ProcessStartInfo(tool) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in args)
        {
            start.ArgumentList.Add(a);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"{tool} {string.Join(' ', args)} failed (this test needs root, as CI runs): {error}");
        return output;
    }
}
