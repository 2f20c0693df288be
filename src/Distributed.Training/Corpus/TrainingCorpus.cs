using Distributed.Data.Manifests;

namespace Distributed.Training.Corpus;

/// <summary>A dataset joined with its descriptions: the kept rows, the label set, and what was found.</summary>
/// <param name="DatasetPath">The dataset as given (absolute).</param>
/// <param name="Files">Its manifest files.</param>
/// <param name="Rows">The kept rows, in manifest order (files in train, dev, test order).</param>
/// <param name="Labels">The label set, sorted ordinally (or as given by <see cref="CorpusOptions.Labels"/>).</param>
/// <param name="Counts">The join's counts.</param>
public sealed record TrainingCorpus(
    string DatasetPath,
    IReadOnlyList<ManifestFile> Files,
    IReadOnlyList<CorpusRow> Rows,
    IReadOnlyList<string> Labels,
    CorpusCounts Counts)
{
    /// <summary>The rows of one split.</summary>
    public IReadOnlyList<CorpusRow> Split(string split) => [.. Rows.Where(r => r.Split == split)];

    /// <summary>Kept rows per split (train, dev, test always present).</summary>
    public IReadOnlyDictionary<string, int> SplitCounts =>
        Distributed.Learning.Evaluation.DataSplit.Summarise(Rows.Select(r => r.Split));
}
