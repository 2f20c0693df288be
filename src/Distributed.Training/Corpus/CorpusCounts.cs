namespace Distributed.Training.Corpus;

/// <summary>What joining a dataset with the store found.</summary>
/// <param name="Rows">Manifest rows read.</param>
/// <param name="Kept">Rows in the corpus (after the missing policy).</param>
/// <param name="Found">Image rows with a description.</param>
/// <param name="TextOnly">Rows without an image (counted apart from missing ones).</param>
/// <param name="Missing">Image rows without a description (the three kinds below together).</param>
/// <param name="NotInStore">Missing: no record in the store.</param>
/// <param name="ErrorRecords">Missing: the store holds an error record.</param>
/// <param name="UnreadableImages">Missing: the image could not be resolved or read.</param>
/// <param name="Skipped">Rows left out by the <c>skip</c> policy.</param>
/// <param name="MissingIds">The first missing rows' ids (at most <see cref="CorpusCounts.ListedIds"/>).</param>
/// <param name="HashSplitRows">Rows whose split came from the hash of their id (the manifest gave none).</param>
public sealed record CorpusCounts(
    int Rows,
    int Kept,
    int Found,
    int TextOnly,
    int Missing,
    int NotInStore,
    int ErrorRecords,
    int UnreadableImages,
    int Skipped,
    IReadOnlyList<string> MissingIds,
    int HashSplitRows)
{
    /// <summary>How many missing ids are listed.</summary>
    public const int ListedIds = 10;
}
