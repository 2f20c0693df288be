#!/usr/bin/env bash
# Makes TorchSharp's libLibTorchSharp.so load where the system libstdc++ lacks GLIBCXX_3.4.32 (Debian 12).
# Usage: patch-libtorchsharp.sh DIR   (DIR holds libLibTorchSharp.so: a build's runtimes/linux-x64/native or
# a publish folder). Runs after every build (Directory.Build.targets); a no-op where the system libstdc++ is new
# enough (Ubuntu 24.04, Debian 13, current .NET images) or DIR is already patched. Never touches the NuGet cache.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
dir="${1:?usage: patch-libtorchsharp.sh DIR}"
lib="$dir/libLibTorchSharp.so"
symbol=_ZSt21ios_base_library_initv
version=GLIBCXX_3.4.32

[ -f "$lib" ] || exit 0
case "$(readlink -f "$lib")" in */.nuget/packages/*) echo "refusing to patch the NuGet cache: $lib" >&2; exit 1;; esac

system_libstdcxx="$(ldconfig -p 2>/dev/null | awk '/libstdc\+\+\.so\.6 .*x86-64/ {print $NF; exit}')"
[ -n "$system_libstdcxx" ] || system_libstdcxx=/usr/lib/x86_64-linux-gnu/libstdc++.so.6
if grep -qa "$version" "$system_libstdcxx" 2>/dev/null; then exit 0; fi

if patchelf_out="$(patchelf --print-needed "$lib" 2>/dev/null)" && grep -qx libiosinit.so <<<"$patchelf_out" \
   && [ -f "$dir/libiosinit.so" ]; then
  exit 0
fi
command -v patchelf >/dev/null || { echo "patchelf missing: run tools/setup.sh" >&2; exit 1; }
command -v g++ >/dev/null || { echo "g++ missing: run tools/setup.sh" >&2; exit 1; }

patchelf --clear-symbol-version "$symbol" "$lib"
python3 "$here/weaken-verneed.py" "$lib" "$version" >/dev/null
g++ -shared -fPIC -O2 -o "$dir/libiosinit.so" "$here/iosinit.cpp"
patchelf --add-needed libiosinit.so "$lib"
if ! patchelf --print-rpath "$lib" | grep -q '\$ORIGIN'; then
  patchelf --set-rpath "\$ORIGIN:$(patchelf --print-rpath "$lib")" "$lib"
fi
echo "patched $lib for a libstdc++ without $version"
