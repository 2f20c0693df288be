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

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!System.Net.IPAddress.TryParse(AdvertisedAddress, out _))
        {
            yield return new ValidationResult("must be an IP address", [nameof(AdvertisedAddress)]);
        }

        if (Membership != MembershipProvider.AzureStorage)
        {
            yield break;
        }

        if (string.IsNullOrWhiteSpace(AzureStorageConnectionString))
        {
            yield return new ValidationResult(
                "is required when Cluster:Membership is AzureStorage", [nameof(AzureStorageConnectionString)]);
        }

        if (Mode == ClusterMode.Embedded && SiloPort == 0)
        {
            yield return new ValidationResult(
                "must be between 1 and 65535 when Cluster:Membership is AzureStorage", [nameof(SiloPort)]);
        }
    }
}
