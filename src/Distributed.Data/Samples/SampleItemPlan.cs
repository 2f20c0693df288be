namespace Distributed.Data.Samples;

/// <summary>Everything decided about one item before its image is drawn.</summary>
/// <param name="Id">Row id, e.g. <c>s00001</c>.</param>
/// <param name="Text">Post text.</param>
/// <param name="Label">Label; equals the caption's sentiment when there is a caption, else <paramref name="Scene"/>.</param>
/// <param name="Scene">Visual scene class drawn in the image.</param>
/// <param name="Split">train, dev or test.</param>
/// <param name="OverlayText">Caption drawn on the image, or empty.</param>
/// <param name="RenderSeed">Seed of the image's own random draws.</param>
internal sealed record SampleItemPlan(
    string Id,
    string Text,
    SampleLabel Label,
    SampleLabel Scene,
    string Split,
    string OverlayText,
    int RenderSeed)
{
    /// <summary>Image path relative to the dataset folder, with forward slashes.</summary>
    public string ImagePath => $"images/{Id}.png";
}

/// <summary>One line of <c>manifest.jsonl</c> (snake_case keys, in this order).</summary>
internal sealed record SampleManifestRow(
    string Id,
    string Text,
    string Image,
    string Label,
    string Split,
    string OverlayText);
