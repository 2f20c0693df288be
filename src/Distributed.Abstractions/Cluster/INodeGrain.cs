namespace Distributed.Abstractions.Cluster;

/// <summary>
/// One activation per silo (the key is the silo's address, see <see cref="NodeKey"/>): reports what that silo
/// is and can do. The control plane uses it to find describer and trainer silos; `distributed status` lists it.
/// </summary>
[Alias("Distributed.INodeGrain")]
public interface INodeGrain : IGrainWithStringKey
{
    [Alias("GetInfo")]
    Task<NodeInfo> GetInfoAsync();
}
