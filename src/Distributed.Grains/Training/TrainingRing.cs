using Distributed.Abstractions.Training;

namespace Distributed.Grains.Training;

/// <summary>One generation of a job's trainers: their grains (index = rank) and the silos they run on.</summary>
internal sealed record TrainingRing(IReadOnlyList<ITrainerGrain> Trainers, IReadOnlyList<SiloAddress> Silos, TrainerReady Ready)
{
    public int WorldSize => Trainers.Count;

    public ITrainerGrain Root => Trainers[0];
}
