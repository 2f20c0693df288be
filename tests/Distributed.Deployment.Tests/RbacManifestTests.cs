using k8s.Models;

namespace Distributed.Deployment.Tests;

/// <summary>What Orleans Kubernetes hosting needs from the API server: the silos' ServiceAccount, Role and RoleBinding.</summary>
public sealed class RbacManifestTests
{
    public const string SiloServiceAccount = "distributed-silo";

    [SkippableTheory]
    [MemberData(nameof(SiloManifestTests.Overlays), MemberType = typeof(SiloManifestTests))]
    public void SiloRole_PodsVerbsExactlyWhatKubernetesHostingUses(string overlay)
    {
        var objects = Kustomize.Render(overlay);
        Assert.Contains(objects.OfType<V1ServiceAccount>(), a => a.Metadata.Name == SiloServiceAccount);

        var binding = Assert.Single(objects.OfType<V1RoleBinding>(), b => b.Subjects.Any(s => s.Kind == "ServiceAccount" && s.Name == SiloServiceAccount));
        Assert.Equal(("rbac.authorization.k8s.io", "Role"), (binding.RoleRef.ApiGroup, binding.RoleRef.Kind));
        Assert.All(binding.Subjects, s => Assert.True(s.NamespaceProperty is null || s.NamespaceProperty == binding.Metadata.NamespaceProperty));

        var role = Assert.Single(objects.OfType<V1Role>(), r => r.Metadata.Name == binding.RoleRef.Name);
        Assert.Equal(binding.Metadata.NamespaceProperty, role.Metadata.NamespaceProperty);
        var rule = Assert.Single(role.Rules);
        Assert.Equal([""], rule.ApiGroups);
        Assert.Equal(["pods"], rule.Resources);
        Assert.Equal(["delete", "get", "list", "patch", "watch"], rule.Verbs.Order());
    }

    [SkippableTheory]
    [MemberData(nameof(SiloManifestTests.Overlays), MemberType = typeof(SiloManifestTests))]
    public void Overlay_GrantsNothingClusterWide(string overlay)
    {
        var objects = Kustomize.Render(overlay);

        Assert.Empty(objects.OfType<V1ClusterRole>());
        Assert.Empty(objects.OfType<V1ClusterRoleBinding>());
    }
}
