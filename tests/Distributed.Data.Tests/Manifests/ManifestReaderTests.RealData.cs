using Distributed.Data.Manifests;

namespace Distributed.Data.Tests.Manifests;

public sealed partial class ManifestReaderTests
{
    [SkippableFact]
    public async Task ReadAsync_MvsaSingleDataset_ReadsAllSplitsWithoutErrors()
    {
        var folder = Requirements.SharedDataset("mvsa-single");

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
}
