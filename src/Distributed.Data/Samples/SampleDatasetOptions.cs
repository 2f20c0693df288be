namespace Distributed.Data.Samples;

/// <summary>Options for the deterministic sample image+text sentiment dataset.</summary>
public sealed record SampleDatasetOptions
{
    /// <summary>Smallest allowed <see cref="Count"/>.</summary>
    public const int MinCount = 10;

    /// <summary>Largest allowed <see cref="Count"/>.</summary>
    public const int MaxCount = 100_000;

    /// <summary>Smallest allowed <see cref="ImageSize"/>.</summary>
    public const int MinImageSize = 128;

    /// <summary>Largest allowed <see cref="ImageSize"/>.</summary>
    public const int MaxImageSize = 1024;

    /// <summary>Number of items (rows and images).</summary>
    public int Count { get; init; } = 300;

    /// <summary>Seed of every random draw; same seed and options give byte-identical output.</summary>
    public int Seed { get; init; } = 42;

    /// <summary>Width and height of each square PNG, in pixels.</summary>
    public int ImageSize { get; init; } = 256;

    /// <summary>TrueType font used for image captions; there is no fallback font.</summary>
    public string FontPath { get; init; } = "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf";

    /// <summary>Throws <see cref="ArgumentException"/> naming the first invalid option.</summary>
    public void Validate()
    {
        if (Count is < MinCount or > MaxCount)
        {
            throw new ArgumentException(
                $"SampleDatasetOptions.Count must be between {MinCount} and {MaxCount} (was {Count}).", nameof(Count));
        }

        if (ImageSize is < MinImageSize or > MaxImageSize)
        {
            throw new ArgumentException(
                $"SampleDatasetOptions.ImageSize must be between {MinImageSize} and {MaxImageSize} (was {ImageSize}).",
                nameof(ImageSize));
        }

        if (string.IsNullOrWhiteSpace(FontPath))
        {
            throw new ArgumentException("SampleDatasetOptions.FontPath must name a TrueType font file.", nameof(FontPath));
        }

        if (!File.Exists(FontPath))
        {
            throw new ArgumentException(
                $"SampleDatasetOptions.FontPath font file not found: '{FontPath}'.", nameof(FontPath));
        }
    }
}
