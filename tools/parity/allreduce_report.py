#!/usr/bin/env python3
"""Combines allreduce.sh's outputs: ours (allreduce-cluster TSV) and gloo (gloo_allreduce.py TSV), one file per side
and round, into one table with the ratios socket/gloo and grain/gloo of bus bandwidth, printed and written as Markdown.
Each cell is the median over rounds of the round's median (rounds alternate ours, gloo, ours, gloo, ... so a load
spike on this shared machine does not land on one side only).

Usage: allreduce_report.py OUT_MD CONTEXT_FILE ROUND_DIR ROUNDS   (reads ROUND_DIR/{csharp,gloo}_round{R}.tsv)
CONTEXT_FILE: 'key<TAB>value' lines from allreduce.sh (date, machine, commands, load per round).
"""
import statistics
import sys


def read(path):
    rows, comments = {}, []
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if not line:
                continue
            if line.startswith("#"):
                comments.append(line)
                continue
            cells = line.split("\t")
            if cells[0] == "transport":
                continue
            transport, mb, median_ms, algbw, busbw = cells
            rows[(transport, float(mb))] = (float(median_ms), float(algbw), float(busbw))
    return rows, comments


def main():
    out_path, context_path, round_dir, rounds = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
    per_round, comments = {}, []
    for r in range(1, rounds + 1):
        for side in ("csharp", "gloo"):
            rows_r, comments_r = read(f"{round_dir}/{side}_round{r}.tsv")
            comments += [f"round {r}: {c}" for c in comments_r if " ms per repeat " in c]
            for key, value in rows_r.items():
                per_round.setdefault(key, []).append(value)
    # Median over rounds of each column (rounds is odd by default, so each cell is one round's figure).
    rows = {key: tuple(statistics.median(v[i] for v in values) for i in range(3)) for key, values in per_round.items()}
    context = dict(line.rstrip("\n").split("\t", 1) for line in open(context_path, encoding="utf-8") if "\t" in line)
    sizes = sorted({mb for _, mb in rows})
    transports = [t for t in ("socket", "grain", "gloo") if any(k[0] == t for k in rows)]

    def busbw(transport, mb):
        return rows[(transport, mb)][2] if (transport, mb) in rows else None

    def fmt(value, digits=3):
        return "n/a" if value is None else f"{value:.{digits}f}"

    def ratio(transport, mb):
        a, b = busbw(transport, mb), busbw("gloo", mb)
        return None if a is None or not b else a / b

    header = ["mb"] + [f"{t}_busbw_gb_per_s" for t in transports] + ["socket/gloo", "grain/gloo"]
    print("\t".join(header))
    for mb in sizes:
        print("\t".join([f"{mb:g}"] + [fmt(busbw(t, mb)) for t in transports] + [fmt(ratio("socket", mb), 2), fmt(ratio("grain", mb), 2)]))

    big = max(sizes)
    target = ratio("socket", big)
    verdict = "n/a" if target is None else ("met" if target >= 0.5 else "NOT met")
    md = [
        "# All-reduce bus bandwidth: ours between 2 silo processes vs PyTorch gloo, same run",
        "",
        f"Measured {context.get('date', '?')} on {context.get('cpu', '?')} ({context.get('nproc', '?')} cores, shared machine), "
        f"{context.get('os', '?')}, .NET {context.get('dotnet', '?')}, torch {context.get('torch', '?')} (Debian python3-torch). "
        f"{rounds} rounds, alternating ours then gloo; each cell is the median over rounds of the round's median. "
        f"Load averages (1/5/15 min) before each side: "
        + "; ".join(f"round {r}: ours {context.get(f'load_ours_{r}', '?')}, gloo {context.get(f'load_gloo_{r}', '?')}" for r in range(1, rounds + 1))
        + ". Other work shared the 2 cores during the run, so single figures are noisy; compare within the run.",
        "",
        "Reproduce (builds the benchmark in Release, runs ours then gloo, one after the other, for each round, and rewrites "
        "this file):",
        "",
        "    bash tools/parity/allreduce.sh",
        "",
        "which runs:",
        "",
        f"    {context.get('command_ours', '?')}",
        f"    {context.get('command_gloo', '?')}",
        "",
        "Bus bandwidth busbw = algbw x 2(W-1)/W with algbw = buffer bytes / time (GB = 1e9 bytes); W = 2, so busbw = algbw. "
        "MB = 1e6 bytes of float32.",
        "",
        "| MB | " + " | ".join(f"{t} busbw GB/s" for t in transports) + " | socket / gloo | grain / gloo |",
        "|---:|" + "---:|" * len(transports) + "---:|---:|",
    ]
    for mb in sizes:
        md.append(f"| {mb:g} | " + " | ".join(fmt(busbw(t, mb)) for t in transports)
                  + f" | {fmt(ratio('socket', mb), 2)} | {fmt(ratio('grain', mb), 2)} |")
    md += [
        "",
        f"Target socket >= 0.5x gloo at {big:g} MB: **{verdict}** ({fmt(target, 2)}x).",
        "",
        "## What was measured",
        "",
        "- **socket**: `SocketRingTransport` (direct loopback TCP between the two silo processes, HMAC job-token handshake; "
        "endpoints exchanged through grain calls) under `RingAllReduce`.",
        "- **grain**: the grain-call fallback `GrainRingTransport` (4 MiB pieces, one `IRingLinkGrain.DeliverAsync` call at a "
        "time per link) under the same `RingAllReduce`.",
        "- **gloo**: `torch.distributed.all_reduce` (SUM) with the gloo backend, 2 processes spawned by "
        "`torch.multiprocessing`, `MASTER_ADDR=127.0.0.1`, 1 intra-op thread per process.",
        "- Ours: silo A (this process, localhost clustering primary) hosts rank 0; silo B, a child process of the same "
        "executable, hosts rank 1; each rank is a silo-bound `AllReduceRankGrain` that runs the reduction on the thread pool.",
        "- Timing, both sides alike: per repeat, a barrier (ours: a 2-float all-reduce on the same ring; gloo: "
        "`dist.barrier()`), then each rank times its own all-reduce; the repeat's time is the slower rank's; the table "
        "is the median over the repeats after the warm-up.",
        "",
        "## Full rows",
        "",
        "| transport | MB | median ms | algbw GB/s | busbw GB/s | busbw per round |",
        "|---|---:|---:|---:|---:|---|",
    ]
    for t in transports:
        for mb in sizes:
            if (t, mb) in rows:
                ms, alg, bus = rows[(t, mb)]
                each = ", ".join(f"{v[2]:.3f}" for v in per_round[(t, mb)])
                md.append(f"| {t} | {mb:g} | {ms:.2f} | {alg:.3f} | {bus:.3f} | {each} |")
    md += ["", "## Per-repeat times of the slower rank (ms)", "", "```"] + comments + ["```", ""]
    with open(out_path, "w", encoding="utf-8") as f:
        f.write("\n".join(md))
    print(f"# wrote {out_path}; target socket >= 0.5x gloo at {big:g} MB: {verdict} ({fmt(target, 2)}x)")


if __name__ == "__main__":
    main()
