using Distributed.Abstractions.Cluster;
using Distributed.Cli.Output;
using Distributed.Grains.Cluster;
using Distributed.Hosting.Cluster;
using Microsoft.Extensions.Configuration;

namespace Distributed.Cli.Commands;

/// <summary>The "cluster" stage: start the embedded silo or connect to the configured cluster, then list its nodes.</summary>
public static class ClusterStage
{
    public const string Name = "cluster";

    public static async Task<ClusterSession?> StartAsync(
        CommandSummary summary, IConfiguration configuration, bool verbose, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(summary);
        ClusterSession? session = null;
        await summary.RunStageAsync(Name, async () =>
        {
            session = await ClusterSession.StartAsync(configuration, verbose, ct);
            var nodes = await ClusterInventory.ListNodesAsync(session.Client);
            summary.Set(Name, new ClusterReport(
                session.Options.Mode.ToString().ToLowerInvariant(),
                session.Options.Membership.ToString().ToLowerInvariant(),
                session.Options.ClusterId,
                nodes));
            return $"{session.Options.Mode.ToString().ToLowerInvariant()}, {nodes.Count} silo(s)";
        });
        return session;
    }

    private sealed record ClusterReport(string Mode, string Membership, string ClusterId, IReadOnlyList<NodeInfo> Nodes);
}
