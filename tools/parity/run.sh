#!/usr/bin/env bash
# Step parity with PyTorch (not part of the test command). Usage: bash tools/parity/run.sh [OUTDIR]
# Installs Debian's python3-torch and libopenblas0-openmp with apt when missing (needs root; does nothing when both
# are already installed), runs the C# side (tools/Distributed.Parity) to write weights, batches and its losses into
# OUTDIR, then replays the recipe in PyTorch and compares. Exits non-zero on FAIL.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"
out="${1:-$root/.distributed/parity}"

source "$root/tools/parity/env.sh"

mkdir -p "$out"
out="$(cd "$out" && pwd)"
build_parity "$out"
"$PARITY_BIN" "$out"
/usr/bin/python3 tools/parity/step_parity.py "$out"
