using static TorchSharp.torch;

namespace Distributed.Learning.Evaluation;

/// <summary>
/// How well two embeddings of the same rows agree: X [n,d1] and Y [n,d2], row i of each describing the same example.
/// Both measures are computed in float64 whatever the input dtype.
/// </summary>
public static class Alignment
{
    /// <summary>
    /// Mean over rows of cos(X_i, Y_i) (X and Y need the same width). A zero row has cosine 0.
    /// </summary>
    public static double MeanCosine(Tensor x, Tensor y)
    {
        Validate(x, y);
        if (x.shape[1] != y.shape[1])
        {
            throw new ArgumentException(
                $"Cosine needs equal widths; X is [{x.shape[0]},{x.shape[1]}] and Y is [{y.shape[0]},{y.shape[1]}].", nameof(y));
        }

        using var scope = NewDisposeScope();
        var a = x.to_type(float64);
        var b = y.to_type(float64);
        var norms = a.norm(1) * b.norm(1);
        var dots = (a * b).sum(1);
        var cosine = where(norms > 0, dots / norms.clamp_min(double.Epsilon), zeros_like(dots));
        return cosine.mean().item<double>();
    }

    /// <summary>
    /// Centred linear CKA (Kornblith et al. 2019): ||Yc' Xc||_F^2 / (||Xc' Xc||_F ||Yc' Yc||_F) with Xc, Yc the
    /// column-centred matrices. 1 for identical representations; invariant to orthogonal transforms and isotropic
    /// scaling of either side; 0 when either side is constant.
    /// </summary>
    public static double LinearCka(Tensor x, Tensor y)
    {
        Validate(x, y);
        using var scope = NewDisposeScope();
        var a = x.to_type(float64);
        var b = y.to_type(float64);
        a = a - a.mean([0], keepdim: true);
        b = b - b.mean([0], keepdim: true);
        var cross = b.t().matmul(a).square().sum().item<double>();
        var selfX = a.t().matmul(a).square().sum().sqrt().item<double>();
        var selfY = b.t().matmul(b).square().sum().sqrt().item<double>();
        return selfX == 0 || selfY == 0 ? 0.0 : cross / (selfX * selfY);
    }

    private static void Validate(Tensor x, Tensor y)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        if (x.dim() != 2 || y.dim() != 2 || x.shape[0] != y.shape[0] || x.shape[0] < 1)
        {
            throw new ArgumentException(
                $"X and Y must be [n,d] with the same n >= 1 rows; got {StateDicts.Format(x.shape)} and {StateDicts.Format(y.shape)}.",
                nameof(y));
        }
    }
}
