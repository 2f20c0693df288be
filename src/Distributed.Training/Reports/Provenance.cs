using System.Diagnostics;
using System.Security.Cryptography;
using Distributed.Learning;
using Distributed.Training.Corpus;
using Distributed.Training.Runs;

namespace Distributed.Training.Reports;

/// <summary>One manifest file of the dataset and the sha256 of its bytes.</summary>
/// <param name="Path">Absolute path.</param>
/// <param name="Split">The split the file implies (folder datasets), or null.</param>
/// <param name="Sha256">sha256 of the file, 64 lowercase hex.</param>
/// <param name="Bytes">Its length.</param>
public sealed record ManifestFingerprint(string Path, string? Split, string Sha256, long Bytes);

/// <summary>Where a run came from (<c>provenance.json</c>): data, descriptions, configuration, code and machine.</summary>
/// <param name="Run">Run id.</param>
/// <param name="Dataset">Dataset path.</param>
/// <param name="Manifests">Its manifest files with their sha256.</param>
/// <param name="Store">Description store location.</param>
/// <param name="DescriberId">Describer id of the descriptions used.</param>
/// <param name="PromptVersion">Prompt version of the descriptions used.</param>
/// <param name="MissingPolicy"><c>skip</c> or <c>text-only</c>.</param>
/// <param name="Corpus">The join's counts (missing, text-only, skipped, hash-split rows).</param>
/// <param name="Splits">Rows per split after the join.</param>
/// <param name="Labels">The label set.</param>
/// <param name="Fields">Description fields rendered.</param>
/// <param name="Training">The full training configuration (seeds included).</param>
/// <param name="CodeVersion">git commit (<c>git rev-parse HEAD</c>) or the assembly's informational version.</param>
/// <param name="Machine">Machine name, OS, cores, libtorch and threads.</param>
/// <param name="StartedAt">Start time (UTC).</param>
/// <param name="FinishedAt">End time (UTC).</param>
public sealed record Provenance(
    string Run,
    string Dataset,
    IReadOnlyList<ManifestFingerprint> Manifests,
    string Store,
    string DescriberId,
    string PromptVersion,
    string MissingPolicy,
    CorpusCounts Corpus,
    IReadOnlyDictionary<string, int> Splits,
    IReadOnlyList<string> Labels,
    string Fields,
    TrainingSettings Training,
    string CodeVersion,
    MachineInfo Machine,
    DateTimeOffset StartedAt,
    DateTimeOffset FinishedAt)
{
    /// <summary>sha256 fingerprints of the corpus's manifest files.</summary>
    public static IReadOnlyList<ManifestFingerprint> Fingerprint(TrainingCorpus corpus)
    {
        ArgumentNullException.ThrowIfNull(corpus);
        return [.. corpus.Files.Select(f =>
        {
            using var stream = File.OpenRead(f.Path);
            return new ManifestFingerprint(f.Path, f.Split, Convert.ToHexStringLower(SHA256.HashData(stream)), stream.Length);
        })];
    }

    /// <summary>
    /// The git commit of the working folder's clone (<c>git rev-parse HEAD</c>, with <c>-dirty</c> when it has
    /// uncommitted changes), else <see cref="TrainingAssembly.Version"/>.
    /// </summary>
    public static string CodeVersionNow()
    {
        var head = Git("rev-parse HEAD");
        if (head is null || head.Length < 7)
        {
            return TrainingAssembly.Version;
        }

        return Git("status --porcelain --untracked-files=no") is { Length: > 0 } ? head + "-dirty" : head;
    }

    private static string? Git(string arguments)
    {
        try
        {
            using var process = Process.Start(new ProcessStartInfo("git", arguments)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            });
            if (process is null)
            {
                return null;
            }

            var output = process.StandardOutput.ReadToEnd().Trim();
            return process.WaitForExit(5000) && process.ExitCode == 0 ? output : null;
        }
        catch (Exception ex) when (ex is System.ComponentModel.Win32Exception or InvalidOperationException)
        {
            return null;
        }
    }
}

/// <summary>The machine a run ran on.</summary>
/// <param name="Name">Machine name.</param>
/// <param name="Os">OS description.</param>
/// <param name="Cores">Logical cores.</param>
/// <param name="Torch">libtorch version, device and threads.</param>
/// <param name="Dotnet">.NET runtime description.</param>
public sealed record MachineInfo(string Name, string Os, int Cores, string Torch, string Dotnet)
{
    /// <summary>This machine, now.</summary>
    public static MachineInfo Current() => new(
        Environment.MachineName,
        System.Runtime.InteropServices.RuntimeInformation.OSDescription,
        Environment.ProcessorCount,
        TorchRuntime.Describe(),
        System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription);
}
