# Shared by deploy/voice.sh and deploy/voice/smoke.sh: the real SIP and media stack (Kamailio, rtpengine) on loopback.
# Source it after deploy/lib.sh.

# Debian 12 packages: Kamailio 5.6 with WebSocket/JSON/utils modules, rtpengine (userspace), and the test endpoints and audio tools.
# Only what is missing is installed. The packages' own services must not start: a policy-rc.d that refuses
# every start is put in place for the install if none is there, and removed again afterwards.
ensure_voice_packages() {
  local missing=() p
  local want=(kamailio kamailio-websocket-modules kamailio-extra-modules kamailio-json-modules kamailio-utils-modules kamailio-autheph-modules
              rtpengine-daemon baresip sip-tester sox libsox-fmt-all espeak-ng)
  for p in "${want[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep "install ok installed" >/dev/null || missing+=("$p")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  [ "$(id -u)" = 0 ] || die "Missing Debian packages: ${missing[*]}. Install them as root: apt-get install --no-install-recommends ${missing[*]}"
  log "Installing ${missing[*]} (apt-get)…"
  local own_policy=""
  if [ ! -e /usr/sbin/policy-rc.d ]; then
    printf '#!/bin/sh\n# Put here by HomeService deploy/voice-lib.sh during a package install; removed right after.\nexit 101\n' >/usr/sbin/policy-rc.d
    chmod 755 /usr/sbin/policy-rc.d
    own_policy=1
  fi
  export DEBIAN_FRONTEND=noninteractive
  local rc=0
  { apt-get update -qq >/dev/null && apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null; } || rc=$?
  [ -n "$own_policy" ] && rm -f /usr/sbin/policy-rc.d
  [ $rc -eq 0 ] || die "apt-get install failed ($rc)"
}

# ----- Where the stack runs: ports (all on 127.0.0.1), run folder -----
# HS_VOICE_PORT_BASE=B moves every port at once (SIP B, WebSocket B+1, rtpengine ng B+2, RTP B+100..B+999),
# so two runs on one machine do not clash. Each port can also be set on its own.
voice_settings() {
  VOICE_DIR="${HS_VOICE_DIR:-$HS_DATA/voice}"
  local b="${HS_VOICE_PORT_BASE:-}"
  if [ -n "$b" ]; then
    VOICE_SIP_PORT="${HS_VOICE_SIP_PORT:-$b}"
    VOICE_WS_PORT="${HS_VOICE_WS_PORT:-$((b + 1))}"
    VOICE_NG_PORT="${HS_VOICE_NG_PORT:-$((b + 2))}"
    VOICE_RTP_MIN="${HS_VOICE_RTP_MIN:-$((b + 100))}"
    VOICE_RTP_MAX="${HS_VOICE_RTP_MAX:-$((b + 999))}"
  else
    VOICE_SIP_PORT="${HS_VOICE_SIP_PORT:-15060}"
    VOICE_WS_PORT="${HS_VOICE_WS_PORT:-8188}"
    VOICE_NG_PORT="${HS_VOICE_NG_PORT:-22222}"
    VOICE_RTP_MIN="${HS_VOICE_RTP_MIN:-30000}"
    VOICE_RTP_MAX="${HS_VOICE_RTP_MAX:-30999}"
  fi
  # Optional: the voice edge's SIP port (TCP); calls from trunks and phones then go to it (docs/telephony.md §15).
  VOICE_EDGE_PORT="${HS_VOICE_EDGE_PORT:-}"
  # With an edge: Kamailio's TCP port for the edge's own requests (it rings the seats there); loopback only.
  VOICE_EDGE_IN_PORT="${HS_VOICE_EDGE_IN_PORT:-$((VOICE_SIP_PORT + 2))}"
  # Optional: udp:HOST:PORT that receives each DTMF digit rtpengine sees, as JSON.
  VOICE_DTMF_LOG="${HS_VOICE_DTMF_LOG:-}"
  VOICE_KAM_DEBUG="${HS_VOICE_KAM_DEBUG:-2}"
  VOICE_KAM_CHILDREN="${HS_VOICE_KAM_CHILDREN:-4}"
  VOICE_KAM_MODULES="${HS_VOICE_KAM_MODULES:-/usr/lib/x86_64-linux-gnu/kamailio/modules}"
  VOICE_CTL="unix:$VOICE_DIR/kamailio_ctl"
  # The secret the platform signs seat credentials with (HomeService:Voice:SharedSecret). HS_VOICE_SECRET sets it;
  # otherwise one is made on first start and kept in the run folder (mode 600) for the platform to read.
  VOICE_SECRET_FILE="$VOICE_DIR/sip-secret"
  VOICE_NG_CLIENT="$(dirname "${BASH_SOURCE[0]}")/voice/ng.py"
}

