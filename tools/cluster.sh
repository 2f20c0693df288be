#!/usr/bin/env bash
# A local cluster on this machine: its own Azurite (membership, reminders, job state) and N distributed-silo processes
# on loopback, plus the client configuration file the CLI uses (`--cluster .cluster/client.json`).
#
#   tools/cluster.sh up [--silos N] [--roles describer,describer,trainer] [--set Key=Value]... [--set-silo I Key=Value]...
#                       [--timeout SECONDS] [--build]
#   tools/cluster.sh status [--json]
#   tools/cluster.sh down [--purge]
#
# --roles: one entry per silo; an entry may join roles with '+' (general+describer). Without --roles every silo has
# every role. --set passes `--Key Value` to every silo, --set-silo to silo I (0-based) only, e.g.
# `--set-silo 1 Describers:Endpoints:0:Name=vlm`. Orleans:Membership:* keys set the silos' membership timing
# (ProbeTimeout, NumMissedProbesLimit, NumVotesForDeathDeclaration, TableRefreshTimeout, ...).
#
# CLUSTER_SILO_DLL / CLUSTER_CLI_DLL choose other builds of the silo and the CLI (default: the Release builds under src/).
# State lives in $CLUSTER_STATE (default <repo>/.cluster, git-ignored): cluster.env (ports, cluster id), *.pid
# (pid and process start time, so `down` never signals a reused pid), logs/*.log, client.json, azurite/ (data).
# client.json (which the silos read too) points Store:AzureConnectionString at the same Azurite, so
# `--store az://container/prefix` keeps descriptions there; the default store stays <data root>/store (a local folder).
# Azurite is always this script's own instance on free ports (never tools/azurite.sh's 10000-10002, which tests and
# other checkouts use), so `down` can stop it without touching anyone else's. Its data survives `down` (job state,
# reminders); `down --purge` deletes the whole state folder. `up` twice is a no-op while the cluster is alive.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
state="${CLUSTER_STATE:-$root/.cluster}"
logs="$state/logs"
azurite_bin="$root/.tools/azurite/node_modules/.bin/azurite"
silo_dll="${CLUSTER_SILO_DLL:-$root/src/Distributed.Silo/bin/Release/net10.0/distributed-silo.dll}"
cli_dll="${CLUSTER_CLI_DLL:-$root/src/Distributed.Cli/bin/Release/net10.0/distributed.dll}"
account_key="Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw=="

say() { printf '[cluster] %s\n' "$*"; }
fail() { printf '[cluster] ERROR: %s\n' "$*" >&2; exit 1; }

# The start time of a process (field 22 of /proc/PID/stat), or nothing when it is gone.
started_at() { [ -r "/proc/$1/stat" ] && awk '{sub(/^.*\) /, ""); print $20}' "/proc/$1/stat" 2>/dev/null || true; }

# True when the pid file names a live process that is still the one we started.
alive() {
  local file="$1" pid start
  [ -f "$file" ] || return 1
  read -r pid start <"$file" || return 1
  [ -n "$pid" ] && [ -n "$start" ] && [ "$(started_at "$pid")" = "$start" ]
}

record() { echo "$1 $(started_at "$1")" >"$2"; }

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }

listening() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

connection_string() {
  printf 'DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=%s;BlobEndpoint=http://127.0.0.1:%s/devstoreaccount1;QueueEndpoint=http://127.0.0.1:%s/devstoreaccount1;TableEndpoint=http://127.0.0.1:%s/devstoreaccount1;' \
    "$account_key" "$BLOB_PORT" "$QUEUE_PORT" "$TABLE_PORT"
}

# Stops the process of one pid file: TERM, up to 15 s, then KILL; waits until it is gone.
stop_one() {
  local file="$1" name pid start
  name="$(basename "$file" .pid)"
  [ -f "$file" ] || return 0
  if alive "$file"; then
    read -r pid start <"$file"
    kill -TERM "$pid" 2>/dev/null || true
    kill -CONT "$pid" 2>/dev/null || true   # a stopped (SIGSTOP) process must run to handle TERM
    for _ in $(seq 1 150); do alive "$file" || break; sleep 0.1; done
    if alive "$file"; then
      kill -KILL "$pid" 2>/dev/null || true
      for _ in $(seq 1 50); do alive "$file" || break; sleep 0.1; done
      say "stopped $name (pid $pid, killed)"
    else
      say "stopped $name (pid $pid)"
    fi
  fi
  rm -f "$file"
}

