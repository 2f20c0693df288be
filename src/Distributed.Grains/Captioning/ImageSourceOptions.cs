using System.ComponentModel.DataAnnotations;
using Distributed.Abstractions.Options;
using Distributed.Data.Manifests;

namespace Distributed.Grains.Captioning;

/// <summary>Where images may come from. Bound from the <c>Images</c> section.</summary>
public sealed class ImageSourceOptions : IOptionsSection
{
    public static string SectionName => "Images";

    /// <summary>Hosts whose <c>http(s)</c> image URLs are fetched. Default: none (http off).</summary>
    public string[] AllowedHttpHosts { get; set; } = [];

    /// <summary>Folders besides each manifest's own that image paths may point into. Default: none.</summary>
    public string[] AllowedRoots { get; set; } = [];

    /// <summary>Largest image accepted, in bytes. Default: 20 MB (20,971,520).</summary>
    [Range(1, 1L << 30, ErrorMessage = "must be between {1} and {2}")]
    public long MaxBytes { get; set; } = ImageFetcher.DefaultMaxBytes;

    /// <summary>Connection string for <c>az://container/path</c> images (a secret: <c>Images__AzureConnectionString</c>).</summary>
    public string? AzureConnectionString { get; set; }

    /// <summary>A file holding <see cref="AzureConnectionString"/> (a mounted secret). Default: none.</summary>
    public string? AzureConnectionStringFile { get; set; }

    /// <summary>The connection string, inline or from its file; null when neither is set.</summary>
    /// <exception cref="InvalidOperationException">Both are set, or the file does not exist (names the keys, not the value).</exception>
    public string? ResolveAzureConnectionString() =>
        Storage.Blobs.SecretFile.Resolve(AzureConnectionString, AzureConnectionStringFile, "Images:AzureConnectionString");

    public ImageSourcePolicy Policy => new()
    {
        AllowedHttpHosts = AllowedHttpHosts,
        AllowedRoots = [.. AllowedRoots.Select(Path.GetFullPath)],
    };
}
