using k8s.Models;

namespace Distributed.Deployment.Tests;

/// <summary>The submit Jobs (k8s/jobs/*): a CLI client of the running silos, configured by each overlay.</summary>
public sealed class JobManifestTests
{
    [SkippableTheory]
    [InlineData("jobs/caption", "caption")]
    [InlineData("jobs/train", "train")]
    public void SubmitJob_RunsTheCliCommandAgainstTheCluster(string kustomization, string command)
    {
        var job = Assert.Single(Kustomize.Render(kustomization).OfType<V1Job>());
        var pod = job.Spec.Template.Spec;
        var cli = Assert.Single(pod.Containers);

        Assert.Equal("Never", pod.RestartPolicy);
        Assert.Equal(command, cli.Args[0]);
        Assert.Contains("--cluster=/etc/distributed/cluster.json", cli.Args);
        Assert.Contains("--json", cli.Args);
        Assert.EndsWith("/cli", ContainerImage.Parse(cli.Image).Name, StringComparison.Ordinal);
        Assert.Equal("distributed-cluster", pod.Volumes.Single(v => v.Name == "cluster-config").ConfigMap.Name);
        Assert.Equal("/etc/distributed", cli.VolumeMounts.Single(m => m.Name == "cluster-config").MountPath);
        Assert.False(job.Spec.Template.Metadata.Labels?.ContainsKey("orleans/serviceId") ?? false); // not a silo: Kubernetes hosting must not manage it
        if (command == "train")
        {
            Assert.Contains("--world-size=$(WORLD_SIZE)", cli.Args);
        }
    }

    [SkippableTheory]
    [InlineData("jobs/caption", "overlays/cpu")]
    [InlineData("jobs/caption", "overlays/gpu")]
    [InlineData("jobs/train", "overlays/cpu")]
    [InlineData("jobs/train", "overlays/gpu")]
    public void SubmitJob_EveryConfigMapKeyItUses_ExistsInTheOverlay(string kustomization, string overlay)
    {
        var maps = Kustomize.Render(overlay).OfType<V1ConfigMap>().ToDictionary(m => m.Metadata.Name);
        var cli = Kustomize.Render(kustomization).OfType<V1Job>().Single().Spec.Template.Spec.Containers.Single();

        foreach (var reference in cli.Env.Select(e => e.ValueFrom?.ConfigMapKeyRef).OfType<V1ConfigMapKeySelector>())
        {
            Assert.True(maps.TryGetValue(reference.Name, out var map) && map.Data.ContainsKey(reference.Key),
                $"{overlay} has no ConfigMap {reference.Name} with key {reference.Key}");
        }

        // $(VAR) in the arguments expands only from variables the container declares.
        var declared = cli.Env.Select(e => e.Name).ToHashSet();
        foreach (var argument in cli.Args)
        {
            foreach (System.Text.RegularExpressions.Match used in System.Text.RegularExpressions.Regex.Matches(argument, @"\$\(([A-Za-z_][A-Za-z0-9_]*)\)"))
            {
                Assert.Contains(used.Groups[1].Value, declared);
            }
        }
    }

    [SkippableFact]
    public void CaptionJob_DescriberOfEachOverlay_IsAnEndpointItsDescriberSilosServe()
    {
        Assert.Equal("embedded", Submit("overlays/cpu")["describer"]); // no Describers section: the default endpoint
        var gpuDescriber = SiloManifestTests.SiloContainer(SiloManifestTests.Silos("overlays/gpu").Single(d => d.Metadata.Name == "silo-describer"));
        Assert.Equal(gpuDescriber.Env.Single(e => e.Name == "Describers__Endpoints__0__Name").Value, Submit("overlays/gpu")["describer"]);
        Assert.DoesNotContain(SiloManifestTests.SiloContainer(SiloManifestTests.Silos("overlays/cpu").Single(d => d.Metadata.Name == "silo-describer")).Env,
            e => e.Name.StartsWith("Describers__", StringComparison.Ordinal));
    }

    [SkippableTheory]
    [MemberData(nameof(SiloManifestTests.Overlays), MemberType = typeof(SiloManifestTests))]
    public void TrainJob_WorldSize_AtMostTheTrainerReplicas(string overlay)
    {
        var trainers = SiloManifestTests.Silos(overlay).Single(d => d.Metadata.Name == "silo-trainer").Spec.Replicas;

        Assert.InRange(int.Parse(Submit(overlay)["world-size"], System.Globalization.CultureInfo.InvariantCulture), 1, trainers ?? 1);
    }

    private static IDictionary<string, string> Submit(string overlay) =>
        Kustomize.Render(overlay).OfType<V1ConfigMap>().Single(m => m.Metadata.Name == "distributed-submit").Data;
}
