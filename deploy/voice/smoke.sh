#!/usr/bin/env bash
# Smoke test of the voice stack: two baresip phones register with Kamailio, one calls the other, media goes
# through rtpengine, and what each side receives is measured (RMS, rough frequency) against the tone the other sent.
#   deploy/voice/smoke.sh            (HS_VOICE_SMOKE_BASE=N to pick the port base, HS_VOICE_KEEP=1 to keep the folder)
# Everything runs in a mktemp folder with its own ports and is stopped on exit.
set -euo pipefail
cd "$(dirname "$0")/../.."
REPO=$PWD
source deploy/lib.sh
source deploy/voice-lib.sh
ensure_voice_packages

# A port base whose first hundred ports are free (SIP, WebSocket, ng, the phones), RTP above it.
port_in_use() { ss -Hlntu 2>/dev/null | awk '{print $5}' | grep -qE ":$1\$"; }
pick_base() {
  local b p busy
  for _ in $(seq 1 20); do
    # below the ephemeral port range (32768-)
    b=$(( 20000 + (RANDOM % 12) * 1000 ))
    busy=""
    for p in 0 1 2 10 11 20 21 30 31; do port_in_use $((b + p)) && { busy=1; break; }; done
    [ -z "$busy" ] && { echo $b; return 0; }
  done
  die "No free port base found"
}
BASE="${HS_VOICE_SMOKE_BASE:-$(pick_base)}"
W=$(mktemp -d "${TMPDIR:-/tmp}/hs-voice-smoke.XXXXXX")
export HS_VOICE_DIR="$W/stack" HS_VOICE_PORT_BASE="$BASE"
# The phones sign their registrations with seat credentials made from this, as the platform does for agents.
export HS_VOICE_SECRET="smoke-$(head -c 12 /dev/urandom | od -An -tx1 | tr -d ' \n')"
SECRET="$HS_VOICE_SECRET"
unset HS_VOICE_SIP_PORT HS_VOICE_WS_PORT HS_VOICE_NG_PORT HS_VOICE_RTP_MIN HS_VOICE_RTP_MAX
voice_settings

PHONE_PIDS=()
RESULT=FAIL
cleanup() {
  local pid
  for pid in "${PHONE_PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${PHONE_PIDS[@]}"; do
    for _ in $(seq 1 30); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -KILL "$pid" 2>/dev/null || true
  done
  "$REPO/deploy/voice.sh" stop 2>/dev/null || true
  if [ "$RESULT" = PASS ] && [ "${HS_VOICE_KEEP:-0}" != 1 ]; then rm -rf "$W"; else log "Kept $W (logs, configs, received audio)"; fi
}
trap cleanup EXIT

t0=$(date +%s%N)
"$REPO/deploy/voice.sh" start
t1=$(date +%s%N)
START_MS=$(( (t1 - t0) / 1000000 ))

# 20 s tones at 8 kHz mono, 16 bit: PCMU's rate, since baresip's aufile does not resample.
sox -n -r 8000 -c 1 -b 16 "$W/alice.wav" synth 20 sine 440 vol 0.5
sox -n -r 8000 -c 1 -b 16 "$W/bob.wav" synth 20 sine 1000 vol 0.5

# name sip_port ctrl_port rtp_min   (baresip also binds sip_port+1 for TLS)
phone() {
  local d="$W/$1"
  mkdir -p "$d/snd"
  cat >"$d/config" <<CFG
poll_method		epoll
sip_listen		127.0.0.1:$2
net_interface		127.0.0.1
audio_player		aubridge,nil
audio_alert		aubridge,nil
audio_source		aufile,$W/$1.wav
rtp_ports		$4-$(( $4 + 19 ))
module_path		/usr/lib/baresip/modules
module			g711.so
module			aufile.so
module			aubridge.so
module			sndfile.so
module_app		account.so
module_app		menu.so
module_app		ctrl_tcp.so
ctrl_tcp_listen		127.0.0.1:$3
snd_path		$d/snd
CFG
  local cred
  read -r -a cred < <(python3 "$REPO/deploy/voice/seat_credential.py" "$SECRET" "$1" 3600)
  echo "<sip:$1@127.0.0.1:$VOICE_SIP_PORT>;auth_user=${cred[0]};auth_pass=${cred[1]};regint=300;answermode=manual" >"$d/accounts"
  setsid nohup baresip -f "$d" >"$W/$1.log" 2>&1 </dev/null &
  PHONE_PIDS+=($!)
}
phone alice $((BASE + 10)) $((BASE + 30)) $((BASE + 40))
phone bob   $((BASE + 20)) $((BASE + 31)) $((BASE + 70))

