using Distributed.Training;

namespace Distributed.Training.Tests;

public sealed class TrainingAssemblyTests
{
    [Fact]
    public void Version_IsNotEmpty() => Assert.False(string.IsNullOrWhiteSpace(TrainingAssembly.Version));
}
