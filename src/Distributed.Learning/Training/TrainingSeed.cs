using TorchSharp;

namespace Distributed.Learning.Training;

/// <summary>Deterministic seeding of a training run.</summary>
public static class TrainingSeed
{
    /// <summary>
    /// Seeds libtorch's global generator (initialisation, dropout) with <paramref name="seed"/> and returns a
    /// <see cref="Random"/> seeded with it for the sampler. Call before building the model.
    /// </summary>
    public static Random Apply(int seed)
    {
        torch.manual_seed(seed);
        return new Random(seed);
    }
}
