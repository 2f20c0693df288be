using Distributed.Abstractions.Captioning;
using Distributed.Abstractions.Describing;

namespace Distributed.Grains.Captioning;

/// <summary>
/// Spreads one shard's requests over the job's describer grains, round robin. A describer whose call fails (its silo
/// died, its endpoint is misconfigured) or whose backend fails transiently (unreachable VLM server, timeouts) is
/// skipped for the next one and passed over for the rest of the shard while another remains (concurrent requests
/// would otherwise pick it again); when every describer fails, the row is a transient failure for the next run. Counts the requests made.
/// </summary>
public sealed class DescriberDispatch(IGrainFactory grains, IReadOnlyList<string> describerKeys)
{
    private int _next;
    private long _calls;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, bool> _sidelined = new(StringComparer.Ordinal);

    public long Calls => Interlocked.Read(ref _calls);

    /// <summary>The describers' common identity; they must agree, or the description keys would be ambiguous.</summary>
    public async Task<DescriberIdentity> IdentityAsync()
    {
        var identities = await Task.WhenAll(describerKeys.Select(k => grains.GetGrain<IDescriberGrain>(k).GetIdentityAsync()));
        var distinct = identities.Distinct().ToList();
        return distinct.Count == 1 ? distinct[0] : throw new InvalidOperationException(
            $"Describers disagree on their identity ({string.Join("; ", distinct)}); a job needs one describer id and prompt version.");
    }

    public async Task<DescribeOutcome> DescribeAsync(DescribeRequest request)
    {
        var errors = new List<string>();
        DescribeOutcome? transient = null;

        // Passing over sidelined describers, the attempts reach every describer once (unless others sideline one meanwhile).
        for (var attempt = 0; attempt < describerKeys.Count; attempt++)
        {
            var key = NextKey();
            try
            {
                Interlocked.Increment(ref _calls);
                var outcome = await grains.GetGrain<IDescriberGrain>(key).DescribeAsync(request);
                if (outcome.Failure != FailureKind.Transient)
                {
                    _sidelined.TryRemove(key, out _);
                    return outcome;
                }

                // Its backend is unreachable or overloaded: another describer may answer; this one waits until every
                // other one has failed too.
                _sidelined[key] = true;
                transient = outcome;
            }
            catch (Exception ex) when (ex is OrleansException or TimeoutException or InvalidOperationException)
            {
                _sidelined[key] = true;
                errors.Add($"{key}: {ex.Message}");
            }
        }

        return transient ?? DescribeOutcome.Failed(FailureKind.Transient, "describer_unavailable",
            $"no describer answered for image {request.ImageSha256}: {string.Join(" | ", errors)}", "", 0, "");
    }

    /// <summary>The next describer round robin, passing over those whose backend failed transiently while others remain.</summary>
    private string NextKey()
    {
        for (var i = 0; i < describerKeys.Count; i++)
        {
            var key = describerKeys[(int)((uint)Interlocked.Increment(ref _next) % describerKeys.Count)];
            if (!_sidelined.ContainsKey(key))
            {
                return key;
            }
        }

        return describerKeys[(int)((uint)Interlocked.Increment(ref _next) % describerKeys.Count)];
    }
}
