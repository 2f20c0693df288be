using Distributed.Storage.Blobs;
using Distributed.Storage.Descriptions;

namespace Distributed.Storage.Tests.Descriptions;

/// <summary>Read-only mode on a local folder.</summary>
public sealed class DescriptionStoreReadOnlyLocalTests : DescriptionStoreReadOnlyContract, IDisposable
{
    private readonly TempFolder _folder = new();

    protected override IBlobContainer OpenContainer() => new LocalFolderBlobContainer(_folder.Path);

    protected override DescriptionStore OpenReadOnly() => DescriptionStore.Open(_folder.Path, new DescriptionStoreOptions { ReadOnly = true });

    public void Dispose() => _folder.Dispose();
}
