namespace Distributed.Data.Images;

/// <summary>Limits and output of <see cref="ImageLoader"/>.</summary>
public sealed record ImageLoadOptions
{
    /// <summary>Largest allowed <see cref="MaxBytes"/> (1 GiB).</summary>
    public const long MaxMaxBytes = 1L << 30;

    /// <summary>Largest allowed <see cref="MaxPixels"/> (one billion).</summary>
    public const long MaxMaxPixels = 1_000_000_000;

    /// <summary>Smallest allowed <see cref="MaxSide"/>.</summary>
    public const int MinMaxSide = 16;

    /// <summary>Largest allowed <see cref="MaxSide"/>.</summary>
    public const int MaxMaxSide = 16_384;

    /// <summary>Largest file accepted, in bytes; default 20 MiB (20 * 1024 * 1024).</summary>
    public long MaxBytes { get; init; } = 20L * 1024 * 1024;

    /// <summary>
    /// Largest width × height accepted, checked from the header before any pixel is decoded
    /// (decompression bombs); default 50,000,000.
    /// </summary>
    public long MaxPixels { get; init; } = 50_000_000;

    /// <summary>Longest side of the output; larger images are shrunk keeping aspect, never upscaled; default 1024.</summary>
    public int MaxSide { get; init; } = 1024;

    /// <summary>Encoding of <see cref="LoadedImage.Encoded"/>; default <see cref="ImageOutputFormat.Png"/>.</summary>
    public ImageOutputFormat OutputFormat { get; init; } = ImageOutputFormat.Png;

    /// <summary>JPEG quality 1–100, used only with <see cref="ImageOutputFormat.Jpeg"/>; default 90.</summary>
    public int JpegQuality { get; init; } = 90;

    /// <summary>Throws <see cref="ArgumentException"/> naming the first invalid option and its range.</summary>
    public void Validate()
    {
        if (MaxBytes is < 1 or > MaxMaxBytes)
        {
            throw Invalid(nameof(MaxBytes), $"between 1 and {MaxMaxBytes}", MaxBytes);
        }

        if (MaxPixels is < 1 or > MaxMaxPixels)
        {
            throw Invalid(nameof(MaxPixels), $"between 1 and {MaxMaxPixels}", MaxPixels);
        }

        if (MaxSide is < MinMaxSide or > MaxMaxSide)
        {
            throw Invalid(nameof(MaxSide), $"between {MinMaxSide} and {MaxMaxSide}", MaxSide);
        }

        if (!Enum.IsDefined(OutputFormat))
        {
            throw Invalid(nameof(OutputFormat), "Png or Jpeg", OutputFormat);
        }

        if (JpegQuality is < 1 or > 100)
        {
            throw Invalid(nameof(JpegQuality), "between 1 and 100", JpegQuality);
        }
    }

    private static ArgumentException Invalid(string option, string range, object value) =>
        new($"ImageLoadOptions.{option} must be {range} (was {value}).", option);
}
