using System.CommandLine;
using Distributed.Cli.Output;

namespace Distributed.Cli.Commands;

/// <summary>A command whose stage is not built yet: it says so (status failed, exit 1) and does nothing else.</summary>
public static class NotAvailableCommand
{
    public static Command Create(string name, string description, string reason)
    {
        var command = new Command(name, $"{description} (not available yet)");
        command.SetAction((parse, _) => CommandHost.RunAsync(parse, name, (_, _, summary) =>
        {
            summary.NotAvailable(name, reason);
            summary.Fail($"'{name}' is not available yet: {reason}");
            return Task.CompletedTask;
        }));
        return command;
    }
}
