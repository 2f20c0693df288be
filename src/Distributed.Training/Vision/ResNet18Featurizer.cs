using Distributed.Data.Images;
using Microsoft.ML.OnnxRuntime;
using SkiaSharp;

namespace Distributed.Training.Vision;

/// <summary>
/// Image features from the ImageNet-pretrained ResNet18 of NuGet <c>Microsoft.ML.DnnImageFeaturizer.ResNet18</c>
/// (a CNTK export) run by ONNX Runtime: the 512 pooled features and the 7×7×512 map before pooling. Images pass the
/// safe <see cref="ImageLoader"/> first (caps, strict decode, EXIF orientation), then
/// <see cref="ResNet18Preprocessing"/> (shorter side to 224, centre crop, BGR 0–255 minus ML.NET's mean image).
/// The file fixes the batch dimension at 1; every node of it works per sample, so the loaded copy is edited to a
/// dynamic batch and <see cref="ExtractMany"/> runs <see cref="ResNet18FeaturizerOptions.BatchSize"/> images per run,
/// preparing the next batch while the network runs. <see cref="Extract"/> is safe to call from several threads.
/// </summary>
public sealed class ResNet18Featurizer : IDisposable
{
    /// <summary>
    /// Names what the features are (model, preprocessing and feature layout); a change of any of them changes this, so
    /// cached features from another version are never reused.
    /// </summary>
    public const string FeatureVersion = "resnet18-mlnet-0.23.1/isocrop224-bgr-meanimage-over-white/pooled512+regions49x512/v1";

    private readonly ResNet18Model _model;
    private readonly InferenceSession _session;
    private readonly string[] _outputNames;

    /// <summary>Loads the model (once per process and folder) and opens an ONNX Runtime session.</summary>
    /// <exception cref="FileNotFoundException">The model files cannot be found.</exception>
    public ResNet18Featurizer(ResNet18FeaturizerOptions? options = null)
    {
        Options = options ?? new ResNet18FeaturizerOptions();
        Options.Validate();
        _model = ResNet18Model.For(Options.ModelFolder ?? ResNet18ModelFiles.LocateFolder());
        _outputNames = [ResNet18Model.PooledName, _model.MapName];
        using var sessionOptions = new SessionOptions
        {
            IntraOpNumThreads = Options.IntraOpThreads,
            InterOpNumThreads = 1,
            ExecutionMode = ExecutionMode.ORT_SEQUENTIAL,
            GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL,
        };
        sessionOptions.AddSessionConfigEntry("session.intra_op.allow_spinning", Options.IntraOpSpinning ? "1" : "0");
        _session = new InferenceSession(_model.ModelBytes, sessionOptions);
    }

    /// <summary>The settings in use.</summary>
    public ResNet18FeaturizerOptions Options { get; }

    /// <summary><see cref="FeatureVersion"/> plus the loader's <c>MaxSide</c> (which changes the pixels the crop sees).</summary>
    public string FeatureSpace => $"{FeatureVersion}/maxside{Options.LoadOptions.MaxSide}";

    /// <summary>Features of one image.</summary>
    /// <exception cref="ImageRejectedException">The image is corrupt, too large or unsupported; the message names <paramref name="name"/>.</exception>
    /// <exception cref="InvalidOperationException">ONNX Runtime failed on it; the message names <paramref name="name"/>.</exception>
    public ImageFeatures Extract(byte[] imageBytes, string name)
    {
        ArgumentNullException.ThrowIfNull(imageBytes);
        ArgumentNullException.ThrowIfNull(name);
        return Run([Prepare(imageBytes, name)], [name])[0];
    }

    /// <summary>
    /// Features of every image, in order. Stops at the first image that fails, throwing as <see cref="Extract"/> does
    /// (call <see cref="Extract"/> per image to skip bad ones instead).
    /// </summary>
    public IReadOnlyList<ImageFeatures> ExtractMany(IEnumerable<NamedImage> images)
    {
        ArgumentNullException.ThrowIfNull(images);
        var list = images.ToList();
        var results = new List<ImageFeatures>(list.Count);
        if (list.Count == 0)
        {
            return results;
        }

        var batches = list.Chunk(Options.BatchSize).ToList();
        var pending = PrepareAsync(batches[0]);
        for (var i = 0; i < batches.Count; i++)
        {
            var inputs = pending.GetAwaiter().GetResult();
            if (i + 1 < batches.Count)
            {
                pending = PrepareAsync(batches[i + 1]);
            }

            results.AddRange(Run(inputs, [.. batches[i].Select(image => image.Name)]));
        }

        return results;
    }