down() {
  local purge="${1:-}"
  if [ -d "$state" ]; then
    for f in "$state"/silo-*.pid; do [ -e "$f" ] && stop_one "$f"; done
    stop_one "$state/azurite.pid"
    rm -f "$state/cluster.env"
  fi
  if [ "$purge" = "--purge" ]; then rm -rf "$state"; say "state folder removed"; fi
  return 0
}

start_azurite() {
  [ -x "$azurite_bin" ] || fail "Azurite is not installed: run tools/setup.sh"
  mkdir -p "$state/azurite" "$logs"
  nohup "$azurite_bin" --blobHost 127.0.0.1 --blobPort "$BLOB_PORT" --queueHost 127.0.0.1 --queuePort "$QUEUE_PORT" \
    --tableHost 127.0.0.1 --tablePort "$TABLE_PORT" --location "$state/azurite" --disableTelemetry --skipApiVersionCheck \
    --silent >"$logs/azurite.log" 2>&1 </dev/null &
  record $! "$state/azurite.pid"
  for _ in $(seq 1 100); do
    listening "$BLOB_PORT" && listening "$TABLE_PORT" && { say "azurite started (pid $!, blob $BLOB_PORT, table $TABLE_PORT)"; return 0; }
    alive "$state/azurite.pid" || break
    sleep 0.2
  done
  fail "Azurite did not start listening within 20 s; log: $logs/azurite.log"
}

write_client_config() {
  local tmp="$state/client.json.tmp"
  cat >"$tmp" <<EOF
{
  "Cluster": {
    "Mode": "Client",
    "Membership": "AzureStorage",
    "ServiceId": "distributed",
    "ClusterId": "$CLUSTER_ID",
    "AdvertisedAddress": "127.0.0.1",
    "AzureStorageConnectionString": "$(connection_string)"
  },
  "Store": {
    "AzureConnectionString": "$(connection_string)"
  }
}
EOF
  mv "$tmp" "$state/client.json"
}

# Active silos as `distributed status` sees them (prints the count; 0 when the client cannot connect yet).
active_silos() {
  local out
  out="$(timeout 60 dotnet "$cli_dll" status --json --cluster "$state/client.json" 2>/dev/null | tail -n 1)" || true
  python3 -c 'import json,sys
try: print(len(json.loads(sys.argv[1])["cluster"]["nodes"]))
except Exception: print(0)' "$out"
}

