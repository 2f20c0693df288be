using Distributed.Learning.Text;
using TorchSharp;

namespace Distributed.Learning.Tests.Text;

public sealed class EncodedBatchTests
{
    [Fact]
    public void ToTensors_Batch_GivesInt64TensorsOfShapeBT()
    {
        var batch = new EncodedBatch([1, 2, 3, 4, 5, 6], [1, 1, 1, 1, 1, 0], [0, 0, 1, 0, 1, 0], 2, 3, 0);

        var (ids, mask, types) = batch.ToTensors();
        using (ids)
        using (mask)
        using (types)
        {
            Assert.Equal([2L, 3], ids.shape);
            Assert.Equal(torch.ScalarType.Int64, mask.dtype);
            Assert.Equal(6L, ids[1, 2].item<long>());
            Assert.Equal([0L, 0, 1, 0, 1, 0], types.data<long>().ToArray());
        }
    }
}
