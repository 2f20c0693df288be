using System.Runtime.CompilerServices;

namespace Distributed.Storage.Blobs;

/// <summary>
/// Blobs as files under a root folder (<c>a/b.parquet</c> → <c>root/a/b.parquet</c>). Every write goes to a hidden
/// temp file in the target folder first, so no reader ever sees a half-written blob. Create-only writes publish the
/// temp with link(2) (fails if the name exists); pointer writes are serialised by a lock file (see
/// <see cref="TryReplaceAsync"/>). Files and folders whose names start with '.' are never listed.
/// </summary>
public sealed partial class LocalFolderBlobContainer : IBlobContainer
{
    private readonly string _root;

    /// <summary>A container rooted at <paramref name="root"/> (created on first write).</summary>
    public LocalFolderBlobContainer(string root)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(root);
        _root = Path.GetFullPath(root);
    }

    public string Location => _root;

    public async Task<bool> TryCreateAsync(string name, ReadOnlyMemory<byte> content, CancellationToken cancellationToken = default)
    {
        var path = PathOf(name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        if (File.Exists(path))
        {
            return false;
        }

        var temp = await WriteTempAsync(path, content, cancellationToken).ConfigureAwait(false);
        return AtomicFile.TryPublish(temp, path);
    }

    public Task<Stream> OpenReadAsync(string name, CancellationToken cancellationToken = default)
    {
        var path = PathOf(name);
        try
        {
            Stream stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 1 << 16, useAsync: true);
            return Task.FromResult(stream);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            throw BlobNotFoundException.For(Location, name, e);
        }
    }

    public async IAsyncEnumerable<BlobEntry> ListAsync(string prefix, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(prefix);
        var folder = prefix.Contains('/', StringComparison.Ordinal) ? prefix[..prefix.LastIndexOf('/')] : "";
        var start = Path.Combine(_root, folder);
        if (!Directory.Exists(start))
        {
            yield break;
        }

        var entries = new List<BlobEntry>();
        foreach (var file in new DirectoryInfo(start).EnumerateFiles("*", SearchOption.AllDirectories))
        {
            var name = Path.GetRelativePath(_root, file.FullName).Replace(Path.DirectorySeparatorChar, '/');
            if (name.StartsWith(prefix, StringComparison.Ordinal) && !name.Split('/').Any(part => part.StartsWith('.')))
            {
                entries.Add(new BlobEntry(name, file.Length));
            }
        }

        entries.Sort((a, b) => string.CompareOrdinal(a.Name, b.Name));
        foreach (var entry in entries)
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return entry;
        }

        await Task.CompletedTask.ConfigureAwait(false);
    }

    public Task<bool> DeleteAsync(string name, CancellationToken cancellationToken = default)
    {
        var path = PathOf(name);
        if (!File.Exists(path))
        {
            return Task.FromResult(false);
        }

        File.Delete(path);
        return Task.FromResult(true);
    }

    private string PathOf(string name) => Path.Combine(_root, BlobName.Validate(name).Replace('/', Path.DirectorySeparatorChar));

    private static async Task<string> WriteTempAsync(string path, ReadOnlyMemory<byte> content, CancellationToken cancellationToken)
    {
        var temp = AtomicFile.TempPathFor(path);
        var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16, useAsync: true);
        await using (stream.ConfigureAwait(false))
        {
            await stream.WriteAsync(content, cancellationToken).ConfigureAwait(false);
            stream.Flush(flushToDisk: true);
        }

        return temp;
    }
}
