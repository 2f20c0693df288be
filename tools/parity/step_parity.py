#!/usr/bin/env python3
"""Step parity: replays the C# training recipe (tools/Distributed.Parity) in PyTorch and compares per-step losses.

Usage: /usr/bin/python3 tools/parity/step_parity.py OUTDIR [--tolerance 1e-3]

OUTDIR holds what the C# side wrote: model.safetensors (initial state dict, F32), batches.safetensors
(b{NN}.input_ids / attention_mask / token_type_ids / labels, F32 holding exact integers), config.json (recipe) and
losses_csharp.json. Uses only torch and the standard library. Exits 1 when any step differs by more than the
tolerance (relative), 0 otherwise.
"""
import argparse
import json
import math
import os
import struct
import sys

import torch
import torch.nn.functional as F

_DTYPES = {"F32": (torch.float32, 4), "F64": (torch.float64, 8), "I64": (torch.int64, 8), "I32": (torch.int32, 4)}


def read_safetensors(path):
    with open(path, "rb") as f:
        raw = f.read()
    (n,) = struct.unpack("<Q", raw[:8])
    header = json.loads(raw[8:8 + n].decode("utf-8"))
    start = 8 + n
    out = {}
    for name, entry in header.items():
        if name == "__metadata__":
            continue
        dtype, size = _DTYPES[entry["dtype"]]
        a, b = entry["data_offsets"]
        buf = bytearray(raw[start + a:start + b])
        t = torch.frombuffer(buf, dtype=dtype) if b > a else torch.empty(0, dtype=dtype)
        out[name] = t.reshape(entry["shape"]).clone()
    return out


def write_safetensors(path, tensors):
    names = sorted(tensors)
    header, blobs, offset = {}, [], 0
    for name in names:
        t = tensors[name].detach().to(torch.float32).contiguous()
        data = t.numpy().tobytes()
        header[name] = {"dtype": "F32", "shape": list(t.shape), "data_offsets": [offset, offset + len(data)]}
        blobs.append(data)
        offset += len(data)
    js = json.dumps(header).encode("utf-8")
    js += b" " * ((8 - len(js) % 8) % 8)
    with open(path, "wb") as f:
        f.write(struct.pack("<Q", len(js)))
        f.write(js)
        for data in blobs:
            f.write(data)


class Model(torch.nn.Module):
    """Post-LayerNorm BERT + token-selection pooler + classifier, parameters keyed as the C# state dict.

    Optional cfg keys (defaults keep the dropout-free parity setup): hidden_dropout (after the embedding LayerNorm and
    on both dense outputs before their residual, as HF BERT), attention_dropout (on the attention probabilities),
    classifier_dropout (on the pooled features before the head), pooling ("token" selection or masked "mean").
    """

    def __init__(self, cfg, state):
        super().__init__()
        self.cfg = cfg
        self.params = torch.nn.ParameterDict()
        self.names = sorted(state)
        for name in self.names:
            self.params[name.replace(".", "__")] = torch.nn.Parameter(state[name].clone())

    def drop(self, x, key):
        return F.dropout(x, self.cfg.get(key, 0.0), self.training)

    def p(self, name):
        return self.params[name.replace(".", "__")]

    def linear(self, x, prefix):
        return F.linear(x, self.p(prefix + ".weight"), self.p(prefix + ".bias"))

    def layer_norm(self, x, prefix):
        h = self.cfg["hidden"]
        return F.layer_norm(x, (h,), self.p(prefix + ".weight"), self.p(prefix + ".bias"), self.cfg["layer_norm_eps"])

    def encoder(self, ids, mask, types):
        cfg = self.cfg
        b, length = ids.shape
        heads, hidden = cfg["heads"], cfg["hidden"]
        head_size = hidden // heads
        positions = torch.arange(length, dtype=torch.int64).unsqueeze(0)
        x = (F.embedding(ids, self.p("bert.embeddings.word_embeddings.weight"), padding_idx=cfg["pad_token_id"])
             + F.embedding(types, self.p("bert.embeddings.token_type_embeddings.weight"))
             + F.embedding(positions, self.p("bert.embeddings.position_embeddings.weight")))
        x = self.drop(self.layer_norm(x, "bert.embeddings.LayerNorm"), "hidden_dropout")
        keep = mask.to(x.dtype).unsqueeze(1).unsqueeze(2)
        additive = (1.0 - keep) * torch.finfo(x.dtype).min
        for i in range(cfg["layers"]):
            pre = f"bert.encoder.layer.{i}."

            def split(t):
                return t.view(b, length, heads, head_size).transpose(1, 2)

            q = split(self.linear(x, pre + "attention.self.query"))
            k = split(self.linear(x, pre + "attention.self.key"))
            v = split(self.linear(x, pre + "attention.self.value"))
            scores = q.matmul(k.transpose(-1, -2)) / math.sqrt(head_size) + additive
            ctx = self.drop(F.softmax(scores, -1), "attention_dropout").matmul(v).transpose(1, 2).reshape(b, length, hidden)
            attended = self.layer_norm(self.drop(self.linear(ctx, pre + "attention.output.dense"), "hidden_dropout") + x,
                                       pre + "attention.output.LayerNorm")
            expanded = F.gelu(self.linear(attended, pre + "intermediate.dense"))  # exact (erf) GELU
            x = self.layer_norm(self.drop(self.linear(expanded, pre + "output.dense"), "hidden_dropout") + attended,
                                pre + "output.LayerNorm")
        return x

    def pool(self, states, mask):
        b, length, hidden = states.shape
        if self.cfg.get("pooling", "token") == "mean":
            weights = mask.to(states.dtype).unsqueeze(-1)
            return (states * weights).sum(1) / weights.sum(1).clamp_min(1.0)
        real = mask.to(torch.bool)
        scores = self.linear(states, "pooler._scorer").squeeze(-1).masked_fill(~real, float("-inf"))
        k = min(self.cfg["top_k"], length)
        top_scores, indices = scores.topk(k, dim=1)
        selected_real = real.gather(1, indices)
        any_real = selected_real.any(1, keepdim=True)
        logits = top_scores.masked_fill(~any_real, 0.0)
        weights = F.softmax(logits, 1) * selected_real.to(states.dtype)
        selected = states.gather(1, indices.unsqueeze(-1).expand(b, k, hidden))
        return weights.unsqueeze(1).bmm(selected).squeeze(1)

    def forward(self, ids, mask, types):
        pooled = self.pool(self.encoder(ids, mask, types), mask)
        return self.linear(self.drop(pooled, "classifier_dropout"), "classifier"), pooled


