using System.CommandLine;
using Distributed.Abstractions.Captioning;
using Distributed.Cli.Output;

namespace Distributed.Cli.Commands;

/// <summary><c>distributed cancel &lt;job&gt;</c>: stop a caption job after its running shards finish.</summary>
public static class CancelCommand
{
    private static readonly Argument<string> Job = new("job") { Description = "The caption job id" };

    public static Command Create()
    {
        var command = new Command("cancel", "Cancel a caption job (running shards finish; nothing stored is lost)") { Job };
        command.SetAction((parse, ct) => CommandHost.RunAsync(parse, "cancel", async (configuration, _, summary) =>
        {
            await using var session = await ClusterStage.StartAsync(summary, configuration, parse.GetValue(GlobalOptions.Verbose), ct);
            if (session is not null)
            {
                await summary.RunStageAsync("cancel", async () =>
                {
                    var status = await session.Client.GetGrain<ICaptionJobGrain>(parse.GetValue(Job)!).CancelAsync();
                    summary.Set("job", status);
                    return status.State.ToString().ToLowerInvariant();
                });
            }
        }));
        return command;
    }
}