    /// <inheritdoc />
    public void Dispose() => _session.Dispose();

    private Task<float[][]> PrepareAsync(NamedImage[] batch)
    {
        foreach (var image in batch)
        {
            ArgumentNullException.ThrowIfNull(image);
        }

        return Task.Run(() => batch.Select(image => Prepare(image.Bytes, image.Name)).ToArray());
    }

    private float[] Prepare(byte[] imageBytes, string name)
    {
        var loaded = ImageLoader.Load(imageBytes, name, Options.LoadOptions);
        using var bitmap = DecodeLoaded(loaded, name);
        var input = new float[ResNet18Preprocessing.InputLength];
        ResNet18Preprocessing.Fill(bitmap, _model.MeanImage, input);
        return input;
    }

    private static SKBitmap DecodeLoaded(LoadedImage loaded, string name)
    {
        // The loader's output is our own re-encoding (or a PNG it fully decoded), so a failure here is a bug, not bad input.
        using var codec = SKCodec.Create(new MemoryStream(loaded.Encoded))
            ?? throw new InvalidOperationException($"Image '{name}': the loader's {loaded.MediaType} output does not open.");
        var info = new SKImageInfo(loaded.Width, loaded.Height, SKColorType.Rgba8888, SKAlphaType.Premul, SKColorSpace.CreateSrgb());
        var bitmap = new SKBitmap(info);
        var result = codec.GetPixels(info, bitmap.GetPixels());
        if (result != SKCodecResult.Success)
        {
            bitmap.Dispose();
            throw new InvalidOperationException($"Image '{name}': the loader's {loaded.MediaType} output does not decode ({result}).");
        }

        return bitmap;
    }

    private ImageFeatures[] Run(float[][] inputs, string[] names)
    {
        const int Pooled = ImageFeatures.Channels;
        const int Map = ImageFeatures.RegionCount * ImageFeatures.Channels;
        var count = inputs.Length;
        var batch = count == 1 ? inputs[0] : new float[count * ResNet18Preprocessing.InputLength];
        if (count > 1)
        {
            for (var i = 0; i < count; i++)
            {
                inputs[i].CopyTo(batch, i * ResNet18Preprocessing.InputLength);
            }
        }

        try
        {
            using var inputValue = OrtValue.CreateTensorValueFromMemory(batch, [count, 3, ResNet18Model.Side, ResNet18Model.Side]);
            using var runOptions = new RunOptions();
            using var outputs = _session.Run(runOptions, [ResNet18Model.InputName], [inputValue], _outputNames);
            var pooled = outputs[0].GetTensorDataAsSpan<float>();
            var map = outputs[1].GetTensorDataAsSpan<float>();
            if (pooled.Length != count * Pooled || map.Length != count * Map)
            {
                throw new InvalidOperationException(
                    $"ResNet18 returned {pooled.Length} pooled and {map.Length} map values for {count} image(s), expected {count * Pooled} and {count * Map}.");
            }

            var features = new ImageFeatures[count];
            for (var i = 0; i < count; i++)
            {
                features[i] = new ImageFeatures(pooled.Slice(i * Pooled, Pooled).ToArray(), ToRegionMajor(map.Slice(i * Map, Map)));
            }

            return features;
        }
        catch (OnnxRuntimeException e)
        {
            throw new InvalidOperationException($"ONNX Runtime failed on ResNet18 for image(s) {string.Join(", ", names.Select(n => $"'{n}'"))}: {e.Message}", e);
        }
    }

    /// <summary>[512, 7, 7] channel-major (NCHW) to [49, 512] region-major.</summary>
    private static float[] ToRegionMajor(ReadOnlySpan<float> map)
    {
        const int Regions = ImageFeatures.RegionCount;
        const int Channels = ImageFeatures.Channels;
        var regions = new float[Regions * Channels];
        for (var c = 0; c < Channels; c++)
        {
            for (var r = 0; r < Regions; r++)
            {
                regions[r * Channels + c] = map[c * Regions + r];
            }
        }

        return regions;
    }
}
