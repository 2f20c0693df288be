using System.Text.RegularExpressions;

namespace Distributed.Deployment.Tests;

/// <summary>deploy/Dockerfile: pinned base images, a non-root user in the final stage, both build variants.</summary>
public sealed partial class DockerfileTests
{
    private static readonly string Dockerfile = File.ReadAllText(Path.Combine(Requirements.RepositoryRoot(), "deploy", "Dockerfile"));

    [Fact]
    public void BaseImages_PinnedTags_NotLatest()
    {
        var arguments = Arg().Matches(Dockerfile).ToDictionary(m => m.Groups["name"].Value, m => m.Groups["value"].Value);
        var froms = From().Matches(Dockerfile).Select(m => m.Groups["image"].Value).ToList();

        Assert.NotEmpty(froms);
        foreach (var from in froms)
        {
            var reference = Reference().Replace(from, m => arguments.TryGetValue(m.Groups[1].Value, out var value) ? value : m.Value);
            Assert.DoesNotContain("$", reference, StringComparison.Ordinal);
            var image = ContainerImage.Parse(reference);
            Assert.True(image.IsPinned, $"FROM {from} (= {reference}) is not pinned");
            Assert.Matches(@"^\d+\.\d+\.\d+", image.Tag ?? image.Digest);
        }
    }

    [Fact]
    public void FinalStage_RunsAsNumericNonRootUser()
    {
        var lastStage = Dockerfile[Dockerfile.LastIndexOf("\nFROM ", StringComparison.Ordinal)..];
        var user = Assert.Single(User().Matches(lastStage)).Groups["user"].Value;

        var uid = user.Split(':')[0];
        Assert.True(int.TryParse(uid, out var id) && id > 0, $"USER {user} must be a numeric non-root uid (runAsNonRoot checks it)");
        Assert.True(lastStage.IndexOf("USER ", StringComparison.Ordinal) < lastStage.IndexOf("ENTRYPOINT", StringComparison.Ordinal));
    }

    [Fact]
    public void BuildArguments_SelectSiloOrCliAndCpuOrCuda()
    {
        Assert.Contains("ARG APP=silo", Dockerfile, StringComparison.Ordinal);
        Assert.Contains("ARG TORCH_BACKEND=cpu", Dockerfile, StringComparison.Ordinal);
        Assert.Contains("-p:TorchBackend=\"$TORCH_BACKEND\"", Dockerfile, StringComparison.Ordinal);
        Assert.Equal(2, From().Count(Dockerfile)); // multi-stage: SDK build, runtime
    }

    [GeneratedRegex(@"^ARG\s+(?<name>\w+)=(?<value>\S+)", RegexOptions.Multiline)]
    private static partial Regex Arg();

    [GeneratedRegex(@"^FROM\s+(?:--platform=\S+\s+)?(?<image>\S+)", RegexOptions.Multiline)]
    private static partial Regex From();

    [GeneratedRegex(@"\$\{?(\w+)\}?")]
    private static partial Regex Reference();

    [GeneratedRegex(@"^USER\s+(?<user>\S+)", RegexOptions.Multiline)]
    private static partial Regex User();
}
