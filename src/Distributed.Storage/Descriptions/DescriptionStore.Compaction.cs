namespace Distributed.Storage.Descriptions;

/// <summary>
/// Compaction: merges every live segment into few large ones holding only the winning rows (tombstones and what they
/// hide are dropped), writes them create-only under <c>v1/compacted/</c>, and publishes the new segment set with a
/// conditional (ETag) write of the pointer. The merged segments are retired, not deleted: they stay readable for
/// <see cref="DescriptionStoreOptions.CompactionGracePeriod"/>, and a later compaction or
/// <see cref="PurgeExpiredAsync"/> deletes them. Winning rows keep their origin (segment, row), so no answer changes.
/// Known limit: a record created before a delete but appended after the compaction that dropped its tombstone began
/// would become visible again.
/// </summary>
public sealed partial class DescriptionStore
{
    /// <summary>Compacts the store, then deletes retired segments past their grace period.</summary>
    public async Task<CompactionResult> CompactAsync(CancellationToken cancellationToken = default)
    {
        ThrowIfReadOnly("compaction");
        var view = await _catalog.RefreshAsync(cancellationToken).ConfigureAwait(false);
        var winners = _catalog.Winners();
        var winnerRows = winners.Values.Sum(rows => (long)rows.Count);
        var inputRows = view.Segments.Sum(s => (long)s.RowCount);
        if (view.Segments.Count < 2 && winnerRows == inputRows)
        {
            return new CompactionResult(false, 0, 0, 0, await PurgeExpiredAsync(cancellationToken).ConfigureAwait(false));
        }

        var outputs = await WriteCompactedAsync(winners, cancellationToken).ConfigureAwait(false);
        var now = _time.GetUtcNow();
        var next = view.Set with
        {
            Generation = view.Set.Generation + 1,
            Compacted = outputs,
            Retired = [.. view.Set.Retired, .. view.Segments.Select(s => new RetiredSegment(s.Name, now))],
        };
        if (!await next.TryPublishAsync(_blobs, view.ETag, cancellationToken).ConfigureAwait(false))
        {
            foreach (var output in outputs)
            {
                await _blobs.DeleteAsync(output, cancellationToken).ConfigureAwait(false);
            }

            return new CompactionResult(false, 0, 0, 0, 0);
        }

        var purged = await PurgeExpiredAsync(cancellationToken).ConfigureAwait(false);
        await _catalog.RefreshAsync(cancellationToken).ConfigureAwait(false);
        return new CompactionResult(true, view.Segments.Count, outputs.Count, winnerRows, purged);
    }

    /// <summary>Deletes retired segments whose grace period has passed and drops them from the segment set; returns how many.</summary>
    public async Task<int> PurgeExpiredAsync(CancellationToken cancellationToken = default)
    {
        ThrowIfReadOnly("purging retired segments");
        for (var attempt = 0; attempt < 5; attempt++)
        {
            var (set, etag) = await SegmentSet.ReadAsync(_blobs, cancellationToken).ConfigureAwait(false);
            var cutoff = _time.GetUtcNow() - _options.CompactionGracePeriod;
            var expired = set.Retired.Where(r => r.RetiredAt <= cutoff).ToList();
            if (expired.Count == 0)
            {
                return 0;
            }

            foreach (var segment in expired)
            {
                await _blobs.DeleteAsync(segment.Name, cancellationToken).ConfigureAwait(false);
            }

            var next = set with { Generation = set.Generation + 1, Retired = [.. set.Retired.Except(expired)] };
            if (await next.TryPublishAsync(_blobs, etag, cancellationToken).ConfigureAwait(false))
            {
                return expired.Count;
            }
        }

        return 0; // others kept changing the set; the deleted blobs leave it on a later purge
    }

    private async Task<List<string>> WriteCompactedAsync(Dictionary<SegmentIndex, List<int>> winners, CancellationToken cancellationToken)
    {
        var outputs = new List<string>();
        var file = new CompactedFile(_options);
        try
        {
            foreach (var (segment, rows) in winners.OrderBy(p => p.Key.Name, StringComparer.Ordinal))
            {
                await foreach (var (_, row) in ReadRowsAsync(segment, rows, cancellationToken).ConfigureAwait(false))
                {
                    await file.AddAsync(row with { OriginSegment = row.OriginSegment ?? segment.Name }, cancellationToken).ConfigureAwait(false);
                    if (file.Rows == _options.TargetSegmentRows)
                    {
                        outputs.Add(await file.PublishAsync(_blobs, cancellationToken).ConfigureAwait(false));
                        await file.DisposeAsync().ConfigureAwait(false);
                        file = new CompactedFile(_options);
                    }
                }
            }

            if (file.Rows > 0)
            {
                outputs.Add(await file.PublishAsync(_blobs, cancellationToken).ConfigureAwait(false));
            }
        }
        finally
        {
            await file.DisposeAsync().ConfigureAwait(false);
        }

        return outputs;
    }
}
