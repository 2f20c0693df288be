using static TorchSharp.torch;

namespace Distributed.Learning.Training;

/// <summary>Copies of a classifier's state dict: snapshot, restore, and checked loading.</summary>
public static class ModelState
{
    /// <summary>Detached CPU copies of every state-dict tensor; the caller disposes them.</summary>
    public static Dictionary<string, Tensor> Snapshot(AffectModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        using var noGrad = no_grad();
        return model.state_dict().ToDictionary(p => p.Key, p => p.Value.detach().cpu().clone(), StringComparer.Ordinal);
    }

    /// <summary>
    /// Copies <paramref name="weights"/> into the model. Throws <see cref="InvalidDataException"/> before copying
    /// anything when a key is missing or unknown, or a shape differs (naming the tensor and both shapes).
    /// </summary>
    public static void LoadInto(AffectModel model, IReadOnlyDictionary<string, Tensor> weights) => StateDicts.LoadStrict(model, weights);

    /// <summary>Replaces <paramref name="snapshot"/>'s tensors with copies of the model's, disposing the old ones.</summary>
    public static void Replace(Dictionary<string, Tensor> snapshot, AffectModel model)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var fresh = Snapshot(model);
        DisposeAll(snapshot);
        snapshot.Clear();
        foreach (var (key, value) in fresh)
        {
            snapshot[key] = value;
        }
    }

    /// <summary>Disposes every tensor of <paramref name="weights"/>.</summary>
    public static void DisposeAll(IReadOnlyDictionary<string, Tensor> weights) => StateDicts.DisposeAll(weights);
}
