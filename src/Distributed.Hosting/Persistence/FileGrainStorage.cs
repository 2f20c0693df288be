using System.Security.Cryptography;
using Orleans.Serialization;
using Orleans.Storage;

namespace Distributed.Hosting.Persistence;

/// <summary>
/// Grain state as files under a folder (embedded mode keeps job state under the data root, so a job survives the
/// process and <c>--resume</c> continues it). One file per grain and state name, written atomically (temp file +
/// rename) with Orleans' own serializer; the ETag is the file's content hash, and a write whose ETag is stale throws
/// <see cref="InconsistentStateException"/>.
/// </summary>
public sealed class FileGrainStorage(string folder, Serializer serializer) : IGrainStorage
{
    public async Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        ArgumentNullException.ThrowIfNull(grainState);
        var path = PathOf(stateName, grainId);
        if (!File.Exists(path))
        {
            grainState.State = Activator.CreateInstance<T>();
            grainState.ETag = null;
            grainState.RecordExists = false;
            return;
        }

        var bytes = await File.ReadAllBytesAsync(path);
        grainState.State = serializer.Deserialize<T>(bytes);
        grainState.ETag = ETagOf(bytes);
        grainState.RecordExists = true;
    }

    public async Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        ArgumentNullException.ThrowIfNull(grainState);
        var path = PathOf(stateName, grainId);
        await CheckETagAsync(path, grainState.ETag);
        var bytes = serializer.SerializeToArray(grainState.State);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temporary = $"{path}.{Guid.NewGuid():N}.tmp";
        await File.WriteAllBytesAsync(temporary, bytes);
        File.Move(temporary, path, overwrite: true);
        grainState.ETag = ETagOf(bytes);
        grainState.RecordExists = true;
    }

    public async Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        ArgumentNullException.ThrowIfNull(grainState);
        var path = PathOf(stateName, grainId);
        await CheckETagAsync(path, grainState.ETag);
        File.Delete(path);
        grainState.ETag = null;
        grainState.RecordExists = false;
        grainState.State = Activator.CreateInstance<T>();
    }

    private static async Task CheckETagAsync(string path, string? expected)
    {
        var current = File.Exists(path) ? ETagOf(await File.ReadAllBytesAsync(path)) : null;
        if (current != expected)
        {
            throw new InconsistentStateException($"Grain state file '{path}' changed since it was read.", current ?? "(none)", expected ?? "(none)");
        }
    }

    private string PathOf(string stateName, GrainId grainId) =>
        Path.Combine(folder, Uri.EscapeDataString(stateName), Uri.EscapeDataString(grainId.ToString()) + ".state");

    private static string ETagOf(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes))[..32];
}
