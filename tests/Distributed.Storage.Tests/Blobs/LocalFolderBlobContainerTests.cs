using Distributed.Storage.Blobs;

namespace Distributed.Storage.Tests.Blobs;

public sealed class LocalFolderBlobContainerTests : BlobContainerContract, IDisposable
{
    private readonly TempFolder _folder = new();
    private readonly LocalFolderBlobContainer _container;

    public LocalFolderBlobContainerTests() => _container = new LocalFolderBlobContainer(_folder.Path);

    protected override IBlobContainer Container => _container;

    [Fact]
    public async Task ListAsync_AfterPointerWrites_HidesTempAndLockFiles()
    {
        var etag = await _container.TryReplaceAsync("v/ptr.json", Bytes("a"), null);
        await _container.TryReplaceAsync("v/ptr.json", Bytes("b"), etag);

        Assert.True(File.Exists(Path.Combine(_folder.Path, "v", ".ptr.json.lock")));
        Assert.Equal(["v/ptr.json"], (await _container.ListAsync("").ToListAsync()).Select(e => e.Name));
    }

    [Fact]
    public async Task TryReplaceAsync_TwoContainersOnOneFolder_SecondSeesFirstsWrite()
    {
        var other = new LocalFolderBlobContainer(_folder.Path);
        var etag = await _container.TryReplaceAsync("ptr.json", Bytes("a"), null);

        Assert.Null(await other.TryReplaceAsync("ptr.json", Bytes("b"), null));
        Assert.NotNull(await other.TryReplaceAsync("ptr.json", Bytes("b"), etag));
    }

    [Theory]
    [InlineData("/abs.bin")]
    [InlineData("a/../b.bin")]
    [InlineData("a//b.bin")]
    [InlineData("a\\b.bin")]
    public async Task TryCreateAsync_InvalidName_ThrowsNamingIt(string name)
    {
        var error = await Assert.ThrowsAsync<ArgumentException>(() => _container.TryCreateAsync(name, Bytes("x")));

        Assert.Contains(name, error.Message);
    }

    public void Dispose() => _folder.Dispose();
}
