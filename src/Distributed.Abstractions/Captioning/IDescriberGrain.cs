using Distributed.Abstractions.Describing;

namespace Distributed.Abstractions.Captioning;

/// <summary>
/// One describer endpoint on one silo (keyed <c>{silo}/describer/{name}</c>, activated on that silo only). Bounds
/// the requests in flight to its backend, so shards wait instead of flooding a GPU.
/// </summary>
[Alias("Distributed.IDescriberGrain")]
public interface IDescriberGrain : IGrainWithStringKey
{
    [Alias("Identity")]
    Task<DescriberIdentity> GetIdentityAsync();

    [Alias("Describe")]
    [ResponseTimeout("00:30:00")]
    Task<DescribeOutcome> DescribeAsync(DescribeRequest request);
}
