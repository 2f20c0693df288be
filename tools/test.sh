#!/usr/bin/env bash
# The test command (README command b, and .ci/run): setup, build with zero warnings, start the services the tests
# need (Azurite), run every test project, stop the services, and print one closing line
# `N passed, N failed, N skipped` totalled over all projects. Exits non-zero on any failure.
set -uo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
results="$root/.test-results"

bash tools/setup.sh || exit 1
dotnet build Distributed.sln -c Release -warnaserror -nologo -v q || { echo "0 passed, 1 failed"; exit 1; }

bash tools/azurite.sh start || { echo "0 passed, 1 failed"; exit 1; }
trap 'bash "$root/tools/azurite.sh" stop' EXIT
export DISTRIBUTED_TEST_AZURITE="UseDevelopmentStorage=true"

rm -rf "$results"
status=0
for project in tests/*/*.csproj; do
  name="$(basename "$project" .csproj)"
  dotnet test "$project" -c Release --no-build --nologo \
    --logger "trx;LogFileName=$name.trx" --logger "console;verbosity=normal" --results-directory "$results" \
    || status=1
done

bash tools/azurite.sh stop
trap - EXIT

python3 - "$results" "$status" <<'PY'
import glob, sys, xml.etree.ElementTree as ET
ns = {"t": "http://microsoft.com/schemas/VisualStudio/TeamTest/2010"}
passed = failed = skipped = 0
files = glob.glob(f"{sys.argv[1]}/*.trx")
for f in files:
    c = ET.parse(f).getroot().find("t:ResultSummary/t:Counters", ns).attrib
    passed += int(c["passed"]); failed += int(c["failed"]) + int(c.get("error", 0)) + int(c.get("timeout", 0)) + int(c.get("aborted", 0))
    # VSTest's trx counts a skipped test in neither "executed" nor "notExecuted": skipped = total - executed.
    skipped += int(c["total"]) - int(c["executed"])
if int(sys.argv[2]) != 0 and failed == 0:
    failed = 1  # a test project crashed or could not run: never report green
print(f"{passed} passed, {failed} failed, {skipped} skipped")
PY
exit $status