voice_pid() { # name -> the recorded PID if that process still runs
  local f="$VOICE_DIR/$1.pid" pid
  [ -f "$f" ] || return 1
  pid=$(cat "$f")
  [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null && echo "$pid"
}

voice_secret() {
  if [ -n "${HS_VOICE_SECRET:-}" ]; then printf '%s' "$HS_VOICE_SECRET"; return; fi
  if [ ! -s "$VOICE_SECRET_FILE" ]; then
    (umask 077; head -c 32 /dev/urandom | base64 | tr -d '/+=\n' >"$VOICE_SECRET_FILE")
  fi
  cat "$VOICE_SECRET_FILE"
}

# kamailio.cfg from the template in the repository.
voice_render_config() {
  local tpl="$VOICE_TEMPLATES/kamailio.cfg.in" out="$VOICE_DIR/kamailio.cfg"
  [ -f "$tpl" ] || die "Template missing: $tpl"
  local secret edge_comment="# "
  secret=$(voice_secret)
  [ -n "$VOICE_EDGE_PORT" ] && edge_comment=""
  # The secret goes into a quoted Kamailio string and a sed replacement: letters, digits and - _ . only.
  [[ "$secret" =~ ^[A-Za-z0-9._-]{16,}$ ]] || die "The SIP secret must be at least 16 letters, digits, '-', '_' or '.'"
  sed -e "s|@SIP_PORT@|$VOICE_SIP_PORT|g" -e "s|@WS_PORT@|$VOICE_WS_PORT|g" -e "s|@NG_PORT@|$VOICE_NG_PORT|g" \
      -e "s|@RUN_DIR@|$VOICE_DIR|g" -e "s|@KAM_MODULES@|$VOICE_KAM_MODULES|g" \
      -e "s|@KAM_DEBUG@|$VOICE_KAM_DEBUG|g" -e "s|@KAM_CHILDREN@|$VOICE_KAM_CHILDREN|g" -e "s|@SECRET@|$secret|g" \
      -e "s|@EDGE_COMMENT@|$edge_comment|g" -e "s|@EDGE_PORT@|${VOICE_EDGE_PORT:-0}|g" \
      -e "s|@EDGE_IN_PORT@|$VOICE_EDGE_IN_PORT|g" "$tpl" >"$out.tmp"
  chmod 600 "$out.tmp"
  if grep -n '@[A-Z_]*@' "$out.tmp" >&2; then die "Unfilled placeholders in $out.tmp"; fi
  mv "$out.tmp" "$out"
}

# rtpengine answers an ng "ping" with "pong".
voice_ng_ping() { python3 "$VOICE_NG_CLIENT" "$VOICE_NG_PORT" ping 2>/dev/null; }

voice_start() {
  mkdir -p "$VOICE_DIR"
  local pid
  if pid=$(voice_pid rtpengine); then
    log "rtpengine already runs (pid $pid)"
  else
    local args=(--config-file=none --foreground --log-stderr --table=-1 --interface=127.0.0.1
                --listen-ng="127.0.0.1:$VOICE_NG_PORT" --port-min="$VOICE_RTP_MIN" --port-max="$VOICE_RTP_MAX"
                --delete-delay=0)
    [ -n "$VOICE_DTMF_LOG" ] && args+=(--dtmf-log-dest="${VOICE_DTMF_LOG#udp:}")
    setsid nohup rtpengine "${args[@]}" >"$VOICE_DIR/rtpengine.log" 2>&1 </dev/null &
    echo $! >"$VOICE_DIR/rtpengine.pid"
    pid=$!
    # Kamailio must find rtpengine answering when it starts, or it disables it for a minute.
    local ok=""
    for _ in $(seq 1 50); do
      kill -0 "$pid" 2>/dev/null || { tail -5 "$VOICE_DIR/rtpengine.log" >&2; die "rtpengine exited during start-up; see $VOICE_DIR/rtpengine.log"; }
      voice_ng_ping && { ok=1; break; }
      sleep 0.1
    done
    [ -n "$ok" ] || die "rtpengine does not answer on 127.0.0.1:$VOICE_NG_PORT"
  fi

  if pid=$(voice_pid kamailio); then
    log "Kamailio already runs (pid $pid)"
  else
    voice_render_config
    kamailio -c -f "$VOICE_DIR/kamailio.cfg" >"$VOICE_DIR/kamailio-check.log" 2>&1 ||
      { tail -20 "$VOICE_DIR/kamailio-check.log" >&2; die "kamailio.cfg does not pass kamailio -c; see $VOICE_DIR/kamailio-check.log"; }
    setsid nohup kamailio -f "$VOICE_DIR/kamailio.cfg" -DD -E -m 64 -M 8 -Y "$VOICE_DIR" -w "$VOICE_DIR" \
      >"$VOICE_DIR/kamailio.log" 2>&1 </dev/null &
    echo $! >"$VOICE_DIR/kamailio.pid"
    pid=$!
    local ok=""
    for _ in $(seq 1 100); do
      kill -0 "$pid" 2>/dev/null || { tail -20 "$VOICE_DIR/kamailio.log" >&2; die "Kamailio exited during start-up; see $VOICE_DIR/kamailio.log"; }
      kamcmd -s "$VOICE_CTL" core.uptime >/dev/null 2>&1 && { ok=1; break; }
      sleep 0.1
    done
    [ -n "$ok" ] || die "Kamailio does not answer on $VOICE_CTL"
  fi
}

voice_stop() {
  local name pid
  for name in kamailio rtpengine; do
    if pid=$(voice_pid "$name"); then
      kill -TERM "$pid" 2>/dev/null
      for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
      if kill -0 "$pid" 2>/dev/null; then
        # setsid made it the leader of its own process group: that group is its workers and nothing else.
        log "$name (pid $pid) did not stop on TERM; killing its process group"
        kill -KILL -- "-$pid" 2>/dev/null || kill -KILL "$pid" 2>/dev/null
      fi
      log "$name stopped (pid $pid)"
    fi
    rm -f "$VOICE_DIR/$name.pid"
  done
}

voice_status() {
  local name pid rc=0
  for name in kamailio rtpengine; do
    if pid=$(voice_pid "$name"); then echo "$name: running (pid $pid)"; else echo "$name: stopped"; rc=3; fi
  done
  echo "SIP udp/tcp 127.0.0.1:$VOICE_SIP_PORT, WebSocket ws://127.0.0.1:$VOICE_WS_PORT, rtpengine ng 127.0.0.1:$VOICE_NG_PORT, RTP $VOICE_RTP_MIN-$VOICE_RTP_MAX, folder $VOICE_DIR"
  if [ $rc = 0 ]; then
    echo "registrations: $(kamcmd -s "$VOICE_CTL" ul.dump brief 2>/dev/null | grep -c 'AoR:' || true), dialogs: $(kamcmd -s "$VOICE_CTL" dlg.list 2>/dev/null | grep -c 'h_entry' || true)"
  fi
  return $rc
}

# How many calls rtpengine holds (ng "list"); prints nothing if it does not answer.
voice_ng_calls() { python3 "$VOICE_NG_CLIENT" "$VOICE_NG_PORT" calls 2>/dev/null; }
