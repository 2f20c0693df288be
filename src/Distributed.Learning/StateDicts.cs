using static TorchSharp.torch;

namespace Distributed.Learning;

/// <summary>Strict state-dict loading shared by every model: nothing is copied unless every key and shape matches.</summary>
public static class StateDicts
{
    /// <summary>
    /// Copies every tensor of <paramref name="weights"/> into the model's tensor of the same key (dtype and device are
    /// converted). Throws <see cref="InvalidDataException"/> before copying anything when a model key is missing, a
    /// key is unknown to the model, or a shape differs (the message names the tensor and both shapes).
    /// </summary>
    public static void LoadStrict(nn.Module model, IReadOnlyDictionary<string, Tensor> weights)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(weights);
        var target = model.state_dict();
        foreach (var (key, parameter) in target)
        {
            if (!weights.TryGetValue(key, out var source))
            {
                throw new InvalidDataException($"Tensor '{key}' (model shape {Format(parameter.shape)}) is missing from the checkpoint.");
            }

            if (!source.shape.SequenceEqual(parameter.shape))
            {
                throw new InvalidDataException(
                    $"Tensor '{key}': checkpoint shape {Format(source.shape)} does not match model shape {Format(parameter.shape)}.");
            }
        }

        var unexpected = weights.Keys.Where(k => !target.ContainsKey(k)).Order(StringComparer.Ordinal).ToList();
        if (unexpected.Count > 0)
        {
            throw new InvalidDataException($"Checkpoint tensors unknown to the model: {string.Join(", ", unexpected.Take(10))}.");
        }

        using var noGrad = no_grad();
        foreach (var (key, parameter) in target)
        {
            parameter.copy_(weights[key]);
        }
    }

    /// <summary>Disposes every tensor of a state dict.</summary>
    public static void DisposeAll(IReadOnlyDictionary<string, Tensor> weights)
    {
        ArgumentNullException.ThrowIfNull(weights);
        foreach (var tensor in weights.Values)
        {
            tensor.Dispose();
        }
    }

    public static string Format(long[] shape) => $"[{string.Join(",", shape)}]";
}
