namespace Distributed.Storage.Descriptions;

/// <summary>Settings of a <see cref="DescriptionStore"/>.</summary>
public sealed class DescriptionStoreOptions
{
    /// <summary>How long segments replaced by compaction stay readable before they may be deleted. Default 10 minutes.</summary>
    public TimeSpan CompactionGracePeriod { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Rows per compacted segment (compaction output is split at this size). Default 250,000.</summary>
    public int TargetSegmentRows { get; set; } = 250_000;

    /// <summary>Rows per Parquet row group; <see cref="DescriptionStore.GetAsync"/> decodes whole row groups, so smaller is cheaper per key. Default 1,024.</summary>
    public int RowGroupRows { get; set; } = 1_024;

    /// <summary>Segments indexed or read at once. Default 4.</summary>
    public int ReadParallelism { get; set; } = 4;

    /// <summary>Connection string for an <c>az://</c> store location (a secret: <c>Store__AzureConnectionString</c>). Default none.</summary>
    public string? AzureConnectionString { get; set; }

    /// <summary>A file holding <see cref="AzureConnectionString"/> (e.g. a mounted secret). Default none.</summary>
    public string? AzureConnectionStringFile { get; set; }

    /// <summary>Blob service URL (<c>https://account.blob.core.windows.net</c>) used with <see cref="AzureSasToken"/> or
    /// <see cref="AzureUseDefaultCredential"/> instead of a connection string. Default none.</summary>
    public string? AzureServiceUri { get; set; }

    /// <summary>A shared access signature for <see cref="AzureServiceUri"/> (account- or container-scoped; read+list is
    /// enough for a <see cref="ReadOnly"/> store). A secret: <c>Store__AzureSasToken</c>. Default none.</summary>
    public string? AzureSasToken { get; set; }

    /// <summary>A file holding <see cref="AzureSasToken"/>. Default none.</summary>
    public string? AzureSasTokenFile { get; set; }

    /// <summary>Authenticate to <see cref="AzureServiceUri"/> with Azure.Identity's DefaultAzureCredential (managed or
    /// workload identity, az login). Default false.</summary>
    public bool AzureUseDefaultCredential { get; set; }

    /// <summary>
    /// Open the store for reading only: appends, deletes, compaction and purges throw
    /// <see cref="Blobs.DescriptionStoreReadOnlyException"/>, and an Azure container is never created (a read+list SAS is
    /// enough). For consumers of a store another team writes. Default false.
    /// </summary>
    public bool ReadOnly { get; set; }

    /// <summary>How to reach Azure for an <c>az://</c> location, from the settings above.</summary>
    /// <exception cref="InvalidOperationException">None or several credentials, a missing secret file, or a bad URL; the message names the keys.</exception>
    public Blobs.AzureStorageAccess ResolveAzureAccess() => Blobs.AzureStorageAccess.Choose(
        Blobs.SecretFile.Resolve(AzureConnectionString, AzureConnectionStringFile, "Store:AzureConnectionString"),
        AzureServiceUri,
        Blobs.SecretFile.Resolve(AzureSasToken, AzureSasTokenFile, "Store:AzureSasToken"),
        AzureUseDefaultCredential,
        "Store:Azure");

    internal DescriptionStoreOptions Validated()
    {
        if (CompactionGracePeriod < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(CompactionGracePeriod), CompactionGracePeriod, "CompactionGracePeriod must not be negative.");
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(TargetSegmentRows, 1, nameof(TargetSegmentRows));
        ArgumentOutOfRangeException.ThrowIfLessThan(RowGroupRows, 1, nameof(RowGroupRows));
        ArgumentOutOfRangeException.ThrowIfLessThan(ReadParallelism, 1, nameof(ReadParallelism));
        return this;
    }
}
