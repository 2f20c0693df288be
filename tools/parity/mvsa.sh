#!/usr/bin/env bash
# MVSA-Single (text only) accuracy: ours (tools/Distributed.Parity mvsa-train) vs the PyTorch peer (mvsa_peer.py),
# same MiniLM weights and token ids, seeds 1..3 alternating sides. Not part of the test command.
# Usage: bash tools/parity/mvsa.sh [OUTDIR]        (OUTDIR defaults to .distributed/bench/mvsa)
# Settings via environment: SEEDS ("1 2 3"), EPOCHS (3), LR (5e-5), LAMBDA (0.1), POOLING (token), THREADS (2),
# LIMIT (0 = all training rows; e.g. 320 for a smoke run), DATA (../shared/datasets/mvsa-single),
# PARALLEL (0: ours then torch per seed; 1: both sides of a seed at once, e.g. with THREADS=1 on a crowded 2-core box).
# Finished runs (OUTDIR/{ours,torch}_seed{S}.json) are kept and skipped on a rerun; results.json + results.md at the end.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"
out="${1:-$root/.distributed/bench/mvsa}"
data="${DATA:-$root/../shared/datasets/mvsa-single}"
seeds="${SEEDS:-1 2 3}"
common=(--epochs "${EPOCHS:-3}" --lr "${LR:-5e-5}" --lambda "${LAMBDA:-0.1}" --pooling "${POOLING:-token}"
        --threads "${THREADS:-2}" --limit-train "${LIMIT:-0}")
source "$root/tools/parity/env.sh"
export OMP_NUM_THREADS="${THREADS:-2}"
[[ -d "$data" ]] || { echo "mvsa.sh: dataset folder $data not found" >&2; exit 2; }
mkdir -p "$out"
out="$(cd "$out" && pwd)"
build_parity "$out"
[[ -s "$out/export/train.safetensors" ]] || "$PARITY_BIN" mvsa-export "$data" "$out/export"
echo "mvsa.sh: $(date -u +%FT%TZ) seeds [$seeds] ${common[*]} -> $out"
ours() {
  [[ -s "$out/ours_seed$1.json" ]] || "$PARITY_BIN" mvsa-train "$data" "$out/ours_seed$1.json" --seed "$1" "${common[@]}" \
    > "$out/ours_seed$1.log" 2>&1
  echo "mvsa.sh: $(date -u +%TZ) ours seed $1 done; load $(cut -d' ' -f1-3 /proc/loadavg)"
}
theirs() {
  [[ -s "$out/torch_seed$1.json" ]] || $PY tools/parity/mvsa_peer.py "$out/export" "$out/torch_seed$1.json" --seed "$1" "${common[@]}" \
    > "$out/torch_seed$1.log" 2>&1
  echo "mvsa.sh: $(date -u +%TZ) torch seed $1 done; load $(cut -d' ' -f1-3 /proc/loadavg)"
}
for seed in $seeds; do
  if [[ "${PARALLEL:-0}" == 1 ]]; then
    ours "$seed" & theirs "$seed" & wait
  else
    ours "$seed"; theirs "$seed"
  fi
done
$PY tools/parity/mvsa_report.py "$out" $seeds
