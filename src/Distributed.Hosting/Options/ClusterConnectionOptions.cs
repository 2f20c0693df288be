using System.ComponentModel.DataAnnotations;
using Distributed.Abstractions.Options;

namespace Distributed.Hosting.Options;

/// <summary>Cluster identity, membership and endpoints. Bound from the <c>Cluster</c> section.</summary>
public sealed class ClusterConnectionOptions : IOptionsSection, IValidatableObject
{
    public static string SectionName => "Cluster";

    /// <summary>Embedded (host a silo in this process) or Client. Default: Embedded.</summary>
    public ClusterMode Mode { get; set; } = ClusterMode.Embedded;

    /// <summary>Membership provider. Default: Localhost.</summary>
    public MembershipProvider Membership { get; set; } = MembershipProvider.Localhost;

    /// <summary>Orleans service id: stable across deployments of one product installation. Default: distributed.</summary>
    [Required, RegularExpression("^[a-z0-9][a-z0-9-]{0,62}$", ErrorMessage = "must be 1-63 lowercase letters, digits or '-'")]
    public string ServiceId { get; set; } = "distributed";

    /// <summary>Orleans cluster id: one per running cluster. Default: local.</summary>
    [Required, RegularExpression("^[a-z0-9][a-z0-9-]{0,62}$", ErrorMessage = "must be 1-63 lowercase letters, digits or '-'")]
    public string ClusterId { get; set; } = "local";

    /// <summary>Silo-to-silo port; 0 picks a free port (Localhost membership only). Default: 0.</summary>
    [Range(0, 65535, ErrorMessage = "must be between {1} and {2}")]
    public int SiloPort { get; set; }

    /// <summary>Client gateway port; 0 picks a free port (Localhost membership only). Default: 0.</summary>
    [Range(0, 65535, ErrorMessage = "must be between {1} and {2}")]
    public int GatewayPort { get; set; }

    /// <summary>Address advertised to other silos. Default: loopback (127.0.0.1).</summary>
    public string AdvertisedAddress { get; set; } = "127.0.0.1";

    /// <summary>
    /// Azure Storage connection string for membership (AzureStorage only). A secret: supply it through the
    /// environment (<c>Cluster__AzureStorageConnectionString</c>) or a secrets file, never checked-in config.
    /// </summary>
    public string? AzureStorageConnectionString { get; set; }

    /// <summary>A file holding <see cref="AzureStorageConnectionString"/> (a mounted secret). Default: none.</summary>
    public string? AzureStorageConnectionStringFile { get; set; }

    /// <summary>Table service URL (<c>https://account.table.core.windows.net</c>) for membership and reminders, used with
    /// <see cref="AzureStorageSasToken"/> or <see cref="AzureStorageUseDefaultCredential"/>. Default: none.</summary>
    public string? AzureTableServiceUri { get; set; }

    /// <summary>Blob service URL (<c>https://account.blob.core.windows.net</c>) for job state, used with a SAS token or
    /// the default credential. Default: none.</summary>
    public string? AzureBlobServiceUri { get; set; }

    /// <summary>An account SAS (tables + blobs) for the two service URLs; a secret (<c>Cluster__AzureStorageSasToken</c>).
    /// Default: none.</summary>
    public string? AzureStorageSasToken { get; set; }

    /// <summary>A file holding <see cref="AzureStorageSasToken"/>. Default: none.</summary>
    public string? AzureStorageSasTokenFile { get; set; }

    /// <summary>Authenticate to the service URLs with Azure.Identity's DefaultAzureCredential. Default: false.</summary>
    public bool AzureStorageUseDefaultCredential { get; set; }

    /// <summary>StackExchange.Redis configuration string for Redis membership (e.g. <c>redis:6379,password=...</c>); a
    /// secret when it holds a password: pass it as <c>Cluster__RedisConnectionString</c>. Default: none.</summary>
    public string? RedisConnectionString { get; set; }

    /// <summary>A file holding <see cref="RedisConnectionString"/>. Default: none.</summary>
    public string? RedisConnectionStringFile { get; set; }

