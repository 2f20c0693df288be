#!/usr/bin/env python3
"""PyTorch peer of our MVSA-Single fine-tuning (tools/Distributed.Parity mvsa-train), on the model of step_parity.py.

Usage: /usr/bin/python3 tools/parity/mvsa_peer.py EXPORTDIR OUTJSON [--seed 1] [--epochs 3] [--lr 5e-5] ...

EXPORTDIR is what `Distributed.Parity mvsa-export` wrote: minilm.safetensors (our imported MiniLM, bert.* keys) and
train/dev/test.safetensors (token ids encoded by our tokenizer, F32 integers), so weights and tokenization are
identical; the head (token scorer, classifier), shuffling and dropout are this side's own, seeded with --seed.
Recipe as ours: dropout 0.1 (hidden, attention, pooled), AdamW (wd 0.01 on all parameters, betas 0.9/0.999, eps 1e-8),
linear warm-up/decay, clip 1.0, CE (sum / batch rows) + lambda * uniformity(t=2), best epoch on dev weighted F1,
patience 2, test scored with the best weights.
"""
import argparse
import copy
import json
import os
import sys
import time

import torch
import torch.nn.functional as F

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from step_parity import Model, blas_report, read_safetensors, uniformity  # noqa: E402

LABELS = ["positive", "neutral", "negative"]


def minilm_config(pooling="token", dropout=0.1, top_k=16):
    return {"hidden": 384, "layers": 6, "heads": 12, "intermediate": 1536, "layer_norm_eps": 1e-12,
            "pad_token_id": 0, "top_k": top_k, "pooling": pooling, "hidden_dropout": dropout,
            "attention_dropout": dropout, "classifier_dropout": dropout}


def minilm_model(exportdir, cfg, classes=3):
    """Our exported MiniLM + a freshly initialised head (seed torch first): scorer as nn.Linear's default init,
    classifier normal(0, 0.02) with zero bias, as AffectClassifier does."""
    state = read_safetensors(os.path.join(exportdir, "minilm.safetensors"))
    hidden = cfg["hidden"]
    if cfg.get("pooling", "token") == "token":
        scorer = torch.nn.Linear(hidden, 1)
        state["pooler._scorer.weight"] = scorer.weight.detach().clone()
        state["pooler._scorer.bias"] = scorer.bias.detach().clone()
    state["classifier.weight"] = torch.empty(classes, hidden).normal_(0.0, 0.02)
    state["classifier.bias"] = torch.zeros(classes)
    return Model(cfg, state)


def _status_mb(key):
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith(key):
                return int(line.split()[1]) / 1024.0
    return float("nan")


def peak_rss_mb():
    """Peak resident set size (VmHWM) in MB."""
    return _status_mb("VmHWM:")


def rss_mb():
    """Current resident set size (VmRSS) in MB."""
    return _status_mb("VmRSS:")


def load_split(exportdir, split, limit=0):
    raw = read_safetensors(os.path.join(exportdir, split + ".safetensors"))
    get = lambda k: raw[k].round().to(torch.int64)  # noqa: E731
    parts = [get("input_ids"), get("attention_mask"), get("token_type_ids"), get("labels")]
    return [p[:limit] for p in parts] if limit else parts


def scores(truth, predicted, classes=3):
    """Accuracy, weighted and macro F1 as sklearn's classification_report(zero_division=0)."""
    n = len(truth)
    f1s, supports = [], []
    for c in range(classes):
        tp = sum(1 for t, p in zip(truth, predicted) if t == c and p == c)
        support = sum(1 for t in truth if t == c)
        pred = sum(1 for p in predicted if p == c)
        f1s.append(2 * tp / (support + pred) if support + pred else 0.0)
        supports.append(support)
    return {"accuracy": sum(1 for t, p in zip(truth, predicted) if t == p) / n,
            "weighted_f1": sum(f * s for f, s in zip(f1s, supports)) / n, "macro_f1": sum(f1s) / classes}


