using System.Diagnostics;
using Distributed.Abstractions.Captioning;
using Orleans.Concurrency;
using Distributed.Abstractions.Describing;
using Distributed.Grains.Captioning;
using Distributed.Grains.Placement;

namespace Distributed.Grains.Describing;

/// <summary>
/// One endpoint on one silo. Reentrant so many shards' requests wait on the endpoint's gate together; the backend
/// call runs on the thread pool (embedded OCR is CPU work), never on the grain's scheduler.
/// </summary>
[SiloBoundPlacement]
[Reentrant]
public sealed class DescriberGrain(DescriberRegistry registry) : Grain, IDescriberGrain
{
    private DescriberEndpoint Endpoint => registry.Get(DescriberKey.EndpointOf(this.GetPrimaryKeyString()));

    public Task<DescriberIdentity> GetIdentityAsync() => Task.FromResult(Endpoint.Describer.Identity);

    public async Task<DescribeOutcome> DescribeAsync(DescribeRequest request)
    {
        var endpoint = Endpoint;
        var tag = new KeyValuePair<string, object?>("describer", endpoint.Name);
        var waiting = Stopwatch.GetTimestamp();
        await endpoint.Gate.WaitAsync();
        CaptionInstruments.QueueWait.Record(Stopwatch.GetElapsedTime(waiting).TotalMilliseconds, tag);
        CaptionInstruments.InFlight.Add(1, tag);
        try
        {
            endpoint.CountCall();
            var outcome = await Task.Run(() => endpoint.Describer.DescribeAsync(request, CancellationToken.None));
            endpoint.RecordOutcome(outcome);
            CaptionInstruments.BackendLatency.Record(outcome.LatencyMs, tag);
            return outcome;
        }
        finally
        {
            CaptionInstruments.InFlight.Add(-1, tag);
            endpoint.Gate.Release();
        }
    }
}
