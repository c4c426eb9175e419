#!/usr/bin/env bash
# The benchmark tool: deploy/bench.sh SCENARIO [--quick] [--repeats N]
#   SCENARIO: all | screenpop | acd | orders | footprint | failover | site | sms   (docs/benchmarks.md says what each measures and what limits it)
# Builds Release, starts a throwaway PostgreSQL (removed afterwards), and lets the bench driver start the silos and
# web hosts it needs as real processes. Prints a table per scenario and one line per scenario:
#   BENCH <scenario> <name>=<value> ...
set -euo pipefail
cd "$(dirname "$0")/.."
# Each run owns a fresh folder and a free port, so two runs (or a run beside the tests) never stop each other's PostgreSQL.
if [ -n "${HS_BENCH_DATA:-}" ]; then own_data=0; export HS_DATA="$HS_BENCH_DATA"; else own_data=1; export HS_DATA="$(mktemp -d /tmp/hs-bench.XXXXXX)"; chmod 755 "$HS_DATA"; fi  # the postgres user reads it
free_port() {
  local port
  while :; do
    port=$((56000 + RANDOM % 4000))
    (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null || { echo "$port"; return; }
  done
}
export HS_PG_PORT="${HS_BENCH_PG_PORT:-$(free_port)}"
source deploy/lib.sh

ensure_dotnet
ensure_packages
export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1

cleanup() {
  pg_stop || true
  rm -rf "$HS_DATA"
}
# A folder named by the caller may hold a cluster a killed run of theirs left behind: it is theirs to stop and clear.
if [ "$own_data" = 0 ]; then pg_stop 2>/dev/null || true; rm -rf "$HS_DATA"; fi
trap cleanup EXIT

log "Building (Release)…"
for project in silo/HomeService.Silo.csproj web/HomeService.Web.csproj bench/HomeService.Bench/HomeService.Bench.csproj; do
  dotnet build "$project" -c Release -nologo -v q -clp:ErrorsOnly
done
pg_start
export_app_environment
export HS_REPO="$PWD" HS_BENCH_LOGS="${HS_BENCH_LOGS:-$HS_DATA/logs}"
dotnet bench/HomeService.Bench/bin/Release/net10.0/HomeService.Bench.dll "$@"
