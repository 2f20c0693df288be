using System.CommandLine;
using Distributed.Abstractions.Describing;
using Distributed.Cli.Output;
using Distributed.Grains.Captioning;
using Distributed.Grains.Describing;
using Distributed.Hosting.Options;
using Distributed.Learning.Evaluation;
using Distributed.Learning.Text;
using Distributed.Training.Corpus;
using Microsoft.Extensions.Configuration;

namespace Distributed.Cli.Commands;

/// <summary>The options shared by train, eval and predict to join a dataset with the description store.</summary>
public static class CorpusOptionsCli
{
    public static readonly Option<string?> Store = new("--store") { Description = "Store URI: folder, file://, or az://container/prefix (default <data root>/store)" };
    public static readonly Option<string> Describer = new("--describer") { Description = "Describer endpoint whose identity keys the descriptions (as caption's --describer)", DefaultValueFactory = _ => "embedded" };
    public static readonly Option<string?> DescriberId = new("--describer-id") { Description = "Describer id of the descriptions to use (overrides --describer; needs --prompt-version)" };
    public static readonly Option<string?> PromptVersion = new("--prompt-version") { Description = "Prompt version of the descriptions to use (with --describer-id)" };
    public static readonly Option<string> Missing = new("--missing") { Description = "Image rows without a description: skip or text-only", DefaultValueFactory = _ => "text-only" };
    public static readonly Option<string> Split = new("--split") { Description = "train/dev/test percentages for rows without a split, e.g. 80/10/10", DefaultValueFactory = _ => "80/10/10" };

    public static IEnumerable<Option> All => [Store, Describer, DescriberId, PromptVersion, Missing, Split];

    /// <summary>Parses <c>80/10/10</c> (percentages or fractions); the error names the option and value.</summary>
    public static SplitRatios ParseSplit(string value)
    {
        var parts = (value ?? "").Split('/', StringSplitOptions.TrimEntries);
        if (parts.Length != 3 || !parts.All(p => double.TryParse(p, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out _)))
        {
            throw new ArgumentException($"--split '{value}': must be three numbers train/dev/test, e.g. 80/10/10");
        }

        var numbers = parts.Select(p => double.Parse(p, System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        var sum = numbers.Sum();
        if (numbers.Any(n => n < 0) || sum <= 0)
        {
            throw new ArgumentException($"--split '{value}': the three shares must be non-negative and not all 0");
        }

        return new SplitRatios(numbers[0] / sum, numbers[1] / sum, 1.0 - (numbers[0] / sum) - (numbers[1] / sum));
    }

    /// <summary>
    /// The describer identity to look descriptions up with: <c>--describer-id</c> + <c>--prompt-version</c> when given,
    /// else the identity of the configured endpoint named by <c>--describer</c> (the one caption uses by default).
    /// </summary>
    public static (DescriberIdentity Identity, bool ByHand) Identity(ParseResult parse, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(parse);
        var id = parse.GetValue(DescriberId);
        var version = parse.GetValue(PromptVersion);
        if (id is not null || version is not null)
        {
            if (string.IsNullOrWhiteSpace(id) || string.IsNullOrWhiteSpace(version))
            {
                throw new ArgumentException("--describer-id and --prompt-version go together: give both, or neither (the configured describer's identity)");
            }

            return (new DescriberIdentity(id, id, version, UsesPostText: true, MaxImageSide: 0), true);
        }

        return (DefaultIdentity(configuration, parse.GetValue(Describer)!), false);
    }

    /// <summary>The identity of the configured describer endpoint <paramref name="name"/> (default <c>embedded</c>).</summary>
    public static DescriberIdentity DefaultIdentity(IConfiguration configuration, string name = "embedded")
    {
        var endpoints = configuration.ReadSection<DescriberOptions>().Effective;
        var endpoint = endpoints.FirstOrDefault(e => e.Name == name)
            ?? throw new ArgumentException($"--describer '{name}': no such endpoint in Describers:Endpoints ({string.Join(", ", endpoints.Select(e => e.Name))})");
        return DescriberFactory.IdentityOf(endpoint);
    }

    /// <summary>The corpus options from the command line and configuration.</summary>
    public static CorpusOptions Build(ParseResult parse, IConfiguration configuration, DescriptionFieldSet fields, IReadOnlyList<string>? labels)
    {
        var (identity, byHand) = Identity(parse, configuration);
        return ForIdentity(configuration, identity, byHand, MissingDescriptionPolicies.Parse(parse.GetValue(Missing)!), fields, labels,
            ParseSplit(parse.GetValue(Split)!));
    }

    public static CorpusOptions ForIdentity(
        IConfiguration configuration, DescriberIdentity identity, bool byHand, MissingDescriptionPolicy missing,
        DescriptionFieldSet fields, IReadOnlyList<string>? labels, SplitRatios ratios)
    {
        var images = configuration.ReadSection<ImageSourceOptions>();
        return new CorpusOptions(identity, missing, fields, labels, ratios)
        {
            TryBothContexts = byHand,
            ImagePolicy = images.Policy,
            MaxImageBytes = images.MaxBytes,
            BlobSource = images.ResolveAzureConnectionString() is { Length: > 0 } connection ? new AzureBlobImageSource(connection) : null,
        };
    }
}

/// <summary>The "corpus" stage: read the dataset and join its rows with their descriptions, with a progress bar.</summary>
public static class CorpusStage
{
    public const string Name = "corpus";

    public static async Task<TrainingCorpus?> RunAsync(
        CommandSummary summary, Reporter reporter, IConfiguration configuration, string dataset, string? storeLocation,
        CorpusOptions options, CancellationToken ct, bool standalone = true)
    {
        ArgumentNullException.ThrowIfNull(summary);
        ArgumentNullException.ThrowIfNull(reporter);
        TrainingCorpus? corpus = null;
        await summary.RunStageAsync(Name, async () =>
        {
            var location = storeLocation ?? CaptionStage.DefaultStore(configuration);
            if (standalone)
            {
                summary.Set("dataset", Path.GetFullPath(dataset));
                summary.Set("store", location);
            }

            summary.Set("describer_id", options.Describer.DescriberId);
            summary.Set("prompt_version", options.Describer.PromptVersion);
            var rows = await DatasetRows.ReadAsync(dataset, ct);
            using var store = CaptionStage.OpenStore(configuration, location);
            corpus = await reporter.WithProgressAsync("corpus: join rows with descriptions", rows.Rows.Count,
                progress => CorpusJoiner.JoinAsync(rows, store, options, progress, ct));
            var c = corpus.Counts;
            summary.Set(standalone ? "rows" : "corpus_rows", corpus.SplitCounts);
            summary.Set("missing", c.Missing);
            summary.Set("text_only", c.TextOnly);
            summary.Set("missing_policy", options.Missing.Name());
            summary.Set("corpus", c);
            if (c.Missing > 0)
            {
                reporter.Info($"{c.Missing} row(s) without a description ({c.NotInStore} not in the store, {c.ErrorRecords} error records, " +
                              $"{c.UnreadableImages} unreadable images; first: {string.Join(", ", c.MissingIds)}): " +
                              (options.Missing == MissingDescriptionPolicy.Skip ? "skipped" : "kept text-only"));
            }

            return $"{c.Rows} rows: {c.Found} with a description, {c.TextOnly} text-only, {c.Missing} missing " +
                   $"({options.Missing.Name()}), {c.Kept} kept";
        });
        return corpus;
    }
}
