using System.Collections.Concurrent;
using Distributed.Grains.Cluster;
using Microsoft.Extensions.Options;

namespace Distributed.Grains.Describing;

/// <summary>
/// The describer endpoints this silo serves: those in its own <c>Describers</c> configuration, and none at all when
/// the silo lacks the describer role. Backends are built on first use and live as long as the silo.
/// </summary>
public sealed class DescriberRegistry(
    IOptions<DescriberOptions> options, IOptions<SiloRoleOptions> roles, IDescriberFactory factory) : IDisposable
{
    private readonly ConcurrentDictionary<string, Lazy<DescriberEndpoint>> _endpoints = new(StringComparer.Ordinal);

    public bool HasDescriberRole => roles.Value.Effective.Contains("describer");

    public IReadOnlyList<string> Names => HasDescriberRole ? [.. options.Value.Effective.Select(e => e.Name)] : [];

    /// <summary>Endpoints of this silo whose backend failed transiently <see cref="DescriberEndpoint.FailingAfter"/> times in a row.</summary>
    public IReadOnlyList<string> Failing =>
        [.. _endpoints.Values.Where(e => e.IsValueCreated && e.Value.IsFailing).Select(e => e.Value.Name).Order(StringComparer.Ordinal)];

    /// <exception cref="InvalidOperationException">This silo does not serve an endpoint of that name.</exception>
    public DescriberEndpoint Get(string name)
    {
        var configured = options.Value.Effective.FirstOrDefault(e => e.Name == name);
        if (!HasDescriberRole || configured is null)
        {
            throw new InvalidOperationException(
                $"This silo serves no describer endpoint named '{name}' (describer role: {HasDescriberRole}; endpoints: {string.Join(", ", Names)}).");
        }

        return _endpoints.GetOrAdd(name, _ => new Lazy<DescriberEndpoint>(() => Build(configured))).Value;
    }

    private DescriberEndpoint Build(DescriberEndpointOptions endpoint)
    {
        var inFlight = endpoint.MaxInFlight > 0 ? endpoint.MaxInFlight
            : endpoint.Backend == DescriberBackend.Embedded ? Environment.ProcessorCount : 16;
        return new DescriberEndpoint(endpoint.Name, factory.Create(endpoint), inFlight);
    }

    public void Dispose()
    {
        foreach (var endpoint in _endpoints.Values.Where(e => e.IsValueCreated))
        {
            endpoint.Value.Dispose();
        }
    }
}
