# Sourced by run.sh, mvsa.sh and speed.sh: Debian's python3-torch on OpenBLAS, and the C# driver built in Release.
# Installs python3-torch and libopenblas0-openmp with apt when missing (needs root; does nothing when installed).
missing=()
for pkg in python3-torch libopenblas0-openmp; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
done
if ((${#missing[@]})); then
  if [[ "$(id -u)" != 0 ]]; then
    echo "parity: apt packages missing (${missing[*]}); installing them needs root." >&2
    exit 2
  fi
  apt-get update -q
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${missing[@]}"
fi

# Put OpenBLAS first whatever the libblas.so.3 alternative points at; the Python side reports what it mapped.
openblas=/usr/lib/x86_64-linux-gnu/openblas-openmp
if [[ -e "$openblas/libblas.so.3" ]]; then
  export LD_LIBRARY_PATH="$openblas${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}"
else
  echo "parity: OpenBLAS not found at $openblas; torch will use the reference BLAS." >&2
fi
PY=/usr/bin/python3
# build_parity DIR: builds the C# driver (Release) into DIR/bin, a private copy, so that a later rebuild of the
# worktree cannot replace the assemblies under a benchmark that is still running; sets PARITY_BIN.
build_parity() {
  dotnet build "$root/tools/Distributed.Parity" -c Release -warnaserror -nologo -v q -p:OutDir="$1/bin/" >/dev/null
  PARITY_BIN="$1/bin/Distributed.Parity"
}
