using Distributed.Describing;

namespace Distributed.Grains.Describing;

/// <summary>Builds the backend of one configured endpoint.</summary>
public interface IDescriberFactory
{
    IDescriber Create(DescriberEndpointOptions endpoint);
}
