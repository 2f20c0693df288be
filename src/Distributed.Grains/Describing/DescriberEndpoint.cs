using Distributed.Abstractions.Describing;
using Distributed.Describing;

namespace Distributed.Grains.Describing;

/// <summary>A live endpoint on this silo: its backend and the gate that bounds requests in flight.</summary>
public sealed class DescriberEndpoint(string name, IDescriber describer, int maxInFlight) : IDisposable
{
    /// <summary>Consecutive transient failures after which the endpoint reports itself failing.</summary>
    public const int FailingAfter = 3;

    private long _calls;
    private int _consecutiveTransient;

    public string Name { get; } = name;

    public IDescriber Describer { get; } = describer;

    public int MaxInFlight { get; } = maxInFlight;

    public SemaphoreSlim Gate { get; } = new(maxInFlight, maxInFlight);

    /// <summary>Backend requests made since the silo started.</summary>
    public long Calls => Interlocked.Read(ref _calls);

    public void CountCall() => Interlocked.Increment(ref _calls);

    /// <summary>Transient failures (unreachable, timeout, 429/5xx after retries) since the last answer.</summary>
    public int ConsecutiveTransientFailures => Volatile.Read(ref _consecutiveTransient);

    /// <summary>True after <see cref="FailingAfter"/> transient failures in a row; the next answer clears it.</summary>
    public bool IsFailing => ConsecutiveTransientFailures >= FailingAfter;

    /// <summary>Counts a transient failure, or clears the count on any answer (a permanent failure is an answer).</summary>
    public void RecordOutcome(DescribeOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        if (outcome.Failure == FailureKind.Transient)
        {
            Interlocked.Increment(ref _consecutiveTransient);
        }
        else
        {
            Volatile.Write(ref _consecutiveTransient, 0);
        }
    }

    public void Dispose()
    {
        Gate.Dispose();
        (Describer as IDisposable)?.Dispose();
    }
}
