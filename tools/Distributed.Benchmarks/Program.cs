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

return await root.Parse(args).InvokeAsync();
