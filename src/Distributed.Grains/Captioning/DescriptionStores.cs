using System.Collections.Concurrent;
using Distributed.Storage.Descriptions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Distributed.Grains.Captioning;

/// <summary>
/// The description stores this silo has opened, one instance per location, so each store's in-memory key index is
/// built once and shared by every shard. Relative folder locations resolve against the silo's working folder. Settings
/// come from the <c>Store</c> section (e.g. <c>Store__AzureConnectionString</c> for <c>az://</c> locations).
/// </summary>
public sealed class DescriptionStores(ILoggerFactory loggers, IOptions<DescriptionStoreOptions> options) : IDisposable
{
    private readonly ConcurrentDictionary<string, Lazy<DescriptionStore>> _stores = new(StringComparer.Ordinal);

    public DescriptionStore Open(string location)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(location);
        return _stores.GetOrAdd(location, l => new Lazy<DescriptionStore>(
            () => DescriptionStore.Open(l, options.Value, loggers.CreateLogger<DescriptionStore>()))).Value;
    }

    public void Dispose()
    {
        foreach (var store in _stores.Values.Where(s => s.IsValueCreated))
        {
            store.Value.Dispose();
        }
    }
}
