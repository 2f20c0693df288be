using Distributed.Learning;
using TorchSharp;
using static TorchSharp.torch;

namespace Distributed.Learning.Tests;

public sealed class TorchRuntimeTests
{
    [Fact]
    public void TensorOpAndBackward_OnSelectedDevice_ComputesAnalyticGradient()
    {
        using var scope = NewDisposeScope();
        var device = TorchRuntime.SelectDevice();
        var x = tensor(new float[] { 1f, 2f, 3f }, device: device).requires_grad_();
        var w = tensor(new float[] { 0.5f, -1f, 2f }, device: device).requires_grad_();

        var y = (x * w).sum() + (x * x).sum();
        y.backward();

        Assert.Equal(0.5f - 2f + 6f + 14f, y.item<float>(), 5);
        Assert.Equal(new[] { 2.5f, 3f, 8f }, x.grad!.cpu().data<float>().ToArray());
        Assert.Equal(new[] { 1f, 2f, 3f }, w.grad!.cpu().data<float>().ToArray());
    }

    [Fact]
    public void Linear_OneSgdStep_ReducesLoss()
    {
        using var scope = NewDisposeScope();
        random.manual_seed(7);
        var model = nn.Linear(4, 1);
        var optimizer = optim.SGD(model.parameters(), 0.1);
        var input = randn(16, 4);
        var target = input.sum(1, keepdim: true);

        float Step()
        {
            optimizer.zero_grad();
            var loss = nn.functional.mse_loss(model.forward(input), target);
            loss.backward();
            optimizer.step();
            return loss.item<float>();
        }

        var first = Step();
        var second = Step();
        Assert.True(second < first, $"loss did not fall: {first} -> {second}");
    }

    [Fact]
    public void Describe_NamesLibtorchVersion()
    {
        Assert.Contains("libtorch 2.10", TorchRuntime.Describe(), StringComparison.Ordinal);
    }
}
