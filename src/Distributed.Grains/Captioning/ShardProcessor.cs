using System.Collections.Concurrent;
using Distributed.Abstractions.Captioning;
using Distributed.Abstractions.Describing;
using Distributed.Data.Images;
using Distributed.Data.Manifests;
using Distributed.Storage.Descriptions;
using Microsoft.Extensions.Options;

namespace Distributed.Grains.Captioning;

/// <summary>
/// Describes one shard, the heavy part behind <see cref="ShardGrain"/> (a plain service, testable without a cluster):
/// read the rows, fetch and hash each image (sha256 of the original bytes), ask the store which keys it already has,
/// then load (orient, resize), describe and store only the misses, in batches. Every row ends in exactly one counter.
/// </summary>
public sealed partial class ShardProcessor(
    DescriptionStores stores, ImageFetcher fetcher, IOptions<ImageSourceOptions> images, TimeProvider time)
{
    /// <summary>Records are appended to the store in segments of at most this many rows.</summary>
    public const int AppendBatch = 128;

    private const int FetchParallelism = 4;

    private readonly ImageSourcePolicy _policy = images.Value.Policy;

    /// <summary>Image bytes a shard keeps between hashing and describing (beyond it, misses are read again).</summary>
    private const long KeepBytesBudget = 64L * 1024 * 1024;

    /// <summary>How often a running shard reports its counts.</summary>
    public static readonly TimeSpan ProgressInterval = TimeSpan.FromMilliseconds(500);

    public async Task<ShardResult> RunAsync(
        ShardRange shard, CaptionJobSpec spec, DescriberDispatch describers, IProgress<CaptionCounts>? progress, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(shard);
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(describers);
        var identity = await describers.IdentityAsync();
        var store = stores.Open(spec.Store);
        var tally = new ShardTally(shard.ManifestPath);
        var folder = Path.GetDirectoryName(shard.ManifestPath)!;
        using var reporting = new CancellationTokenSource();
        var reporter = progress is null ? Task.CompletedTask : ReportAsync(tally, describers, progress, reporting.Token);
        try
        {
            return await RunAsync(shard, spec, describers, identity, store, tally, folder, ct);
        }
        finally
        {
            await reporting.CancelAsync();
            await reporter;
        }
    }

    private async Task ReportAsync(ShardTally tally, DescriberDispatch describers, IProgress<CaptionCounts> progress, CancellationToken ct)
    {
        using var timer = new PeriodicTimer(ProgressInterval, time);
        try
        {
            while (await timer.WaitForNextTickAsync(ct))
            {
                progress.Report(tally.Counts(describers.Calls));
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    private async Task<ShardResult> RunAsync(
        ShardRange shard, CaptionJobSpec spec, DescriberDispatch describers, DescriberIdentity identity,
        DescriptionStore store, ShardTally tally, string folder, CancellationToken ct)
    {
        var images = new List<(ManifestRow Row, ImageLocation Location)>();
        await foreach (var entry in ManifestReader.ReadShardAsync(shard.ToSpec(), ct))
        {
            if (entry.IsError)
            {
                tally.Fail(entry.Index, null, "malformed_row", $"{shard.ManifestPath} line {entry.Error.LineNumber}: {entry.Error.Reason}", permanent: true);
            }
            else if (entry.Row.IsTextOnly)
            {
                tally.TextOnly();
            }
            else if (TryResolve(entry.Row, folder, tally) is { } location)
            {
                images.Add((entry.Row, location));
            }
        }

        var keyed = await HashAsync(images, identity, tally, ct);
        var present = await PresentAsync(store, keyed.Select(k => k.Key), spec.RetryFailed, ct);
        var misses = new List<KeyedImage>();
        var claimed = new HashSet<DescriptionKey>();
        foreach (var item in keyed)
        {
            if (present.Contains(item.Key) || !claimed.Add(item.Key))
            {
                tally.Cached();
            }
            else
            {
                misses.Add(item);
            }
        }

        await DescribeAsync(misses, identity, store, describers, tally, ct);
        return tally.Result(shard.Index, describers.Calls);
    }

    private ImageLocation? TryResolve(ManifestRow row, string folder, ShardTally tally)
    {
        try
        {
            return ImageReference.Resolve(row.Image!, folder, _policy);
        }
        catch (ImageSourceException ex)
        {
            tally.Fail(row.Index, row.Id, ex.Reason, ex.Message, ex.Permanent);
            return null;
        }
    }

    private async Task<List<KeyedImage>> HashAsync(
        List<(ManifestRow Row, ImageLocation Location)> images, DescriberIdentity identity, ShardTally tally, CancellationToken ct)
    {
        var keyed = new ConcurrentBag<KeyedImage>();
        long kept = 0;
        await Parallel.ForEachAsync(images, new ParallelOptions { MaxDegreeOfParallelism = FetchParallelism, CancellationToken = ct },
            async (item, token) =>
            {
                if (await FetchAsync(item.Row, item.Location, tally, token) is { } bytes)
                {
                    var key = DescriptionKey.For(ImageHash.Sha256Hex(bytes), item.Row.Text, identity);
                    var keep = Interlocked.Add(ref kept, bytes.Length) <= KeepBytesBudget;
                    keyed.Add(new KeyedImage(item.Row, item.Location, key, keep ? bytes : null));
                }
            });
        return [.. keyed.OrderBy(k => k.Row.Index)];
    }

    /// <summary>An image row with its description key, and its bytes while the shard's budget allows.</summary>
    private sealed record KeyedImage(ManifestRow Row, ImageLocation Location, DescriptionKey Key, byte[]? Bytes);

    private async Task<byte[]?> FetchAsync(ManifestRow row, ImageLocation location, ShardTally tally, CancellationToken ct)
    {
        try
        {
            return await fetcher.FetchAsync(location, ct);
        }
        catch (ImageSourceException ex)
        {
            tally.Fail(row.Index, row.Id, ex.Reason, ex.Message, ex.Permanent);
            return null;
        }
    }

    private static async Task<IReadOnlySet<DescriptionKey>> PresentAsync(
        DescriptionStore store, IEnumerable<DescriptionKey> keys, bool retryFailed, CancellationToken ct)
    {
        var distinct = keys.Distinct().ToList();
        return retryFailed ? await store.SucceededAsync(distinct, ct) : await store.ExistsAsync(distinct, ct);
    }
}
