using System.Text.Json;
using Distributed.Storage.Blobs;

namespace Distributed.Storage.Descriptions;

/// <summary>
/// The published segment set (the pointer blob, updated only with a conditional ETag write): the compacted segments
/// that are live, and the segments compaction retired, with when — they stay readable for the grace period and are
/// never part of a reader's view. Appended segments are live unless retired, so appends never touch the pointer.
/// </summary>
/// <param name="Layout">Layout version of the store (1).</param>
/// <param name="Generation">Grows by one with every published change, so no two contents are equal.</param>
/// <param name="Compacted">Live compaction outputs.</param>
/// <param name="Retired">Segments replaced by compaction, awaiting deletion.</param>
internal sealed record SegmentSet(int Layout, long Generation, IReadOnlyList<string> Compacted, IReadOnlyList<RetiredSegment> Retired)
{
    private static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    public static SegmentSet Empty { get; } = new(1, 0, [], []);

    /// <summary>The current set and its ETag (null ETag: never published).</summary>
    public static async Task<(SegmentSet Set, string? ETag)> ReadAsync(IBlobContainer blobs, CancellationToken cancellationToken)
    {
        var blob = await blobs.TryReadVersionedAsync(StoreLayout.SegmentSetPointer, cancellationToken).ConfigureAwait(false);
        if (blob is null)
        {
            return (Empty, null);
        }

        try
        {
            var set = JsonSerializer.Deserialize<SegmentSet>(blob.Content, Json) ?? throw new JsonException("null document");
            return set.Layout == 1
                ? (set, blob.ETag)
                : throw new InvalidDataException($"'{StoreLayout.SegmentSetPointer}' in {blobs.Location} has layout {set.Layout}; this build reads layout 1.");
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"'{StoreLayout.SegmentSetPointer}' in {blobs.Location} is not a valid segment set: {e.Message}", e);
        }
    }

    /// <summary>Publishes this set if the pointer is still at <paramref name="expectedETag"/>; false if someone else won.</summary>
    public async Task<bool> TryPublishAsync(IBlobContainer blobs, string? expectedETag, CancellationToken cancellationToken)
    {
        var content = JsonSerializer.SerializeToUtf8Bytes(this, Json);
        return await blobs.TryReplaceAsync(StoreLayout.SegmentSetPointer, content, expectedETag, cancellationToken).ConfigureAwait(false) is not null;
    }
}

/// <summary>A segment compaction replaced at <paramref name="RetiredAt"/>.</summary>
internal sealed record RetiredSegment(string Name, DateTimeOffset RetiredAt);
