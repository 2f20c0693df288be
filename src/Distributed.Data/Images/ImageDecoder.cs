using SkiaSharp;

namespace Distributed.Data.Images;

/// <summary>Decodes the first frame of a codec into premultiplied sRGB RGBA, failing on any partial decode.</summary>
internal static class ImageDecoder
{
    /// <summary>
    /// Decodes the first frame. A JPEG larger than <paramref name="maxSide"/> is decoded at the smallest DCT
    /// scale whose longer side still reaches <paramref name="maxSide"/>, so the later resize only shrinks.
    /// Any result other than <see cref="SKCodecResult.Success"/> (including
    /// <see cref="SKCodecResult.IncompleteInput"/>) rejects the image as <c>undecodable_image</c>.
    /// </summary>
    public static SKBitmap DecodeFirstFrame(SKCodec codec, int maxSide, string sourceName)
    {
        var size = DecodeSize(codec, maxSide);
        var info = new SKImageInfo(size.Width, size.Height, SKColorType.Rgba8888, SKAlphaType.Premul, SKColorSpace.CreateSrgb());
        var bitmap = new SKBitmap();
        if (!bitmap.TryAllocPixels(info))
        {
            bitmap.Dispose();
            throw new InsufficientMemoryException(
                $"Image '{sourceName}': cannot allocate {size.Width}x{size.Height} pixels to decode it.");
        }

        var result = codec.GetPixels(info, bitmap.GetPixels());
        if (result != SKCodecResult.Success)
        {
            bitmap.Dispose();
            throw new ImageRejectedException(
                ImageRejectionReasons.UndecodableImage,
                sourceName,
                $"the {codec.EncodedFormat} pixel data is truncated or corrupt (decoder result {result}).");
        }

        return bitmap;
    }

    private static SKSizeI DecodeSize(SKCodec codec, int maxSide)
    {
        var full = codec.Info.Size;
        var longer = Math.Max(full.Width, full.Height);
        if (codec.EncodedFormat != SKEncodedImageFormat.Jpeg || longer <= maxSide)
        {
            return full;
        }

        var scaled = codec.GetScaledDimensions((float)maxSide / longer);
        return Math.Max(scaled.Width, scaled.Height) >= maxSide ? scaled : full;
    }
}
