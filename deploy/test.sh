#!/usr/bin/env bash
# Builds HomeService and runs every test (unit, cluster, PostgreSQL, web, push, browser).
# Installs what the tests need (PostgreSQL 15, Chromium, CJK fonts, npm packages) and ends with one line:
#   Tests: N passed, N failed[, N skipped]
set -euo pipefail
cd "$(dirname "$0")/.."
source deploy/lib.sh
source deploy/voice-lib.sh

results="$PWD/TestResults"
summary() {
  local passed=$1 failed=$2 skipped=$3
  if [ "$skipped" -gt 0 ]; then echo "Tests: $passed passed, $failed failed, $skipped skipped"; else echo "Tests: $passed passed, $failed failed"; fi
}

ensure_dotnet
ensure_packages
# The voice tests start the real SIP edge and media relay (deploy/voice.sh) from Debian's packages.
ensure_voice_packages
export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1

# Throwaway PostgreSQL clusters left behind by an interrupted earlier run: each records the test process that owns it,
# and only those whose owner has exited are stopped (by their own data folder) and removed; a run in progress keeps its own.
for dir in /tmp/hs-pg-*/; do
  owner=$(cat "$dir/owner.pid" 2>/dev/null) || continue
  kill -0 "$owner" 2>/dev/null && continue
  [ -f "$dir/data/postmaster.pid" ] && as_postgres "$PG_BIN/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null 2>&1 || true
  rm -rf "$dir"
done
# Voice stacks (Kamailio, rtpengine) of an interrupted run, the same way: stopped by their own folder's PID files.
for dir in "${TMPDIR:-/tmp}"/hs-voice-test-*/; do
  owner=$(cat "$dir/owner.pid" 2>/dev/null) || continue
  kill -0 "$owner" 2>/dev/null && continue
  HS_VOICE_DIR="${dir%/}" deploy/voice.sh stop >/dev/null 2>&1 || true
  rm -rf "$dir"
done
rm -rf "$results"

# Debug: the suite starts some hundred hosts and silo processes, and Debug code is cheap to JIT. Two Release runs took
# about half as long again as a Debug run of nearly the same code (docs/benchmarks.md, "Test suite").
log "Building (warnings are errors)…"
if ! dotnet build HomeService.sln -c Debug -nologo -v q -clp:ErrorsOnly -warnaserror; then
  summary 0 1 0
  exit 1
fi

log "Running tests…"
set +e
dotnet test tests/HomeService.Tests/HomeService.Tests.csproj -c Debug --no-build --nologo ${HS_TEST_FILTER:+--filter "$HS_TEST_FILTER"} \
  --logger "trx;LogFileName=results.trx" --logger "console;verbosity=normal" \
  --results-directory "$results" --blame-hang-timeout 10m
status=$?
set -e

trx="$results/results.trx"
if [ ! -f "$trx" ]; then
  log "No test results were written (the test run crashed)."
  summary 0 1 0
  exit 1
fi
counters=$(grep -o '<Counters [^>]*>' "$trx")
value() { printf '%s' "$counters" | sed -n "s/.* $1=\"\([0-9]*\)\".*/\1/p"; }
total=$(value total); executed=$(value executed); passed=$(value passed); failed=$(value failed)
errors=$(value error); timeouts=$(value timeout); aborted=$(value aborted)
failed=$((failed + errors + timeouts + aborted))
skipped=$((total - executed))
[ "$status" -ne 0 ] && [ "$failed" -eq 0 ] && failed=1
# CI keeps only the tail of the output: name the failed tests, their messages and our first frames right above the closing line.
if [ "$failed" -gt 0 ]; then
  log "Failed tests:"
  awk -f deploy/failed-tests.awk "$trx" || true
fi
summary "$passed" "$failed" "$skipped"
[ "$failed" -eq 0 ]
