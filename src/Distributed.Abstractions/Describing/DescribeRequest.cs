namespace Distributed.Abstractions.Describing;

/// <summary>One image (already loaded safely: oriented, resized, re-encoded) and its post, to be described.</summary>
/// <param name="ImageSha256">sha256 of the original image bytes (the image key).</param>
/// <param name="Image">The encoded image to send (PNG or JPEG).</param>
/// <param name="MediaType"><c>image/png</c> or <c>image/jpeg</c>.</param>
/// <param name="PostText">The post's text (may be empty).</param>
[GenerateSerializer, Immutable, Alias("Distributed.DescribeRequest")]
public sealed record DescribeRequest(
    [property: Id(0)] string ImageSha256,
    [property: Id(1)] byte[] Image,
    [property: Id(2)] string MediaType,
    [property: Id(3)] string PostText);
