using Distributed.Learning.Evaluation;
using static TorchSharp.torch;

namespace Distributed.Learning.Tests.Evaluation;

public sealed class AlignmentTests
{
    [Fact]
    public void LinearCka_SameMatrix_IsOne()
    {
        using var scope = NewDisposeScope();
        var x = Random(1, 50, 8);
        Assert.Equal(1.0, Alignment.LinearCka(x, x), 1e-12);
    }

    [Fact]
    public void LinearCka_OrthogonalRotationAndScalingOfEitherSide_IsUnchanged()
    {
        using var scope = NewDisposeScope();
        var x = Random(2, 60, 6);
        var y = x.matmul(Random(3, 6, 4)) + 0.5 * Random(4, 60, 4);
        var (q, _) = linalg.qr(Random(5, 4, 4));
        var (p, _) = linalg.qr(Random(6, 6, 6));
        var reference = Alignment.LinearCka(x, y);

        Assert.InRange(reference, 0.05, 0.999);
        Assert.Equal(reference, Alignment.LinearCka(x, y.matmul(q) * 3.7), 1e-10);
        Assert.Equal(reference, Alignment.LinearCka(x.matmul(p) * 0.2, y), 1e-10);
    }

    [Fact]
    public void LinearCka_IndependentRandomMatricesManyRows_IsNearZero()
    {
        using var scope = NewDisposeScope();
        var cka = Alignment.LinearCka(Random(7, 4000, 5), Random(8, 4000, 7));
        Assert.InRange(cka, 0.0, 0.02);
    }

    [Fact]
    public void LinearCka_ConstantSide_IsZero()
    {
        using var scope = NewDisposeScope();
        Assert.Equal(0.0, Alignment.LinearCka(Random(9, 10, 3), ones(10, 3, dtype: float64)));
    }

    [Fact]
    public void MeanCosine_IdenticalRows_IsOne()
    {
        using var scope = NewDisposeScope();
        var x = Random(10, 20, 16).to_type(float32);
        Assert.Equal(1.0, Alignment.MeanCosine(x, x), 1e-6);
    }

    [Fact]
    public void MeanCosine_OppositeRowsAndZeroRow_AveragesMinusOneAndZero()
    {
        using var scope = NewDisposeScope();
        var x = tensor(new double[] { 1, 2, 0, 0 }, [2, 2]);
        var y = tensor(new double[] { -2, -4, 0, 0 }, [2, 2]);
        Assert.Equal(-0.5, Alignment.MeanCosine(x, y), 1e-12);
    }

    [Fact]
    public void MeanCosine_DifferentWidthsOrRows_ThrowsNamingShapes()
    {
        using var scope = NewDisposeScope();
        var error = Assert.Throws<ArgumentException>(() => Alignment.MeanCosine(Random(1, 4, 3), Random(2, 4, 2)));
        Assert.Contains("[4,3]", error.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => Alignment.LinearCka(Random(1, 4, 3), Random(2, 5, 3)));
    }

    private static Tensor Random(int seed, long rows, long columns) =>
        randn([rows, columns], float64, generator: new Generator((ulong)seed));
}
