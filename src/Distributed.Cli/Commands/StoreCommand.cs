using System.CommandLine;
using Distributed.Cli.Output;
using Distributed.Storage.Descriptions;

namespace Distributed.Cli.Commands;

/// <summary><c>distributed store stats|export|compact</c>: inspect, export and compact the description store.</summary>
public static class StoreCommand
{
    private static readonly Option<string?> Store = new("--store")
    {
        Description = "Store URI: folder, file://, or az://container/prefix (default <data root>/store)",
        Recursive = true,
    };

    private static readonly Option<ExportFormat> Format = new("--format") { Description = "jsonl or parquet", DefaultValueFactory = _ => ExportFormat.Jsonl };
    private static readonly Option<string> Output = new("--output", "-o") { Description = "File to write", Required = true };

    public static Command Create()
    {
        var command = new Command("store", "Inspect, export and compact the description store") { Store };
        command.Subcommands.Add(Sub("stats", "Rows, unique keys, segments, bytes, by describer and prompt version", async (store, summary, _, ct) =>
        {
            var stats = await store.StatsAsync(ct);
            summary.Set("store_stats", stats);
            return $"{stats.UniqueKeys} descriptions ({stats.Errors} errors), {stats.Rows} rows in {stats.Segments} segment(s)";
        }));
        var export = Sub("export", "Export the deduplicated descriptions as JSONL or Parquet", async (store, summary, parse, ct) =>
        {
            var path = Path.GetFullPath(parse.GetValue(Output)!);
            await using var file = File.Create(path);
            var rows = await store.ExportAsync(file, parse.GetValue(Format), ct);
            summary.Set("output", path);
            summary.Set("rows", rows);
            return $"{rows} rows to {path}";
        });
        export.Options.Add(Format);
        export.Options.Add(Output);
        command.Subcommands.Add(export);
        command.Subcommands.Add(Sub("compact", "Merge segments; old ones are deleted after the grace period", async (store, summary, _, ct) =>
        {
            var result = await store.CompactAsync(ct);
            summary.Set("compaction", result);
            return $"{result.InputSegments} segment(s) into {result.OutputSegments}; {result.PurgedSegments} expired segment(s) deleted";
        }));
        return command;
    }

    private static Command Sub(string name, string description, Func<DescriptionStore, CommandSummary, ParseResult, CancellationToken, Task<string?>> body)
    {
        var command = new Command(name, description);
        command.SetAction((parse, ct) => CommandHost.RunAsync(parse, $"store {name}", async (configuration, _, summary) =>
        {
            var location = parse.GetValue(Store) ?? CaptionStage.DefaultStore(configuration);
            summary.Set("store", location);
            using var store = CaptionStage.OpenStore(configuration, location);
            await summary.RunStageAsync(name, () => body(store, summary, parse, ct));
        }));
        return command;
    }
}
