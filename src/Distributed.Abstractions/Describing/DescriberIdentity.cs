namespace Distributed.Abstractions.Describing;

/// <summary>What a describer is: the parts of the description key it fixes, and how it wants images.</summary>
/// <param name="DescriberId">Backend, model and revision; never a VLM's name for a backend that is not one.</param>
/// <param name="Model">The model name as the backend reports it (the embedded describer: its own id).</param>
/// <param name="PromptVersion">Hash of prompt template + output schema (16 lowercase hex).</param>
/// <param name="UsesPostText">Whether the post text is part of the input (then it is part of the key).</param>
/// <param name="MaxImageSide">Images are resized so that their longer side is at most this many pixels.</param>
[GenerateSerializer, Immutable, Alias("Distributed.DescriberIdentity")]
public sealed record DescriberIdentity(
    [property: Id(0)] string DescriberId,
    [property: Id(1)] string Model,
    [property: Id(2)] string PromptVersion,
    [property: Id(3)] bool UsesPostText,
    [property: Id(4)] int MaxImageSide);
