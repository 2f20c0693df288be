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

    /// <summary>Connection string for an <c>az://</c> store location. Default none.</summary>
    public string? AzureConnectionString { get; set; }

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
