namespace Distributed.Storage.Descriptions;

/// <summary>Statistics.</summary>
public sealed partial class DescriptionStore
{
    /// <summary>Counts over the live segments; corrupt segments are listed, not counted.</summary>
    public async Task<DescriptionStoreStats> StatsAsync(CancellationToken cancellationToken = default)
    {
        var view = await _catalog.RefreshAsync(cancellationToken).ConfigureAwait(false);
        long unique = 0, errors = 0;
        var byDescriber = new SortedDictionary<string, long>(StringComparer.Ordinal);
        var byPrompt = new SortedDictionary<string, long>(StringComparer.Ordinal);
        await foreach (var record in ScanAsync(cancellationToken).ConfigureAwait(false))
        {
            unique++;
            errors += record.IsError ? 1 : 0;
            byDescriber[record.Key.DescriberId] = byDescriber.GetValueOrDefault(record.Key.DescriberId) + 1;
            byPrompt[record.Key.PromptVersion] = byPrompt.GetValueOrDefault(record.Key.PromptVersion) + 1;
        }

        var rows = view.Segments.Sum(s => (long)s.RowCount);
        var tombstones = view.Segments.Sum(s => (long)s.Tombstones);
        var corrupt = _catalog.CorruptSegments.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => new CorruptSegment(p.Key, p.Value)).ToList();
        return new DescriptionStoreStats(
            rows - tombstones, tombstones, unique, errors, view.Segments.Count, view.Segments.Sum(s => s.Size),
            byDescriber, byPrompt, view.Set.Retired.Count, corrupt);
    }
}
