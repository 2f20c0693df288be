using System.Text.Json;
using Distributed.Storage.Blobs;

namespace Distributed.Training.Checkpoints;

/// <summary>The checkpoint a store's pointer names: its step and the blob prefix holding its files.</summary>
/// <param name="Step">Optimizer steps taken when it was written.</param>
/// <param name="Prefix">Blob name prefix of its files (ends with <c>/</c>).</param>
public sealed record CheckpointPointer(int Step, string Prefix);

/// <summary>
/// Checkpoints on blob storage (a local folder or Azure Blob behind <see cref="IBlobContainer"/>), committed
/// atomically: the files of a checkpoint folder written by <c>TrainingCheckpoint.Save</c> are uploaded create-only
/// under a fresh prefix <c>&lt;prefix&gt;/checkpoint-&lt;step&gt;-&lt;id&gt;/</c>, and only when every file is up is
/// the pointer blob <c>&lt;prefix&gt;/latest.json</c> replaced (conditional on its ETag). An upload that fails halfway
/// leaves the pointer — and so the previous checkpoint — untouched; its partial files are never referenced.
/// </summary>
public sealed class BlobCheckpointStore(IBlobContainer container, string prefix)
{
    private const string PointerName = "latest.json";
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private readonly IBlobContainer _container = container ?? throw new ArgumentNullException(nameof(container));
    private readonly string _prefix = string.IsNullOrEmpty(prefix) ? "" : prefix.TrimEnd('/') + "/";

    /// <summary>Uploads the checkpoint folder <paramref name="folder"/> of <paramref name="step"/> and commits it as the latest.</summary>
    /// <exception cref="InvalidOperationException">Another writer moved the pointer while this upload ran.</exception>
    public async Task<CheckpointPointer> UploadAsync(string folder, int step, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(folder);
        var files = Directory.GetFiles(folder);
        if (files.Length == 0)
        {
            throw new InvalidDataException($"Checkpoint folder '{folder}' holds no files.");
        }

        var current = await _container.TryReadVersionedAsync(_prefix + PointerName, cancellationToken).ConfigureAwait(false);
        var pointer = new CheckpointPointer(step, $"{_prefix}checkpoint-{step}-{Guid.NewGuid():N}/");
        foreach (var file in files.Order(StringComparer.Ordinal))
        {
            var name = pointer.Prefix + Path.GetFileName(file);
            var content = await File.ReadAllBytesAsync(file, cancellationToken).ConfigureAwait(false);
            if (!await _container.TryCreateAsync(name, content, cancellationToken).ConfigureAwait(false))
            {
                throw new InvalidOperationException($"Checkpoint blob '{name}' in {_container.Location} already exists.");
            }
        }

        var committed = await _container.TryReplaceAsync(
            _prefix + PointerName, JsonSerializer.SerializeToUtf8Bytes(pointer, Json), current?.ETag, cancellationToken).ConfigureAwait(false);
        return committed is not null
            ? pointer
            : throw new InvalidOperationException(
                $"The checkpoint pointer {_prefix}{PointerName} in {_container.Location} changed during the upload of step {step}; not committed.");
    }

    /// <summary>The committed latest checkpoint, or null when none was ever committed.</summary>
    public async Task<CheckpointPointer?> LatestAsync(CancellationToken cancellationToken = default)
    {
        var blob = await _container.TryReadVersionedAsync(_prefix + PointerName, cancellationToken).ConfigureAwait(false);
        return blob is null
            ? null
            : JsonSerializer.Deserialize<CheckpointPointer>(blob.Content, Json)
              ?? throw new InvalidDataException($"Checkpoint pointer {_prefix}{PointerName} in {_container.Location} is empty.");
    }

    /// <summary>
    /// Downloads the latest committed checkpoint into <paramref name="folder"/> (created) and returns it, ready for
    /// <c>TrainingCheckpoint.Load</c>; null when no checkpoint was committed.
    /// </summary>
    public async Task<CheckpointPointer?> DownloadLatestAsync(string folder, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(folder);
        var latest = await LatestAsync(cancellationToken).ConfigureAwait(false);
        if (latest is null)
        {
            return null;
        }

        Directory.CreateDirectory(folder);
        await foreach (var entry in _container.ListAsync(latest.Prefix, cancellationToken).ConfigureAwait(false))
        {
            var target = Path.Combine(folder, entry.Name[latest.Prefix.Length..]);
            var source = await _container.OpenReadAsync(entry.Name, cancellationToken).ConfigureAwait(false);
            await using (source.ConfigureAwait(false))
            {
                var output = File.Create(target);
                await using (output.ConfigureAwait(false))
                {
                    await source.CopyToAsync(output, cancellationToken).ConfigureAwait(false);
                }
            }
        }

        return latest;
    }
}
