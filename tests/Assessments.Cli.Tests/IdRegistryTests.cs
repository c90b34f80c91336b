using Xunit;

namespace Assessments.Cli.Tests;

/// <summary>The registry behind <c>--duplicate-ids</c>: exact counts across table growth, in both ways of offering rows.</summary>
public sealed class IdRegistryTests
{
    [Fact]
    public void Counts_every_repeat_and_names_the_first_lines_while_the_table_grows()
    {
        // Sized for 10 rows (a 4,096-slot table), then offered 20,000 distinct ids ("p0"…"p19999") and, interleaved, a
        // repeat of "p7" at every 1,000th row from row 10,000 on: 10 repeats, first at line 10,000 + 2 (header, 1-based).
        var registry = new IdRegistry(expectedRows: 10, exact: false);
        var repeats = new List<long>();
        for (var r = 0; r < 20_000; r++)
        {
            var id = r >= 10_000 && r % 1_000 == 0 ? "p7" : "p" + r;
            if (registry.IsRepeat(id, r + 2))
            {
                repeats.Add(r + 2);
            }
        }

        Assert.Equal(10, registry.Repeats);
        Assert.Equal([10_002L, 11_002, 12_002, 13_002, 14_002], registry.FirstLines);
        Assert.Equal(10, repeats.Count);
    }

    [Fact]
    public void A_chunk_offered_at_once_finds_what_rows_one_by_one_find()
    {
        // 3 chunks of 4,000 rows; ids cycle over 9,000 values, so rows 9,000…11,999 repeat rows 0…2,999 — except row 9,005,
        // since row 5 has a zero hash (no usable id) and is skipped: 2,999 repeats, the first on chunk 3's line 1,000 (+ the
        // chunk's first line 8,001) = 9,001.
        var one = new IdRegistry(expectedRows: 100, exact: false);
        var chunked = new IdRegistry(expectedRows: 100, exact: false);
        for (var c = 0; c < 3; c++)
        {
            var hashes = new ulong[4_000];
            var lines = new int[4_000];
            for (var r = 0; r < hashes.Length; r++)
            {
                var row = c * 4_000 + r;
                hashes[r] = row == 5 ? 0 : IdRegistry.Hash("id-" + (row % 9_000));
                lines[r] = r;
                if (hashes[r] != 0)
                {
                    one.IsRepeat(hashes[r], c * 4_000 + 1 + r);
                }
            }

            chunked.RecordAll(hashes, lines, c * 4_000 + 1);
        }

        Assert.Equal(2_999, chunked.Repeats);
        Assert.Equal(one.Repeats, chunked.Repeats);
        Assert.Equal([9_001L, 9_002, 9_003, 9_004, 9_005], chunked.FirstLines);
        Assert.Equal(one.FirstLines, chunked.FirstLines);
    }

    [Fact]
    public void Error_mode_compares_the_ids_themselves()
    {
        var registry = new IdRegistry(expectedRows: 4, exact: true);
        Assert.False(registry.IsRepeat("a", 2));
        Assert.False(registry.IsRepeat("A", 3));
        Assert.True(registry.IsRepeat("a", 4));
        Assert.Equal(1, registry.Repeats);
        Assert.Equal([4L], registry.FirstLines);
    }
}
