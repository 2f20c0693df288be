using System.CommandLine;

namespace Distributed.Cli;

/// <summary>Options every command takes.</summary>
public static class GlobalOptions
{
    public static readonly Option<bool> Json = new("--json")
    {
        Description = "Print one JSON summary object as the last line of standard output",
        Recursive = true,
    };

    public static readonly Option<string?> DataRoot = new("--data-root")
    {
        Description = "Root folder for datasets, store, jobs and runs (default ./.distributed, or DISTRIBUTED_DATA_ROOT)",
        Recursive = true,
    };

    public static readonly Option<string?> Cluster = new("--cluster")
    {
        Description = "Cluster configuration file (see cluster-config/; or DISTRIBUTED_CLUSTER). Neither: embedded",
        Recursive = true,
    };

    public static readonly Option<string[]> Set = new("--set")
    {
        Description = "Override a setting, e.g. --set Sample:Count=100 (repeatable)",
        Recursive = true,
        AllowMultipleArgumentsPerToken = false,
    };

    public static readonly Option<bool> Verbose = new("--verbose", "-v")
    {
        Description = "Log at Information level (default: warnings only) to standard error",
        Recursive = true,
    };

    public static readonly Option<bool> ReadOnly = new("--read-only")
    {
        Description = "Open the description store read-only (same as --set Store:ReadOnly=true): reads work, writes fail naming the store",
        Recursive = true,
    };

    public static IEnumerable<Option> All => [Json, DataRoot, Cluster, Set, Verbose, ReadOnly];
}
