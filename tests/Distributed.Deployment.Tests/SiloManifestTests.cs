using System.Text;
using Distributed.Grains.Cluster;
using Distributed.Hosting.Health;
using Distributed.Hosting.Options;
using k8s.Models;
using Microsoft.Extensions.Configuration;

namespace Distributed.Deployment.Tests;

/// <summary>The silo Deployments of each overlay, as <c>kubectl kustomize k8s/overlays/&lt;name&gt;</c> renders them.</summary>
public sealed class SiloManifestTests
{
    public static TheoryData<string> Overlays => new() { "overlays/cpu", "overlays/gpu" };

    [SkippableTheory]
    [MemberData(nameof(Overlays))]
    public void Overlay_HasGeneralDescriberAndTrainerSilos(string overlay)
    {
        var components = Silos(overlay).Select(d => d.Spec.Template.Metadata.Labels["app.kubernetes.io/component"]).Order();

        Assert.Equal(["describer", "general", "trainer"], components);
    }

    [SkippableTheory]
    [MemberData(nameof(Overlays))]
    public void SiloPods_CarryOrleansLabelsEqualToClusterConfig(string overlay)
    {
        var cluster = ClusterFile(overlay).ReadSection<ClusterConnectionOptions>();

        foreach (var silo in Silos(overlay))
        {
            var labels = silo.Spec.Template.Metadata.Labels;
            Assert.Equal(cluster.ServiceId, labels["orleans/serviceId"]);
            Assert.Equal(cluster.ClusterId, labels["orleans/clusterId"]);
        }
    }

    [SkippableTheory]
    [MemberData(nameof(Overlays))]
    public void SiloContainers_PodVariablesFromDownwardApi_AdvertisePodIp(string overlay)
    {
        foreach (var silo in Silos(overlay))
        {
            var env = SiloContainer(silo).Env.ToDictionary(e => e.Name);
            Assert.Equal("metadata.name", env["POD_NAME"].ValueFrom?.FieldRef?.FieldPath);
            Assert.Equal("metadata.namespace", env["POD_NAMESPACE"].ValueFrom?.FieldRef?.FieldPath);
            Assert.Equal("status.podIP", env["POD_IP"].ValueFrom?.FieldRef?.FieldPath);
            Assert.Equal("metadata.labels['orleans/serviceId']", env["ORLEANS_SERVICE_ID"].ValueFrom?.FieldRef?.FieldPath);
            Assert.Equal("metadata.labels['orleans/clusterId']", env["ORLEANS_CLUSTER_ID"].ValueFrom?.FieldRef?.FieldPath);
            Assert.Equal("$(POD_IP)", env["Cluster__AdvertisedAddress"].Value);
            Assert.Equal("connection-string", env["Cluster__AzureStorageConnectionString"].ValueFrom?.SecretKeyRef?.Key);
        }
    }

    [SkippableTheory]
    [MemberData(nameof(Overlays))]
    public void SiloContainers_RolesAreKnownAndMatchTheirDeployment(string overlay)
    {
        foreach (var silo in Silos(overlay))
        {
            var roles = SiloContainer(silo).Env.Where(e => e.Name.StartsWith("Silo__Roles__", StringComparison.Ordinal)).Select(e => e.Value).ToList();
            Assert.Equal([silo.Spec.Template.Metadata.Labels["app.kubernetes.io/component"]], roles);
            Assert.All(roles, role => Assert.Contains(role, SiloRoleOptions.KnownRoles));
        }
    }

    [SkippableTheory]
    [MemberData(nameof(Overlays))]
    public void SiloContainers_ProbeHealthEndpointsOnTheConfiguredPort(string overlay)
    {
        var host = ClusterFile(overlay).ReadSection<SiloHostOptions>();

        foreach (var silo in Silos(overlay))
        {
            var container = SiloContainer(silo);
            Assert.Equal((HealthEndpoint.ReadyPath, host.HealthPort), HttpProbe(container, container.ReadinessProbe));
            Assert.Equal((HealthEndpoint.LivePath, host.HealthPort), HttpProbe(container, container.LivenessProbe));
        }
    }

    [SkippableTheory]
    [MemberData(nameof(Overlays))]
    public void SiloPods_GracePeriodLongerThanShutdownTimeout_UseSiloServiceAccount(string overlay)
    {
        var host = ClusterFile(overlay).ReadSection<SiloHostOptions>();

        foreach (var silo in Silos(overlay))
        {
            var pod = silo.Spec.Template.Spec;
            Assert.True(pod.TerminationGracePeriodSeconds >= host.ShutdownTimeoutSeconds + 10,
                $"{silo.Metadata.Name}: terminationGracePeriodSeconds {pod.TerminationGracePeriodSeconds} must exceed SiloHost:ShutdownTimeoutSeconds {host.ShutdownTimeoutSeconds} by 10 s or more");
            Assert.Equal(RbacManifestTests.SiloServiceAccount, pod.ServiceAccountName);
        }
    }

    [SkippableFact]
    public void ClusterConfig_AzureStorageMembership_WithoutConnectionString()
    {
        var configuration = ClusterFile("overlays/gpu");
        var cluster = configuration.ReadSection<ClusterConnectionOptions>();

        Assert.Equal(MembershipProvider.AzureStorage, cluster.Membership);
        Assert.DoesNotContain("ConnectionString", ClusterJson("overlays/gpu"), StringComparison.OrdinalIgnoreCase);
        Assert.Equal("/data", configuration["Data:Root"]);
    }

