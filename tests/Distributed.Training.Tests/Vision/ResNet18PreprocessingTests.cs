using Distributed.Training.Vision;
using Microsoft.ML.OnnxRuntime;
using SkiaSharp;

namespace Distributed.Training.Tests.Vision;

public sealed class ResNet18PreprocessingTests
{
    [Fact]
    public void Fill_OpaqueImage_MatchesMlNetPreprocessGraph()
    {
        // ML.NET's featurizer feeds R, G, B planes (0–255) to ResNetPreprocess.onnx; run that graph and compare.
        var folder = ResNet18ModelFiles.LocateFolder();
        var model = ResNet18Model.For(folder);
        var (bitmap, rgb) = VisionTestImages.RandomPixels(seed: 1);
        using (bitmap)
        {
            var ours = new float[ResNet18Preprocessing.InputLength];
            ResNet18Preprocessing.Fill(bitmap, model.MeanImage, ours);

            var reference = RunPreprocessGraph(Path.Combine(folder, ResNet18ModelFiles.PreprocessFile), rgb);

            Assert.Equal(reference.Length, ours.Length);
            var maxError = reference.Select((v, i) => Math.Abs(v - ours[i])).Max();
            Assert.True(maxError < 1e-4, $"max |ours - ML.NET graph| = {maxError}");
        }
    }

    [Fact]
    public void Fill_TransparentPixels_AreWhite()
    {
        var model = ResNet18Model.For(ResNet18ModelFiles.LocateFolder());
        using var bitmap = new SKBitmap(new SKImageInfo(224, 224, SKColorType.Rgba8888, SKAlphaType.Premul));
        bitmap.Erase(SKColors.Transparent);
        var input = new float[ResNet18Preprocessing.InputLength];

        ResNet18Preprocessing.Fill(bitmap, model.MeanImage, input);

        Assert.All(Enumerable.Range(0, input.Length), i => Assert.Equal(255f - model.MeanImage[i], input[i], 1e-4f));
    }

    [Theory]
    [InlineData(448, 224, 112, 0, 224)]
    [InlineData(224, 448, 0, 112, 224)]
    [InlineData(300, 300, 0, 0, 300)]
    [InlineData(301, 200, 50, 0, 200)]
    public void CentreSquare_TakesTheMiddleOfTheLongerSide(int width, int height, int left, int top, int side)
    {
        var square = ResNet18Preprocessing.CentreSquare(width, height);

        Assert.Equal(new SKRectI(left, top, left + side, top + side), square);
    }

    [Fact]
    public void Fill_WideImage_UsesOnlyTheCentre()
    {
        // A 672×224 image: red left third, green centre, blue right third. The crop sees only green.
        var model = ResNet18Model.For(ResNet18ModelFiles.LocateFolder());
        using var bitmap = new SKBitmap(new SKImageInfo(672, 224, SKColorType.Rgba8888, SKAlphaType.Premul));
        using (var canvas = new SKCanvas(bitmap))
        {
            using var paint = new SKPaint();
            foreach (var (x, color) in new[] { (0, SKColors.Red), (224, SKColors.Lime), (448, SKColors.Blue) })
            {
                paint.Color = color;
                canvas.DrawRect(SKRect.Create(x, 0, 224, 224), paint);
            }
        }

        var input = new float[ResNet18Preprocessing.InputLength];
        ResNet18Preprocessing.Fill(bitmap, model.MeanImage, input);

        const int Plane = 224 * 224;
        var at = 112 * 224 + 112;
        Assert.Equal(0f, input[at] + model.MeanImage[at], 1e-3f); // B
        Assert.Equal(255f, input[Plane + at] + model.MeanImage[Plane + at], 1e-3f); // G
        Assert.Equal(0f, input[2 * Plane + at] + model.MeanImage[2 * Plane + at], 1e-3f); // R
    }

    private static float[] RunPreprocessGraph(string path, float[] rgb)
    {
        using var session = new InferenceSession(path);
        using var value = OrtValue.CreateTensorValueFromMemory(rgb, [1, 3, 224, 224]);
        using var runOptions = new RunOptions();
        using var results = session.Run(runOptions, ["OriginalInput"], [value], ["PreprocessedInput"]);
        return results[0].GetTensorDataAsSpan<float>().ToArray();
    }
}