    /// <summary>The Azure connection string, inline or from its file.</summary>
    public string? ResolveAzureConnectionString() => SecretValue.Resolve(
        AzureStorageConnectionString, AzureStorageConnectionStringFile, "Cluster:AzureStorageConnectionString");

    /// <summary>The Azure SAS token, inline or from its file.</summary>
    public string? ResolveAzureSasToken() => SecretValue.Resolve(
        AzureStorageSasToken, AzureStorageSasTokenFile, "Cluster:AzureStorageSasToken");

    /// <summary>The Redis configuration string, inline or from its file.</summary>
    public string? ResolveRedisConnectionString() => SecretValue.Resolve(
        RedisConnectionString, RedisConnectionStringFile, "Cluster:RedisConnectionString");

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!System.Net.IPAddress.TryParse(AdvertisedAddress, out _))
        {
            yield return new ValidationResult("must be an IP address", [nameof(AdvertisedAddress)]);
        }

        var secrets = SecretValue.Check(AzureStorageConnectionString, AzureStorageConnectionStringFile, nameof(AzureStorageConnectionString), nameof(AzureStorageConnectionStringFile))
            .Concat(SecretValue.Check(AzureStorageSasToken, AzureStorageSasTokenFile, nameof(AzureStorageSasToken), nameof(AzureStorageSasTokenFile)))
            .Concat(SecretValue.Check(RedisConnectionString, RedisConnectionStringFile, nameof(RedisConnectionString), nameof(RedisConnectionStringFile)));
        foreach (var error in secrets)
        {
            yield return error;
        }

        var errors = Membership switch
        {
            MembershipProvider.AzureStorage => ValidateAzure(),
            MembershipProvider.Redis => ValidateRedis(),
            _ => [],
        };
        foreach (var error in errors)
        {
            yield return error;
        }

        if (Membership != MembershipProvider.Localhost && Mode == ClusterMode.Embedded && SiloPort == 0)
        {
            yield return new ValidationResult(
                $"must be between 1 and 65535 when Cluster:Membership is {Membership}", [nameof(SiloPort)]);
        }
    }

    private IEnumerable<ValidationResult> ValidateAzure()
    {
        var hasConnection = !string.IsNullOrWhiteSpace(AzureStorageConnectionString) || !string.IsNullOrWhiteSpace(AzureStorageConnectionStringFile);
        var hasSas = !string.IsNullOrWhiteSpace(AzureStorageSasToken) || !string.IsNullOrWhiteSpace(AzureStorageSasTokenFile);
        var ways = (hasConnection ? 1 : 0) + (hasSas ? 1 : 0) + (AzureStorageUseDefaultCredential ? 1 : 0);
        if (ways == 0)
        {
            yield return new ValidationResult(
                "is required when Cluster:Membership is AzureStorage (or AzureStorageConnectionStringFile, or the service URLs with AzureStorageSasToken or AzureStorageUseDefaultCredential)",
                [nameof(AzureStorageConnectionString)]);
        }
        else if (ways > 1)
        {
            yield return new ValidationResult(
                "give one Azure credential: a connection string, a SAS token or the default credential", [nameof(AzureStorageConnectionString)]);
        }
        else if (!hasConnection)
        {
            foreach (var (value, member) in new[] { (AzureTableServiceUri, nameof(AzureTableServiceUri)), (AzureBlobServiceUri, nameof(AzureBlobServiceUri)) })
            {
                if (!Uri.TryCreate(value, UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http"))
                {
                    yield return new ValidationResult("must be an https:// service URL with a SAS token or the default credential", [member]);
                }
            }
        }
    }

    private IEnumerable<ValidationResult> ValidateRedis()
    {
        if (string.IsNullOrWhiteSpace(RedisConnectionString) && string.IsNullOrWhiteSpace(RedisConnectionStringFile))
        {
            yield return new ValidationResult(
                "is required when Cluster:Membership is Redis (or Cluster:RedisConnectionStringFile)", [nameof(RedisConnectionString)]);
        }
    }
}