    [SkippableFact]
    public void GpuOverlay_DescriberAndTrainerPods_GetOneGpuEachOnTaintedGpuNodes()
    {
        foreach (var silo in Silos("overlays/gpu").Where(d => d.Metadata.Name is "silo-describer" or "silo-trainer"))
        {
            var pod = silo.Spec.Template.Spec;
            var gpus = Kustomize.AllContainers(pod).Sum(c => Gpus(c.Resources?.Limits));
            Assert.Equal(1, gpus);
            Assert.Contains(pod.Tolerations, t => t.Key == "nvidia.com/gpu" && t.Effect == "NoSchedule" && t.OperatorProperty == "Exists");
            Assert.Equal("true", pod.NodeSelector["nvidia.com/gpu.present"]);
        }

        Assert.EndsWith("/silo-cuda", ImageName(SiloContainer(Silos("overlays/gpu").Single(d => d.Metadata.Name == "silo-trainer")).Image), StringComparison.Ordinal);
    }

    [SkippableFact]
    public void CpuOverlay_AsksForNoGpu()
    {
        var containers = Kustomize.PodTemplates("overlays/cpu").SelectMany(p => Kustomize.AllContainers(p.Template.Spec));

        Assert.All(containers, c => Assert.Equal(0, Gpus(c.Resources?.Limits) + Gpus(c.Resources?.Requests)));
    }

    [SkippableFact]
    public void GpuDescriber_VlmSidecarOnLocalhostWithProbes_SiloEndpointPointsAtIt()
    {
        var describer = Silos("overlays/gpu").Single(d => d.Metadata.Name == "silo-describer");
        var pod = describer.Spec.Template.Spec;

        var vlm = Assert.Single(pod.InitContainers, c => c.Name == "vlm");
        Assert.Equal("Always", vlm.RestartPolicy); // a native sidecar: up before the silo, stopped after it
        Assert.StartsWith("vllm/vllm-openai:", vlm.Image, StringComparison.Ordinal);
        Assert.Contains("--port=8000", vlm.Args);
        Assert.Equal(("/health", 8000), HttpProbe(vlm, vlm.ReadinessProbe));
        Assert.Equal(("/health", 8000), HttpProbe(vlm, vlm.StartupProbe));
        Assert.Equal(1, Gpus(vlm.Resources.Limits));

        var env = SiloContainer(describer).Env.ToDictionary(e => e.Name);
        Assert.Equal("OpenAi", env["Describers__Endpoints__0__Backend"].Value);
        Assert.Equal("http://localhost:8000/v1", env["Describers__Endpoints__0__Endpoint"].Value);
        Assert.Matches("^[a-z0-9][a-z0-9-]{0,40}$", env["Describers__Endpoints__0__Name"].Value);

        // The silo names the model the sidecar serves: both read the same ConfigMap key.
        var vlmModel = vlm.Env.Single(e => e.Name == "VLM_MODEL").ValueFrom.ConfigMapKeyRef;
        var siloModel = env["Describers__Endpoints__0__Model"].ValueFrom.ConfigMapKeyRef;
        Assert.Equal((vlmModel.Name, vlmModel.Key), (siloModel.Name, siloModel.Key));
        var vlmConfig = Kustomize.Render("overlays/gpu").OfType<V1ConfigMap>().Single(m => m.Metadata.Name == vlmModel.Name);
        Assert.StartsWith("Qwen/Qwen2.5-VL", vlmConfig.Data["model"], StringComparison.Ordinal);
    }

    internal static IEnumerable<V1Deployment> Silos(string overlay) =>
        Kustomize.Deployments(overlay).Where(d => d.Spec.Template.Metadata.Labels.TryGetValue("app.kubernetes.io/name", out var name) && name == "distributed-silo");

    internal static V1Container SiloContainer(V1Deployment silo) => silo.Spec.Template.Spec.Containers.Single(c => c.Name == "silo");

    /// <summary>cluster.json as a silo pod sees it: the file, plus the connection string its secretKeyRef supplies.</summary>
    internal static IConfiguration ClusterFile(string overlay)
    {
        using var json = new MemoryStream(Encoding.UTF8.GetBytes(ClusterJson(overlay)));
        return new ConfigurationBuilder()
            .AddJsonStream(json)
            .AddInMemoryCollection([new("Cluster:AzureStorageConnectionString", "(from the distributed-storage secret)")])
            .Build();
    }

    private static string ClusterJson(string overlay) =>
        Kustomize.Render(overlay).OfType<V1ConfigMap>().Single(m => m.Metadata.Name == "distributed-cluster").Data["cluster.json"];

    private static (string? Path, int Port) HttpProbe(V1Container container, V1Probe? probe)
    {
        Assert.NotNull(probe?.HttpGet);
        var port = probe.HttpGet.Port.Value;
        var number = int.TryParse(port, out var n) ? n : container.Ports.Single(p => p.Name == port).ContainerPort;
        return (probe.HttpGet.Path, number);
    }

    private static int Gpus(IDictionary<string, ResourceQuantity>? resources) =>
        resources is not null && resources.TryGetValue("nvidia.com/gpu", out var q) ? q.ToInt32() : 0;

    private static string ImageName(string image) => ContainerImage.Parse(image).Name;
}
