#!/usr/bin/env python3
"""Summarises speed.sh: medians over all timed repeats of all rounds per side, ours/torch ratios, peak RSS.

Usage: python3 tools/parity/speed_report.py OUTDIR ROUNDS   (reads OUTDIR/{ours,torch}_round{R}.json)
Target: step ratio >= 0.9 x matmul ratio. Writes OUTDIR/results.json and OUTDIR/results.md.
"""
import json
import os
import statistics
import sys


def main():
    out, rounds = sys.argv[1], int(sys.argv[2])
    runs = {side: [json.load(open(os.path.join(out, f"{side}_round{r}.json"))) for r in range(1, rounds + 1)
                   if os.path.exists(os.path.join(out, f"{side}_round{r}.json"))] for side in ("ours", "torch")}
    keys = {"step": "step_samples_per_s", "inference": "infer_samples_per_s", "matmul": "matmul_gflops"}
    result = {"rounds": rounds, "per_side": {}, "ratio_ours_over_torch": {}}
    for side, rs in runs.items():
        entry = {name: statistics.median([v for r in rs for v in r[key]]) for name, key in keys.items()}
        entry["repeats"] = {name: len([v for r in rs for v in r[key]]) for name, key in keys.items()}
        entry["per_round_medians"] = {name: [statistics.median(r[key]) for r in rs] for name, key in keys.items()}
        for k in ("forward_backward_seconds", "clip_adamw_seconds"):
            values = [v for r in rs for v in r.get(k, [])]
            entry[k] = statistics.median(values) if values else float("nan")
        for k in ("peak_rss_mb", "rss_after_runtime_mb", "rss_after_model_mb", "peak_rss_after_model_mb"):
            entry[k] = statistics.median(r.get(k, float("nan")) for r in rs)
        entry["runtime"] = rs[0]["runtime"]
        entry["threads"] = rs[0]["threads"]
        result["per_side"][side] = entry
    o, t = result["per_side"]["ours"], result["per_side"]["torch"]
    for name in keys:
        result["ratio_ours_over_torch"][name] = o[name] / t[name]
    ratio = result["ratio_ours_over_torch"]
    result["step_ratio_over_matmul_ratio"] = ratio["step"] / ratio["matmul"]
    result["target_met"] = ratio["step"] >= 0.9 * ratio["matmul"]
    result["shape"] = {"batch": runs["ours"][0]["batch"], "length": runs["ours"][0]["length"]}
    with open(os.path.join(out, "results.json"), "w") as f:
        json.dump(result, f, indent=2)
    lines = [f"Batch {result['shape']['batch']} x {result['shape']['length']}, {o['threads']} threads; medians over "
             f"{o['repeats']['step']} step / {o['repeats']['inference']} inference / {o['repeats']['matmul']} matmul "
             f"repeats per side in {rounds} alternating rounds.", "",
             "| measure | ours | torch | ours/torch |", "|---|---|---|---|",
             f"| fine-tuning step, samples/s | {o['step']:.2f} | {t['step']:.2f} | {ratio['step']:.2f} |",
             f"| inference (no_grad), samples/s | {o['inference']:.2f} | {t['inference']:.2f} | {ratio['inference']:.2f} |",
             f"| matmul 4096x384 @ 384x1536, GFLOP/s | {o['matmul']:.1f} | {t['matmul']:.1f} | {ratio['matmul']:.2f} |",
             f"| peak RSS, MB | {o['peak_rss_mb']:.0f} | {t['peak_rss_mb']:.0f} | {o['peak_rss_mb'] / t['peak_rss_mb']:.2f} |",
             f"| step phases: forward+backward / clip+AdamW, s | {o['forward_backward_seconds']:.3f} / "
             f"{o['clip_adamw_seconds']:.3f} | {t['forward_backward_seconds']:.3f} / {t['clip_adamw_seconds']:.3f} | |",
             f"| RSS after runtime init / after model load (peak), MB | {o['rss_after_runtime_mb']:.0f} / "
             f"{o['rss_after_model_mb']:.0f} ({o['peak_rss_after_model_mb']:.0f}) | {t['rss_after_runtime_mb']:.0f} / "
             f"{t['rss_after_model_mb']:.0f} ({t['peak_rss_after_model_mb']:.0f}) | |",
             "",
             f"step ratio / matmul ratio = {result['step_ratio_over_matmul_ratio']:.2f} (target >= 0.9): "
             f"{'MET' if result['target_met'] else 'NOT MET'}",
             f"Per-round medians ours: {o['per_round_medians']}", f"Per-round medians torch: {t['per_round_medians']}",
             f"Runtimes: ours = {o['runtime']}; torch = {t['runtime']}"]
    text = "\n".join(lines) + "\n"
    with open(os.path.join(out, "results.md"), "w") as f:
        f.write(text)
    print(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
