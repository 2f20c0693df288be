using Distributed.Training.Vision;

namespace Distributed.Training.Tests.Vision;

public sealed class ResNet18ModelFilesTests
{
    [Fact]
    public void LocateFolder_AfterBuild_FindsBothFilesBesideTheTests()
    {
        // The build copies the package's DnnImageModels folder to the output; LocateFolder throws a message naming the
        // folders it tried when it is absent.
        var folder = ResNet18ModelFiles.LocateFolder();

        Assert.Equal(Path.Combine(AppContext.BaseDirectory, "DnnImageModels"), folder);
        Assert.Equal(63_653_533, new FileInfo(Path.Combine(folder, ResNet18ModelFiles.ModelFile)).Length);
    }
}
