using Distributed.Data.Manifests;

namespace Distributed.Data.Tests.Manifests;

public sealed partial class ManifestReaderTests
{
    [SkippableFact]
    public async Task ReadAsync_MvsaSingleDataset_ReadsAllSplitsWithoutErrors()
    {
        var folder = Path.GetFullPath(Path.Combine(RepoRoot(), "..", "shared", "datasets", "mvsa-single"));
        var ci = string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);
        if (ci)
        {
            Assert.True(Directory.Exists(folder), $"CI=true but the MVSA-Single dataset folder '{folder}' is missing.");
        }

        Skip.IfNot(Directory.Exists(folder), $"MVSA-Single dataset folder '{folder}' is absent; skipping the real-data test.");

        var files = Dataset.Open(folder);
        var counts = new Dictionary<string, int>();
        foreach (var file in files)
        {
            var entries = await ManifestFiles.ReadAllAsync(ManifestReader.ReadAsync(file));
            Assert.Empty(entries.Where(e => e.IsError).Select(e => e.Error!.Reason));
            Assert.All(entries, e => Assert.Equal(file.Split, e.Row!.Split));
            counts[file.Split!] = entries.Count;
        }

        Assert.Equal(["train", "dev", "test"], files.Select(f => f.Split));
        Assert.Equal(3611, counts["train"]);
    }

    private static string RepoRoot()
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
}
