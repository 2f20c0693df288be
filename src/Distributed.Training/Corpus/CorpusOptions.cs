using Distributed.Abstractions.Describing;
using Distributed.Data.Manifests;
using Distributed.Learning.Evaluation;
using Distributed.Learning.Text;

namespace Distributed.Training.Corpus;

/// <summary>How a dataset is joined with the description store.</summary>
/// <param name="Describer">Whose descriptions to look up (describer id, prompt version, whether the post is in the key).</param>
/// <param name="Missing">What to do with image rows whose description is missing; default text-only.</param>
/// <param name="Fields">Description fields rendered; default all.</param>
/// <param name="Labels">The label set; null (default) = the sorted distinct labels of the train split.</param>
/// <param name="Ratios">Split ratios for rows without a split; default 80/10/10.</param>
public sealed record CorpusOptions(
    DescriberIdentity Describer,
    MissingDescriptionPolicy Missing = MissingDescriptionPolicy.TextOnly,
    DescriptionFieldSet Fields = DescriptionFieldSet.All,
    IReadOnlyList<string>? Labels = null,
    SplitRatios? Ratios = null)
{
    /// <summary>
    /// When true (an identity given by hand as <c>--describer-id</c>/<c>--prompt-version</c>, whose prompt may or may
    /// not read the post), both context hashes are tried: the post text's first, then none.
    /// </summary>
    public bool TryBothContexts { get; init; }

    /// <summary>
    /// When false (prediction), rows need no label and labels outside <see cref="Labels"/> (which must be given) are
    /// allowed; default true.
    /// </summary>
    public bool LabelsRequired { get; init; } = true;

    /// <summary>Seed of the hash split (<see cref="DataSplit.Assign"/>); default 0.</summary>
    public int SplitSeed { get; init; }

    /// <summary>Where images may come from; default the manifest's folder only.</summary>
    public ImageSourcePolicy ImagePolicy { get; init; } = ImageSourcePolicy.Default;

    /// <summary>Largest image read, in bytes; default 20 MB.</summary>
    public long MaxImageBytes { get; init; } = ImageFetcher.DefaultMaxBytes;

    /// <summary>Blob source for <c>az://</c> images; default none.</summary>
    public IBlobImageSource? BlobSource { get; init; }

    /// <summary>Images read and hashed at once; default 4.</summary>
    public int FetchParallelism { get; init; } = 4;
}
