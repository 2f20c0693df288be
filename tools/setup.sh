#!/usr/bin/env bash
# One idempotent setup for everything NuGet does not bring:
#   - Tesseract OCR 5 with English data (apt)       -> the embedded describer's OCR
#   - fonts-dejavu-core (apt)                       -> the sample generator's pinned font
#   - patchelf + g++ (apt), only where the system libstdc++ lacks GLIBCXX_3.4.32
#                                                   -> the TorchSharp loader fix (tools/torchsharp/)
#   - redis-server (apt)                            -> Redis membership tests (started by the tests themselves)
#   - Azurite 3.37.0 (npm) into .tools/azurite      -> Azure Blob/Table emulator for tests
# It prints what it found or installed and fails with a clear message when a registry is unreachable.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
azurite_version="3.37.0"
azurite_dir="$root/.tools/azurite"

say() { printf '[setup] %s\n' "$*"; }
fail() { printf '[setup] ERROR: %s\n' "$*" >&2; exit 1; }

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@";
  elif command -v sudo >/dev/null 2>&1; then sudo -n "$@" || fail "needs root for: $* (run as root or allow passwordless sudo)";
  else fail "needs root for: $* (run as root)"; fi
}

command -v dotnet >/dev/null 2>&1 || fail "the .NET SDK (dotnet) is not on PATH; install .NET SDK 10 first"

needs_torch_fix() {
  local lib
  lib="$(ldconfig -p 2>/dev/null | awk '/libstdc\+\+\.so\.6 .*x86-64/ {print $NF; exit}')"
  [ -n "$lib" ] || lib=/usr/lib/x86_64-linux-gnu/libstdc++.so.6
  [ -f "$lib" ] || return 1
  ! grep -qa 'GLIBCXX_3\.4\.32' "$lib"
}

apt_packages=(tesseract-ocr tesseract-ocr-eng fonts-dejavu-core redis-server)
if needs_torch_fix; then
  say "system libstdc++ lacks GLIBCXX_3.4.32: the TorchSharp loader fix is needed (patchelf, g++)"
  apt_packages+=(patchelf g++)
else
  say "system libstdc++ has GLIBCXX_3.4.32: no TorchSharp loader fix needed"
fi

missing=()
for p in "${apt_packages[@]}"; do
  if dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then
    say "found apt package $p"
  else
    missing+=("$p")
  fi
done
if [ "${#missing[@]}" -gt 0 ]; then
  command -v apt-get >/dev/null 2>&1 || fail "apt-get not found; install manually: ${missing[*]}"
  say "installing apt packages: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  as_root apt-get update -qq >/dev/null 2>&1 || fail "apt registry unreachable (apt-get update failed); cannot install: ${missing[*]}"
  as_root apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null \
    || fail "apt-get install failed for: ${missing[*]} (registry unreachable or package unknown)"
  say "installed apt packages: ${missing[*]}"
fi

if [ -x "$azurite_dir/node_modules/.bin/azurite" ] \
   && grep -q "\"version\": \"$azurite_version\"" "$azurite_dir/node_modules/azurite/package.json" 2>/dev/null; then
  say "found Azurite $azurite_version in .tools/azurite"
else
  command -v npm >/dev/null 2>&1 || fail "npm not found; install Node.js 20+ (apt-get install nodejs npm)"
  say "installing Azurite $azurite_version into .tools/azurite (npm)"
  mkdir -p "$azurite_dir"
  npm install --prefix "$azurite_dir" --no-audit --no-fund --loglevel=error "azurite@$azurite_version" >/dev/null 2>"$azurite_dir/npm-error.log" \
    || fail "npm registry unreachable or install failed for azurite@$azurite_version (see $azurite_dir/npm-error.log)"
  say "installed Azurite $azurite_version"
fi

say "ready"
