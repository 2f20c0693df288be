using System.ComponentModel.DataAnnotations;
using Distributed.Abstractions.Options;

namespace Distributed.Hosting.Health;

/// <summary>
/// The silo process's own endpoints and lifetime (not the embedded silo's). Bound from the <c>SiloHost</c> section.
/// On Kubernetes the probes call <c>/healthz/live</c> and <c>/healthz/ready</c> on <see cref="HealthPort"/>, and
/// <see cref="ShutdownTimeoutSeconds"/> must stay below the pod's <c>terminationGracePeriodSeconds</c>.
/// </summary>
public sealed class SiloHostOptions : IOptionsSection
{
    public static string SectionName => "SiloHost";

    /// <summary>TCP port of the health endpoints (all interfaces); 0 turns them off. Default: 0.</summary>
    [Range(0, 65535, ErrorMessage = "must be between {1} and {2}")]
    public int HealthPort { get; set; }

    /// <summary>
    /// How long a stopping silo may take to leave the cluster and finish its work (the host's shutdown timeout).
    /// Default: 30.
    /// </summary>
    [Range(1, 3600, ErrorMessage = "must be between {1} and {2}")]
    public int ShutdownTimeoutSeconds { get; set; } = 30;
}
