using System.CommandLine;

namespace Distributed.Cli.Commands;

/// <summary><c>distributed status</c>: the cluster's silos, their roles and processes.</summary>
public static class StatusCommand
{
    public static Command Create()
    {
        var command = new Command("status", "Show the cluster's silos and their roles (jobs arrive with issue #3)");
        command.SetAction((parse, ct) => CommandHost.RunAsync(parse, "status", async (configuration, _, summary) =>
        {
            await using var session = await ClusterStage.StartAsync(summary, configuration, parse.GetValue(GlobalOptions.Verbose), ct);
        }));
        return command;
    }
}
