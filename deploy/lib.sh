# Shared by the deploy scripts: installing what HomeService needs and running its private PostgreSQL.
# Source it; it expects to be run from the repository root.

PG_BIN=/usr/lib/postgresql/15/bin
# HS_DEMO=0 runs a real, empty center (no demo data, no default passwords) in a data folder of its own.
HS_DEMO="${HS_DEMO:-1}"
if [ "$HS_DEMO" = 0 ]; then HS_DATA="${HS_DATA:-$PWD/.data-center}"; else HS_DATA="${HS_DATA:-$PWD/.data}"; fi
PG_PORT="${HS_PG_PORT:-55432}"
PG_DIR="$HS_DATA/pg"
PG_DB="${HS_PG_DB:-homeservice}"

log() { printf '\033[1;34m[homeservice]\033[0m %s\n' "$*" >&2; }
die() { printf '\033[1;31m[homeservice]\033[0m %s\n' "$*" >&2; exit 1; }

as_postgres() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

# Debian packages: PostgreSQL 15, Chromium for browser tests, CJK fonts so pages render Chinese.
ensure_packages() {
  local missing=()
  [ -x "$PG_BIN/initdb" ] || missing+=(postgresql)
  [ -x /usr/bin/chromium ] || missing+=(chromium)
  command -v curl >/dev/null || missing+=(curl)
  # grep reads to the end: with pipefail, grep -q closing the pipe early fails fc-list (SIGPIPE) and reinstalled the fonts each run
  fc-list 2>/dev/null | grep -i "noto sans cjk" >/dev/null || missing+=(fonts-noto-cjk)
  [ ${#missing[@]} -eq 0 ] && return 0
  [ "$(id -u)" = 0 ] || die "Missing Debian packages: ${missing[*]}. Install them as root: apt-get install ${missing[*]}"
  log "Installing ${missing[*]} (apt-get)…"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >/dev/null
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

ensure_dotnet() {
  command -v dotnet >/dev/null || die "The .NET 10 SDK is required (dotnet not on PATH)."
  command -v npm >/dev/null || die "Node.js and npm are required for the browser libraries."
}

pg_running() { [ -f "$PG_DIR/data/postmaster.pid" ] && as_postgres "$PG_BIN/pg_ctl" -D "$PG_DIR/data" status >/dev/null 2>&1; }

# A private cluster inside the repository (ignored by git) on a loopback port; the system cluster is left alone.
pg_start() {
  mkdir -p "$PG_DIR"
  [ "$(id -u)" = 0 ] && chown postgres:postgres "$PG_DIR"
  if [ ! -f "$PG_DIR/data/PG_VERSION" ]; then
    log "Creating the PostgreSQL cluster in $PG_DIR…"
    as_postgres "$PG_BIN/initdb" -D "$PG_DIR/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >/dev/null
  fi
  if ! pg_running; then
    as_postgres "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -l "$PG_DIR/server.log" -w -t 60 \
      -o "-p $PG_PORT -k $PG_DIR -c listen_addresses=127.0.0.1 -c max_connections=300 ${HS_PG_EXTRA_OPTIONS:-}" start >/dev/null
    log "PostgreSQL is up on 127.0.0.1:$PG_PORT"
  fi
  PGOPTIONS=--client-min-messages=warning psql -h 127.0.0.1 -p "$PG_PORT" -U postgres -d postgres -tAc \
    "SELECT 1 FROM pg_database WHERE datname = '$PG_DB'" | grep -q 1 ||
    psql -h 127.0.0.1 -p "$PG_PORT" -U postgres -d postgres -qc "CREATE DATABASE $PG_DB ENCODING 'UTF8' TEMPLATE template0"
}

pg_stop() {
  pg_running && as_postgres "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -m fast -w stop >/dev/null && log "PostgreSQL stopped"
  return 0
}

connection_string() { echo "Host=127.0.0.1;Port=$PG_PORT;Username=postgres;Database=$PG_DB;Maximum Pool Size=50"; }

# Environment shared by every silo and web host of a local deployment.
export_app_environment() {
  export DOTNET_ENVIRONMENT=Local ASPNETCORE_ENVIRONMENT=Local
  export ConnectionStrings__HomeService="$(connection_string)"
  export HomeService__DataProtection__KeysPath="$HS_DATA/keys"
  export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1
  [ "$HS_DEMO" = 0 ] && export HomeService__Seed__Demo=false
  mkdir -p "$HS_DATA/keys" "$HS_DATA/logs"
}

# Polls an address until it answers 200 or the process dies.
wait_ready() {
  local url=$1 pid=$2 what=$3
  for _ in $(seq 1 120); do
    kill -0 "$pid" 2>/dev/null || die "$what exited during start-up; see its log in $HS_DATA/logs"
    curl -fsS -o /dev/null "$url" 2>/dev/null && return 0
    sleep 0.5
  done
  die "$what did not become ready at $url"
}
