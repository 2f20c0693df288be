#!/usr/bin/env bash
# Starts or stops the project-local Azurite (installed by tools/setup.sh) on 127.0.0.1:10000-10002.
# Usage: tools/azurite.sh start|stop. `stop` stops only an Azurite that `start` started (pid file).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
state="$root/.tools/azurite-run"
pidfile="$state/azurite.pid"
bin="$root/.tools/azurite/node_modules/.bin/azurite"

listening() { (exec 3<>/dev/tcp/127.0.0.1/10000) 2>/dev/null; }

case "${1:-}" in
  start)
    if listening; then echo "[azurite] already listening on 127.0.0.1:10000 (not started by this script)"; exit 0; fi
    [ -x "$bin" ] || { echo "[azurite] not installed: run tools/setup.sh" >&2; exit 1; }
    rm -rf "$state" && mkdir -p "$state/data"
    nohup "$bin" --blobHost 127.0.0.1 --queueHost 127.0.0.1 --tableHost 127.0.0.1 --location "$state/data" \
      --disableTelemetry --skipApiVersionCheck --silent >"$state/azurite.log" 2>&1 &
    echo $! >"$pidfile"
    for _ in $(seq 1 100); do listening && { echo "[azurite] started (pid $(cat "$pidfile"))"; exit 0; }; sleep 0.2; done
    echo "[azurite] did not start listening within 20 s; log: $state/azurite.log" >&2; exit 1 ;;
  stop)
    if [ -f "$pidfile" ]; then
      pid="$(cat "$pidfile")"; kill "$pid" 2>/dev/null || true
      for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
      kill -9 "$pid" 2>/dev/null || true; rm -f "$pidfile"; echo "[azurite] stopped"
    fi ;;
  *) echo "usage: tools/azurite.sh start|stop" >&2; exit 2 ;;
esac
