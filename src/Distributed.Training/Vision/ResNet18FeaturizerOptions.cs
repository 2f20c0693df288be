using System.ComponentModel.DataAnnotations;
using Distributed.Data.Images;

namespace Distributed.Training.Vision;

/// <summary>Settings of <see cref="ResNet18Featurizer"/>.</summary>
public sealed record ResNet18FeaturizerOptions
{
    /// <summary>Configuration section: <c>Vision:ResNet18</c>.</summary>
    public const string SectionName = "Vision:ResNet18";

    /// <summary>ONNX Runtime intra-op threads for one image; default 1.</summary>
    [Range(1, 256)]
    public int IntraOpThreads { get; init; } = 1;

    /// <summary>
    /// Images per network run in <see cref="ResNet18Featurizer.ExtractMany"/> (the edited model has a dynamic batch
    /// dimension); default 1.
    /// </summary>
    [Range(1, 64)]
    public int BatchSize { get; init; } = 1;

    /// <summary>
    /// Whether ONNX Runtime's intra-op threads spin while waiting for work; default <see langword="false"/>: on a machine
    /// whose cores are shared (CI, several jobs), spinning threads steal the cores the other threads need. Turn it on
    /// for a dedicated machine with <see cref="IntraOpThreads"/> above 1.
    /// </summary>
    public bool IntraOpSpinning { get; init; }

    /// <summary>
    /// The <c>DnnImageModels</c> folder; default <see langword="null"/>: found by <see cref="ResNet18ModelFiles.LocateFolder"/>.
    /// </summary>
    public string? ModelFolder { get; init; }

    /// <summary>
    /// The safe loader's limits. Default: <see cref="ImageLoadOptions"/>'s defaults with <c>MaxSide</c> 448 (twice the
    /// network side: the loader shrinks the longer side to this before the 224 crop, so only panoramas wider than 2:1
    /// get a shorter side under 224 and are upscaled).
    /// </summary>
    public ImageLoadOptions LoadOptions { get; init; } = new() { MaxSide = 448 };

    /// <summary>Throws <see cref="ArgumentException"/> naming the first invalid setting.</summary>
    public void Validate()
    {
        if (IntraOpThreads is < 1 or > 256)
        {
            throw new ArgumentException($"ResNet18FeaturizerOptions.{nameof(IntraOpThreads)} must be between 1 and 256 (was {IntraOpThreads}).", nameof(IntraOpThreads));
        }

        if (BatchSize is < 1 or > 64)
        {
            throw new ArgumentException($"ResNet18FeaturizerOptions.{nameof(BatchSize)} must be between 1 and 64 (was {BatchSize}).", nameof(BatchSize));
        }

        ArgumentNullException.ThrowIfNull(LoadOptions);
        LoadOptions.Validate();
    }
}
