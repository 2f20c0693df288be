namespace Distributed.Data.Manifests;

/// <summary>
/// Resolves a manifest's image reference: a path (relative to the manifest's folder, or absolute), a <c>file://</c>
/// URI, <c>az://container/blob</c>, or <c>http(s)://</c> (allowed hosts only). A prefix of two or more letters
/// followed by <c>:</c> is read as a URI scheme. Local paths are resolved physically (<c>..</c> and symlinks) and
/// must stay inside the manifest's folder or an allowed root. Existence is checked later, at fetch time.
/// </summary>
public static class ImageReference
{
    /// <summary>Resolves <paramref name="image"/>; throws a permanent <see cref="ImageSourceException"/> on rejection.</summary>
    public static ImageLocation Resolve(string image, string manifestFolder, ImageSourcePolicy policy)
    {
        ArgumentException.ThrowIfNullOrEmpty(manifestFolder);
        ArgumentNullException.ThrowIfNull(policy);
        if (string.IsNullOrWhiteSpace(image))
        {
            throw ImageSourceException.Permanently(ImageSourceReasons.InvalidReference, image ?? string.Empty, "empty reference");
        }

        try
        {
            return SchemeOf(image) switch
            {
                null => Local(image, image, manifestFolder, policy),
                "file" => Local(image, FilePath(image), manifestFolder, policy),
                "az" => BlobReference.Parse(image),
                "http" or "https" => Http(image, policy),
                var other => throw ImageSourceException.Permanently(
                    ImageSourceReasons.UnsupportedScheme, image, $"scheme '{other}' is not supported (use a path, file://, az:// or http(s)://)"),
            };
        }
        catch (Exception ex) when (ex is ArgumentException or IOException or NotSupportedException)
        {
            throw ImageSourceException.Permanently(ImageSourceReasons.InvalidReference, image, ex.Message, ex);
        }
    }

    private static string? SchemeOf(string image)
    {
        var colon = image.IndexOf(':', StringComparison.Ordinal);
        if (colon < 2 || !char.IsAsciiLetter(image[0]))
        {
            return null;
        }

        var scheme = image.AsSpan(0, colon);
        foreach (var c in scheme)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c is not ('+' or '-' or '.'))
            {
                return null;
            }
        }

        return scheme.ToString().ToLowerInvariant();
    }

    private static string FilePath(string image)
    {
        if (!Uri.TryCreate(image, UriKind.Absolute, out var uri) || !uri.IsFile)
        {
            throw ImageSourceException.Permanently(ImageSourceReasons.InvalidReference, image, "not a valid file:// URI");
        }

        return uri.Host is "" or "localhost"
            ? uri.LocalPath
            : throw ImageSourceException.Permanently(ImageSourceReasons.UnsupportedScheme, image, $"file:// URI names host '{uri.Host}'");
    }

    private static LocalImageFile Local(string image, string path, string manifestFolder, ImageSourcePolicy policy)
    {
        var folder = RealPath.Resolve(Path.GetFullPath(manifestFolder));
        var full = RealPath.Resolve(Path.IsPathRooted(path) ? path : Path.Join(folder, path));
        var roots = policy.AllowedRoots.Select(r => RealPath.Resolve(Path.GetFullPath(r))).Prepend(folder);
        return roots.Any(root => RealPath.IsInside(full, root))
            ? new LocalImageFile(image, full)
            : throw ImageSourceException.Permanently(
                ImageSourceReasons.PathOutsideDataset, image,
                $"resolves to '{full}', outside the dataset folder '{folder}' and the allowed roots");
    }

    private static HttpImage Http(string image, ImageSourcePolicy policy)
    {
        if (!Uri.TryCreate(image, UriKind.Absolute, out var uri) || string.IsNullOrEmpty(uri.Host))
        {
            throw ImageSourceException.Permanently(ImageSourceReasons.InvalidReference, image, "not a valid http(s) URL");
        }

        return policy.AllowsHost(uri.Host)
            ? new HttpImage(image, uri)
            : throw ImageSourceException.Permanently(
                ImageSourceReasons.HttpNotAllowed, image, $"host '{uri.Host}' is not in the allowed http hosts");
    }
}
