using System.Buffers;
using System.IO.Hashing;
using System.Text;

namespace Assessments.Cli.Reading;

/// <summary>
/// The respondent ids read so far, to find rows that repeat one. It keeps a 128-bit hash of each id (XxHash128 of its
/// UTF-8 bytes) in an open-addressing table — 32 bytes or less per row, whatever the ids' length — so two different ids
/// are taken for the same one with a probability below 2⁻⁸⁰ even for billions of rows. Both readers hash the id's bytes as
/// they are in the file (after CSV unquoting), so they find the same repeats. Rows are offered in input order.
/// </summary>
internal sealed class IdRegistry
{
    /// <summary>How many lines of repeating rows a warning names.</summary>
    public const int LinesShown = 5;

    private UInt128[] _slots = new UInt128[1 << 12];
    private int _count;

    /// <summary>Rows whose id an earlier row had.</summary>
    public long Repeats { get; private set; }

    /// <summary>The lines of the first <see cref="LinesShown"/> repeating rows.</summary>
    public List<long> FirstLines { get; } = [];

    /// <summary>The hash of an id's UTF-8 bytes (never 0: 0 marks an empty slot).</summary>
    public static UInt128 Hash(ReadOnlySpan<byte> utf8)
    {
        var hash = XxHash128.HashToUInt128(utf8);
        return hash == UInt128.Zero ? UInt128.One : hash;
    }

    /// <summary>The hash of an id given as text (its UTF-8 bytes, as the fast reader sees them in the file).</summary>
    public static UInt128 Hash(string id)
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
    public bool IsRepeat(UInt128 hash, long line)
    {
        var mask = _slots.Length - 1;
        var slot = (int)(unchecked((ulong)hash) & (ulong)mask);
        while (true)
        {
            var held = _slots[slot];
            if (held == UInt128.Zero)
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
                Repeats++;
                if (FirstLines.Count < LinesShown)
                {
                    FirstLines.Add(line);
                }

                return true;
            }

            slot = (slot + 1) & mask;
        }
    }

    private void Grow()
    {
        var old = _slots;
        _slots = new UInt128[old.Length * 2];
        var mask = _slots.Length - 1;
        foreach (var hash in old)
        {
            if (hash == UInt128.Zero)
            {
                continue;
            }

            var slot = (int)(unchecked((ulong)hash) & (ulong)mask);
            while (_slots[slot] != UInt128.Zero)
            {
                slot = (slot + 1) & mask;
            }

            _slots[slot] = hash;
        }
    }
}
