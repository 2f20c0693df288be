namespace Distributed.Data.Images;

/// <summary>
/// A safely decoded, upright, size-capped and re-encoded image.
/// </summary>
/// <param name="Sha256">64 lowercase hex characters of the sha256 of the ORIGINAL bytes (the image key).</param>
/// <param name="Encoded">The re-encoded image bytes (orientation applied, resized, metadata dropped).</param>
/// <param name="MediaType"><c>image/png</c> or <c>image/jpeg</c>.</param>
/// <param name="Width">Width of <paramref name="Encoded"/> in pixels.</param>
/// <param name="Height">Height of <paramref name="Encoded"/> in pixels.</param>
/// <param name="OriginalWidth">Stored width of the original, before orientation and resizing.</param>
/// <param name="OriginalHeight">Stored height of the original, before orientation and resizing.</param>
/// <param name="OriginalFormat">Format of the original: <c>png</c>, <c>jpeg</c>, <c>webp</c>, <c>gif</c> or <c>bmp</c>.</param>
public sealed record LoadedImage(
    string Sha256,
    byte[] Encoded,
    string MediaType,
    int Width,
    int Height,
    int OriginalWidth,
    int OriginalHeight,
    string OriginalFormat);
