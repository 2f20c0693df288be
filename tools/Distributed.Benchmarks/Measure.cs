using System.Diagnostics;

namespace Distributed.Benchmarks;

/// <summary>Repeats a measurement and reports the median (these machines are noisy).</summary>
public static class Measure
{
    public static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }

    public static async Task<double> MedianMillisecondsAsync(int repeats, Func<Task> action)
    {
        var times = new List<double>();
        for (var i = 0; i < repeats; i++)
        {
            var clock = Stopwatch.StartNew();
            await action();
            times.Add(clock.Elapsed.TotalMilliseconds);
        }

        return Median(times);
    }

    public static void Header(string what, string command)
    {
        Console.WriteLine($"# {what}");
        Console.WriteLine($"# machine: {Environment.ProcessorCount} cores, {Environment.OSVersion}, .NET {Environment.Version}");
        Console.WriteLine($"# command: {command}");
    }
}
