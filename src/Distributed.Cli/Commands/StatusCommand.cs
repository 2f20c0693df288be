using System.CommandLine;
using Distributed.Abstractions.Captioning;
using Distributed.Cli.Output;

namespace Distributed.Cli.Commands;

/// <summary><c>distributed status [job]</c>: the cluster's silos and roles, and a job's progress when named.</summary>
public static class StatusCommand
{
    private static readonly Argument<string?> Job = new("job") { Description = "A caption job id", Arity = ArgumentArity.ZeroOrOne };

    public static Command Create()
    {
        var command = new Command("status", "Show the cluster's silos and roles, or a job's progress") { Job };
        command.SetAction((parse, ct) => CommandHost.RunAsync(parse, "status", async (configuration, _, summary) =>
        {
            await using var session = await ClusterStage.StartAsync(summary, configuration, parse.GetValue(GlobalOptions.Verbose), ct);
            if (session is not null && parse.GetValue(Job) is { } jobId)
            {
                await summary.RunStageAsync("job", async () =>
                {
                    var status = await session.Client.GetGrain<ICaptionJobGrain>(jobId).GetStatusAsync();
                    if (status.State == CaptionJobState.NotStarted)
                    {
                        throw new InvalidOperationException($"no job named '{jobId}'");
                    }

                    summary.Set("job", status);
                    return $"{status.State.ToString().ToLowerInvariant()}: {status.ShardsDone}/{status.Shards} shards, {status.Counts.Rows}/{status.PlannedRows} rows";
                });
            }
        }));
        return command;
    }
}
