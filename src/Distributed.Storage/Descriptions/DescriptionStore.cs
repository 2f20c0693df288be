using Distributed.Abstractions.Describing;
using Distributed.Storage.Blobs;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Distributed.Storage.Descriptions;

/// <summary>
/// The content-addressed description store: immutable Parquet segments on a blob container (layout v1), written
/// create-only under ULID names so any number of instances and processes append at once without locks. Reads
/// deduplicate by key with one rule — a success beats an error; among equals the earliest (created time, then
/// segment, then row) wins — and a tombstone (from <see cref="DeleteAsync"/>) hides the rows of its key written
/// before it. Lookups use an in-memory index of key hashes per segment (loaded once per segment, merged), so they cost
/// in proportion to the keys asked. Unreadable segments are skipped and reported by <see cref="StatsAsync"/>.
/// </summary>
public sealed partial class DescriptionStore : IDisposable
{
    private readonly IBlobContainer _blobs;
    private readonly DescriptionStoreOptions _options;
    private readonly TimeProvider _time;
    private readonly SegmentCatalog _catalog;

    /// <summary>A store on <paramref name="blobs"/>; defaults: <see cref="DescriptionStoreOptions"/>, system clock, no logging.</summary>
    public DescriptionStore(IBlobContainer blobs, DescriptionStoreOptions? options = null, TimeProvider? time = null, ILogger<DescriptionStore>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(blobs);
        _options = (options ?? new DescriptionStoreOptions()).Validated();
        _blobs = _options.ReadOnly && blobs is not ReadOnlyBlobContainer ? new ReadOnlyBlobContainer(blobs) : blobs;
        _time = time ?? TimeProvider.System;
        _catalog = new SegmentCatalog(_blobs, _options, logger ?? (ILogger)NullLogger.Instance);
    }

    /// <summary>Opens the store at <paramref name="location"/> (folder path, <c>file://</c> or <c>az://container/prefix</c>).</summary>
    public static DescriptionStore Open(string location, DescriptionStoreOptions? options = null, ILogger<DescriptionStore>? logger = null)
    {
        options ??= new DescriptionStoreOptions();
        var blobs = DescriptionStoreLocation.Parse(location).Open(options);
        return new DescriptionStore(blobs, options, null, logger);
    }

    /// <summary>Where the store lives.</summary>
    public string Location => _blobs.Location;

    /// <summary>Whether the store was opened read-only (<see cref="DescriptionStoreOptions.ReadOnly"/>).</summary>
    public bool IsReadOnly => _options.ReadOnly;

    /// <summary>
    /// Writes <paramref name="records"/> as one new segment (create-only, atomic) and returns its name; null when the
    /// list is empty. Once this returns, every reader that refreshes sees the records.
    /// </summary>
    public async Task<string?> AppendAsync(IReadOnlyList<DescriptionRecord> records, CancellationToken cancellationToken = default)
    {
        ThrowIfReadOnly("appending descriptions (put)");
        RecordValidation.Check(records);
        if (records.Count == 0)
        {
            return null;
        }

        var rows = records.Select((record, i) => new StoredRow(record, false, null, i)).ToList();
        return await WriteSegmentAsync(rows, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Withdraws <paramref name="keys"/>: writes a tombstone segment (deletion time = now) so they read as absent;
    /// a record created later under the same key is visible again. Compaction drops tombstones with what they hide.
    /// Returns the tombstone segment's name, or null when no key was given.
    /// </summary>
    public async Task<string?> DeleteAsync(IEnumerable<DescriptionKey> keys, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(keys);
        ThrowIfReadOnly("deleting descriptions");
        var now = _time.GetUtcNow();
        var rows = keys.Select((key, i) => StoredRow.Tombstone(RecordValidation.CheckKey(key, i), now, i)).ToList();
        return rows.Count == 0 ? null : await WriteSegmentAsync(rows, cancellationToken).ConfigureAwait(false);
    }

    public void Dispose() => _catalog.Dispose();

    private void ThrowIfReadOnly(string operation)
    {
        if (_options.ReadOnly)
        {
            throw DescriptionStoreReadOnlyException.For(Location, operation);
        }
    }

    private async Task<string> WriteSegmentAsync(IReadOnlyList<StoredRow> rows, CancellationToken cancellationToken)
    {
        var content = await SegmentFileWriter.EncodeAsync(rows, _options.RowGroupRows, cancellationToken).ConfigureAwait(false);
        while (true)
        {
            var name = StoreLayout.NewSegmentName(StoreLayout.SegmentsPrefix);
            if (await _blobs.TryCreateAsync(name, content, cancellationToken).ConfigureAwait(false))
            {
                return name;
            }
        }
    }
}
