using System.Security.Cryptography;

namespace Distributed.Storage.Blobs;

/// <summary>
/// Pointer blobs of the local folder container. The ETag is the sha256 of the content (32 hex digits), so it changes
/// whenever the content does (pointer contents carry a generation number, so equal contents never recur). A conditional
/// write holds an exclusive lock on a hidden lock file next to the blob (<c>.name.lock</c>, opened with
/// <see cref="FileShare.None"/>, which .NET maps to flock(LOCK_EX) on Unix and a share-mode lock on Windows, so it
/// excludes other processes too); under the lock it compares the current ETag and renames a temp file over the blob.
/// Readers need no lock: rename is atomic.
/// </summary>
public sealed partial class LocalFolderBlobContainer
{
    private static readonly TimeSpan LockTimeout = TimeSpan.FromSeconds(30);

    public async Task<VersionedBlob?> TryReadVersionedAsync(string name, CancellationToken cancellationToken = default)
    {
        var path = PathOf(name);
        try
        {
            var content = await File.ReadAllBytesAsync(path, cancellationToken).ConfigureAwait(false);
            return new VersionedBlob(content, ETagOf(content));
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return null;
        }
    }

    public async Task<string?> TryReplaceAsync(string name, ReadOnlyMemory<byte> content, string? expectedETag, CancellationToken cancellationToken = default)
    {
        var path = PathOf(name);
        var folder = Path.GetDirectoryName(path)!;
        Directory.CreateDirectory(folder);
        using var held = await AcquireLockAsync(Path.Combine(folder, $".{Path.GetFileName(path)}.lock"), cancellationToken).ConfigureAwait(false);
        var current = await TryReadVersionedAsync(name, cancellationToken).ConfigureAwait(false);
        if (current?.ETag != expectedETag)
        {
            return null;
        }

        var temp = await WriteTempAsync(path, content, cancellationToken).ConfigureAwait(false);
        File.Move(temp, path, overwrite: true);
        return ETagOf(content.Span);
    }

    private static string ETagOf(ReadOnlySpan<byte> content) => Convert.ToHexStringLower(SHA256.HashData(content))[..32];

    private static async Task<FileStream> AcquireLockAsync(string lockPath, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + LockTimeout;
        var delay = TimeSpan.FromMilliseconds(2);
        while (true)
        {
            try
            {
                return new FileStream(lockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(delay, cancellationToken).ConfigureAwait(false);
                delay = TimeSpan.FromMilliseconds(Math.Min(delay.TotalMilliseconds * 2, 50));
            }
            catch (IOException e)
            {
                throw new IOException($"Could not lock '{lockPath}' within {LockTimeout.TotalSeconds:0} s.", e);
            }
        }
    }
}
