#!/usr/bin/env bash
# All-reduce bus bandwidth, same run: ours between 2 silo processes on localhost (socket data plane and grain-call
# fallback, `Distributed.Benchmarks allreduce-cluster`) and PyTorch's gloo (2 processes, gloo_allreduce.py), one after
# the other (never concurrently), in ROUNDS rounds (ours, gloo, ours, gloo, ...; the report takes the median over
# rounds, so a load spike on this shared machine does not land on one side only). Not part of the test command.
# Usage: bash tools/parity/allreduce.sh [OUTDIR]   (default .distributed/bench/allreduce)
# Environment: ROUNDS (3), MB (1,25,91), REPEATS (5), WARMUP (1), TRANSPORTS (socket,grain), THREADS (1: gloo
# intra-op threads per process). Writes OUTDIR/{csharp,gloo}_round{R}.tsv (+ csharp_round{R}.log, stderr) and
# docs/results/allreduce.md.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"
out="${1:-$root/.distributed/bench/allreduce}"
source "$root/tools/parity/env.sh"
mb="${MB:-1,25,91}"
repeats="${REPEATS:-5}"
warmup="${WARMUP:-1}"
transports="${TRANSPORTS:-socket,grain}"
threads="${THREADS:-1}"
rounds="${ROUNDS:-3}"
mkdir -p "$out"
out="$(cd "$out" && pwd)"

# A private Release build (as env.sh's build_parity), so a rebuild of the worktree cannot change a running benchmark.
dotnet build "$root/tools/Distributed.Benchmarks" -c Release -warnaserror -nologo -v q -p:OutDir="$out/bin/" >/dev/null
bench="$out/bin/Distributed.Benchmarks"

ours_args=(allreduce-cluster --mb "$mb" --repeats "$repeats" --warmup "$warmup" --transport "$transports")
gloo_args=(--mb "$mb" --repeats "$repeats" --warmup "$warmup" --threads "$threads")
context="$out/context.tsv"
{
  printf 'date\t%s\n' "$(date -u +%FT%TZ)"
  printf 'nproc\t%s\n' "$(nproc)"
  printf 'cpu\t%s\n' "$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')"
  printf 'os\t%s\n' "$(. /etc/os-release && echo "$PRETTY_NAME"), kernel $(uname -r)"
  printf 'dotnet\t%s\n' "$(dotnet --version)"
  printf 'torch\t%s\n' "$($PY -c 'import torch; print(torch.__version__)')"
  printf 'command_ours\t%s\n' "dotnet run -c Release --project tools/Distributed.Benchmarks -- ${ours_args[*]}"
  printf 'command_gloo\t%s\n' "/usr/bin/python3 tools/parity/gloo_allreduce.py ${gloo_args[*]}"
} > "$context"

for ((r = 1; r <= rounds; r++)); do
  echo "allreduce.sh: $(date -u +%TZ) round $r ours: ${ours_args[*]}; load: $(cat /proc/loadavg)"
  printf 'load_ours_%s\t%s\n' "$r" "$(cut -d' ' -f1-3 /proc/loadavg)" >> "$context"
  "$bench" "${ours_args[@]}" > "$out/csharp_round$r.tsv" 2> "$out/csharp_round$r.log"
  grep -v '^#' "$out/csharp_round$r.tsv"

  echo "allreduce.sh: $(date -u +%TZ) round $r gloo: ${gloo_args[*]}; load: $(cat /proc/loadavg)"
  printf 'load_gloo_%s\t%s\n' "$r" "$(cut -d' ' -f1-3 /proc/loadavg)" >> "$context"
  $PY tools/parity/gloo_allreduce.py "${gloo_args[@]}" > "$out/gloo_round$r.tsv"
  grep -v '^#' "$out/gloo_round$r.tsv"
done

echo "allreduce.sh: $(date -u +%TZ) combined, median over $rounds rounds (busbw GB/s; ratios of busbw):"
$PY tools/parity/allreduce_report.py "$root/docs/results/allreduce.md" "$context" "$out" "$rounds"
