namespace Assessments.Data.Fast;

/// <summary>
/// Keeps the bytes the fast reader reads while it decides whether it can take a file, so that when it cannot, the general
/// reader gets them back (<see cref="Rewind"/>) instead of reopening the path — which for a pipe would lose them.
/// </summary>
internal sealed class HeadRecordingStream(Stream inner) : ReadOnlyStream
{
    private MemoryStream? _recorded = new();
    private byte[] _replay = [];
    private int _replayed;

    /// <summary>The fast reader took the file: forget the head, pass bytes straight through.</summary>
    public void StopRecording() => _recorded = null;

    /// <summary>The fast reader declined: read the recorded head again, then the rest of the file.</summary>
    public void Rewind()
    {
        _replay = _recorded?.ToArray() ?? [];
        _replayed = 0;
        _recorded = null;
    }

    public override int Read(Span<byte> buffer)
    {
        // The buffer is filled as the guard fills it, so Sep is handed the same pieces whichever way the file came.
        var replayed = 0;
        if (_replayed < _replay.Length)
        {
            replayed = Math.Min(buffer.Length, _replay.Length - _replayed);
            _replay.AsSpan(_replayed, replayed).CopyTo(buffer);
            _replayed += replayed;
            if (replayed == buffer.Length)
            {
                return replayed;
            }
        }

        var read = inner.Read(buffer[replayed..]);
        _recorded?.Write(buffer.Slice(replayed, read));
        return replayed + read;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
            _recorded?.Dispose();
        }

        base.Dispose(disposing);
    }
}
