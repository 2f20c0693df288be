using System.Collections.Concurrent;
using Distributed.Abstractions.Training;
using Distributed.Learning.Collective;
using Distributed.Storage.Descriptions;
using Microsoft.Extensions.Options;

namespace Distributed.Grains.Training;

/// <summary>
/// The trainer sessions of this silo, by trainer grain key. A singleton: when the silo stops, every session's ring
/// connections close, so the trainers on other silos fail their step at once instead of waiting on a dead peer.
/// </summary>
public sealed class TrainerSessions(
    ILocalSiloDetails silo, IOptions<DescriptionStoreOptions> storeOptions, IOptions<DataPlaneOptions> dataPlane) : IDisposable
{
    private readonly ConcurrentDictionary<string, TrainerSession> _sessions = new(StringComparer.Ordinal);
    private readonly Lazy<RingTls?> _tls = new(dataPlane.Value.Build);

    /// <summary>Opens a session for <paramref name="key"/>, replacing (and closing) an earlier one.</summary>
    public TrainerSession Open(string key, TrainerAssignment assignment)
    {
        var session = TrainerSession.Open(assignment, silo.SiloAddress.Endpoint.Address, storeOptions.Value, _tls.Value);
        if (_sessions.TryRemove(key, out var earlier))
        {
            earlier.Dispose();
        }

        _sessions[key] = session;
        return session;
    }

    /// <summary>The session of <paramref name="key"/>.</summary>
    public TrainerSession Get(string key) => _sessions.TryGetValue(key, out var session)
        ? session
        : throw new InvalidOperationException($"Trainer '{key}' has no session on this silo (not prepared, or stopped).");

    /// <summary>Closes and forgets the session of <paramref name="key"/>, if any.</summary>
    public void Close(string key)
    {
        if (_sessions.TryRemove(key, out var session))
        {
            session.Dispose();
        }
    }

    /// <summary>Closes every session.</summary>
    public void Dispose()
    {
        foreach (var key in _sessions.Keys)
        {
            Close(key);
        }
    }
}
