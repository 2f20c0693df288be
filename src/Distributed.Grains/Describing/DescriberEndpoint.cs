using Distributed.Describing;

namespace Distributed.Grains.Describing;

/// <summary>A live endpoint on this silo: its backend and the gate that bounds requests in flight.</summary>
public sealed class DescriberEndpoint(string name, IDescriber describer, int maxInFlight) : IDisposable
{
    private long _calls;

    public string Name { get; } = name;

    public IDescriber Describer { get; } = describer;

    public int MaxInFlight { get; } = maxInFlight;

    public SemaphoreSlim Gate { get; } = new(maxInFlight, maxInFlight);

    /// <summary>Backend requests made since the silo started.</summary>
    public long Calls => Interlocked.Read(ref _calls);

    public void CountCall() => Interlocked.Increment(ref _calls);

    public void Dispose()
    {
        Gate.Dispose();
        (Describer as IDisposable)?.Dispose();
    }
}
