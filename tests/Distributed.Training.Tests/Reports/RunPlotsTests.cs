using Distributed.Learning.Evaluation;
using Distributed.Learning.Training;
using Distributed.Training.Reports;
using Distributed.Training.Runs;
using SkiaSharp;

namespace Distributed.Training.Tests.Reports;

public sealed class RunPlotsTests : IDisposable
{
    private static readonly byte[] PngSignature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
    private readonly string _folder = Directory.CreateTempSubdirectory("distributed-plots-").FullName;

    private static void AssertPng(string path, int width, int height)
    {
        var bytes = File.ReadAllBytes(path);
        Assert.Equal(PngSignature, bytes[..8]);
        using var bitmap = SKBitmap.Decode(bytes);
        Assert.NotNull(bitmap);
        Assert.Equal((width, height), (bitmap.Width, bitmap.Height));
    }

    [Fact]
    public void TrainingCurves_WritesDecodablePng()
    {
        var path = Path.Combine(_folder, RunPlots.TrainingCurvesFile);
        var steps = Enumerable.Range(0, 12).Select(i => new StepPoint(i, i / 4, 1.0 / (i + 1), 1.0 / (i + 1), null, 1e-4)).ToList();
        var epochs = Enumerable.Range(0, 3).Select(e => new EpochResult(e, 0.5, 0.3 + (0.1 * e), 0.5)).ToList();

        RunPlots.TrainingCurves(path, steps, epochs);

        AssertPng(path, 800, 500);
    }

    [Fact]
    public void ConfusionMatrix_WritesDecodablePng()
    {
        var path = Path.Combine(_folder, RunPlots.ConfusionMatrixFile);
        var report = ClassificationMetrics.Compute([0, 1, 2, 2, 1], [0, 2, 2, 2, 1], ["neg", "neu", "pos"]);

        RunPlots.ConfusionMatrix(path, report, "test");

        AssertPng(path, 600, 520);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
