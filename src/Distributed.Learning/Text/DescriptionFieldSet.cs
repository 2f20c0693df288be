namespace Distributed.Learning.Text;

/// <summary>Which description fields <see cref="DescriptionRenderer"/> renders; default <see cref="All"/>.</summary>
[Flags]
public enum DescriptionFieldSet
{
    /// <summary>No field: the description renders empty.</summary>
    None = 0,

    /// <summary>Text read from the image (<c>ocr</c>).</summary>
    Ocr = 1,

    /// <summary>What the image shows (<c>visual_scene</c>).</summary>
    VisualScene = 2,

    /// <summary>The VLM's reasoning about the image and post (<c>reasoning</c>).</summary>
    Reasoning = 4,

    /// <summary>All three fields.</summary>
    All = Ocr | VisualScene | Reasoning,
}
