namespace Distributed.Data.Images;

/// <summary>Snake_case codes of <see cref="ImageRejectedException.Reason"/>; every one is a permanent error.</summary>
public static class ImageRejectionReasons
{
    /// <summary>The file has no bytes.</summary>
    public const string EmptyFile = "empty_file";

    /// <summary>The file has more bytes than <see cref="ImageLoadOptions.MaxBytes"/>.</summary>
    public const string ImageTooLarge = "image_too_large";

    /// <summary>The bytes are not PNG, JPEG, WebP, GIF or BMP.</summary>
    public const string UnsupportedFormat = "unsupported_format";

    /// <summary>The header claims more pixels than <see cref="ImageLoadOptions.MaxPixels"/>.</summary>
    public const string TooManyPixels = "too_many_pixels";

    /// <summary>The header or the pixel data is truncated or corrupt.</summary>
    public const string UndecodableImage = "undecodable_image";
}
