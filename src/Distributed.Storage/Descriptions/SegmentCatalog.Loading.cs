using Distributed.Storage.Blobs;
using Microsoft.Extensions.Logging;

namespace Distributed.Storage.Descriptions;

/// <summary>Listing the live segments and indexing one segment.</summary>
internal sealed partial class SegmentCatalog
{
    private async Task<List<BlobEntry>> ListLiveAsync(SegmentSet set, CancellationToken cancellationToken)
    {
        var retired = set.Retired.Select(r => r.Name).ToHashSet(StringComparer.Ordinal);
        var compacted = set.Compacted.ToHashSet(StringComparer.Ordinal);
        var live = new List<BlobEntry>();
        await foreach (var entry in blobs.ListAsync(StoreLayout.SegmentsPrefix, cancellationToken).ConfigureAwait(false))
        {
            if (entry.Name.EndsWith(StoreLayout.SegmentExtension, StringComparison.Ordinal) && !retired.Contains(entry.Name))
            {
                live.Add(entry);
            }
        }

        if (compacted.Count > 0)
        {
            await foreach (var entry in blobs.ListAsync(StoreLayout.CompactedPrefix, cancellationToken).ConfigureAwait(false))
            {
                if (compacted.Contains(entry.Name))
                {
                    live.Add(entry);
                }
            }
        }

        return live;
    }

    private async Task<SegmentIndex?> LoadAsync(BlobEntry entry, CancellationToken cancellationToken)
    {
        Stream stream;
        try
        {
            stream = await blobs.OpenReadAsync(entry.Name, cancellationToken).ConfigureAwait(false);
        }
        catch (BlobNotFoundException)
        {
            return null; // deleted after its grace period since it was listed
        }

        await using (stream.ConfigureAwait(false))
        {
            try
            {
                return await SegmentFileReader.ReadIndexAsync(entry.Name, entry.Size, stream, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                var message = $"Segment '{entry.Name}' in {blobs.Location} is unreadable and was skipped: {e.Message}";
                _corrupt[entry.Name] = message;
                logger.LogError(e, "Segment {Segment} in {Location} is unreadable and was skipped", entry.Name, blobs.Location);
                return null;
            }
        }
    }
}
