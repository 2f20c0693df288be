#!/usr/bin/env bash
# Speed vs the PyTorch peer, same run: MiniLM fine-tuning step and inference samples/s (batch 32 x 128, 2 threads),
# a 4096x384 @ 384x1536 float32 matmul (GFLOP/s) and peak RSS, alternating processes ours, torch, ours, torch, ...
# Not part of the test command. Usage: bash tools/parity/speed.sh [OUTDIR]   (default .distributed/bench/speed)
# Environment: ROUNDS (3 processes per side), STEPS (5 timed steps per process), INFER (5), MATMUL (10), WARMUP (2),
# THREADS (2), BATCH (32), LENGTH (128). Writes OUTDIR/{ours,torch}_round{R}.json, results.json and results.md.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"
out="${1:-$root/.distributed/bench/speed}"
data="${DATA:-$root/../shared/datasets/mvsa-single}"
source "$root/tools/parity/env.sh"
export OMP_NUM_THREADS="${THREADS:-2}"
args=(--threads "${THREADS:-2}" --batch "${BATCH:-32}" --length "${LENGTH:-128}" --warmup "${WARMUP:-2}"
      --steps "${STEPS:-5}" --infer "${INFER:-5}" --matmul "${MATMUL:-10}")
mkdir -p "$out"
out="$(cd "$out" && pwd)"
build_parity "$out"
export_dir="$out/export"
[[ -s "$export_dir/minilm.safetensors" ]] || "$PARITY_BIN" mvsa-export "$data" "$export_dir"
echo "speed.sh: $(date -u +%FT%TZ) ${ROUNDS:-3} rounds ${args[*]}; load: $(cat /proc/loadavg)"
for ((r = 1; r <= ${ROUNDS:-3}; r++)); do
  "$PARITY_BIN" speed "$out/ours_round$r.json" "${args[@]}" > "$out/ours_round$r.log" 2>&1
  echo "speed.sh: $(date -u +%TZ) round $r ours done; load: $(cat /proc/loadavg)"
  $PY tools/parity/speed_peer.py "$export_dir" "$out/torch_round$r.json" "${args[@]}" > "$out/torch_round$r.log" 2>&1
  echo "speed.sh: $(date -u +%TZ) round $r torch done; load: $(cat /proc/loadavg)"
done
$PY tools/parity/speed_report.py "$out" "${ROUNDS:-3}"
