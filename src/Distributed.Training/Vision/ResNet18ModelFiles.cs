namespace Distributed.Training.Vision;

/// <summary>
/// Finds the model files of NuGet <c>Microsoft.ML.DnnImageFeaturizer.ResNet18</c> 0.23.1 without any network: the
/// build downloads the package (PackageDownload) and copies its <c>DnnImageModels</c> folder beside the assemblies;
/// when that copy is absent the NuGet global packages folder is used.
/// </summary>
public static class ResNet18ModelFiles
{
    /// <summary>The package version whose files are used: 0.23.1.</summary>
    public const string PackageVersion = "0.23.1";

    /// <summary>The encoder, relative to the <c>DnnImageModels</c> folder.</summary>
    public const string ModelFile = "ResNet18Onnx/ResNet18.onnx";

    /// <summary>ML.NET's preprocessing graph (channel swap and mean image), relative to the <c>DnnImageModels</c> folder.</summary>
    public const string PreprocessFile = "ResNetPrepOnnx/ResNetPreprocess.onnx";

    /// <summary>
    /// The <c>DnnImageModels</c> folder holding both <see cref="ModelFile"/> and <see cref="PreprocessFile"/>:
    /// first <c>{AppContext.BaseDirectory}/DnnImageModels</c>, then the package in <c>$NUGET_PACKAGES</c>, then in
    /// <c>~/.nuget/packages</c>.
    /// </summary>
    /// <exception cref="FileNotFoundException">No candidate holds both files; the message lists every folder tried.</exception>
    public static string LocateFolder()
    {
        var candidates = Candidates().ToList();
        foreach (var folder in candidates)
        {
            if (File.Exists(Path.Combine(folder, ModelFile)) && File.Exists(Path.Combine(folder, PreprocessFile)))
            {
                return folder;
            }
        }

        throw new FileNotFoundException(
            $"ResNet18 model files ({ModelFile}, {PreprocessFile}) not found. Build src/Distributed.Training (it downloads " +
            $"NuGet Microsoft.ML.DnnImageFeaturizer.ResNet18 {PackageVersion} and copies them to the output folder). " +
            $"Folders tried: {string.Join("; ", candidates)}.");
    }

    private static IEnumerable<string> Candidates()
    {
        yield return Path.Combine(AppContext.BaseDirectory, "DnnImageModels");
        const string InPackage = "microsoft.ml.dnnimagefeaturizer.resnet18/" + PackageVersion + "/tools/DnnImageModels";
        if (Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } packages)
        {
            yield return Path.Combine(packages, InPackage);
        }

        yield return Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages", InPackage);
    }
}
