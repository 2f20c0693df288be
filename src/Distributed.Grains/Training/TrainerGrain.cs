using System.Net;
using Distributed.Abstractions.Training;
using Distributed.Grains.Placement;

namespace Distributed.Grains.Training;

/// <summary>A trainer: thin control-plane front of a <see cref="TrainerSession"/> on the silo its key names.</summary>
[SiloBoundPlacement]
public sealed class TrainerGrain(TrainerSessions sessions) : Grain, ITrainerGrain
{
    private string Key => this.GetPrimaryKeyString();

    public Task<string> PrepareAsync(TrainerAssignment assignment)
    {
        var endpoint = sessions.Open(Key, assignment).Endpoint;
        return Task.FromResult(endpoint.ToString());
    }

    public Task<TrainerReady> ConnectAsync(string nextEndpoint, bool resume) =>
        sessions.Get(Key).ConnectAsync(IPEndPoint.Parse(nextEndpoint), resume);

    public Task<TrainerStepReport> StepAsync(int step) => sessions.Get(Key).StepAsync(step);

    public Task<int> CheckpointAsync(double bestDevWeightedF1) => sessions.Get(Key).CheckpointAsync(bestDevWeightedF1);

    public Task<TrainingScores?> EvaluateAsync(string split) => sessions.Get(Key).EvaluateAsync(split);

    public Task ExportAsync(string folder) => sessions.Get(Key).ExportAsync(folder);

    public Task LoadExportedAsync(string folder) => sessions.Get(Key).LoadExportedAsync(folder);

    public Task<string> ChecksumAsync() => sessions.Get(Key).ChecksumAsync();

    public Task StopAsync()
    {
        sessions.Close(Key);
        DeactivateOnIdle();
        return Task.CompletedTask;
    }
}
