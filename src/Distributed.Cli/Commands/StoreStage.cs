using Distributed.Cli.Output;
using Microsoft.Extensions.Configuration;

namespace Distributed.Cli.Commands;

/// <summary>The "store" stage: read the description store's statistics (rows, unique keys, segments, by describer).</summary>
public static class StoreStage
{
    public const string Name = "store";

    public static async Task RunAsync(CommandSummary summary, IConfiguration configuration, string location, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(summary);
        await summary.RunStageAsync(Name, async () =>
        {
            using var store = CaptionStage.OpenStore(configuration, location);
            var stats = await store.StatsAsync(ct);
            summary.Set("store_stats", stats);
            return $"{stats.UniqueKeys} descriptions ({stats.Errors} errors) in {stats.Segments} segment(s), {stats.Bytes} bytes";
        });
    }
}
