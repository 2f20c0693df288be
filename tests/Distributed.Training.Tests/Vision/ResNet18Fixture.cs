using Distributed.Training.Vision;

namespace Distributed.Training.Tests.Vision;

/// <summary>One single-threaded featurizer over the real model, shared by a test class.</summary>
public sealed class ResNet18Fixture : IDisposable
{
    public ResNet18Featurizer Featurizer { get; } = new(new ResNet18FeaturizerOptions { IntraOpThreads = 1 });

    public void Dispose() => Featurizer.Dispose();
}
