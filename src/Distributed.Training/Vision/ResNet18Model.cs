using Distributed.Learning.Encoder;
using System.Collections.Concurrent;

namespace Distributed.Training.Vision;

/// <summary>
/// ResNet18.onnx with the 7×7×512 map before the global pooling exposed as a second graph output, and the mean
/// image of ML.NET's preprocessing graph. Built once per folder and kept in memory (the edited model is ~63 MB).
/// </summary>
internal sealed class ResNet18Model
{
    /// <summary>The image input, [1,3,224,224] in the file, [batch,3,224,224] once edited.</summary>
    public const string InputName = "Input247";

    /// <summary>The pooled features, [1,512,1,1].</summary>
    public const string PooledName = "Pooling395_Output_0";

    /// <summary>Side of the square input.</summary>
    public const int Side = 224;

    private const string PoolingOpType = "AveragePool";
    private const string MeanImageName = "MeanImage";

    /// <summary>The symbolic batch dimension given to the inputs and outputs (the file fixes it at 1).</summary>
    public const string BatchParam = "batch";

    // Every op of ResNet18.onnx works per sample; none (Reshape, Flatten, ...) bakes the batch of 1 into a shape.
    private static readonly string[] BatchAgnosticOps = ["Conv", "BatchNormalization", "Relu", "Add", "MaxPool", "AveragePool"];

    private static readonly ConcurrentDictionary<string, Lazy<ResNet18Model>> Loaded = new(StringComparer.Ordinal);

    private ResNet18Model(byte[] modelBytes, string mapName, float[] meanImage)
    {
        ModelBytes = modelBytes;
        MapName = mapName;
        MeanImage = meanImage;
    }

    /// <summary>The edited model: outputs <see cref="PooledName"/> and <see cref="MapName"/>, batch dimension <see cref="BatchParam"/>.</summary>
    public byte[] ModelBytes { get; }

    /// <summary>The input of the pooling node (the last ReLU), [1,512,7,7], now also a graph output.</summary>
    public string MapName { get; }

    /// <summary>ML.NET's per-pixel mean image, [3,224,224] in B, G, R plane order, 0–255 scale.</summary>
    public float[] MeanImage { get; }

    /// <summary>The model of <paramref name="folder"/> (a <c>DnnImageModels</c> folder), built on first use.</summary>
    public static ResNet18Model For(string folder) =>
        Loaded.GetOrAdd(Path.GetFullPath(folder), f => new Lazy<ResNet18Model>(() => Build(f))).Value;

    private static ResNet18Model Build(string folder)
    {
        var modelPath = Path.Combine(folder, ResNet18ModelFiles.ModelFile);
        var prepPath = Path.Combine(folder, ResNet18ModelFiles.PreprocessFile);
        foreach (var path in (string[])[modelPath, prepPath])
        {
            if (!File.Exists(path))
            {
                throw new FileNotFoundException(
                    $"ResNet18 model file '{path}' is missing: the model folder must be the DnnImageModels folder of NuGet " +
                    $"Microsoft.ML.DnnImageFeaturizer.ResNet18 {ResNet18ModelFiles.PackageVersion} (leave ModelFolder unset to locate it).",
                    path);
            }
        }

        var original = File.ReadAllBytes(modelPath);
        var graph = OnnxGraphReader.Read(original);
        var mapName = OnnxModelSurgery.InputOfNodeProducing(graph, PooledName, PoolingOpType);
        var withMap = OnnxModelSurgery.WithFloatOutput(original, mapName, [1, ImageFeatures.Channels, ImageFeatures.GridSide, ImageFeatures.GridSide]);
        var shapeFixing = OnnxModelSurgery.OpTypes(graph).Except(BatchAgnosticOps).ToList();
        if (shapeFixing.Count > 0)
        {
            throw new InvalidDataException(
                $"{ResNet18ModelFiles.ModelFile} has nodes whose batch handling is unchecked ({string.Join(", ", shapeFixing)}); the batch cannot be made dynamic.");
        }

        var edited = OnnxModelSurgery.WithDynamicBatch(withMap, BatchParam);

        var prep = File.ReadAllBytes(prepPath);
        var (mean, dims) = OnnxModelSurgery.FloatInitializer(prep, MeanImageName);
        if (!dims.SequenceEqual([1L, 3, Side, Side]))
        {
            throw new InvalidDataException($"{ResNet18ModelFiles.PreprocessFile}: {MeanImageName} has dims [{string.Join(",", dims)}], expected [1,3,{Side},{Side}].");
        }

        return new ResNet18Model(edited, mapName, mean);
    }
}
