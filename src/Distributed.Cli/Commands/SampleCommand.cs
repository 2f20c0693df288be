using System.CommandLine;

namespace Distributed.Cli.Commands;

/// <summary><c>distributed sample</c>: write the deterministic sample image+text dataset.</summary>
public static class SampleCommand
{
    private static readonly Option<string?> Output = new("--output", "-o")
    {
        Description = "Folder to write (default: <data root>/datasets/sample)",
    };

    private static readonly Option<bool> Force = new("--force")
    {
        Description = "Regenerate even when the folder already holds a manifest",
    };

    public static Command Create()
    {
        var command = new Command("sample", "Generate the deterministic sample dataset (set size and seed with --set Sample:Count=N --set Sample:Seed=S)")
        {
            Output,
            Force,
        };
        command.SetAction((parse, ct) => CommandHost.RunAsync(parse, "sample", async (configuration, reporter, summary) =>
        {
            var folder = Path.GetFullPath(parse.GetValue(Output) ?? SampleStage.DefaultFolder(configuration));
            await SampleStage.RunAsync(summary, reporter, configuration, folder, parse.GetValue(Force), ct);
        }));
        return command;
    }
}
