#!/usr/bin/env bash
# A local cluster: 3 silos and 2 web hosts on distinct ports against one PostgreSQL.
#   deploy/cluster.sh start    build, start everything, print the addresses
#   deploy/cluster.sh status   which of our processes are alive
#   deploy/cluster.sh kill N   SIGKILL silo N (1-3), as a crash would
#   deploy/cluster.sh verify   start, crash silo 1, show that both web hosts still serve, stop
#   deploy/cluster.sh stop     stop exactly the processes this script started, then PostgreSQL
set -euo pipefail
cd "$(dirname "$0")/.."
source deploy/lib.sh

RUN="$HS_DATA/cluster"
SILOS=3
WEBS=2
silo_http() { echo $((5190 + $1)); }
web_port() { echo $((5180 + $1)); }

start() {
  ensure_dotnet
  ensure_packages
  [ -s "$RUN/pids" ] && die "The cluster seems to be running already (deploy/cluster.sh stop first)."
  log "Building (Release)…"
  dotnet build HomeService.sln -c Release -nologo -v q -clp:ErrorsOnly
  pg_start
  export_app_environment
  export HomeService__Cluster__FastFailureDetection=true
  mkdir -p "$RUN"
  : >"$RUN/pids"
  for i in $(seq 1 $SILOS); do
    HomeService__Silo__SiloPort=$((11110 + i)) HomeService__Silo__GatewayPort=$((30000 + i)) \
    HomeService__Web__LoginUrl="http://127.0.0.1:$(web_port 1)/login" \
      dotnet silo/bin/Release/net10.0/HomeService.Silo.dll --urls "http://127.0.0.1:$(silo_http "$i")" --contentRoot "$PWD/silo" \
      >"$HS_DATA/logs/silo$i.log" 2>&1 &
    echo "silo$i $!" >>"$RUN/pids"
    wait_ready "http://127.0.0.1:$(silo_http "$i")/readyz" $! "silo $i"
  done
  for i in $(seq 1 $WEBS); do
    HomeService__Dashboard__Url="http://127.0.0.1:$(silo_http 1)/dashboard/" \
      dotnet web/bin/Release/net10.0/HomeService.Web.dll --urls "http://127.0.0.1:$(web_port "$i")" --contentRoot "$PWD/web" \
      >"$HS_DATA/logs/web$i.log" 2>&1 &
    echo "web$i $!" >>"$RUN/pids"
  done
  for i in $(seq 1 $WEBS); do wait_ready "http://127.0.0.1:$(web_port "$i")/readyz" "$(pid_of "web$i")" "web host $i"; done
  status
}

pid_of() { awk -v n="$1" '$1 == n { print $2 }' "$RUN/pids" 2>/dev/null; }

status() {
  [ -s "$RUN/pids" ] || { echo "not running"; return 0; }
  while read -r name pid; do
    local state="dead"
    kill -0 "$pid" 2>/dev/null && state="alive"
    case $name in
      silo*) echo "$name  pid $pid  $state  http://127.0.0.1:$(silo_http "${name#silo}")/  (silo port $((11110 + ${name#silo})), gateway $((30000 + ${name#silo})))" ;;
      web*) echo "$name   pid $pid  $state  http://127.0.0.1:$(web_port "${name#web}")/" ;;
    esac
  done <"$RUN/pids"
}

crash() {
  local pid
  pid=$(pid_of "silo$1")
  [ -n "$pid" ] || die "No silo $1 in $RUN/pids"
  kill -9 "$pid" 2>/dev/null && log "silo$1 (pid $pid) killed with SIGKILL"
}

stop() {
  if [ -s "$RUN/pids" ]; then
    # Only the pids this script recorded, and only if they are still our dotnet processes.
    while read -r name pid; do
      if kill -0 "$pid" 2>/dev/null && grep -q HomeService "/proc/$pid/cmdline" 2>/dev/null; then
        kill "$pid" && log "stopping $name (pid $pid)"
      fi
    done <"$RUN/pids"
    while read -r _ pid; do
      for _ in $(seq 1 40); do kill -0 "$pid" 2>/dev/null || break; sleep 0.25; done
    done <"$RUN/pids"
    rm -f "$RUN/pids"
  fi
  pg_stop
}

# Signs in on each web host and posts a broadcast; succeeds only if both hosts answer.
probe() {
  local i jar code
  for i in $(seq 1 $WEBS); do
    jar=$(mktemp)
    curl -fsS -c "$jar" -H 'Content-Type: application/json' \
      -d "{\"login\":\"supervisor\",\"password\":\"${HS_DEMO_PASSWORD:-Demo@2026}\"}" "http://127.0.0.1:$(web_port "$i")/api/session" >/dev/null
    code=$(curl -s -o /dev/null -w '%{http_code}' -b "$jar" -H 'Content-Type: application/json' \
      -d "{\"text\":\"集群巡检 web$i $(date +%T)\",\"minutes\":5}" "http://127.0.0.1:$(web_port "$i")/api/broadcasts")
    rm -f "$jar"
    [ "$code" = 201 ] || return 1
  done
}

verify() {
  start
  probe || die "The cluster did not serve before the crash."
  log "Both web hosts serve. Crashing silo1…"
  crash 1
  for attempt in $(seq 1 60); do
    if probe; then
      log "After the crash both web hosts still serve (attempt $attempt)."
      stop
      echo "verify: passed"
      return 0
    fi
    sleep 1
  done
  stop
  die "verify: the cluster stopped serving after silo1 crashed"
}

case "${1:-}" in
  start) start ;;
  status) status ;;
  kill) crash "${2:?silo number}" ;;
  stop) stop ;;
  verify) verify ;;
  *) die "usage: deploy/cluster.sh start|status|kill N|stop|verify" ;;
esac
