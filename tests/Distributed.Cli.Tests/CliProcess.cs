using System.Diagnostics;
using System.Text.Json;

namespace Distributed.Cli.Tests;

/// <summary>Runs the real <c>distributed</c> executable (copied next to the tests) in a fresh working folder.</summary>
public sealed class CliProcess : IDisposable
{
    public string WorkingFolder { get; } = Directory.CreateTempSubdirectory("distributed-cli-").FullName;

    public async Task<CliResult> RunAsync(params string[] args)
    {
        using var process = Start(args);
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await process.WaitForExitAsync(timeout.Token);
        return new CliResult(process.ExitCode, await stdout, await stderr);
    }

    /// <summary>Starts the CLI without waiting (standard output and error redirected).</summary>
    public Process Start(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = WorkingFolder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "distributed.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment.Remove("DISTRIBUTED_CLUSTER");
        start.Environment.Remove("DISTRIBUTED_DATA_ROOT");
        return Process.Start(start)!;
    }

    public void Dispose() => Directory.Delete(WorkingFolder, recursive: true);
}

public sealed record CliResult(int ExitCode, string Stdout, string Stderr)
{
    /// <summary>The JSON summary: the last line of standard output.</summary>
    public JsonElement Summary
    {
        get
        {
            var last = Stdout.TrimEnd().Split('\n')[^1];
            return JsonDocument.Parse(last).RootElement;
        }
    }

    public string StageStatus(string name) =>
        Summary.GetProperty("stages").EnumerateArray()
            .Single(s => s.GetProperty("name").GetString() == name)
            .GetProperty("status").GetString()!;

    public override string ToString() => $"exit {ExitCode}\nstdout:\n{Stdout}\nstderr:\n{Stderr}";
}
