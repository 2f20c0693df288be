#!/usr/bin/env python3
"""Summarises mvsa.sh runs: per-seed test accuracy / weighted F1 of both sides, means, and ours - torch in points.

Usage: python3 tools/parity/mvsa_report.py OUTDIR SEED [SEED ...]   (reads OUTDIR/{ours,torch}_seed{S}.json)
Writes OUTDIR/results.json and OUTDIR/results.md and prints the table. Target: |mean difference| <= 1.5 points for both
metrics. Exits 0 whatever the outcome (a benchmark, not a test).
"""
import json
import os
import statistics
import sys

TARGET = 1.5


def main():
    out, seeds = sys.argv[1], [int(s) for s in sys.argv[2:]]
    runs = {side: {} for side in ("ours", "torch")}
    for side in runs:
        for seed in seeds:
            path = os.path.join(out, f"{side}_seed{seed}.json")
            if os.path.exists(path):
                runs[side][seed] = json.load(open(path))
    done = [s for s in seeds if s in runs["ours"] and s in runs["torch"]]
    metrics = ("test_accuracy", "test_weighted_f1")
    summary = {"seeds": done, "target_points": TARGET, "per_seed": [], "mean": {}, "difference_points": {}}
    for seed in done:
        o, t = runs["ours"][seed], runs["torch"][seed]
        summary["per_seed"].append({"seed": seed, **{f"ours_{m}": o[m] for m in metrics},
                                    **{f"torch_{m}": t[m] for m in metrics},
                                    "ours_best_epoch": o["best_epoch"], "torch_best_epoch": t["best_epoch"],
                                    "ours_train_seconds": o["train_seconds"], "torch_train_seconds": t["train_seconds"],
                                    "ours_peak_rss_mb": o["peak_rss_mb"], "torch_peak_rss_mb": t["peak_rss_mb"]})
    if done:
        first = runs["ours"][done[0]]
        summary["recipe"] = {k: first[k] for k in ("epochs", "lr", "batch", "max_length", "warmup_steps", "total_steps",
                                                   "lambda", "pooling", "train_rows")}
        summary["runtimes"] = {"ours": first["runtime"], "torch": runs["torch"][done[0]]["runtime"]}
        within = True
        for m in metrics:
            mo = statistics.mean(runs["ours"][s][m] for s in done)
            mt = statistics.mean(runs["torch"][s][m] for s in done)
            summary["mean"][f"ours_{m}"], summary["mean"][f"torch_{m}"] = mo, mt
            summary["difference_points"][m] = 100 * (mo - mt)
            within &= abs(100 * (mo - mt)) <= TARGET
        summary["within_target"] = within
    with open(os.path.join(out, "results.json"), "w") as f:
        json.dump(summary, f, indent=2)

    pct = lambda v: f"{100 * v:.2f}"  # noqa: E731
    lines = ["| seed | ours acc | torch acc | ours w-F1 | torch w-F1 | best epoch (ours/torch) | train s (ours/torch) |",
             "|---|---|---|---|---|---|---|"]
    for r in summary["per_seed"]:
        lines.append(f"| {r['seed']} | {pct(r['ours_test_accuracy'])} | {pct(r['torch_test_accuracy'])} | "
                     f"{pct(r['ours_test_weighted_f1'])} | {pct(r['torch_test_weighted_f1'])} | "
                     f"{r['ours_best_epoch']}/{r['torch_best_epoch']} | "
                     f"{r['ours_train_seconds']:.0f}/{r['torch_train_seconds']:.0f} |")
    if done:
        m = summary["mean"]
        d = summary["difference_points"]
        lines.append(f"| **mean** | **{pct(m['ours_test_accuracy'])}** | **{pct(m['torch_test_accuracy'])}** | "
                     f"**{pct(m['ours_test_weighted_f1'])}** | **{pct(m['torch_test_weighted_f1'])}** | | |")
        lines.append("")
        lines.append(f"ours - torch: accuracy {d['test_accuracy']:+.2f} points, weighted F1 "
                     f"{d['test_weighted_f1']:+.2f} points (target |diff| <= {TARGET}): "
                     f"{'WITHIN TARGET' if summary['within_target'] else 'OUTSIDE TARGET'}")
        lines.append("")
        lines.append(f"Recipe: {json.dumps(summary['recipe'])}")
        lines.append(f"Runtimes: ours = {summary['runtimes']['ours']}; torch = {summary['runtimes']['torch']}")
    missing = [s for s in seeds if s not in done]
    if missing:
        lines.append(f"Seeds not finished on both sides: {missing}")
    text = "\n".join(lines) + "\n"
    with open(os.path.join(out, "results.md"), "w") as f:
        f.write(text)
    print(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