def evaluate(model, split, batch=64):
    ids, mask, types, labels = split
    model.eval()
    predicted = []
    with torch.no_grad():
        for start in range(0, ids.shape[0], batch):
            logits, _ = model(ids[start:start + batch], mask[start:start + batch], types[start:start + batch])
            predicted += logits.argmax(1).tolist()
    return scores(labels.tolist(), predicted)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("exportdir")
    ap.add_argument("outjson")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--epochs", type=int, default=3)
    ap.add_argument("--lr", type=float, default=5e-5)
    ap.add_argument("--batch", type=int, default=32)
    ap.add_argument("--warmup-ratio", type=float, default=0.1)
    ap.add_argument("--lambda", dest="lam", type=float, default=0.1)
    ap.add_argument("--pooling", choices=["token", "mean"], default="token")
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--patience", type=int, default=2)
    ap.add_argument("--limit-train", type=int, default=0)
    args = ap.parse_args()

    torch.set_num_threads(args.threads)
    clock = time.perf_counter()
    train = load_split(args.exportdir, "train", args.limit_train)
    dev = load_split(args.exportdir, "dev", args.limit_train)
    test = load_split(args.exportdir, "test")
    torch.manual_seed(args.seed)
    model = minilm_model(args.exportdir, minilm_config(args.pooling))
    params = list(model.parameters())
    opt = torch.optim.AdamW(params, lr=args.lr, betas=(0.9, 0.999), eps=1e-8, weight_decay=0.01)
    rows = train[0].shape[0]
    steps_per_epoch = (rows + args.batch - 1) // args.batch
    total = steps_per_epoch * args.epochs
    warmup = int(round(total * args.warmup_ratio))

    def multiplier(step):  # transformers.get_linear_schedule_with_warmup, as LinearWarmupSchedule
        if step < warmup:
            return step / max(1, warmup)
        return max(0.0, (total - step) / max(1, total - warmup))

    sched = torch.optim.lr_scheduler.LambdaLR(opt, multiplier)
    generator = torch.Generator().manual_seed(args.seed)
    best_state, best_f1, best_epoch, since_best, history = None, -1.0, -1, 0, []
    for epoch in range(args.epochs):
        order = torch.randperm(rows, generator=generator)
        losses = []
        for b in range(steps_per_epoch):
            index = order[b * args.batch:(b + 1) * args.batch]
            ids, mask, types, labels = (t[index] for t in train)
            model.train()
            logits, pooled = model(ids, mask, types)
            ce = F.cross_entropy(logits, labels, reduction="sum") / ids.shape[0]
            loss = ce + args.lam * uniformity(pooled, 2.0) if args.lam != 0 else ce
            loss.backward()
            torch.nn.utils.clip_grad_norm_(params, 1.0)
            lr = opt.param_groups[0]["lr"]
            opt.step()
            opt.zero_grad()
            sched.step()
            losses.append(float(loss.item()))
            if b % 20 == 0:
                print(f"[torch seed {args.seed}] epoch {epoch} batch {b}/{steps_per_epoch} loss {losses[-1]:.4f} "
                      f"lr {lr:.3g} {time.perf_counter() - clock:.0f}s", flush=True)
        report = evaluate(model, dev)
        history.append({"epoch": epoch, "train_loss": sum(losses) / len(losses), "weighted_f1": report["weighted_f1"],
                        "accuracy": report["accuracy"]})
        if report["weighted_f1"] > best_f1:
            best_f1, best_epoch, since_best = report["weighted_f1"], epoch, 0
            best_state = copy.deepcopy(model.state_dict())
        else:
            since_best += 1
        if since_best >= args.patience and epoch + 1 < args.epochs:
            break
    train_seconds = time.perf_counter() - clock
    model.load_state_dict(best_state)
    report = evaluate(model, test)
    result = {"side": "torch", "runtime": f"torch {torch.__version__}, BLAS {blas_report()}, threads "
                                          f"{torch.get_num_threads()}",
              "seed": args.seed, "epochs": args.epochs, "lr": args.lr, "batch": args.batch,
              "max_length": int(train[0].shape[1]), "warmup_steps": warmup, "total_steps": total, "lambda": args.lam,
              "pooling": args.pooling, "train_rows": rows, "best_epoch": best_epoch, "dev": history,
              "test_accuracy": report["accuracy"], "test_weighted_f1": report["weighted_f1"],
              "test_macro_f1": report["macro_f1"], "train_seconds": train_seconds,
              "total_seconds": time.perf_counter() - clock, "peak_rss_mb": peak_rss_mb()}
    text = json.dumps(result, indent=2)
    with open(args.outjson, "w") as f:
        f.write(text)
    print(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
