using Distributed.Storage.Descriptions;

namespace Distributed.Storage.Tests.Descriptions;

/// <summary>Delete, stats, compaction.</summary>
public abstract partial class DescriptionStoreContract
{
    [SkippableFact]
    public async Task DeleteAsync_Keys_ReadAsAbsentUntilDescribedAgain()
    {
        using var store = NewStore();
        await store.AppendAsync(Records.Successes([1, 2, 3], Records.Start));

        await store.DeleteAsync([Records.Key(1), Records.Key(3)]);

        Assert.Equal([Records.Key(2)], await store.ExistsAsync([Records.Key(1), Records.Key(2), Records.Key(3)]));
        Assert.False((await store.GetAsync([Records.Key(1)])).ContainsKey(Records.Key(1)));
        var again = Records.Success(Records.Key(1), Clock.Now.AddMinutes(1), "again");
        await store.AppendAsync([again]);
        Assert.Equal(again, (await store.GetAsync([Records.Key(1)]))[Records.Key(1)]);
    }

    [SkippableFact]
    public async Task StatsAsync_MixedStore_CountsRawRowsKeysAndGroups()
    {
        using var store = NewStore();
        await store.AppendAsync([.. Records.Successes([1, 2], Records.Start), Records.Error(Records.Key(3), Records.Start)]);
        await store.AppendAsync([Records.Success(Records.Key(1), Records.Start.AddHours(1)), Records.Success(Records.Key(4, describer: "openai:m", prompt: "fedcba9876543210"), Records.Start)]);
        await store.DeleteAsync([Records.Key(2)]);

        var stats = await store.StatsAsync();

        Assert.Equal((5L, 1L, 3L, 1L, 3), (stats.Rows, stats.Tombstones, stats.UniqueKeys, stats.Errors, stats.Segments));
        Assert.Equal(new Dictionary<string, long> { ["embedded-ocr-cues/1"] = 2, ["openai:m"] = 1 }, stats.ByDescriber);
        Assert.Equal(new Dictionary<string, long> { ["0123456789abcdef"] = 2, ["fedcba9876543210"] = 1 }, stats.ByPromptVersion);
        Assert.True(stats.Bytes > 0);
        Assert.Empty(stats.CorruptSegments);
    }

    [SkippableFact]
    public async Task CompactAsync_DuringConcurrentReads_ChangesNoReadResult()
    {
        using var writer = NewStore();
        using var reader = NewStore();
        for (var batch = 0; batch < 6; batch++)
        {
            await writer.AppendAsync(Records.Successes(Enumerable.Range(batch * 4, 8), Records.Start.AddSeconds(-batch), $"b{batch}"));
            await writer.AppendAsync([Records.Error(Records.Key(100 + batch), Records.Start), Records.Error(Records.Key(batch), Records.Start.AddYears(-1))]);
        }

        await writer.DeleteAsync([Records.Key(7), Records.Key(101)]);
        var keys = Enumerable.Range(0, 110).Select(i => Records.Key(i)).ToList();
        var before = await reader.GetAsync(keys);
        var beforeStats = await reader.StatsAsync();

        using var stop = new CancellationTokenSource();
        var reads = Enumerable.Range(0, 2).Select(_ => Task.Run(async () =>
        {
            var rounds = 0;
            while (!stop.IsCancellationRequested || rounds == 0)
            {
                Assert.Equal(before, await reader.GetAsync(keys));
                rounds++;
            }
        })).ToList();
        var result = await writer.CompactAsync();
        stop.Cancel();
        await Task.WhenAll(reads);

        Assert.Equal((true, 13, 1, beforeStats.UniqueKeys), (result.Published, result.InputSegments, result.OutputSegments, result.OutputRows));
        Assert.Equal(before, await reader.GetAsync(keys));
        Assert.Equal(before.Values.ToHashSet(), (await reader.ScanAsync().ToListAsync()).ToHashSet());
        var after = await reader.StatsAsync();
        Assert.Equal((beforeStats.UniqueKeys, beforeStats.UniqueKeys, 0L, 1, 13), (after.UniqueKeys, after.Rows, after.Tombstones, after.Segments, after.RetiredSegments));
        Assert.Equal(13, await CountSegmentBlobsAsync("v1/segments/"));
    }

    [SkippableFact]
    public async Task PurgeExpiredAsync_AfterGracePeriod_DeletesRetiredSegmentsOnly()
    {
        using var store = NewStore();
        await store.AppendAsync(Records.Successes([1, 2], Records.Start));
        await store.AppendAsync(Records.Successes([2, 3], Records.Start.AddMinutes(-1), "newer"));
        await store.CompactAsync();
        var late = await store.AppendAsync(Records.Successes([4], Records.Start));
        var before = await store.GetAsync([Records.Key(1), Records.Key(2), Records.Key(3), Records.Key(4)]);

        Clock.Now += TimeSpan.FromMinutes(9);
        Assert.Equal(0, await store.PurgeExpiredAsync());
        Clock.Now += TimeSpan.FromMinutes(1);
        Assert.Equal(2, await store.PurgeExpiredAsync());

        Assert.Equal([late!], await OpenContainer().ListAsync("v1/segments/").Select(e => e.Name).ToListAsync());
        Assert.Equal(before, await store.GetAsync([Records.Key(1), Records.Key(2), Records.Key(3), Records.Key(4)]));
        Assert.Equal((0, 2), ((await store.StatsAsync()).RetiredSegments, (await store.StatsAsync()).Segments));
    }

    [SkippableFact]
    public async Task CompactAsync_TwiceWithNewAppends_KeepsEveryAnswer()
    {
        using var store = NewStore();
        await store.AppendAsync(Records.Successes([1, 2], Records.Start.AddMinutes(1), "a"));
        await store.AppendAsync(Records.Successes([2], Records.Start.AddMinutes(1), "b"));
        await store.CompactAsync();
        await store.AppendAsync(Records.Successes([2, 3], Records.Start.AddMinutes(1), "c"));
        var before = await store.GetAsync([Records.Key(1), Records.Key(2), Records.Key(3)]);

        var second = await store.CompactAsync();

        Assert.True(second.Published);
        Assert.Equal("a scene a", before[Records.Key(2)].VisualScene);
        Assert.Equal(before, await store.GetAsync([Records.Key(1), Records.Key(2), Records.Key(3)]));
    }

    [SkippableFact]
    public async Task CompactAsync_ThenSegmentWithEarlierName_TieStillGoesToEarliestOrigin()
    {
        using var store = NewStore();
        var key = Records.Key(1);
        await store.AppendAsync([Records.Success(key, Records.Start, "appended")]);
        await store.AppendAsync(Records.Successes([2], Records.Start));
        await store.CompactAsync();

        // A writer whose segment name sorts first (e.g. a slower clock) lands after the compaction, same created time.
        var early = await SegmentFileWriter.EncodeAsync([new StoredRow(Records.Success(key, Records.Start, "early name"), false, null, 0)], 10, default);
        Assert.True(await OpenContainer().TryCreateAsync("v1/segments/00000000000000000000000000.parquet", early));

        Assert.Equal("a scene early name", (await store.GetAsync([key]))[key].VisualScene);
    }

    private async Task<int> CountSegmentBlobsAsync(string prefix) => await OpenContainer().ListAsync(prefix).CountAsync();
}
