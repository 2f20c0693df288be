namespace Distributed.Storage.Blobs;

/// <summary>Validates blob names: relative, <c>/</c>-separated, no empty, <c>.</c> or <c>..</c> segments.</summary>
internal static class BlobName
{
    public static string Validate(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        if (name.StartsWith('/') || name.Contains('\\', StringComparison.Ordinal) || name.Contains('\0', StringComparison.Ordinal))
        {
            throw new ArgumentException($"Blob name '{name}' must be relative and use '/' as separator.", nameof(name));
        }

        foreach (var part in name.Split('/'))
        {
            if (part.Length == 0 || part == "." || part == ".." || part.StartsWith(".tmp-", StringComparison.Ordinal))
            {
                throw new ArgumentException($"Blob name '{name}' has an invalid segment '{part}'.", nameof(name));
            }
        }

        return name;
    }
}
