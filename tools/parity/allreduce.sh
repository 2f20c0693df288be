#!/usr/bin/env bash
# All-reduce bus bandwidth, same run: ours between 2 silo processes on localhost (socket data plane and grain-call
# fallback, `Distributed.Benchmarks allreduce-cluster`) and PyTorch's gloo (2 processes, gloo_allreduce.py), one after
# the other (never concurrently). Not part of the test command.
# Usage: bash tools/parity/allreduce.sh [OUTDIR]   (default .distributed/bench/allreduce)
# Environment: MB (1,25,91), REPEATS (5), WARMUP (1), TRANSPORTS (socket,grain), THREADS (1: gloo intra-op threads).
# Writes OUTDIR/{csharp,gloo}.tsv (+ csharp.log, stderr) and docs/results/allreduce.md.
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

echo "allreduce.sh: $(date -u +%TZ) ours: ${ours_args[*]}; load: $(cat /proc/loadavg)"
printf 'load_ours\t%s\n' "$(cut -d' ' -f1-3 /proc/loadavg)" >> "$context"
"$bench" "${ours_args[@]}" > "$out/csharp.tsv" 2> "$out/csharp.log"
cat "$out/csharp.tsv"

echo "allreduce.sh: $(date -u +%TZ) gloo: ${gloo_args[*]}; load: $(cat /proc/loadavg)"
printf 'load_gloo\t%s\n' "$(cut -d' ' -f1-3 /proc/loadavg)" >> "$context"
$PY tools/parity/gloo_allreduce.py "${gloo_args[@]}" > "$out/gloo.tsv"
cat "$out/gloo.tsv"

echo "allreduce.sh: $(date -u +%TZ) combined (busbw GB/s; ratios of busbw):"
$PY tools/parity/allreduce_report.py "$out/csharp.tsv" "$out/gloo.tsv" "$root/docs/results/allreduce.md" "$context"
