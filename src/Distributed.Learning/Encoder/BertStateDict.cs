using static TorchSharp.torch;

namespace Distributed.Learning.Encoder;

/// <summary>Copies a Hugging Face–keyed state dict into a <see cref="BertModel"/> with exact key and shape checks.</summary>
public static class BertStateDict
{
    /// <summary>
    /// Copies every tensor of <paramref name="weights"/> into the parameter of the same key (dtype and device are
    /// converted). Throws <see cref="InvalidDataException"/> before copying anything when a model key is missing,
    /// a key is unknown to the model, or a shape differs (the message names the tensor and both shapes).
    /// </summary>
    public static void LoadInto(BertModel model, IReadOnlyDictionary<string, Tensor> weights) => StateDicts.LoadStrict(model, weights);

    /// <summary>A new <see cref="BertModel"/> of <paramref name="config"/> loaded from <paramref name="weights"/>; disposed again if loading fails.</summary>
    public static BertModel CreateLoaded(BertConfig config, IReadOnlyDictionary<string, Tensor> weights)
    {
        var model = new BertModel(config);
        try
        {
            LoadInto(model, weights);
            return model;
        }
        catch
        {
            model.Dispose();
            throw;
        }
    }

    /// <summary>Disposes every tensor of a state dict read by the importers.</summary>
    public static void DisposeAll(IReadOnlyDictionary<string, Tensor> weights) => StateDicts.DisposeAll(weights);

    internal static string Format(long[] shape) => StateDicts.Format(shape);
}
