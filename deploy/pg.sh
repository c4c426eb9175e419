#!/usr/bin/env bash
# The private PostgreSQL of a local deployment: deploy/pg.sh start|stop|status|psql
set -euo pipefail
cd "$(dirname "$0")/.."
source deploy/lib.sh
case "${1:-status}" in
  start) ensure_packages; pg_start ;;
  stop) pg_stop ;;
  status) pg_running && echo "running on 127.0.0.1:$PG_PORT ($PG_DIR)" || echo "stopped" ;;
  psql) shift; exec psql -h 127.0.0.1 -p "$PG_PORT" -U postgres -d "$PG_DB" "$@" ;;
  *) die "usage: deploy/pg.sh start|stop|status|psql" ;;
esac