regs=0
for _ in $(seq 1 50); do
  regs=$(kamcmd -s "$VOICE_CTL" ul.dump brief 2>/dev/null | grep -c 'AoR:' || true)
  [ "$regs" -ge 2 ] && break
  sleep 0.1
done
[ "$regs" -ge 2 ] || die "Only $regs of 2 phones registered; see $W/*.log"
log "Both phones registered; alice calls bob"

python3 "$REPO/deploy/voice/call.py" $((BASE + 30)) $((BASE + 31)) "sip:bob@127.0.0.1:$VOICE_SIP_PORT" 5 >"$W/call.log" 2>&1 &
CALL_PID=$!
sleep 2
DLG_DURING=$(kamcmd -s "$VOICE_CTL" dlg.list 2>/dev/null | grep -c 'h_entry' || true)
RTP_DURING=$(voice_ng_calls || echo "?")
wait $CALL_PID || true
cat "$W/call.log"
# rtpengine forgets the call when Kamailio relays the BYE (delete-delay 0).
for _ in $(seq 1 30); do RTP_AFTER=$(voice_ng_calls || echo "?"); [ "$RTP_AFTER" = 0 ] && break; sleep 0.1; done

ok=1
# who_received heard_from tone_hz
measure() {
  local f
  f=$(ls "$W/$1/snd/"*-dec.wav 2>/dev/null | head -1)
  if [ -z "$f" ]; then echo "$1 <- $2: no received audio file"; ok=0; return; fi
  local st rms freq
  st=$(sox "$f" -n trim 0.5 4 stat 2>&1)
  rms=$(awk '/^RMS +amplitude/ {print $3}' <<<"$st")
  freq=$(awk '/^Rough +frequency/ {print $3}' <<<"$st")
  local verdict
  verdict=$(awk -v r="$rms" -v f="$freq" -v t="$3" 'BEGIN { print (r > 0.1 && f >= t * 0.95 && f <= t * 1.05) ? "ok" : "BAD" }')
  echo "$1 <- $2 (sent ${3} Hz): RMS $rms, rough frequency $freq Hz: $verdict"
  [ "$verdict" = ok ] || ok=0
  # The media must have come from rtpengine's port range, not straight from the other phone.
  local from
  from=$(grep -o 'receiving from 127.0.0.1:[0-9]*' "$W/$1.log" | head -1 | sed 's/.*://')
  if [ -n "$from" ] && [ "$from" -ge "$VOICE_RTP_MIN" ] && [ "$from" -le "$VOICE_RTP_MAX" ]; then
    echo "$1 received RTP from rtpengine (127.0.0.1:$from)"
  else
    echo "$1 received RTP from '${from:-nowhere}', not from rtpengine's range $VOICE_RTP_MIN-$VOICE_RTP_MAX"; ok=0
  fi
}
measure bob alice 440
measure alice bob 1000
grep -q 'call: .*: ok' "$W/call.log" || ok=0
echo "during the call: $DLG_DURING dialog(s) in Kamailio, $RTP_DURING call(s) in rtpengine; after it: $RTP_AFTER in rtpengine"
[ "$DLG_DURING" = 1 ] && [ "$RTP_DURING" = 1 ] && [ "$RTP_AFTER" = 0 ] || ok=0

# The browser side, without a browser: a WebSocket SIP client registers and alice calls it.
echo "WebSocket leg (alice calls a WebSocket client that answers 486):"
python3 "$REPO/deploy/voice/ws_check.py" "$VOICE_WS_PORT" "$VOICE_SIP_PORT" $((BASE + 30)) agent "$SECRET" || ok=0
sleep 0.3
RTP_AFTER_WS=$(voice_ng_calls || echo "?")
echo "rtpengine calls after the declined call: $RTP_AFTER_WS"
[ "$RTP_AFTER_WS" = 0 ] || ok=0

echo "stack start: ${START_MS} ms (port base $BASE)"
if [ $ok = 1 ]; then RESULT=PASS; fi
echo "$RESULT"
[ $RESULT = PASS ]