def uniformity(z, t):
    rows = z.shape[0]
    z = F.normalize(z, p=2, dim=1)
    sq = z.square().sum(1)
    d = sq.unsqueeze(1) + sq.unsqueeze(0) - 2 * z.matmul(z.t())
    i, j = torch.triu_indices(rows, rows, 1)
    return (-t * d[i, j]).logsumexp(0) - math.log(rows * (rows - 1) / 2.0)


def run(cfg, state, batches, lam):
    model = Model(cfg, state)
    params = list(model.parameters())
    opt = torch.optim.AdamW(params, lr=cfg["learning_rate"], betas=tuple(cfg["betas"]), eps=cfg["eps"],
                            weight_decay=cfg["weight_decay"])
    total_steps, warmup = cfg["steps"], cfg["warmup"]

    def multiplier(step):  # transformers.get_linear_schedule_with_warmup
        if step < warmup:
            return step / max(1, warmup)
        return max(0.0, (total_steps - step) / max(1, total_steps - warmup))

    sched = torch.optim.lr_scheduler.LambdaLR(opt, multiplier)
    rows = []
    for step, (ids, mask, types, labels) in enumerate(batches):
        model.train()
        logits, pooled = model(ids, mask, types)
        ce = F.cross_entropy(logits, labels, reduction="sum") / ids.shape[0]
        total = ce + lam * uniformity(pooled, cfg["t"]) if lam != 0 else ce
        total.backward()
        norm = torch.nn.utils.clip_grad_norm_(params, cfg["max_grad_norm"])
        lr = opt.param_groups[0]["lr"]
        opt.step()
        opt.zero_grad()
        sched.step()
        rows.append({"step": step, "total": float(total.item()), "cross_entropy": float(ce.item()), "lr": lr,
                     "grad_norm": float(norm)})
    return rows, model


def blas_report():
    libs = set()
    try:
        with open(f"/proc/{os.getpid()}/maps") as f:
            for line in f:
                path = line.split()[-1]
                if any(s in path for s in ("blas", "lapack", "mkl")):
                    libs.add(os.path.realpath(path))
    except OSError:
        pass
    return sorted(libs)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("outdir")
    ap.add_argument("--tolerance", type=float, default=1e-3)
    args = ap.parse_args()
    torch.set_num_threads(1)
    torch.manual_seed(0)
    cfg = json.load(open(os.path.join(args.outdir, "config.json")))
    reference = json.load(open(os.path.join(args.outdir, "losses_csharp.json")))
    state = read_safetensors(os.path.join(args.outdir, "model.safetensors"))
    raw = read_safetensors(os.path.join(args.outdir, "batches.safetensors"))
    batches = []
    for b in range(cfg["steps"]):
        get = lambda k: raw[f"b{b:02d}.{k}"].round().to(torch.int64)  # noqa: E731
        batches.append((get("input_ids"), get("attention_mask"), get("token_type_ids"), get("labels")))

    print(f"torch {torch.__version__}; BLAS libraries mapped: {blas_report() or ['(none found)']}")
    ok = True
    summary = []
    for lam in cfg["lambdas"]:
        key = repr(float(lam)) if repr(float(lam)) in reference else next(k for k in reference if float(k) == lam)
        ours, _ = run(cfg, state, batches, lam)
        theirs = reference[key]
        print(f"\nlambda = {lam}")
        print(f"{'step':>4} {'lr':>10} {'C# total':>12} {'torch total':>12} {'rel diff':>10} {'C# gnorm':>10} {'torch gnorm':>11}")
        worst = 0.0
        for a, c in zip(ours, theirs):
            rel = abs(a["total"] - c["total"]) / max(abs(c["total"]), 1e-12)
            worst = max(worst, rel)
            print(f"{a['step']:>4} {a['lr']:>10.3g} {c['total']:>12.6f} {a['total']:>12.6f} {rel:>10.2e} "
                  f"{c['grad_norm']:>10.5f} {a['grad_norm']:>11.5f}")
        if len(ours) != len(theirs):
            ok = False
        passed = worst <= args.tolerance
        ok &= passed
        summary.append((lam, worst, passed))
    print()
    for lam, worst, passed in summary:
        print(f"lambda={lam}: max relative diff {worst:.3e} -> {'PASS' if passed else 'FAIL'} (tolerance {args.tolerance:g})")
    print("PASS" if ok else "FAIL")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
