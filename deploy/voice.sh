#!/usr/bin/env bash
# The real SIP and media stack on loopback: Kamailio (registrar, WebSocket for browsers) and rtpengine (userspace).
#   deploy/voice.sh start|stop|status|restart
# Configuration comes from deploy/voice/*.in; configs, logs and PID files go to $HS_VOICE_DIR (default $HS_DATA/voice).
# Ports: HS_VOICE_PORT_BASE, or HS_VOICE_SIP_PORT / _WS_PORT / _NG_PORT / _RTP_MIN / _RTP_MAX (see deploy/voice-lib.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
source deploy/lib.sh
source deploy/voice-lib.sh
VOICE_TEMPLATES="$PWD/deploy/voice"
voice_settings

case "${1:-}" in
  start)
    ensure_voice_packages
    t0=$(date +%s%N)
    voice_start
    t1=$(date +%s%N)
    log "Voice stack up in $(( (t1 - t0) / 1000000 )) ms: SIP 127.0.0.1:$VOICE_SIP_PORT (udp, tcp), ws://127.0.0.1:$VOICE_WS_PORT, rtpengine ng :$VOICE_NG_PORT, RTP $VOICE_RTP_MIN-$VOICE_RTP_MAX, folder $VOICE_DIR"
    ;;
  stop) voice_stop ;;
  restart) voice_stop; ensure_voice_packages; voice_start; voice_status ;;
  status) voice_status ;;
  *) echo "usage: $0 start|stop|status|restart" >&2; exit 2 ;;
esac
