using System.Text;
using Distributed.Storage.Blobs;

namespace Distributed.Storage.Tests.Blobs;

/// <summary>The behaviour every <see cref="IBlobContainer"/> must have; one derived class per implementation.</summary>
public abstract class BlobContainerContract
{
    protected abstract IBlobContainer Container { get; }

    [SkippableFact]
    public async Task TryCreateAsync_NameExists_ReturnsFalseAndKeepsFirstContent()
    {
        Assert.True(await Container.TryCreateAsync("a/one.bin", Bytes("first")));

        Assert.False(await Container.TryCreateAsync("a/one.bin", Bytes("second")));
        Assert.Equal("first", await ReadAsync("a/one.bin"));
    }

    [SkippableFact]
    public async Task TryCreateAsync_ManyWritersOneName_ExactlyOneWins()
    {
        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => Container.TryCreateAsync("race.bin", Bytes($"writer {i}"))));

        Assert.Single(results, won => won);
        Assert.StartsWith("writer ", await ReadAsync("race.bin"));
    }

    [SkippableFact]
    public async Task OpenReadAsync_Missing_ThrowsBlobNotFoundNamingIt()
    {
        var error = await Assert.ThrowsAsync<BlobNotFoundException>(() => Container.OpenReadAsync("nothing/here.bin"));

        Assert.Contains("nothing/here.bin", error.Message);
    }

    [SkippableFact]
    public async Task ListAsync_Prefix_ReturnsMatchingNamesSortedWithSizes()
    {
        await Container.TryCreateAsync("p/b.bin", Bytes("bb"));
        await Container.TryCreateAsync("p/a.bin", Bytes("a"));
        await Container.TryCreateAsync("q/c.bin", Bytes("c"));
        await Container.TryReplaceAsync("p/pointer.json", Bytes("{}"), null);

        var listed = await Container.ListAsync("p/").ToListAsync();

        Assert.Equal(["p/a.bin", "p/b.bin", "p/pointer.json"], listed.Select(e => e.Name));
        Assert.Equal(2, listed[1].Size);
    }

    [SkippableFact]
    public async Task DeleteAsync_ExistingThenMissing_ReturnsTrueThenFalse()
    {
        await Container.TryCreateAsync("d.bin", Bytes("x"));

        Assert.True(await Container.DeleteAsync("d.bin"));
        Assert.False(await Container.DeleteAsync("d.bin"));
        Assert.Empty(await Container.ListAsync("d").ToListAsync());
    }

    [SkippableFact]
    public async Task TryReplaceAsync_CurrentETag_ReplacesAndReturnsNewETag()
    {
        var first = await Container.TryReplaceAsync("ptr.json", Bytes("v1"), null);
        Assert.NotNull(first);

        var second = await Container.TryReplaceAsync("ptr.json", Bytes("v2"), first);

        Assert.NotNull(second);
        Assert.NotEqual(first, second);
        var read = await Container.TryReadVersionedAsync("ptr.json");
        Assert.Equal(("v2", second), (Encoding.UTF8.GetString(read!.Content), read.ETag));
    }

    [SkippableFact]
    public async Task TryReplaceAsync_StaleETag_FailsAndKeepsContent()
    {
        var first = await Container.TryReplaceAsync("ptr.json", Bytes("v1"), null);
        await Container.TryReplaceAsync("ptr.json", Bytes("v2"), first);

        Assert.Null(await Container.TryReplaceAsync("ptr.json", Bytes("v3"), first));
        Assert.Null(await Container.TryReplaceAsync("ptr.json", Bytes("v3"), null));
        Assert.Equal("v2", await ReadAsync("ptr.json"));
    }

    [SkippableFact]
    public async Task TryReplaceAsync_ConcurrentWritersSameETag_ExactlyOneWins()
    {
        var start = await Container.TryReplaceAsync("ptr.json", Bytes("v0"), null);

        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => Container.TryReplaceAsync("ptr.json", Bytes($"v{i + 1}"), start)));

        Assert.Single(results, etag => etag is not null);
    }

    [SkippableFact]
    public async Task TryReadVersionedAsync_Missing_ReturnsNull()
    {
        Assert.Null(await Container.TryReadVersionedAsync("none.json"));
    }

    protected static ReadOnlyMemory<byte> Bytes(string text) => Encoding.UTF8.GetBytes(text);

    private async Task<string> ReadAsync(string name)
    {
        await using var stream = await Container.OpenReadAsync(name);
        using var reader = new StreamReader(stream);
        return await reader.ReadToEndAsync();
    }
}
