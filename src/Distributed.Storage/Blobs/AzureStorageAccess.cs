using Azure;
using Azure.Core;
using Azure.Identity;
using Azure.Storage.Blobs;

namespace Distributed.Storage.Blobs;

/// <summary>How a process proves itself to Azure Storage.</summary>
public enum AzureCredentialKind
{
    /// <summary>An account connection string (account key, or Azurite's <c>UseDevelopmentStorage=true</c>).</summary>
    ConnectionString,

    /// <summary>A service URL plus a shared access signature (account- or container-scoped, e.g. read+list only).</summary>
    SasToken,

    /// <summary>A service URL plus Azure.Identity's <see cref="DefaultAzureCredential"/> (managed identity, workload identity, az login).</summary>
    DefaultCredential,
}

/// <summary>
/// Exactly one way to reach an Azure Storage account: a connection string, a service URL with a SAS token, or a service URL
/// with <see cref="DefaultAzureCredential"/>. Builds clients without touching the network (credentials are used at the
/// first request). Secrets are never part of <see cref="ToString"/> or error messages.
/// </summary>
public sealed class AzureStorageAccess
{
    private AzureStorageAccess(AzureCredentialKind kind, string? connectionString, Uri? serviceUri, string? sasToken)
    {
        Kind = kind;
        ConnectionString = connectionString;
        ServiceUri = serviceUri;
        SasToken = sasToken;
    }

    public AzureCredentialKind Kind { get; }

    /// <summary>The service URL (SAS and default credential), e.g. <c>https://acct.blob.core.windows.net</c>.</summary>
    public Uri? ServiceUri { get; }

    internal string? ConnectionString { get; }

    internal string? SasToken { get; }

    public static AzureStorageAccess FromConnectionString(string connectionString)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        return new(AzureCredentialKind.ConnectionString, connectionString, null, null);
    }

    public static AzureStorageAccess FromSas(Uri serviceUri, string sasToken)
    {
        ArgumentNullException.ThrowIfNull(serviceUri);
        ArgumentException.ThrowIfNullOrWhiteSpace(sasToken);
        return new(AzureCredentialKind.SasToken, null, serviceUri, sasToken.TrimStart('?'));
    }

    public static AzureStorageAccess FromDefaultCredential(Uri serviceUri)
    {
        ArgumentNullException.ThrowIfNull(serviceUri);
        return new(AzureCredentialKind.DefaultCredential, null, serviceUri, null);
    }

    /// <summary>
    /// Chooses from settings: a connection string wins alone; otherwise a service URL with a SAS token or with the
    /// default credential. <paramref name="keyPrefix"/> (e.g. <c>Store:Azure</c>) names the keys in errors.
    /// </summary>
    /// <exception cref="InvalidOperationException">No way, or more than one, is configured.</exception>
    public static AzureStorageAccess Choose(string? connectionString, string? serviceUri, string? sasToken, bool useDefaultCredential, string keyPrefix)
    {
        var ways = (string.IsNullOrWhiteSpace(connectionString) ? 0 : 1) + (string.IsNullOrWhiteSpace(sasToken) ? 0 : 1) + (useDefaultCredential ? 1 : 0);
        if (ways != 1)
        {
            throw new InvalidOperationException(
                $"{(ways == 0 ? "No" : "More than one")} Azure Storage credential is configured: set exactly one of {keyPrefix}ConnectionString, " +
                $"{keyPrefix}SasToken (with {keyPrefix}ServiceUri) or {keyPrefix}UseDefaultCredential = true (with {keyPrefix}ServiceUri); secrets may also come from the matching ...File keys.");
        }

        if (!string.IsNullOrWhiteSpace(connectionString))
        {
            return FromConnectionString(connectionString);
        }

        if (!Uri.TryCreate(serviceUri, UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http"))
        {
            throw new InvalidOperationException($"{keyPrefix}ServiceUri = '{serviceUri}': an https:// service URL is required with a SAS token or the default credential.");
        }

        return useDefaultCredential ? FromDefaultCredential(uri) : FromSas(uri, sasToken!);
    }

    /// <summary>The credential object a URL-based client is built with (null for a connection string).</summary>
    public object? Credential() => Kind switch
    {
        AzureCredentialKind.SasToken => new AzureSasCredential(SasToken!),
        AzureCredentialKind.DefaultCredential => (TokenCredential)new DefaultAzureCredential(),
        _ => null,
    };

    /// <summary>A container client (pinned to an API version Azurite 3.37 accepts, see <see cref="AzureBlobContainer.ClientOptions"/>).</summary>
    public BlobContainerClient Container(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        var options = AzureBlobContainer.ClientOptions();
        return Credential() switch
        {
            AzureSasCredential sas => new BlobContainerClient(ContainerUri(name), sas, options),
            TokenCredential token => new BlobContainerClient(ContainerUri(name), token, options),
            _ => new BlobContainerClient(ConnectionString, name, options),
        };
    }

    /// <summary>A service client (same API version pin).</summary>
    public BlobServiceClient Service()
    {
        var options = AzureBlobContainer.ClientOptions();
        return Credential() switch
        {
            AzureSasCredential sas => new BlobServiceClient(ServiceUri!, sas, options),
            TokenCredential token => new BlobServiceClient(ServiceUri!, token, options),
            _ => new BlobServiceClient(ConnectionString, options),
        };
    }

    /// <summary>The kind and URL, never a secret.</summary>
    public override string ToString() => ServiceUri is null ? Kind.ToString() : $"{Kind} {ServiceUri.GetLeftPart(UriPartial.Path)}";

    private Uri ContainerUri(string name) => new($"{ServiceUri!.GetLeftPart(UriPartial.Path).TrimEnd('/')}/{name}");
}
