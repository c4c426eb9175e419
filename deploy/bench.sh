#!/usr/bin/env bash
# The benchmark tool: deploy/bench.sh SCENARIO [--quick] [--repeats N]
#   SCENARIO: all | screenpop | acd | orders | footprint | failover | site | sms   (docs/benchmarks.md says what each measures and what limits it)
# Builds Release, starts a throwaway PostgreSQL (removed afterwards), and lets the bench driver start the silos and
# web hosts it needs as real processes. Prints a table per scenario and one line per scenario:
#   BENCH <scenario> <name>=<value> ...
set -euo pipefail
cd "$(dirname "$0")/.."
export HS_DATA="${HS_BENCH_DATA:-/tmp/hs-bench}"
export HS_PG_PORT="${HS_BENCH_PG_PORT:-55532}"
source deploy/lib.sh

ensure_dotnet
ensure_packages
export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1

cleanup() {
  pg_stop || true
  rm -rf "$HS_DATA"
}
pg_stop 2>/dev/null || true
rm -rf "$HS_DATA"
trap cleanup EXIT

log "Building (Release)…"
for project in silo/HomeService.Silo.csproj web/HomeService.Web.csproj bench/HomeService.Bench/HomeService.Bench.csproj; do
  dotnet build "$project" -c Release -nologo -v q -clp:ErrorsOnly
done
pg_start
export_app_environment
export HS_REPO="$PWD" HS_BENCH_LOGS="${HS_BENCH_LOGS:-$HS_DATA/logs}"
dotnet bench/HomeService.Bench/bin/Release/net10.0/HomeService.Bench.dll "$@"
