namespace Distributed.Describing.Embedded;

/// <summary>Pixels prepared for Tesseract: 8-bit gray (1 byte/pixel) or RGBA (4), row-major, no row padding.</summary>
/// <param name="Pixels">The pixel bytes.</param>
/// <param name="Width">Width in pixels.</param>
/// <param name="Height">Height in pixels.</param>
/// <param name="BytesPerPixel">1 or 4.</param>
/// <param name="PixelsPerInch">The resolution reported to Tesseract (it only steers size heuristics).</param>
internal sealed record OcrImage(byte[] Pixels, int Width, int Height, int BytesPerPixel, int PixelsPerInch);
