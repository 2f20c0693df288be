using Distributed.Storage.Blobs;
using Distributed.Storage.Descriptions;

namespace Distributed.Storage.Tests.Descriptions;

/// <summary>A store opened read-only on one backend: reads see what a writer wrote; every write throws, naming the store and the mode, and writes nothing.</summary>
public abstract class DescriptionStoreReadOnlyContract
{
    /// <summary>The same container for every call within a test.</summary>
    protected abstract IBlobContainer OpenContainer();

    /// <summary>The store opened read-only the way consumers open it (location + <c>Store:ReadOnly</c>).</summary>
    protected abstract DescriptionStore OpenReadOnly();

    [SkippableFact]
    public async Task Reads_WhatAWriterWrote_Work()
    {
        using (var writer = new DescriptionStore(OpenContainer()))
        {
            await writer.AppendAsync(Records.Successes([1, 2], Records.Start));
        }

        using var reader = OpenReadOnly();
        var stats = await reader.StatsAsync();

        Assert.True(reader.IsReadOnly);
        Assert.Equal([Records.Key(1)], await reader.ExistsAsync([Records.Key(1), Records.Key(3)]));
        Assert.Equal(2, (await reader.GetAsync([Records.Key(1), Records.Key(2)])).Count);
        Assert.Equal(2, await reader.ScanAsync().CountAsync());
        Assert.Equal(1, stats.Segments);
    }

    [SkippableFact]
    public async Task Writes_Throw_NamingStoreAndMode_AndWriteNothing()
    {
        using (var writer = new DescriptionStore(OpenContainer()))
        {
            await writer.AppendAsync(Records.Successes([1], Records.Start));
            await writer.AppendAsync(Records.Successes([2], Records.Start));
        }

        using var reader = OpenReadOnly();
        var put = await Assert.ThrowsAsync<DescriptionStoreReadOnlyException>(() => reader.AppendAsync(Records.Successes([3], Records.Start)));
        var delete = await Assert.ThrowsAsync<DescriptionStoreReadOnlyException>(() => reader.DeleteAsync([Records.Key(1)]));
        var compact = await Assert.ThrowsAsync<DescriptionStoreReadOnlyException>(() => reader.CompactAsync());
        await Assert.ThrowsAsync<DescriptionStoreReadOnlyException>(() => reader.PurgeExpiredAsync());

        foreach (var error in new[] { put, delete, compact })
        {
            Assert.Contains(reader.Location, error.Message, StringComparison.Ordinal);
            Assert.Contains("read-only", error.Message, StringComparison.Ordinal);
        }

        Assert.Contains("put", put.Message, StringComparison.Ordinal);
        Assert.Contains("compaction", compact.Message, StringComparison.Ordinal);
        var names = await OpenContainer().ListAsync("").Select(b => b.Name).ToListAsync();
        Assert.Equal(2, names.Count);
        Assert.Equal(2, await reader.ScanAsync().CountAsync());
    }

    [SkippableFact]
    public async Task Container_WrappedReadOnly_RefusesEveryWritePrimitive()
    {
        var blobs = new ReadOnlyBlobContainer(OpenContainer());

        await Assert.ThrowsAsync<DescriptionStoreReadOnlyException>(() => blobs.TryCreateAsync("v1/x", new byte[] { 1 }));
        await Assert.ThrowsAsync<DescriptionStoreReadOnlyException>(() => blobs.TryReplaceAsync("v1/x", new byte[] { 1 }, null));
        await Assert.ThrowsAsync<DescriptionStoreReadOnlyException>(() => blobs.DeleteAsync("v1/x"));
    }
}
