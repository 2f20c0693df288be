using Distributed.Cli.Output;
using Distributed.Hosting.Options;
using Distributed.Training.Runs;
using Microsoft.Extensions.Configuration;

namespace Distributed.Cli.Commands;

/// <summary>Resolves the <c>&lt;model folder|run id&gt;</c> argument of eval and predict.</summary>
public static class ModelArgument
{
    /// <summary>
    /// A folder holding the model files; a run folder (its <c>model/</c>); or a run id under <c>&lt;data root&gt;/runs</c>.
    /// The error names the argument when none exists.
    /// </summary>
    public static string Resolve(string value, IConfiguration configuration)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(value);
        var candidates = new List<string>();
        if (Directory.Exists(value))
        {
            candidates.Add(Path.GetFullPath(value));
            candidates.Add(Path.Combine(Path.GetFullPath(value), "model"));
        }
        else if (value.IndexOfAny(['/', '\\']) < 0)
        {
            candidates.Add(Path.Combine(configuration.ReadSection<DataRootOptions>().FullRoot, "runs", value, "model"));
        }

        return candidates.FirstOrDefault(c => File.Exists(Path.Combine(c, ModelFolder.SpecFile)))
            ?? candidates.FirstOrDefault(Directory.Exists)
            ?? throw new ArgumentException($"model '{value}': neither a model folder nor a run id under " +
                                           $"{Path.Combine(configuration.ReadSection<DataRootOptions>().FullRoot, "runs")}");
    }

    /// <summary>
    /// The "model" stage of eval and predict: resolves <paramref name="value"/>, records it in the summary and loads the
    /// model folder; null (the stage failed, with the reason in the summary) when it cannot be loaded.
    /// </summary>
    public static async Task<LoadedModel?> LoadStageAsync(CommandSummary summary, string value, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(summary);
        var folder = Resolve(value, configuration);
        summary.Set("model", folder);
        LoadedModel? loaded = null;
        await summary.RunStageAsync("model", () =>
        {
            loaded = ModelFolder.Load(folder);
            return Task.FromResult<string?>($"{loaded.Spec.Encoder} encoder, {loaded.Labels.Count} labels ({string.Join(", ", loaded.Labels)})");
        });
        return loaded;
    }
}
