using System.CommandLine;
using Distributed.Cli.Output;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace Distributed.Cli.Commands;

/// <summary>What every command does around its own work: configuration, output, and turning errors into a summary.</summary>
public static class CommandHost
{
    public static async Task<int> RunAsync(
        ParseResult parse, string command, Func<IConfiguration, Reporter, CommandSummary, Task> body)
    {
        ArgumentNullException.ThrowIfNull(parse);
        ArgumentNullException.ThrowIfNull(body);
        var reporter = new Reporter(parse.GetValue(GlobalOptions.Json));
        var summary = new CommandSummary(command);
        try
        {
            await body(CliConfiguration.Build(parse), reporter, summary);
        }
        catch (Exception ex) when (ex is OptionsValidationException or InvalidOperationException
                                       or ArgumentException or FileNotFoundException or FormatException)
        {
            summary.Fail($"configuration error: {ex.Message}");
        }

        return reporter.Finish(summary);
    }
}
