namespace Distributed.Grains.Describing;

/// <summary>
/// The silo's describer endpoints as an Orleans health participant: unhealthy while any endpoint is failing (its
/// backend failed transiently <see cref="DescriberEndpoint.FailingAfter"/> times in a row, e.g. the VLM server is
/// unreachable), so the silo's readiness endpoint and Orleans' watchdog report it. Shards keep routing around it.
/// </summary>
public sealed class DescriberHealth(DescriberRegistry registry) : IHealthCheckParticipant
{
    public bool CheckHealth(DateTime lastCheckTime, out string reason)
    {
        var failing = registry.Failing;
        reason = failing.Count == 0
            ? ""
            : $"describer endpoint(s) failing: {string.Join(", ", failing)} ({DescriberEndpoint.FailingAfter} or more transient failures in a row)";
        return failing.Count == 0;
    }
}
