namespace Distributed.Benchmarks;

/// <summary>
/// One all-reduce rank of the cluster benchmark, on the silo its key names (<c>{silo}/bench/allreduce</c>): opens its
/// ring links (sockets or grain calls) and times all-reduces on that silo's process.
/// </summary>
[Alias("Distributed.Benchmarks.IAllReduceRankGrain")]
public interface IAllReduceRankGrain : IGrainWithStringKey
{
    /// <summary>The id of the process hosting this rank (to show the ranks run in different processes).</summary>
    [Alias("ProcessId")]
    Task<int> GetProcessIdAsync();

    /// <summary>Starts a loopback socket listener and returns its endpoint (<c>address:port</c>).</summary>
    [Alias("OpenSocket")]
    Task<string> OpenSocketAsync();

    /// <summary>Connects the socket ring (both ranks must call this concurrently).</summary>
    [Alias("ConnectSocket")]
    [ResponseTimeout("00:01:00")]
    Task ConnectSocketAsync(int rank, int worldSize, string next, Guid ringId, byte[] jobToken);

    /// <summary>Creates the grain-call ring transport; <paramref name="nextSilo"/> hosts the next rank.</summary>
    [Alias("OpenGrainRing")]
    Task OpenGrainRingAsync(int rank, int worldSize, string nextSilo, Guid ringId);

    /// <summary>
    /// Runs <paramref name="warmups"/> + <paramref name="repeats"/> all-reduces of <paramref name="floats"/> float32 values
    /// over <paramref name="transport"/> (<c>socket</c> or <c>grain</c>), each right after a 2-float all-reduce on the same
    /// ring as a barrier, and returns this rank's time of each timed all-reduce in milliseconds.
    /// </summary>
    [Alias("Measure")]
    [ResponseTimeout("00:30:00")]
    Task<double[]> MeasureAsync(string transport, int floats, int warmups, int repeats);

    /// <summary>Closes both rings' connections and inboxes.</summary>
    [Alias("Close")]
    Task CloseAsync();
}
