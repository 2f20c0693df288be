namespace Distributed.Training.Corpus;

/// <summary>How a corpus row's description was found.</summary>
public enum DescriptionStatus
{
    /// <summary>The store holds a successful description for the row's key.</summary>
    Found,

    /// <summary>The row has no image (a text-only row, not a missing one).</summary>
    TextOnly,

    /// <summary>The store holds no record for the row's key.</summary>
    NotInStore,

    /// <summary>The store holds a permanent error record for the row's key.</summary>
    ErrorRecord,

    /// <summary>The row's image could not be resolved or read, so it has no key.</summary>
    ImageUnreadable,
}

/// <summary>
/// One dataset row joined with its description; independent of TorchSharp. <see cref="Description"/> is the rendered
/// description (<see cref="Distributed.Learning.Text.DescriptionRenderer"/>), null when there is none.
/// </summary>
/// <param name="Id">The manifest's row id.</param>
/// <param name="Text">The post text.</param>
/// <param name="Label">The row's label (always set: rows without one are an error).</param>
/// <param name="Split"><c>train</c>, <c>dev</c> or <c>test</c>.</param>
/// <param name="ImageSha256">sha256 of the image bytes; null for text-only and unreadable images.</param>
/// <param name="ImageReference">The image reference as written in the manifest; null for text-only rows.</param>
/// <param name="Description">The rendered description, or null.</param>
/// <param name="DescriptionStatus">How the description was found (or why not).</param>
public sealed record CorpusRow(
    string Id,
    string Text,
    string Label,
    string Split,
    string? ImageSha256,
    string? ImageReference,
    string? Description,
    DescriptionStatus DescriptionStatus);
