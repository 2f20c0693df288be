using System.Diagnostics;

namespace Distributed.Cli.Output;

/// <summary>Runs the stages of a command, timing and tracing each, and records how each ended.</summary>
public static class StageRunner
{
    public static readonly ActivitySource Source = new("Distributed.Cli");

    /// <summary>
    /// Runs <paramref name="stage"/> unless an earlier stage failed (then it is skipped); an exception fails the stage
    /// with its message and does not escape. Returns whether the stage finished.
    /// </summary>
    public static async Task<bool> RunStageAsync(this CommandSummary summary, string name, Func<Task<string?>> stage)
    {
        ArgumentNullException.ThrowIfNull(summary);
        ArgumentNullException.ThrowIfNull(stage);
        if (summary.Status == "failed")
        {
            summary.Add(new StageResult(name, StageStatus.Skipped, "an earlier stage failed"));
            return false;
        }

        using var activity = Source.StartActivity(name);
        var clock = Stopwatch.StartNew();
        try
        {
            var detail = await stage();
            summary.Add(new StageResult(name, StageStatus.Done, detail, Math.Round(clock.Elapsed.TotalSeconds, 3)));
            return true;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            activity?.SetStatus(ActivityStatusCode.Error, ex.Message);
            summary.Add(new StageResult(name, StageStatus.Failed, ex.Message, Math.Round(clock.Elapsed.TotalSeconds, 3)));
            return false;
        }
    }
}
