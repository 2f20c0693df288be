namespace Distributed.Tests.Shared;

/// <summary>
/// What some tests need from the machine: Tesseract, Azurite (started by tools/test.sh), the shared datasets. When a
/// need is missing the test skips with the reason — except under <c>CI=true</c>, where CI always has it and a missing
/// need is a failure.
/// </summary>
public static class Requirements
{
    public const string TesseractLibrary = "/usr/lib/x86_64-linux-gnu/libtesseract.so.5";

    public static bool OnCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>Libtesseract (the embedded describer's OCR).</summary>
    public static void Tesseract()
    {
        if (!File.Exists(TesseractLibrary))
        {
            throw Missing($"{TesseractLibrary} is not installed: run tools/setup.sh");
        }
    }

    /// <summary>The redis-server executable (apt's redis-server, installed by tools/setup.sh).</summary>
    public static string RedisServer()
    {
        const string Path = "/usr/bin/redis-server";
        return File.Exists(Path) ? Path : throw Missing($"{Path} is not installed: run tools/setup.sh");
    }

    /// <summary>The connection string of the Azurite that tools/test.sh starts (DISTRIBUTED_TEST_AZURITE).</summary>
    public static string AzuriteConnectionString() =>
        Environment.GetEnvironmentVariable("DISTRIBUTED_TEST_AZURITE") is { Length: > 0 } connection
            ? connection
            : throw Missing("Azurite is not running: run the tests through tools/test.sh, which starts it and sets DISTRIBUTED_TEST_AZURITE");

    /// <summary>A folder of ../shared/datasets (beside the repository), e.g. <c>mvsa-single</c>.</summary>
    public static string SharedDataset(string name)
    {
        var folder = Path.GetFullPath(Path.Combine(RepositoryRoot(), "..", "shared", "datasets", name));
        return Directory.Exists(folder) ? folder : throw Missing($"the shared dataset folder '{folder}' is absent");
    }

    /// <summary>The folder holding Distributed.sln, found upward from the test binaries.</summary>
    public static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Distributed.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"No Distributed.sln above '{AppContext.BaseDirectory}'.");
    }

    private static Exception Missing(string reason) =>
        OnCi ? new InvalidOperationException($"{reason} (CI=true: not skipping).") : new SkipException($"{reason}; skipping.");
}
