using TorchSharp;

namespace Distributed.Learning;

/// <summary>Picks the libtorch device and thread count once per process.</summary>
public static class TorchRuntime
{
    /// <summary>CUDA when the CUDA build is loaded and a GPU is visible, otherwise CPU.</summary>
    public static torch.Device SelectDevice() =>
        torch.cuda.is_available() ? torch.CUDA : torch.CPU;

    /// <summary>Sets libtorch's intra-op thread pool; 0 keeps libtorch's default.</summary>
    public static void SetThreads(int threads)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(threads);
        if (threads > 0)
        {
            torch.set_num_threads(threads);
        }
    }

    /// <summary>A one-line description of the loaded backend, for status output and run provenance.</summary>
    public static string Describe() =>
        $"libtorch {torch.__version__}, device {SelectDevice().type}, threads {torch.get_num_threads()}";
}
