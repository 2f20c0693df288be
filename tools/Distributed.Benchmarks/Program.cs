using System.CommandLine;
using Distributed.Benchmarks;

var root = new RootCommand("Distributed benchmarks (run with -c Release; results go to stdout as TSV with a header naming the command)");

var sizes = new Option<string>("--sizes") { DefaultValueFactory = _ => "10000,100000,1000000" };
var repeats = new Option<int>("--repeats") { DefaultValueFactory = _ => 5 };
var store = new Command("store", "Description store write rate and batch lookup latency") { sizes, repeats };
store.SetAction(parse => StoreBenchmark.RunAsync([.. parse.GetValue(sizes)!.Split(',').Select(int.Parse)], parse.GetValue(repeats)));
root.Subcommands.Add(store);

var rows = new Option<string>("--rows") { DefaultValueFactory = _ => "100000,1000000,10000000" };
var plan = new Command("plan", "Peak memory while planning manifests of growing size") { rows };
plan.SetAction(parse => PlanBenchmark.RunAsync([.. parse.GetValue(rows)!.Split(',').Select(long.Parse)]));
root.Subcommands.Add(plan);

var count = new Option<int>("--rows") { DefaultValueFactory = _ => 20_000 };
var silos = new Option<int>("--silos") { DefaultValueFactory = _ => 1 };
var inflight = new Option<int>("--inflight") { DefaultValueFactory = _ => 64 };
var latency = new Option<int>("--latency-ms") { DefaultValueFactory = _ => 0 };
var shardRows = new Option<int>("--shard-rows") { DefaultValueFactory = _ => 1000 };
var parallel = new Option<int>("--parallel-shards") { DefaultValueFactory = _ => 4 };
var orchestration = new Command("orchestration", "Caption throughput with fixed-latency stand-in describers") { count, silos, inflight, latency, shardRows, parallel };
orchestration.SetAction(parse => OrchestrationBenchmark.RunAsync(parse.GetValue(count), parse.GetValue(silos), parse.GetValue(inflight),
    parse.GetValue(latency), parse.GetValue(shardRows), parse.GetValue(parallel)));
root.Subcommands.Add(orchestration);

var ranks = new Option<int>("--ranks") { DefaultValueFactory = _ => 2 };
var megabytes = new Option<double>("--mb") { DefaultValueFactory = _ => 91 };
var allReduceRepeats = new Option<int>("--repeats") { DefaultValueFactory = _ => 5 };
var transport = new Option<string>("--transport") { DefaultValueFactory = _ => "inprocess", Description = "inprocess, socket (loopback TCP) or socket-tls (loopback TCP + TLS)" };
transport.AcceptOnlyFromAmong("inprocess", "socket", "socket-tls");
var allReduce = new Command("allreduce", "Ring all-reduce throughput over the in-process ring or loopback TCP sockets") { ranks, megabytes, allReduceRepeats, transport };
allReduce.SetAction(parse => AllReduceBenchmark.RunAsync(parse.GetValue(ranks), parse.GetValue(megabytes), parse.GetValue(allReduceRepeats), parse.GetValue(transport)!));
root.Subcommands.Add(allReduce);

var clusterMegabytes = new Option<string>("--mb") { DefaultValueFactory = _ => "1,25,91", Description = "buffer sizes in MB (1e6 bytes), comma-separated" };
var clusterRepeats = new Option<int>("--repeats") { DefaultValueFactory = _ => 5 };
var clusterWarmups = new Option<int>("--warmup") { DefaultValueFactory = _ => 1 };
var clusterTransports = new Option<string>("--transport") { DefaultValueFactory = _ => "socket,grain", Description = "socket (TCP data plane) and/or grain (grain-call fallback), comma-separated" };
var allReduceCluster = new Command("allreduce-cluster", "Ring all-reduce between 2 silo processes on localhost (this process spawns the second)")
    { clusterMegabytes, clusterRepeats, clusterWarmups, clusterTransports };
allReduceCluster.SetAction(parse => ClusterAllReduceBenchmark.RunAsync(
    [.. parse.GetValue(clusterMegabytes)!.Split(',').Select(mb => double.Parse(mb, System.Globalization.CultureInfo.InvariantCulture))],
    parse.GetValue(clusterRepeats), parse.GetValue(clusterWarmups),
    [.. parse.GetValue(clusterTransports)!.Split(',').Select(t => t is "socket" or "grain" ? t : throw new ArgumentException($"--transport: unknown transport '{t}' (socket or grain)"))]));
root.Subcommands.Add(allReduceCluster);

var primaryPort = new Option<int>("--primary-port") { Required = true };
var peerClusterId = new Option<string>("--cluster-id") { Required = true };
var peerDataRoot = new Option<string>("--data-root") { Required = true };
var allReducePeer = new Command("allreduce-cluster-peer", "Silo B of allreduce-cluster (started by it)") { primaryPort, peerClusterId, peerDataRoot };
allReducePeer.Hidden = true;
allReducePeer.SetAction(parse => ClusterAllReduceBenchmark.RunPeerAsync(parse.GetValue(primaryPort), parse.GetValue(peerClusterId)!, parse.GetValue(peerDataRoot)!));
root.Subcommands.Add(allReducePeer);

return await root.Parse(args).InvokeAsync();
