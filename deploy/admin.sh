#!/usr/bin/env bash
# The operator's commands for a running center (run them beside deploy/run.sh, with the same HS_DEMO and HS_DATA):
#   deploy/admin.sh create-admin LOGIN     the first administrator of an empty center; prints a one-time password
#   deploy/admin.sh reset-password LOGIN   a new one-time password for a locked-out administrator
# In production run the silo binary the same way with the silo's configuration: dotnet HomeService.Silo.dll create-admin LOGIN
set -euo pipefail
cd "$(dirname "$0")/.."
source deploy/lib.sh

case "${1:-}" in
  create-admin|reset-password) [ -n "${2:-}" ] || die "Usage: deploy/admin.sh $1 LOGIN" ;;
  *) die "Usage: deploy/admin.sh create-admin LOGIN | reset-password LOGIN" ;;
esac
ensure_dotnet
silo=silo/bin/Release/net10.0/HomeService.Silo.dll
if [ ! -f "$silo" ]; then
  log "Building (Release)…"
  dotnet build HomeService.sln -c Release -nologo -v q -clp:ErrorsOnly
fi
pg_running || die "PostgreSQL of $HS_DATA is not running: start the center first (deploy/run.sh)."
export_app_environment
dotnet "$silo" "$1" "$2" --contentRoot "$PWD/silo"
