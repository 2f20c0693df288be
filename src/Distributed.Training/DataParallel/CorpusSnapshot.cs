using System.Text.Json;
using System.Text.Json.Serialization;
using Distributed.Training.Corpus;

namespace Distributed.Training.DataParallel;

/// <summary>
/// The joined corpus as the replicas of a data-parallel job read it: joined once (by the CLI, which hashes the images
/// and asks the store), written as one JSON file next to the run, and read by every trainer, so W trainers do not
/// repeat the join. On a multi-machine cluster the file must be on storage every trainer can read.
/// </summary>
/// <param name="DatasetPath">The dataset the rows came from.</param>
/// <param name="Labels">The label set in class-index order.</param>
/// <param name="Rows">The kept rows.</param>
public sealed record CorpusSnapshot(string DatasetPath, IReadOnlyList<string> Labels, IReadOnlyList<CorpusRow> Rows)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    /// <summary>The rows of one split.</summary>
    public IReadOnlyList<CorpusRow> Split(string split) => [.. Rows.Where(r => r.Split == split)];

    /// <summary>The snapshot of a joined corpus.</summary>
    public static CorpusSnapshot Of(TrainingCorpus corpus)
    {
        ArgumentNullException.ThrowIfNull(corpus);
        return new CorpusSnapshot(corpus.DatasetPath, corpus.Labels, corpus.Rows);
    }

    /// <summary>Writes the snapshot to <paramref name="path"/> (via a temporary file, then a rename).</summary>
    public void Write(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        var temporary = $"{path}.{Guid.NewGuid():N}.tmp";
        File.WriteAllBytes(temporary, JsonSerializer.SerializeToUtf8Bytes(this, Json));
        File.Move(temporary, path, overwrite: true);
    }

    /// <summary>Reads a snapshot; <see cref="InvalidDataException"/> naming the file when it is missing or not a snapshot.</summary>
    public static CorpusSnapshot Read(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        try
        {
            var snapshot = JsonSerializer.Deserialize<CorpusSnapshot>(File.ReadAllBytes(path), Json);
            return snapshot is { Labels.Count: > 0, Rows: not null }
                ? snapshot
                : throw new InvalidDataException($"Corpus file '{path}' holds no labels or rows.");
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or JsonException)
        {
            throw new InvalidDataException($"Corpus file '{path}' cannot be read: {ex.Message}", ex);
        }
    }
}
