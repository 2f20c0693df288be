using System.Diagnostics;
using Distributed.Learning.Encoder;
using static TorchSharp.torch;

namespace Distributed.Learning.Tests.Encoder;

/// <summary>Reads the embedded MiniLM ONNX once per test class and imports it.</summary>
public sealed class MiniLMFixture : IDisposable
{
    public MiniLMFixture()
    {
        var watch = Stopwatch.StartNew();
        OnnxBytes = OnnxBertWeights.ReadMiniLMOnnx();
        ReadMilliseconds = watch.ElapsedMilliseconds;
        StateDict = OnnxBertWeights.ReadStateDict(OnnxBytes);
        Model = new BertModel(BertConfig.MiniLM);
        BertStateDict.LoadInto(Model, StateDict);
        Model.eval();
        ImportMilliseconds = watch.ElapsedMilliseconds - ReadMilliseconds;
    }

    public byte[] OnnxBytes { get; }

    public Dictionary<string, Tensor> StateDict { get; }

    public BertModel Model { get; }

    public long ReadMilliseconds { get; }

    public long ImportMilliseconds { get; }

    public void Dispose()
    {
        Model.Dispose();
        BertStateDict.DisposeAll(StateDict);
    }
}
