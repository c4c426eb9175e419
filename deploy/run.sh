#!/usr/bin/env bash
# Runs HomeService locally: PostgreSQL, one silo and one web host, with demo data (HS_DEMO=0: an empty center of its own).
# Ctrl+C stops everything it started.
set -euo pipefail
cd "$(dirname "$0")/.."
source deploy/lib.sh

WEB_PORT="${HS_WEB_PORT:-5080}"
SILO_HTTP_PORT="${HS_SILO_HTTP_PORT:-5090}"

ensure_dotnet
ensure_packages
log "Building (Release)…"
dotnet build HomeService.sln -c Release -nologo -v q -clp:ErrorsOnly
pg_start
export_app_environment

pids=()
cleanup() {
  trap - INT TERM EXIT
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  pg_stop
}
trap cleanup INT TERM EXIT

HomeService__Web__LoginUrl="http://127.0.0.1:$WEB_PORT/login" \
  dotnet silo/bin/Release/net10.0/HomeService.Silo.dll --urls "http://127.0.0.1:$SILO_HTTP_PORT" --contentRoot "$PWD/silo" \
  >"$HS_DATA/logs/silo.log" 2>&1 &
pids+=($!)
wait_ready "http://127.0.0.1:$SILO_HTTP_PORT/readyz" "${pids[0]}" "The silo"

HomeService__Dashboard__Url="http://127.0.0.1:$SILO_HTTP_PORT/dashboard/" \
  dotnet web/bin/Release/net10.0/HomeService.Web.dll --urls "http://127.0.0.1:$WEB_PORT" --contentRoot "$PWD/web" \
  >"$HS_DATA/logs/web.log" 2>&1 &
pids+=($!)
wait_ready "http://127.0.0.1:$WEB_PORT/readyz" "${pids[1]}" "The web host"

password=$(sed -n 's/.*"DemoPassword": *"\([^"]*\)".*/\1/p' silo/appsettings.Local.json)
cat <<INFO

  HomeService is running.
    Website and consoles   http://127.0.0.1:$WEB_PORT/
    API (OpenAPI)          http://127.0.0.1:$WEB_PORT/openapi/v1.json
    Orleans dashboard      http://127.0.0.1:$SILO_HTTP_PORT/dashboard/   (admin only)
    PostgreSQL             127.0.0.1:$PG_PORT, database $PG_DB (deploy/pg.sh psql)
    Logs                   $HS_DATA/logs/

$(if [ "$HS_DEMO" = 0 ]; then cat <<EMPTY
  An empty center (no demo data, no default passwords; data in $HS_DATA).
  Create the first administrator in another terminal, then sign in and set the center up on /admin:
    HS_DEMO=0 deploy/admin.sh create-admin LOGIN
EMPTY
else cat <<DEMO
  Demo logins (password ${password:-Demo@2026}):
    admin       Admin          → /admin
    supervisor  Supervisor     → /wallboard
    agent1      Agent          → /console     (also agent2 … agent4)
    merchant1   MerchantAdmin  → /merchant    (also merchant2)
    worker1     Worker         → /worker
    resident    Resident       → /member
  API keys: telephony "simswitch.demo-telephony-secret-0001", partner "demopartner.demo-partner-secret-0001" (X-Api-Key header)
DEMO
fi)

  Press Ctrl+C to stop.
INFO
wait -n "${pids[@]}"
log "A process exited; stopping the rest."
