using Orleans.Runtime;

namespace Distributed.Hosting.Health;

/// <summary>
/// Whether this silo should receive work: it is <see cref="SiloStatus.Active"/> in the cluster's membership and
/// every registered Orleans <see cref="IHealthCheckParticipant"/> reports healthy.
/// </summary>
public sealed class SiloReadiness(ISiloStatusOracle oracle, IEnumerable<IHealthCheckParticipant> participants, TimeProvider time)
{
    private DateTime _lastCheck = time.GetUtcNow().UtcDateTime;

    /// <summary>True when ready; otherwise false with the reason.</summary>
    public bool IsReady(out string reason)
    {
        var status = oracle.CurrentStatus;
        if (status != SiloStatus.Active)
        {
            reason = $"silo status is {status}, not Active";
            return false;
        }

        var lastCheck = _lastCheck;
        _lastCheck = time.GetUtcNow().UtcDateTime;
        foreach (var participant in participants)
        {
            if (!participant.CheckHealth(lastCheck, out var unhealthy))
            {
                reason = $"{participant.GetType().Name}: {unhealthy}";
                return false;
            }
        }

        reason = "silo is Active";
        return true;
    }
}
