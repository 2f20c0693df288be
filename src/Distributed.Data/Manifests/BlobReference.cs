namespace Distributed.Data.Manifests;

/// <summary>
/// Parses <c>az://container/blob/name</c>: the container follows Azure's rule (3–63 characters of lowercase
/// letters, digits and single inner hyphens); the blob name is the rest (1–1024 characters), kept verbatim.
/// </summary>
internal static class BlobReference
{
    private const string Prefix = "az://";

    public static BlobImage Parse(string image)
    {
        if (!image.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase))
        {
            throw Invalid(image, "expected az://container/blob");
        }

        var rest = image[Prefix.Length..];
        var slash = rest.IndexOf('/', StringComparison.Ordinal);
        if (slash < 0 || slash == rest.Length - 1)
        {
            throw Invalid(image, "expected az://container/blob with a blob name");
        }

        var container = rest[..slash];
        var blob = rest[(slash + 1)..];
        if (!IsContainerName(container))
        {
            throw Invalid(image, $"'{container}' is not a valid container name");
        }

        return blob.Length <= 1024 ? new BlobImage(image, container, blob) : throw Invalid(image, "blob name longer than 1024 characters");
    }

    private static bool IsContainerName(string name) =>
        name.Length is >= 3 and <= 63
        && name.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-')
        && name[0] != '-' && name[^1] != '-'
        && !name.Contains("--", StringComparison.Ordinal);

    private static ImageSourceException Invalid(string image, string detail) =>
        ImageSourceException.Permanently(ImageSourceReasons.InvalidReference, image, detail);
}
