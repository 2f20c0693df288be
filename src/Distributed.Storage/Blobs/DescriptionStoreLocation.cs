namespace Distributed.Storage.Blobs;

/// <summary>
/// Where a store lives, parsed from a URI: a plain path or <c>file://</c> URI is a local folder;
/// <c>az://container/prefix</c> is an Azure Blob container (the connection string is given separately, never in
/// the URI).
/// </summary>
/// <param name="Uri">The text it was parsed from.</param>
/// <param name="LocalPath">The folder, for a local store; otherwise null.</param>
/// <param name="Container">The Azure container name, for an Azure store; otherwise null.</param>
/// <param name="Prefix">The name prefix inside the Azure container (may be empty).</param>
public sealed record DescriptionStoreLocation(string Uri, string? LocalPath, string? Container, string Prefix)
{
    /// <summary>Parses <paramref name="uri"/>; throws <see cref="FormatException"/> naming it when it is not a store location.</summary>
    public static DescriptionStoreLocation Parse(string uri)
    {
        if (string.IsNullOrWhiteSpace(uri))
        {
            throw new FormatException("Store location is empty: give a folder path, file://path or az://container/prefix.");
        }

        if (uri.StartsWith("az://", StringComparison.OrdinalIgnoreCase))
        {
            var rest = uri["az://".Length..];
            var slash = rest.IndexOf('/', StringComparison.Ordinal);
            var container = slash < 0 ? rest : rest[..slash];
            var prefix = slash < 0 ? "" : rest[(slash + 1)..].Trim('/');
            if (!IsContainerName(container))
            {
                throw new FormatException($"Store location '{uri}': '{container}' is not a valid Azure container name (3-63 of a-z, 0-9, '-').");
            }

            return new DescriptionStoreLocation(uri, null, container, prefix);
        }

        if (uri.StartsWith("file://", StringComparison.OrdinalIgnoreCase))
        {
            return System.Uri.TryCreate(uri, UriKind.Absolute, out var parsed) && parsed.IsFile
                ? new DescriptionStoreLocation(uri, parsed.LocalPath, null, "")
                : throw new FormatException($"Store location '{uri}' is not a valid file:// URI.");
        }

        if (uri.Contains("://", StringComparison.Ordinal))
        {
            throw new FormatException($"Store location '{uri}' has an unknown scheme: use a folder path, file://path or az://container/prefix.");
        }

        return new DescriptionStoreLocation(uri, uri, null, "");
    }

    /// <summary>
    /// Opens the container with the store's settings: Azure credentials (connection string, SAS or default credential)
    /// and read-only mode (writes throw; an Azure container is not created).
    /// </summary>
    public IBlobContainer Open(Descriptions.DescriptionStoreOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        IBlobContainer blobs = LocalPath is not null
            ? new LocalFolderBlobContainer(LocalPath)
            : new AzureBlobContainer(AzureAccess(options).Container(Container!), Prefix, createIfMissing: !options.ReadOnly);
        return options.ReadOnly ? new ReadOnlyBlobContainer(blobs) : blobs;
    }

    private AzureStorageAccess AzureAccess(Descriptions.DescriptionStoreOptions options)
    {
        try
        {
            return options.ResolveAzureAccess();
        }
        catch (InvalidOperationException e)
        {
            throw new InvalidOperationException($"Store location '{Uri}' is an Azure container: {e.Message}", e);
        }
    }

    /// <summary>Opens the container; an Azure location needs <paramref name="azureConnectionString"/>.</summary>
    public IBlobContainer Open(string? azureConnectionString = null)
    {
        if (LocalPath is not null)
        {
            return new LocalFolderBlobContainer(LocalPath);
        }

        if (string.IsNullOrWhiteSpace(azureConnectionString))
        {
            throw new ArgumentException($"Store location '{Uri}' is an Azure container: an Azure Storage connection string is required.", nameof(azureConnectionString));
        }

        return AzureBlobContainer.Connect(azureConnectionString, Container!, Prefix);
    }

    private static bool IsContainerName(string name) =>
        name.Length is >= 3 and <= 63 && name.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-');
}