up() {
  local silos="" roles="" timeout_s=180 build=0
  local -a common=() per_silo=()
  while [ $# -gt 0 ]; do
    case "$1" in
      --silos) silos="$2"; shift 2 ;;
      --roles) roles="$2"; shift 2 ;;
      --timeout) timeout_s="$2"; shift 2 ;;
      --build) build=1; shift ;;
      --set) common+=("$2"); shift 2 ;;
      --set-silo) per_silo+=("$2=$3"); shift 3 ;;
      *) fail "unknown option '$1' (see the header of tools/cluster.sh)" ;;
    esac
  done
  local -a role_list=()
  [ -n "$roles" ] && IFS=',' read -r -a role_list <<<"$roles"
  [ -n "$silos" ] || silos="${#role_list[@]}"
  [ "$silos" -gt 0 ] 2>/dev/null || silos=3
  if [ "${#role_list[@]}" -gt 0 ] && [ "${#role_list[@]}" -ne "$silos" ]; then
    fail "--roles names ${#role_list[@]} silo(s) but --silos is $silos"
  fi

  if [ -f "$state/cluster.env" ]; then
    local all=1 f
    for f in "$state"/silo-*.pid "$state/azurite.pid"; do alive "$f" || all=0; done
    # shellcheck disable=SC1091
    if [ "$all" = 1 ] && [ "$(source "$state/cluster.env"; echo "$SILOS")" = "$silos" ]; then
      say "already up ($silos silo(s)); client configuration: $state/client.json"
      return 0
    fi
    say "a previous cluster in $state is partly gone: stopping what is left of it first"
    down
  fi

  if [ "$build" = 1 ] || [ ! -f "$silo_dll" ] || [ ! -f "$cli_dll" ]; then
    say "building the silo and the CLI (Release)"
    dotnet build "$root/src/Distributed.Silo" -c Release -nologo -v q >/dev/null || fail "silo build failed"
    dotnet build "$root/src/Distributed.Cli" -c Release -nologo -v q >/dev/null || fail "CLI build failed"
  fi

  mkdir -p "$state" "$logs"
  BLOB_PORT="$(free_port)"; QUEUE_PORT="$(free_port)"; TABLE_PORT="$(free_port)"
  CLUSTER_ID="local-$(date +%s)"
  start_azurite
  write_client_config
  {
    echo "SILOS=$silos"; echo "CLUSTER_ID=$CLUSTER_ID"
    echo "BLOB_PORT=$BLOB_PORT"; echo "QUEUE_PORT=$QUEUE_PORT"; echo "TABLE_PORT=$TABLE_PORT"
  } >"$state/cluster.env"

  local i
  for ((i = 0; i < silos; i++)); do
    local silo_port gateway_port entry
    silo_port="$(free_port)"; gateway_port="$(free_port)"
    local -a args=(--cluster "$state/client.json" --Cluster:Mode Embedded --Cluster:SiloPort "$silo_port"
      --Cluster:GatewayPort "$gateway_port" --Data:Root "$state/data")
    if [ "${#role_list[@]}" -gt 0 ]; then
      local -a parts=(); local j=0 r
      IFS='+' read -r -a parts <<<"${role_list[$i]}"
      for r in "${parts[@]}"; do args+=("--Silo:Roles:$j" "$r"); j=$((j + 1)); done
    fi
    for entry in "${common[@]+"${common[@]}"}"; do args+=("--${entry%%=*}" "${entry#*=}"); done
    for entry in "${per_silo[@]+"${per_silo[@]}"}"; do
      [ "${entry%%=*}" = "$i" ] && { entry="${entry#*=}"; args+=("--${entry%%=*}" "${entry#*=}"); }
    done
    nohup dotnet "$silo_dll" "${args[@]}" >"$logs/silo-$i.log" 2>&1 </dev/null &
    record $! "$state/silo-$i.pid"
    echo "SILO_${i}_PORTS=$silo_port,$gateway_port" >>"$state/cluster.env"
    say "silo $i started (pid $!, roles ${role_list[$i]:-all}, silo port $silo_port, gateway $gateway_port, log $logs/silo-$i.log)"
  done

  local deadline=$((SECONDS + timeout_s)) count=0
  while [ $SECONDS -lt $deadline ]; do
    for ((i = 0; i < silos; i++)); do
      if ! alive "$state/silo-$i.pid"; then
        tail -n 20 "$logs/silo-$i.log" >&2 || true
        down >/dev/null
        fail "silo $i exited during start-up (log: $logs/silo-$i.log); everything this command started is stopped"
      fi
    done
    count="$(active_silos)"
    [ "$count" -ge "$silos" ] && { say "up: $count silo(s) active; use --cluster $state/client.json"; return 0; }
    sleep 1
  done
  down >/dev/null
  fail "only $count of $silos silo(s) became active within ${timeout_s} s (logs: $logs/); everything this command started is stopped"
}

status() {
  [ -f "$state/cluster.env" ] || { say "down (no cluster recorded in $state)"; [ "${1:-}" = "--json" ] && echo '{"up": false}'; return 0; }
  local f name pid start
  for f in "$state/azurite.pid" "$state"/silo-*.pid; do
    [ -e "$f" ] || continue
    name="$(basename "$f" .pid)"; read -r pid start <"$f"
    if alive "$f"; then say "$name: pid $pid running (log $logs/$name.log)"; else say "$name: pid $pid NOT running (log $logs/$name.log)"; fi
  done
  if [ "${1:-}" = "--json" ]; then
    timeout 60 dotnet "$cli_dll" status --json --cluster "$state/client.json" | tail -n 1
  else
    local out
    out="$(timeout 60 dotnet "$cli_dll" status --json --cluster "$state/client.json" 2>/dev/null | tail -n 1)" || true
    python3 - "$out" <<'PY'
import json, sys
try:
    nodes = json.loads(sys.argv[1])["cluster"]["nodes"]
except Exception:
    print("[cluster] the cluster does not answer (distributed status failed)")
    sys.exit(1)
print("[cluster] %d active silo(s):" % len(nodes))
for n in nodes:
    failing = ", FAILING: " + ",".join(n["failing_describers"]) if n.get("failing_describers") else ""
    print("  %s  pid %s  roles %s  describers %s%s" % (n["silo_address"], n["process_id"], ",".join(n["roles"]),
                                                       ",".join(n["describers"]) or "-", failing))
PY
  fi
}

case "${1:-}" in
  up) shift; up "$@" ;;
  down) shift; down "${1:-}" ;;
  status) shift; status "${1:-}" ;;
  *) echo "usage: tools/cluster.sh up [--silos N] [--roles r,r,...] [--set K=V] [--set-silo I K=V] [--timeout S] [--build] | status [--json] | down [--purge]" >&2; exit 2 ;;
esac
