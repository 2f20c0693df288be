using System.CommandLine;
using Distributed.Cli;
using Distributed.Cli.Commands;

var root = new RootCommand("distributed: describe the images of image+text corpora with VLMs, keep the descriptions " +
                           "in a shared store, and train a text-centric affect classifier across an Orleans cluster");
foreach (var option in GlobalOptions.All)
{
    root.Options.Add(option);
}

root.Subcommands.Add(RunCommand.Create());
root.Subcommands.Add(SampleCommand.Create());
root.Subcommands.Add(StatusCommand.Create());
root.Subcommands.Add(CaptionCommand.Create());
root.Subcommands.Add(CancelCommand.Create());
root.Subcommands.Add(StoreCommand.Create());
root.Subcommands.Add(TrainCommand.Create());
root.Subcommands.Add(EvalCommand.Create());
root.Subcommands.Add(PredictCommand.Create());
root.Subcommands.Add(ExperimentCommand.Create());
return await root.Parse(args).InvokeAsync();
