using Distributed.Abstractions.Describing;
using Distributed.Data.Images;
using Distributed.Data.Manifests;
using Distributed.Storage.Descriptions;

namespace Distributed.Grains.Captioning;

public sealed partial class ShardProcessor
{
    /// <summary>
    /// Describe requests a shard keeps outstanding. Larger than any one endpoint's slots, so that the last shard of a job
    /// alone can keep every describer busy; the describer grains' gates bound what reaches a backend.
    /// </summary>
    private const int DescribeParallelism = 128;

    private async Task DescribeAsync(
        List<KeyedImage> misses, DescriberIdentity identity,
        DescriptionStore store, DescriberDispatch describers, ShardTally tally, CancellationToken ct)
    {
        var pending = new List<DescriptionRecord>();
        using var gate = new SemaphoreSlim(1, 1);

        async Task AddAsync(DescriptionRecord record, CancellationToken token)
        {
            await gate.WaitAsync(token);
            try
            {
                pending.Add(record);
                if (pending.Count >= AppendBatch)
                {
                    await store.AppendAsync([.. pending], token);
                    pending.Clear();
                }
            }
            finally
            {
                gate.Release();
            }
        }

        await Parallel.ForEachAsync(misses, new ParallelOptions { MaxDegreeOfParallelism = DescribeParallelism, CancellationToken = ct },
            async (miss, token) =>
            {
                if (await DescribeOneAsync(miss, identity, describers, tally, token) is { } record)
                {
                    await AddAsync(record, token);
                }
            });
        if (pending.Count > 0)
        {
            await store.AppendAsync([.. pending], ct);
        }
    }

    private async Task<DescriptionRecord?> DescribeOneAsync(
        KeyedImage miss, DescriberIdentity identity, DescriberDispatch describers, ShardTally tally, CancellationToken ct)
    {
        var (row, key) = (miss.Row, miss.Key);
        if ((miss.Bytes ?? await FetchAsync(row, miss.Location, tally, ct)) is not { } bytes)
        {
            return null;
        }

        LoadedImage image;
        try
        {
            image = ImageLoader.Load(bytes, row.Image!, new ImageLoadOptions { MaxSide = identity.MaxImageSide });
        }
        catch (ImageRejectedException ex)
        {
            tally.Fail(row.Index, row.Id, ex.Reason, ex.Message, permanent: true);
            return Record(key, identity.Model, null, "", 0, ex.Reason, ex.Message);
        }

        var outcome = await describers.DescribeAsync(new DescribeRequest(key.ImageSha256, image.Encoded, image.MediaType, row.Text));
        switch (outcome.Failure)
        {
            case FailureKind.None:
                tally.Described();
                return Record(key, outcome.Model, outcome.Fields, outcome.RawJson, outcome.LatencyMs, null, null);
            case FailureKind.Permanent:
                tally.Fail(row.Index, row.Id, outcome.ErrorReason!, outcome.ErrorMessage!, permanent: true);
                return Record(key, outcome.Model, null, outcome.RawJson, outcome.LatencyMs, outcome.ErrorReason, outcome.ErrorMessage);
            default:
                tally.Fail(row.Index, row.Id, outcome.ErrorReason!, outcome.ErrorMessage!, permanent: false);
                return null;
        }
    }

    private DescriptionRecord Record(
        DescriptionKey key, string model, DescriptionFields? fields, string rawJson, double latencyMs, string? reason, string? message) =>
        new(key, model, fields?.Ocr, fields?.VisualScene, fields?.Reasoning, rawJson, time.GetUtcNow(), latencyMs, reason, message);
}
