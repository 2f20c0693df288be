using System.Collections.Concurrent;
using Distributed.Storage.Blobs;
using Microsoft.Extensions.Logging;

namespace Distributed.Storage.Descriptions;

/// <summary>
/// A store instance's view of the live segments: reads the segment set, lists appended and compacted segments,
/// indexes each new segment once (key columns only) and keeps the merged index current. A segment that cannot be
/// parsed is skipped, logged and recorded (see <see cref="CorruptSegments"/>); the other segments stay readable.
/// </summary>
internal sealed partial class SegmentCatalog(IBlobContainer blobs, DescriptionStoreOptions options, ILogger logger) : IDisposable
{
    private readonly SemaphoreSlim _refreshGate = new(1, 1);
    private readonly Lock _gate = new();
    private readonly ConcurrentDictionary<string, string> _corrupt = new(StringComparer.Ordinal);
    private Dictionary<string, SegmentIndex> _live = new(StringComparer.Ordinal);
    private MergedIndex _merged = new();
    private StoreView _view = new(SegmentSet.Empty, null, []);

    public IReadOnlyDictionary<string, string> CorruptSegments => _corrupt;

    /// <summary>Brings the view up to date with the store and returns it.</summary>
    public async Task<StoreView> RefreshAsync(CancellationToken cancellationToken)
    {
        await _refreshGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var (set, etag) = await SegmentSet.ReadAsync(blobs, cancellationToken).ConfigureAwait(false);
            var listed = await ListLiveAsync(set, cancellationToken).ConfigureAwait(false);
            var toLoad = listed.Where(e => !_live.ContainsKey(e.Name) && !_corrupt.ContainsKey(e.Name)).ToList();
            var loaded = new ConcurrentBag<SegmentIndex>();
            var parallel = new ParallelOptions { MaxDegreeOfParallelism = options.ReadParallelism, CancellationToken = cancellationToken };
            await Parallel.ForEachAsync(toLoad, parallel, async (entry, ct) =>
            {
                if (await LoadAsync(entry, ct).ConfigureAwait(false) is { } index)
                {
                    loaded.Add(index);
                }
            }).ConfigureAwait(false);

            var names = listed.Select(e => e.Name).ToHashSet(StringComparer.Ordinal);
            foreach (var gone in _corrupt.Keys.Where(name => !names.Contains(name)))
            {
                _corrupt.TryRemove(gone, out _);
            }

            var live = _live.Values.Where(s => names.Contains(s.Name)).Concat(loaded).ToDictionary(s => s.Name, StringComparer.Ordinal);
            var ordered = live.Values.OrderBy(s => s.Name, StringComparer.Ordinal).ToList();
            var added = loaded.OrderBy(s => s.Name, StringComparer.Ordinal).ToList();
            var rebuilt = live.Count != _live.Count + added.Count || added.Any(s => s.HasTombstones) ? MergedIndex.Build(ordered) : null;
            lock (_gate)
            {
                if (rebuilt is not null)
                {
                    _merged = rebuilt;
                }
                else
                {
                    added.ForEach(_merged.AddRows);
                }

                _live = live;
                _view = new StoreView(set, etag, ordered);
                return _view;
            }
        }
        finally
        {
            _refreshGate.Release();
        }
    }

    public void Dispose() => _refreshGate.Dispose();

    /// <summary>The winning row of each key hash present, under the index lock.</summary>
    public Dictionary<UInt128, RowRef> Lookup(IEnumerable<UInt128> hashes)
    {
        var found = new Dictionary<UInt128, RowRef>();
        lock (_gate)
        {
            foreach (var hash in hashes)
            {
                if (_merged.TryGetWinner(hash, out var winner))
                {
                    found[hash] = winner;
                }
            }
        }

        return found;
    }

    /// <summary>All winning rows, grouped by segment.</summary>
    public Dictionary<SegmentIndex, List<int>> Winners()
    {
        lock (_gate)
        {
            return _merged.WinnersBySegment();
        }
    }
}

/// <summary>A consistent view: the segment set read (and its ETag) and the live segments it implies, by name.</summary>
internal sealed record StoreView(SegmentSet Set, string? ETag, IReadOnlyList<SegmentIndex> Segments);
