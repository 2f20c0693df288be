using System.Collections.Concurrent;
using System.Diagnostics;
using k8s;
using k8s.Models;

namespace Distributed.Deployment.Tests;

/// <summary>
/// Renders a kustomization of k8s/ with <c>kubectl kustomize</c> and loads it into KubernetesClient's typed models.
/// Without kubectl the tests skip, except under <c>CI=true</c> (CI has kubectl), where they fail.
/// </summary>
internal static class Kustomize
{
    public const string Kubectl = "/usr/bin/kubectl";

    private static readonly ConcurrentDictionary<string, IReadOnlyList<object>> Rendered = new();

    public static string K8sFolder => Path.Combine(Requirements.RepositoryRoot(), "k8s");

    /// <summary>The objects of <c>k8s/&lt;relative&gt;</c>, e.g. <c>overlays/gpu</c> or <c>jobs/train</c>.</summary>
    public static IReadOnlyList<object> Render(string relative)
    {
        RequireKubectl();
        return Rendered.GetOrAdd(relative, static path =>
        {
            var yaml = Run(Kubectl, "kustomize", Path.Combine(K8sFolder, path));
            return KubernetesYaml.LoadAllFromString(yaml);
        });
    }

    public static IEnumerable<V1Deployment> Deployments(string relative) => Render(relative).OfType<V1Deployment>();

    /// <summary>The pod templates of every workload (Deployments and Jobs) with their owner's name.</summary>
    public static IEnumerable<(string Owner, V1PodTemplateSpec Template)> PodTemplates(string relative) =>
        Render(relative).Select(o => o switch
        {
            V1Deployment d => (d.Metadata.Name, d.Spec.Template),
            V1Job j => (j.Metadata.Name, j.Spec.Template),
            V1StatefulSet s => (s.Metadata.Name, s.Spec.Template),
            V1DaemonSet s => (s.Metadata.Name, s.Spec.Template),
            _ => (null!, null!),
        }).Where(p => p.Template is not null);

    /// <summary>Every container of a pod: regular, init (including native sidecars) and ephemeral-free.</summary>
    public static IEnumerable<V1Container> AllContainers(V1PodSpec pod) =>
        (pod.InitContainers ?? []).Concat(pod.Containers ?? []);

    private static void RequireKubectl()
    {
        if (File.Exists(Kubectl))
        {
            return;
        }

        const string reason = $"{Kubectl} is not installed (the manifest tests render k8s/ with kubectl kustomize)";
        throw Requirements.OnCi
            ? new InvalidOperationException($"{reason} (CI=true: not skipping).")
            : new SkipException($"{reason}; skipping.");
    }

    private static string Run(string file, params string[] arguments)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        return process.ExitCode == 0
            ? output.Result
            : throw new InvalidOperationException($"{file} {string.Join(' ', arguments)} failed ({process.ExitCode}): {error}");
    }
}
