using Distributed.Data.Manifests;

namespace Distributed.Training.Corpus;

/// <summary>One manifest row and the file it came from.</summary>
public sealed record DatasetRow(ManifestFile File, ManifestRow Row);

/// <summary>Every row of a dataset (manifest file, or folder with train/dev/test.jsonl), read into memory.</summary>
/// <param name="Path">The dataset's absolute path.</param>
/// <param name="Files">Its manifest files.</param>
/// <param name="Rows">Its rows, file by file.</param>
public sealed record DatasetRows(string Path, IReadOnlyList<ManifestFile> Files, IReadOnlyList<DatasetRow> Rows)
{
    /// <summary>
    /// Reads the dataset at <paramref name="path"/>. Throws <see cref="InvalidDataException"/> naming the file and line
    /// of the first malformed row, or when the dataset has no rows; <see cref="FileNotFoundException"/> when it does not exist.
    /// </summary>
    public static async Task<DatasetRows> ReadAsync(string path, CancellationToken ct = default)
    {
        var files = Dataset.Open(path);
        var rows = new List<DatasetRow>();
        foreach (var file in files)
        {
            await foreach (var entry in ManifestReader.ReadAsync(file, ct).ConfigureAwait(false))
            {
                if (entry.IsError)
                {
                    var line = entry.Error.LineNumber is { } n ? $" line {n}" : $" row {entry.Error.Index}";
                    throw new InvalidDataException($"Manifest '{file.Path}'{line}: {entry.Error.Reason}");
                }

                rows.Add(new DatasetRow(file, entry.Row));
            }
        }

        return rows.Count > 0
            ? new DatasetRows(System.IO.Path.GetFullPath(path), files, rows)
            : throw new InvalidDataException(
                $"Dataset '{path}' has no rows ({string.Join(", ", files.Select(f => f.Path))}); nothing to train or evaluate on.");
    }
}
