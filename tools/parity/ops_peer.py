#!/usr/bin/env python3
"""PyTorch peer of `Distributed.Parity ops`: the same ops at the same shapes, no_grad, median milliseconds.
Usage: /usr/bin/python3 tools/parity/ops_peer.py OUTJSON [--threads 2] [--repeats 10]"""
import argparse
import json
import statistics
import time

import torch
import torch.nn.functional as F

from step_parity import blas_report


def median_ms(repeats, op):
    op()
    out = []
    for _ in range(repeats):
        start = time.perf_counter()
        op()
        out.append((time.perf_counter() - start) * 1000)
    return statistics.median(out)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("outjson")
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--repeats", type=int, default=10)
    ap.add_argument("--model", default="", help="EXPORTDIR with minilm.safetensors: also time the eval encoder")
    a = ap.parse_args()
    torch.set_num_threads(a.threads)
    torch.manual_seed(1)
    with torch.no_grad():
        x, h = torch.randn(32, 128, 384), torch.randn(32, 128, 1536)
        w1, b1, w2, b2 = torch.randn(1536, 384) * 0.02, torch.zeros(1536), torch.randn(384, 1536) * 0.02, torch.zeros(384)
        scores, q = torch.randn(32, 12, 128, 128), torch.randn(32, 12, 128, 32)
        lnw, lnb = torch.ones(384), torch.zeros(384)
        r = a.repeats
        results = {
            "linear_384_to_1536": median_ms(r, lambda: F.linear(x, w1, b1)),
            "linear_1536_to_384": median_ms(r, lambda: F.linear(h, w2, b2)),
            "gelu_32x128x1536": median_ms(r, lambda: F.gelu(h)),
            "softmax_32x12x128x128": median_ms(r, lambda: F.softmax(scores, -1)),
            "attention_qk_matmul": median_ms(r, lambda: q.matmul(q.transpose(-1, -2))),
            "attention_pv_matmul": median_ms(r, lambda: scores.matmul(q)),
            "layer_norm_32x128x384": median_ms(r, lambda: F.layer_norm(x, (384,), lnw, lnb, 1e-12)),
            "add_32x128x384": median_ms(r, lambda: x + x),
        }
        if a.model:
            from mvsa_peer import minilm_config, minilm_model
            model = minilm_model(a.model, minilm_config("token"))
            model.eval()
            ids = torch.randint(1000, 29000, (32, 128))
            mask, types = torch.ones(32, 128, dtype=torch.int64), torch.zeros(32, 128, dtype=torch.int64)
            results["encoder_functional"] = median_ms(3, lambda: model.encoder(ids, mask, types))
    if a.model:
        params = list(model.parameters())
        for p in params:
            p.grad = torch.randn_like(p) * 1e-3
        opt = torch.optim.AdamW(params, lr=5e-5, betas=(0.9, 0.999), eps=1e-8, weight_decay=0.01)
        results["clip_grad_norm"] = median_ms(5, lambda: torch.nn.utils.clip_grad_norm_(params, 1.0))
        results["adamw_step"] = median_ms(5, opt.step)
    text = json.dumps({"side": "torch", "runtime": f"torch {torch.__version__}, BLAS {blas_report()}",
                       "median_ms": results}, indent=2)
    open(a.outjson, "w").write(text)
    print(text)


if __name__ == "__main__":
    main()
