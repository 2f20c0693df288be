using Distributed.Storage.Blobs;
using Distributed.Storage.Descriptions;

namespace Distributed.Storage.Tests.Descriptions;

/// <summary>The description store on a local folder; every store instance opens its own container on the folder.</summary>
public sealed class DescriptionStoreLocalTests : DescriptionStoreContract, IDisposable
{
    private readonly TempFolder _folder = new();

    protected override IBlobContainer OpenContainer() => new LocalFolderBlobContainer(_folder.Path);

    [Fact]
    public async Task Open_FileUri_ReadsWhatAnotherInstanceWrote()
    {
        using var writer = DescriptionStore.Open(_folder.Path);
        await writer.AppendAsync(Records.Successes([1], Records.Start));

        using var reader = DescriptionStore.Open(new Uri(_folder.Path).AbsoluteUri);

        Assert.Equal([Records.Key(1)], await reader.ExistsAsync([Records.Key(1), Records.Key(2)]));
    }

    public void Dispose() => _folder.Dispose();
}
