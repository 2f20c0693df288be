#!/usr/bin/env bash
# Step parity with PyTorch (not part of the test command). Usage: bash tools/parity/run.sh [OUTDIR]
# Installs Debian's python3-torch and libopenblas0-openmp with apt when missing (needs root; does nothing when both
# are already installed), runs the C# side (tools/Distributed.Parity) to write weights, batches and its losses into
# OUTDIR, then replays the recipe in PyTorch and compares. Exits non-zero on FAIL.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"
out="${1:-$root/.distributed/parity}"

missing=()
for pkg in python3-torch libopenblas0-openmp; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
done
if ((${#missing[@]})); then
  if [[ "$(id -u)" != 0 ]]; then
    echo "run.sh: apt packages missing (${missing[*]}); installing them needs root." >&2
    exit 2
  fi
  apt-get update -q
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${missing[@]}"
fi

# Put OpenBLAS first whatever the libblas.so.3 alternative points at; fall back to whatever loads (reported below).
openblas=/usr/lib/x86_64-linux-gnu/openblas-openmp
if [[ -e "$openblas/libblas.so.3" ]]; then
  export LD_LIBRARY_PATH="$openblas${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}"
else
  echo "run.sh: OpenBLAS not found at $openblas; torch will use the reference BLAS." >&2
fi

mkdir -p "$out"
dotnet run -c Release --project tools/Distributed.Parity -- "$out"
/usr/bin/python3 tools/parity/step_parity.py "$out"
