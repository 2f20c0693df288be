using System.Text.RegularExpressions;
using k8s.Models;

namespace Distributed.Deployment.Tests;

/// <summary>Rules every container of every kustomization under k8s/ keeps: pinned images, resources, non-root, secrets by reference.</summary>
public sealed partial class ContainerManifestTests
{
    public static TheoryData<string> Kustomizations => new() { "overlays/cpu", "overlays/gpu", "jobs/caption", "jobs/train" };

    [SkippableTheory]
    [MemberData(nameof(Kustomizations))]
    public void EveryImage_PinnedByTagOrDigest_NeverLatest(string kustomization)
    {
        foreach (var (owner, container) in Containers(kustomization))
        {
            var image = ContainerImage.Parse(container.Image);
            Assert.True(image.IsPinned, $"{owner}/{container.Name}: image '{container.Image}' has no pinned tag or digest");
        }
    }

    [SkippableTheory]
    [MemberData(nameof(Kustomizations))]
    public void EveryContainer_RequestsAndLimitsCpuAndMemory(string kustomization)
    {
        foreach (var (owner, container) in Containers(kustomization))
        {
            foreach (var resource in new[] { "cpu", "memory" })
            {
                Assert.True(container.Resources?.Requests?.ContainsKey(resource) == true, $"{owner}/{container.Name}: no {resource} request");
                Assert.True(container.Resources?.Limits?.ContainsKey(resource) == true, $"{owner}/{container.Name}: no {resource} limit");
            }
        }
    }

    [SkippableTheory]
    [MemberData(nameof(Kustomizations))]
    public void EveryContainer_RunsAsNonRoot_WithoutPrivilegeEscalation(string kustomization)
    {
        foreach (var (owner, template) in Kustomize.PodTemplates(kustomization))
        {
            var pod = template.Spec.SecurityContext;
            Assert.NotEqual(0, pod?.RunAsUser);
            foreach (var container in Kustomize.AllContainers(template.Spec))
            {
                var nonRoot = container.SecurityContext?.RunAsNonRoot ?? pod?.RunAsNonRoot;
                Assert.True(nonRoot == true, $"{owner}/{container.Name}: runAsNonRoot is not true");
                Assert.NotEqual(0, container.SecurityContext?.RunAsUser);
                Assert.False(container.SecurityContext?.AllowPrivilegeEscalation ?? true, $"{owner}/{container.Name}: allowPrivilegeEscalation is not false");
                Assert.False(container.SecurityContext?.Privileged ?? false, $"{owner}/{container.Name}: privileged");
            }
        }
    }

    [SkippableTheory]
    [MemberData(nameof(Kustomizations))]
    public void Secrets_OnlyReferencedBySecretKeyRef_NeverInTheRepository(string kustomization)
    {
        var objects = Kustomize.Render(kustomization);
        Assert.Empty(objects.OfType<V1Secret>());

        foreach (var (owner, container) in Containers(kustomization))
        {
            Assert.Empty(container.EnvFrom ?? []); // every variable is named, so each secret one is a secretKeyRef
            foreach (var variable in container.Env ?? [])
            {
                if (SecretName().IsMatch(variable.Name))
                {
                    Assert.True(variable.Value is null && variable.ValueFrom?.SecretKeyRef is not null,
                        $"{owner}/{container.Name}: {variable.Name} must come from a secretKeyRef");
                }

                Assert.DoesNotMatch(SecretValue(), variable.Value ?? "");
            }
        }

        foreach (var map in objects.OfType<V1ConfigMap>())
        {
            Assert.All(map.Data ?? new Dictionary<string, string>(), entry => Assert.DoesNotMatch(SecretValue(), entry.Value));
        }
    }

    private static IEnumerable<(string Owner, V1Container Container)> Containers(string kustomization)
    {
        var containers = Kustomize.PodTemplates(kustomization)
            .SelectMany(p => Kustomize.AllContainers(p.Template.Spec).Select(c => (p.Owner, c)))
            .ToList();
        Assert.NotEmpty(containers);
        return containers;
    }

    [GeneratedRegex("(?i)(connectionstring|api_?key|token|password|secret)")]
    private static partial Regex SecretName();

    // Azure account keys, SAS signatures, bearer tokens, OpenAI-style keys, Hugging Face tokens.
    [GeneratedRegex(@"(?i)(AccountKey=|SharedAccessSignature=|\bsig=|Bearer\s|\bsk-[a-z0-9]{8,}|\bhf_[a-z0-9]{8,})")]
    private static partial Regex SecretValue();
}
