using System.ComponentModel.DataAnnotations;
using Distributed.Abstractions.Options;

namespace Distributed.Cli.Commands;

/// <summary>
/// Defaults of <c>train</c> and of the <c>run</c> command's train stage. Bound from the <c>Training</c> section
/// (e.g. <c>--set Training:Encoder=small --set Training:Epochs=1</c>); command-line options win.
/// </summary>
public sealed class TrainingSection : IOptionsSection
{
    public static string SectionName => "Training";

    /// <summary>Starting encoder: <c>minilm</c> (pretrained, default) or <c>small</c> (tiny random BERT, for tests).</summary>
    [Required, RegularExpression("^(?i)(minilm|small)$", ErrorMessage = "must be minilm or small")]
    public string Encoder { get; set; } = "minilm";

    /// <summary>Maximum epochs. Default 3.</summary>
    [Range(1, 1000, ErrorMessage = "must be between {1} and {2}")]
    public int Epochs { get; set; } = 3;

    /// <summary>Tokens per row. Default 128.</summary>
    [Range(8, 512, ErrorMessage = "must be between {1} and {2}")]
    public int MaxLength { get; set; } = 128;

    /// <summary>Rows per optimizer step. Default 32.</summary>
    [Range(1, 65536, ErrorMessage = "must be between {1} and {2}")]
    public int BatchSize { get; set; } = 32;
}
