namespace Distributed.Abstractions.Cluster;

/// <summary>What a silo reports about itself.</summary>
/// <param name="SiloAddress">The silo's address in <c>SiloAddress.ToParsableString()</c> form.</param>
/// <param name="Roles">The roles this silo was started with (general, describer, trainer).</param>
/// <param name="HostName">The machine (or pod) name.</param>
/// <param name="ProcessId">The silo's process id.</param>
/// <param name="StartedAt">When the silo process started (UTC).</param>
/// <param name="Describers">Names of the describer endpoints this silo serves (empty without the describer role).</param>
[GenerateSerializer, Immutable, Alias("Distributed.NodeInfo")]
public sealed record NodeInfo(
    [property: Id(0)] string SiloAddress,
    [property: Id(1)] IReadOnlyList<string> Roles,
    [property: Id(2)] string HostName,
    [property: Id(3)] int ProcessId,
    [property: Id(4)] DateTimeOffset StartedAt,
    [property: Id(5)] IReadOnlyList<string> Describers)
{
    /// <summary>
    /// Describer endpoints of this silo whose backend failed transiently (unreachable, timeout, 429/5xx after
    /// retries) several times in a row and has not answered since: unhealthy. Empty when all answer.
    /// </summary>
    [Id(6)]
    public IReadOnlyList<string> FailingDescribers { get; init; } = [];
}
