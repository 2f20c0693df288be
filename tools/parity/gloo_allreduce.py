"""All-reduce bandwidth of PyTorch's gloo backend, 2 processes on this machine (the peer of allreduce-cluster).

Usage: /usr/bin/python3 tools/parity/gloo_allreduce.py [--mb 1,25,91] [--repeats 5] [--warmup 1] [--threads 1]

Spawns 2 processes (torch.multiprocessing, MASTER_ADDR=127.0.0.1, a free port), each with a float32 tensor of
mb * 1e6 / 4 elements filled with 1 / (rank + 1). Per repeat, like the C# benchmark: dist.barrier(), then each rank
times its own dist.all_reduce (SUM); the repeat's time is the slower rank's; the median over repeats after the
warm-ups is reported. algbw = bytes / time (GB = 1e9 B), busbw = algbw * 2(W-1)/W (= algbw for W = 2).
Prints '#' comment lines and a TSV table: transport, mb, median_ms, algbw_gb_per_s, busbw_gb_per_s (transport 'gloo').
"""
import argparse
import os
import socket
import statistics
import time

import torch
import torch.distributed as dist
import torch.multiprocessing as mp

WORLD_SIZE = 2


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def run(rank, args, port):
    os.environ["MASTER_ADDR"] = "127.0.0.1"
    os.environ["MASTER_PORT"] = str(port)
    torch.set_num_threads(args.threads)
    dist.init_process_group("gloo", rank=rank, world_size=WORLD_SIZE)
    rows = []
    for mb in args.mb:
        floats = int(mb * 1e6 / 4)
        tensor = torch.empty(floats, dtype=torch.float32)
        times = []
        for i in range(args.warmup + args.repeats):
            tensor.fill_(1.0 / (rank + 1))
            dist.barrier()
            start = time.perf_counter()
            dist.all_reduce(tensor, op=dist.ReduceOp.SUM)
            elapsed = (time.perf_counter() - start) * 1e3
            if i >= args.warmup:
                times.append(elapsed)
        slowest = torch.tensor(times, dtype=torch.float64)
        dist.all_reduce(slowest, op=dist.ReduceOp.MAX)
        median = statistics.median(slowest.tolist())
        algbw = floats * 4 / (median / 1e3) / 1e9
        rows.append((mb, median, algbw, algbw * 2 * (WORLD_SIZE - 1) / WORLD_SIZE, slowest.tolist()))
    if rank == 0:
        for mb, _, _, _, slowest in rows:
            print(f"# gloo {mb:g} MB: slower-rank ms per repeat {' '.join(f'{t:.1f}' for t in slowest)}")
        print("transport\tmb\tmedian_ms\talgbw_gb_per_s\tbusbw_gb_per_s")
        for mb, median, algbw, busbw, _ in rows:
            print(f"gloo\t{mb:g}\t{median:.2f}\t{algbw:.3f}\t{busbw:.3f}")
    dist.destroy_process_group()


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=lambda s: [float(x) for x in s.split(",")], default=[1.0, 25.0, 91.0])
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--warmup", type=int, default=1)
    parser.add_argument("--threads", type=int, default=1, help="torch intra-op threads per process (2 processes share the cores)")
    args = parser.parse_args()
    os.environ.setdefault("GLOO_SOCKET_IFNAME", "lo")
    print("# torch.distributed all_reduce (SUM), gloo backend, 2 processes on localhost; per repeat: dist.barrier(), "
          "time each rank's all_reduce, take the slower rank; median over repeats; algbw = bytes / time, busbw = algbw x 2(W-1)/W")
    print(f"# torch {torch.__version__}, {os.cpu_count()} cores, {args.threads} intra-op thread(s) per process")
    mb = ",".join(f"{m:g}" for m in args.mb)
    print(f"# command: /usr/bin/python3 tools/parity/gloo_allreduce.py --mb {mb} --repeats {args.repeats} --warmup {args.warmup} --threads {args.threads}", flush=True)
    mp.spawn(run, args=(args, free_port()), nprocs=WORLD_SIZE, join=True)


if __name__ == "__main__":
    main()
