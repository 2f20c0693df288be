using Spectre.Console;
using Spectre.Console.Rendering;

namespace Distributed.Cli.Output;

/// <summary>
/// Where a command's output goes: progress and human-readable text on standard error; with <c>--json</c>, the
/// summary as the last line of standard output; without it, a table on standard output.
/// </summary>
public sealed class Reporter(bool json)
{
    private readonly IAnsiConsole _progressConsole = AnsiConsole.Create(new AnsiConsoleSettings
    {
        Out = new AnsiConsoleOutput(Console.Error),
    });

    public bool Json { get; } = json;

    public void Info(string message) => _progressConsole.MarkupLine($"[grey]{Markup.Escape(message)}[/]");

    /// <summary>Runs <paramref name="work"/> with a progress bar (rate and ETA) of <paramref name="total"/> items.</summary>
    public Task<T> WithProgressAsync<T>(string description, int total, Func<IProgress<int>, Task<T>> work) =>
        WithProgressAsync(description, total, (Func<Action<int, string>, Task<T>>)(update =>
            work(new Progress<int>(done => update(done, description)))));

    /// <summary>As above; <paramref name="work"/> updates the value and the description text (e.g. live counts).</summary>
    public async Task<T> WithProgressAsync<T>(string description, int total, Func<Action<int, string>, Task<T>> work)
    {
        T result = default!;
        await _progressConsole.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(),
                new ItemRateColumn(), new ElapsedTimeColumn(), new RemainingTimeColumn())
            .StartAsync(async context =>
            {
                var task = context.AddTask(Markup.Escape(description), maxValue: total);
                result = await work((done, text) =>
                {
                    task.Value = done;
                    task.Description = Markup.Escape(text);
                });
                task.Value = total;
            });
        return result;
    }

    public int Finish(CommandSummary summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        if (Json)
        {
            Console.Out.WriteLine(summary.ToJson());
            return summary.ExitCode;
        }

        var table = new Table().AddColumns("stage", "status", "detail");
        foreach (var stage in summary.Stages)
        {
            table.AddRow(Markup.Escape(stage.Name), Colour(stage.Status), Markup.Escape(stage.Detail ?? ""));
        }

        AnsiConsole.Write(table);
        AnsiConsole.MarkupLine($"{Markup.Escape(summary.Command)}: [bold]{summary.Status}[/]");
        if (summary.Error is not null)
        {
            AnsiConsole.MarkupLine($"[red]{Markup.Escape(summary.Error)}[/]");
        }

        return summary.ExitCode;
    }

    private static string Colour(StageStatus status) => status switch
    {
        StageStatus.Done => "[green]done[/]",
        StageStatus.Failed => "[red]failed[/]",
        StageStatus.NotAvailable => "[yellow]not available yet[/]",
        _ => "[grey]skipped[/]",
    };

    /// <summary>Items per second, from Spectre's own speed estimate.</summary>
    private sealed class ItemRateColumn : ProgressColumn
    {
        public override IRenderable Render(RenderOptions options, ProgressTask task, TimeSpan deltaTime) =>
            new Text(task.Speed is { } speed ? $"{speed:0.0} items/s" : "-- items/s");
    }
}
