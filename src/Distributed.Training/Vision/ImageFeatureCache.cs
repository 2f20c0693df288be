using Distributed.Data.Images;

namespace Distributed.Training.Vision;

/// <summary>
/// A folder of ResNet18 features keyed by the sha256 of the original image bytes, so repeated runs never recompute:
/// one file per image at <c>{folder}/{sha[0..2]}/{sha}.rn18</c>, written to a temporary file and renamed into place.
/// A file that is truncated, fails its checksum, holds another key or another
/// <see cref="ResNet18Featurizer.FeatureSpace"/> is treated as absent: the features are recomputed and the file
/// rewritten. Safe to use from several threads and processes (the last identical write wins).
/// </summary>
public sealed class ImageFeatureCache
{
    private readonly ResNet18Featurizer _featurizer;
    private long _hits;
    private long _extractions;

    /// <summary>A cache in <paramref name="folder"/> (created when missing) that fills itself with <paramref name="featurizer"/>.</summary>
    public ImageFeatureCache(string folder, ResNet18Featurizer featurizer)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(folder);
        ArgumentNullException.ThrowIfNull(featurizer);
        Folder = Path.GetFullPath(folder);
        Directory.CreateDirectory(Folder);
        _featurizer = featurizer;
    }

    /// <summary>The cache folder (absolute).</summary>
    public string Folder { get; }

    /// <summary>Lookups answered from a file.</summary>
    public long Hits => Interlocked.Read(ref _hits);

    /// <summary>Lookups that ran the network (absent or unreadable file).</summary>
    public long Extractions => Interlocked.Read(ref _extractions);

    /// <summary>
    /// The cached features of the image whose sha256 is <paramref name="sha256"/>; when absent or unreadable, calls
    /// <paramref name="loadBytes"/>, checks the bytes hash to <paramref name="sha256"/>, extracts and stores them.
    /// </summary>
    /// <param name="sha256">64 hex characters (<see cref="ImageHash.Sha256Hex"/> of the original bytes).</param>
    /// <param name="loadBytes">Reads the original image bytes; called only on a miss.</param>
    /// <param name="name">Named in errors.</param>
    /// <exception cref="ImageRejectedException">The image cannot be loaded; names <paramref name="name"/>.</exception>
    /// <exception cref="InvalidDataException">The loaded bytes do not hash to <paramref name="sha256"/>.</exception>
    public ImageFeatures GetOrExtract(string sha256, Func<byte[]> loadBytes, string name)
    {
        ArgumentNullException.ThrowIfNull(loadBytes);
        ArgumentNullException.ThrowIfNull(name);
        var key = NormalizeKey(sha256);
        if (TryGet(key, out var cached))
        {
            Interlocked.Increment(ref _hits);
            return cached;
        }

        var bytes = loadBytes() ?? throw new InvalidOperationException($"Image '{name}': the loader returned null.");
        var actual = ImageHash.Sha256Hex(bytes);
        if (actual != key)
        {
            throw new InvalidDataException($"Image '{name}': its bytes hash to {actual}, not to the key {key}.");
        }

        var features = _featurizer.Extract(bytes, name);
        Interlocked.Increment(ref _extractions);
        Write(key, features);
        return features;
    }

    /// <summary>The cached features of <paramref name="sha256"/>, if a sound file holds them.</summary>
    public bool TryGet(string sha256, out ImageFeatures features)
    {
        var key = NormalizeKey(sha256);
        byte[] file;
        try
        {
            file = File.ReadAllBytes(PathFor(key));
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException or IOException or UnauthorizedAccessException)
        {
            features = null!;
            return false;
        }

        return ImageFeatureFile.TryRead(file, key, _featurizer.FeatureSpace, out features);
    }

    /// <summary>The file that holds (or would hold) the features of <paramref name="sha256"/>.</summary>
    public string PathFor(string sha256)
    {
        var key = NormalizeKey(sha256);
        return Path.Combine(Folder, key[..2], key + ".rn18");
    }

    private void Write(string key, ImageFeatures features)
    {
        var path = PathFor(key);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temp = $"{path}.{Guid.NewGuid():N}.tmp";
        try
        {
            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                stream.Write(ImageFeatureFile.Serialize(key, _featurizer.FeatureSpace, features));
                stream.Flush(flushToDisk: true);
            }

            File.Move(temp, path, overwrite: true);
        }
        finally
        {
            File.Delete(temp); // no-op once moved
        }
    }

    private static string NormalizeKey(string sha256)
    {
        ArgumentNullException.ThrowIfNull(sha256);
        return sha256.Length == 64 && sha256.All(char.IsAsciiHexDigit)
            ? sha256.ToLowerInvariant()
            : throw new ArgumentException($"'{sha256}' is not a sha256 (64 hex characters).", nameof(sha256));
    }
}
