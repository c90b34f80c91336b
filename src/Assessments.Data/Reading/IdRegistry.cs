using System.Buffers;
using System.IO.Hashing;
using System.Text;

namespace Assessments.Data;

/// <summary>
/// The respondent ids read so far, to find rows that repeat one. To warn (<c>--duplicate-ids warn</c>) it keeps a 64-bit
/// hash of each id (XxHash3 of its UTF-8 bytes, as they are in the file after CSV unquoting, so both readers find the same
/// repeats) in an open-addressing table sized from the file's length: 16 bytes a row or less, whatever the ids' length.
/// Two different ids are taken for one with a probability of about n²/2⁶⁵ — 3·10⁻⁸ for a million rows (PROJECT CHOICE: a
/// warning, never a rejection, rests on it). To reject (<c>--duplicate-ids error</c>) it compares the ids themselves.
/// Rows are offered in input order.
/// </summary>
internal sealed class IdRegistry
{
    /// <summary>How many lines of repeating rows a warning names.</summary>
    public const int LinesShown = 5;

    private readonly HashSet<string>? _exact;
    private ulong[] _slots;
    private int _count;

    /// <param name="expectedRows">An estimate of the rows to come (the table starts at twice that, up to 2²⁶ slots).</param>
    /// <param name="exact">Compare the ids themselves (for rejecting), not their hashes.</param>
    public IdRegistry(long expectedRows, bool exact)
    {
        _exact = exact ? new HashSet<string>(StringComparer.Ordinal) : null;
        var size = 1 << 12;
        while (size < expectedRows * 2 && size < 1 << 26)
        {
            size <<= 1;
        }

        _slots = exact ? [] : new ulong[size];
    }

    /// <summary>Rows whose id an earlier row had.</summary>
    public long Repeats { get; private set; }

    /// <summary>The lines of the first <see cref="LinesShown"/> repeating rows.</summary>
    public List<long> FirstLines { get; } = [];

    /// <summary>The hash of an id's UTF-8 bytes (never 0: 0 marks an empty slot and a row without a usable id).</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    public static ulong Hash(ReadOnlySpan<byte> utf8) => XxHash3.HashToUInt64(utf8) | 1;

    /// <summary>The hash of an id given as text (its UTF-8 bytes, as the fast reader sees them in the file).</summary>
    public static ulong Hash(string id)
    {
        var max = Encoding.UTF8.GetMaxByteCount(id.Length);
        var rented = max > 512 ? ArrayPool<byte>.Shared.Rent(max) : null;
        Span<byte> buffer = rented ?? stackalloc byte[512];
        try
        {
            return Hash(buffer[..Encoding.UTF8.GetBytes(id, buffer)]);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }

    /// <summary>Records the id of the row on <paramref name="line"/>; true when an earlier row had it.</summary>
    public bool IsRepeat(string id, long line) => _exact is null ? IsRepeat(Hash(id), line) : Count(!_exact.Add(id), line);

    /// <summary>Records the hashed id of the row on <paramref name="line"/>; true when an earlier row had it.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    public bool IsRepeat(ulong hash, long line)
    {
        var mask = _slots.Length - 1;
        var slot = (int)((hash >> 32) & (ulong)mask);
        while (true)
        {
            var held = _slots[slot];
            if (held == 0)
            {
                _slots[slot] = hash;
                if (++_count * 2 > _slots.Length)
                {
                    Grow();
                }

                return false;
            }

            if (held == hash)
            {
                return Count(true, line);
            }

            slot = (slot + 1) & mask;
        }
    }

    /// <summary>
    /// Records the hashed ids of a chunk's rows in order (<c>0</c>: a row without a usable id, skipped), as
    /// <see cref="IsRepeat(ulong, long)"/> would one by one. The table is far larger than the caches, so each insertion
    /// misses them: the slot of the row a few places ahead is prefetched while the current row is inserted, which keeps
    /// several misses in flight instead of one.
    /// </summary>
    /// <param name="hashes">The rows' id hashes.</param>
    /// <param name="lineOf">Each row's line relative to <paramref name="firstLine"/>.</param>
    /// <param name="firstLine">The line the chunk's line numbers count from.</param>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    public unsafe void RecordAll(ReadOnlySpan<ulong> hashes, ReadOnlySpan<int> lineOf, long firstLine)
    {
        const int Ahead = 12;
        for (var r = 0; r < hashes.Length; r++)
        {
            if (System.Runtime.Intrinsics.X86.Sse.IsSupported && r + Ahead < hashes.Length)
            {
                var slot = (int)((hashes[r + Ahead] >> 32) & (ulong)(_slots.Length - 1));
                // A hint only: the address need not stay pinned.
                System.Runtime.Intrinsics.X86.Sse.Prefetch0(System.Runtime.CompilerServices.Unsafe.AsPointer(
                    ref System.Runtime.CompilerServices.Unsafe.Add(ref System.Runtime.InteropServices.MemoryMarshal.GetArrayDataReference(_slots), slot)));
            }

            if (hashes[r] != 0)
            {
                IsRepeat(hashes[r], firstLine + lineOf[r]);
            }
        }
    }

    private bool Count(bool repeat, long line)
    {
        if (repeat)
        {
            Repeats++;
            if (FirstLines.Count < LinesShown)
            {
                FirstLines.Add(line);
            }
        }

        return repeat;
    }

    private void Grow()
    {
        var old = _slots;
        _slots = new ulong[old.Length * 2];
        var mask = _slots.Length - 1;
        foreach (var hash in old)
        {
            if (hash == 0)
            {
                continue;
            }

            var slot = (int)((hash >> 32) & (ulong)mask);
            while (_slots[slot] != 0)
            {
                slot = (slot + 1) & mask;
            }

            _slots[slot] = hash;
        }
    }
}
