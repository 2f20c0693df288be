namespace Distributed.Data.Manifests;

/// <summary>
/// A dataset is a manifest file (<c>.jsonl</c>, <c>.csv</c>, <c>.parquet</c>; no implied split) or a folder holding
/// any of <c>train.jsonl</c>, <c>dev.jsonl</c>, <c>test.jsonl</c> (the split is the file's name).
/// </summary>
public static class Dataset
{
    /// <summary>The split names a dataset folder may hold, in the order they are listed.</summary>
    public static readonly IReadOnlyList<string> SplitNames = ["train", "dev", "test"];

    /// <summary>Lists the manifest files of the dataset at <paramref name="path"/> with their implied split.</summary>
    /// <exception cref="FileNotFoundException">The path does not exist, or a folder holds none of the split files.</exception>
    /// <exception cref="NotSupportedException">A file with an unsupported extension.</exception>
    public static IReadOnlyList<ManifestFile> Open(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var full = Path.GetFullPath(path);
        if (File.Exists(full))
        {
            return [ManifestFile.FromPath(full)];
        }

        if (!Directory.Exists(full))
        {
            throw new FileNotFoundException($"Dataset '{path}' is neither a manifest file nor a folder.", path);
        }

        var files = SplitNames
            .Select(split => new ManifestFile(Path.Combine(full, split + ".jsonl"), ManifestFormat.Jsonl, split))
            .Where(f => File.Exists(f.Path))
            .ToList();
        return files.Count > 0
            ? files
            : throw new FileNotFoundException(
                $"Dataset folder '{path}' holds none of train.jsonl, dev.jsonl, test.jsonl.", path);
    }
}
