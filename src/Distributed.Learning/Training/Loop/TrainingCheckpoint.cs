using System.Text.Json;
using Distributed.Learning.Encoder;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Distributed.Learning.Training;

/// <summary>
/// Atomic training checkpoints: a folder <c>checkpoint-&lt;step&gt;</c> holding <c>model.safetensors</c> (the
/// classifier's state dict), <c>optimizer.dat</c> (AdamW state via TorchSharp's <c>save_state_dict</c>),
/// <c>rng.dat</c> (libtorch's global generator state, so dropout draws resume identically) and <c>trainer.json</c>.
/// Written into a temporary sibling folder, then renamed into place.
/// </summary>
public static class TrainingCheckpoint
{
    private const string ModelFile = "model.safetensors";
    private const string OptimizerFile = "optimizer.dat";
    private const string RandomFile = "rng.dat";
    private const string StateFile = "trainer.json";

    private static readonly JsonSerializerOptions JsonOptions = new() { WriteIndented = true };

    /// <summary>Writes a checkpoint under <paramref name="folder"/> and returns its path (an existing one of the same step is replaced).</summary>
    public static string Save(string folder, AffectModel model, TrainingStep trainingStep, TrainerState state)
    {
        ArgumentException.ThrowIfNullOrEmpty(folder);
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(trainingStep);
        ArgumentNullException.ThrowIfNull(state);
        Directory.CreateDirectory(folder);
        var target = Path.Combine(folder, $"checkpoint-{state.Step}");
        var temporary = Path.Combine(folder, $".tmp-checkpoint-{state.Step}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(temporary);
        try
        {
            var weights = ModelState.Snapshot(model);
            try
            {
                SafetensorsFile.Write(Path.Combine(temporary, ModelFile), weights);
            }
            finally
            {
                ModelState.DisposeAll(weights);
            }

            Optimizer(trainingStep).save_state_dict(Path.Combine(temporary, OptimizerFile));
            using (var rng = random.get_rng_state())
            {
                File.WriteAllBytes(Path.Combine(temporary, RandomFile), rng.data<byte>().ToArray());
            }

            File.WriteAllText(Path.Combine(temporary, StateFile), JsonSerializer.Serialize(state, JsonOptions));
            if (Directory.Exists(target))
            {
                Directory.Delete(target, recursive: true);
            }

            Directory.Move(temporary, target);
            return target;
        }
        catch
        {
            Directory.Delete(temporary, recursive: true);
            throw;
        }
    }

    /// <summary>
    /// Restores model weights (checked: key and shape mismatches throw <see cref="InvalidDataException"/> naming the
    /// tensor and both shapes), optimizer state, the schedule step and libtorch's RNG; returns the loop state.
    /// </summary>
    public static TrainerState Load(string checkpoint, AffectModel model, TrainingStep trainingStep)
    {
        ArgumentException.ThrowIfNullOrEmpty(checkpoint);
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(trainingStep);
        var state = JsonSerializer.Deserialize<TrainerState>(File.ReadAllText(Path.Combine(checkpoint, StateFile)))
            ?? throw new InvalidDataException($"'{StateFile}' in '{checkpoint}' is empty.");
        var weights = SafetensorsFile.ReadFloatTensors(Path.Combine(checkpoint, ModelFile));
        try
        {
            ModelState.LoadInto(model, weights);
        }
        finally
        {
            ModelState.DisposeAll(weights);
        }

        Optimizer(trainingStep).load_state_dict(Path.Combine(checkpoint, OptimizerFile));
        trainingStep.Schedule.Restore(state.ScheduleStep);
        var bytes = File.ReadAllBytes(Path.Combine(checkpoint, RandomFile));
        using (var rng = tensor(bytes, ScalarType.Byte))
        {
            random.set_rng_state(rng);
        }

        return state;
    }

    private static AdamW Optimizer(TrainingStep trainingStep) => trainingStep.Optimizer;
}
