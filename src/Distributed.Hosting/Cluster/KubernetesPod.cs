using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Orleans.Hosting;
using Orleans.Hosting.Kubernetes;

namespace Distributed.Hosting.Cluster;

/// <summary>
/// Orleans Kubernetes hosting for a silo running in a pod: silo name = pod name, advertised address = pod IP, and
/// the cluster agent that deletes the pods of silos declared dead. Switched on only when the downward-API variables
/// <c>POD_NAME</c>, <c>POD_NAMESPACE</c> and <c>POD_IP</c> are all set (see k8s/base), so the same executable runs
/// unchanged outside Kubernetes.
/// </summary>
public static class KubernetesPod
{
    public static readonly IReadOnlyList<string> RequiredVariables =
    [
        KubernetesHostingOptions.PodNameEnvironmentVariable,
        KubernetesHostingOptions.PodNamespaceEnvironmentVariable,
        KubernetesHostingOptions.PodIPEnvironmentVariable,
    ];

    /// <summary>True when every variable of <see cref="RequiredVariables"/> has a value.</summary>
    public static bool IsInPod(Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        return RequiredVariables.All(name => !string.IsNullOrWhiteSpace(environment(name)));
    }

    /// <summary>Adds Orleans Kubernetes hosting when this process runs in a pod; otherwise does nothing.</summary>
    /// <returns>Whether Kubernetes hosting was added.</returns>
    public static bool UseKubernetesHostingInPod(this IHostApplicationBuilder builder, Func<string, string?>? environment = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        if (!IsInPod(environment ?? Environment.GetEnvironmentVariable))
        {
            return false;
        }

        builder.Services.UseKubernetesHosting();
        return true;
    }
}
