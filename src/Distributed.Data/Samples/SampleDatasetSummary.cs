namespace Distributed.Data.Samples;

/// <summary>What a sample dataset folder holds.</summary>
/// <param name="ManifestPath">Full path of <c>manifest.jsonl</c>.</param>
/// <param name="Rows">Manifest rows.</param>
/// <param name="Images">Image files referenced by the manifest that exist on disk.</param>
/// <param name="Labels">Rows per label (ordinal key order).</param>
/// <param name="Splits">Rows per split (ordinal key order).</param>
/// <param name="Generated">True when this call wrote the dataset; false when an existing manifest was read.</param>
public sealed record SampleDatasetSummary(
    string ManifestPath,
    int Rows,
    int Images,
    IReadOnlyDictionary<string, int> Labels,
    IReadOnlyDictionary<string, int> Splits,
    bool Generated);
