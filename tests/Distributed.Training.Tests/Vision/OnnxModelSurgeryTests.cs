using Distributed.Training.Vision;
using Microsoft.ML.OnnxRuntime;

namespace Distributed.Training.Tests.Vision;

public sealed class OnnxModelSurgeryTests
{
    private static byte[] OriginalModel() =>
        File.ReadAllBytes(Path.Combine(ResNet18ModelFiles.LocateFolder(), ResNet18ModelFiles.ModelFile));

    [Fact]
    public void InputOfNodeProducing_PooledOutput_IsTheLastRelu()
    {
        var name = OnnxModelSurgery.InputOfNodeProducing(OriginalModel(), ResNet18Model.PooledName, "AveragePool");

        Assert.Equal("ReLU393_Output_0", name);
    }

    [Fact]
    public void InputOfNodeProducing_UnknownOutput_Throws()
    {
        var error = Assert.Throws<InvalidDataException>(() => OnnxModelSurgery.InputOfNodeProducing(OriginalModel(), "nope", "AveragePool"));

        Assert.Contains("nope", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void WithFloatOutput_SessionSeesBothOutputsWithTheirShapes()
    {
        var original = OriginalModel();
        var edited = OnnxModelSurgery.WithFloatOutput(original, "ReLU393_Output_0", [1, 512, 7, 7]);

        using var session = new InferenceSession(edited);

        Assert.Equal([ResNet18Model.PooledName, "ReLU393_Output_0"], session.OutputMetadata.Keys.ToArray());
        Assert.Equal([1, 512, 1, 1], session.OutputMetadata[ResNet18Model.PooledName].Dimensions);
        Assert.Equal([1, 512, 7, 7], session.OutputMetadata["ReLU393_Output_0"].Dimensions);
        Assert.Equal([1, 3, 224, 224], session.InputMetadata[ResNet18Model.InputName].Dimensions);
        Assert.True(edited.Length > original.Length && edited.Length < original.Length + 100);
    }

    [Fact]
    public void WithDynamicBatch_InputAndOutputsTakeAnyBatch()
    {
        var edited = OnnxModelSurgery.WithDynamicBatch(
            OnnxModelSurgery.WithFloatOutput(OriginalModel(), "ReLU393_Output_0", [1, 512, 7, 7]), "batch");

        using var session = new InferenceSession(edited);

        Assert.Equal([-1, 3, 224, 224], session.InputMetadata[ResNet18Model.InputName].Dimensions);
        Assert.Equal("batch", session.InputMetadata[ResNet18Model.InputName].SymbolicDimensions[0]);
        Assert.Equal([-1, 512, 1, 1], session.OutputMetadata[ResNet18Model.PooledName].Dimensions);
        Assert.Equal([-1, 512, 7, 7], session.OutputMetadata["ReLU393_Output_0"].Dimensions);
    }

    [Fact]
    public void OpTypes_ResNet18_OnlyPerSampleOps()
    {
        Assert.Equal(
            ["Add", "AveragePool", "BatchNormalization", "Conv", "MaxPool", "Relu"],
            OnnxModelSurgery.OpTypes(OriginalModel()).Order(StringComparer.Ordinal).ToArray());
    }

    [Fact]
    public void FloatInitializer_MeanImage_HasCaffeImageNetMeans()
    {
        var prep = File.ReadAllBytes(Path.Combine(ResNet18ModelFiles.LocateFolder(), ResNet18ModelFiles.PreprocessFile));

        var (values, dims) = OnnxModelSurgery.FloatInitializer(prep, "MeanImage");

        Assert.Equal([1L, 3, 224, 224], dims);
        var plane = 224 * 224;
        var means = Enumerable.Range(0, 3).Select(c => values.Skip(c * plane).Take(plane).Average()).ToArray();
        Assert.InRange(means[0], 102, 105); // B
        Assert.InRange(means[1], 115, 118); // G
        Assert.InRange(means[2], 122, 125); // R
    }
}
