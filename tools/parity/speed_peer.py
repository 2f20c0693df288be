#!/usr/bin/env python3
"""PyTorch peer of `Distributed.Parity speed`: the same MiniLM classifier (model of step_parity.py over our exported
MiniLM weights), the same synthetic batch and shapes, measured the same way after warm-up.

Usage: /usr/bin/python3 tools/parity/speed_peer.py EXPORTDIR OUTJSON [--threads 2] [--batch 32] [--length 128]
       [--warmup 2] [--steps 5] [--infer 5] [--matmul 10]
Times: training step = forward + CE + 0.1 * uniformity + backward + clip 1.0 + AdamW step + zero_grad (dropout 0.1 on,
as ours in training mode); inference = eval-mode no_grad forward; matmul = 4096x384 @ 384x1536 float32.
"""
import argparse
import json
import os
import sys
import time

import torch
import torch.nn.functional as F

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from mvsa_peer import minilm_config, minilm_model, peak_rss_mb, rss_mb  # noqa: E402
from step_parity import blas_report, uniformity  # noqa: E402


def synthetic_batch(batch, length):
    """As Speed.SyntheticBatch in C#: [CLS]=101, ids 1000 + (7i + 13t) mod 29000, [SEP]=102 last, all real."""
    ids = torch.tensor([[101 if t == 0 else 102 if t == length - 1 else 1000 + (7 * i + 13 * t) % 29000
                         for t in range(length)] for i in range(batch)], dtype=torch.int64)
    return ids, torch.ones(batch, length, dtype=torch.int64), torch.zeros(batch, length, dtype=torch.int64), \
        torch.arange(batch, dtype=torch.int64) % 3


def timed(warmup, repeats, action):
    for _ in range(warmup):
        action()
    out = []
    for _ in range(repeats):
        start = time.perf_counter()
        action()
        out.append(time.perf_counter() - start)
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("exportdir")
    ap.add_argument("outjson")
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--batch", type=int, default=32)
    ap.add_argument("--length", type=int, default=128)
    ap.add_argument("--warmup", type=int, default=2)
    ap.add_argument("--steps", type=int, default=5)
    ap.add_argument("--infer", type=int, default=5)
    ap.add_argument("--matmul", type=int, default=10)
    args = ap.parse_args()
    torch.set_num_threads(args.threads)
    rss_runtime = rss_mb()
    torch.manual_seed(1)
    model = minilm_model(args.exportdir, minilm_config("token"))
    rss_model, peak_model = rss_mb(), peak_rss_mb()
    params = list(model.parameters())
    opt = torch.optim.AdamW(params, lr=5e-5, betas=(0.9, 0.999), eps=1e-8, weight_decay=0.01)
    ids, mask, types, labels = synthetic_batch(args.batch, args.length)

    forward_backward, optimizer = [], []

    def step():
        start = time.perf_counter()
        model.train()
        logits, pooled = model(ids, mask, types)
        loss = F.cross_entropy(logits, labels, reduction="sum") / args.batch + 0.1 * uniformity(pooled, 2.0)
        loss.backward()
        loss.item()
        middle = time.perf_counter()
        torch.nn.utils.clip_grad_norm_(params, 1.0)
        opt.step()
        opt.zero_grad()
        forward_backward.append(middle - start)
        optimizer.append(time.perf_counter() - middle)

    step_s = timed(args.warmup, args.steps, step)

    def infer():
        with torch.no_grad():
            model(ids, mask, types)[0].sum().item()

    model.eval()
    infer_s = timed(args.warmup, args.infer, infer)
    a, b = torch.randn(4096, 384), torch.randn(384, 1536)
    matmul_s = timed(3, args.matmul, lambda: a.matmul(b))
    flop = 2.0 * 4096 * 384 * 1536
    result = {"side": "torch", "runtime": f"torch {torch.__version__}, BLAS {blas_report()}",
              "threads": torch.get_num_threads(), "batch": args.batch, "length": args.length,
              "step_seconds": step_s, "step_samples_per_s": [args.batch / s for s in step_s],
              "forward_backward_seconds": forward_backward[args.warmup:], "clip_adamw_seconds": optimizer[args.warmup:],
              "infer_seconds": infer_s, "infer_samples_per_s": [args.batch / s for s in infer_s],
              "matmul_seconds": matmul_s, "matmul_gflops": [flop / s / 1e9 for s in matmul_s],
              "peak_rss_mb": peak_rss_mb(), "rss_after_runtime_mb": rss_runtime, "rss_after_model_mb": rss_model,
              "peak_rss_after_model_mb": peak_model}
    text = json.dumps(result, indent=2)
    with open(args.outjson, "w") as f:
        f.write(text)
    print(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
