#!/usr/bin/env python3
"""Checks the browser side of the SIP edge without a browser: a WebSocket SIP client (standard library only)
registers with an .invalid Contact as JsSIP does (with an ephemeral seat credential; an expired one and another
seat's are refused), a baresip phone calls it, and the INVITE that reaches it
must carry what a WebRTC peer needs (RTP/SAVPF, ICE candidates, a DTLS fingerprint, Opus) and no a=ssrc.
It then declines with 486, and the caller must see the call closed.

usage: ws_check.py WS_PORT SIP_PORT CALLER_CTRL_PORT USER SECRET"""
import base64, hashlib, hmac, json, os, random, re, socket, struct, sys, time

ws_port, sip_port, ctrl_port, user, secret = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3]), sys.argv[4], sys.argv[5]
failures = []


def check(cond, what):
    print(f"  {'ok ' if cond else 'BAD'} {what}", flush=True)
    if not cond:
        failures.append(what)


# ----- a minimal WebSocket client (RFC 6455, text frames, client frames masked) -----
ws = socket.create_connection(("127.0.0.1", ws_port), timeout=10)
key = base64.b64encode(os.urandom(16)).decode()
ws.sendall((f"GET / HTTP/1.1\r\nHost: 127.0.0.1:{ws_port}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
            f"Sec-WebSocket-Key: {key}\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Protocol: sip\r\n\r\n").encode())
head = b""
while b"\r\n\r\n" not in head:
    head += ws.recv(1)
check(head.startswith(b"HTTP/1.1 101"), "WebSocket handshake answered 101")
rbuf = b""


def ws_send(text):
    data, mask = text.encode(), os.urandom(4)
    n = len(data)
    hdr = bytes([0x81]) + (bytes([0x80 | n]) if n < 126 else bytes([0x80 | 126]) + struct.pack("!H", n))
    ws.sendall(hdr + mask + bytes(b ^ mask[i % 4] for i, b in enumerate(data)))


def ws_recv(timeout):
    global rbuf
    ws.settimeout(timeout)
    while True:
        if len(rbuf) >= 2:
            n, off = rbuf[1] & 0x7F, 2
            if n == 126:
                n, off = (struct.unpack("!H", rbuf[2:4])[0], 4) if len(rbuf) >= 4 else (None, 0)
            elif n == 127:
                n, off = (struct.unpack("!Q", rbuf[2:10])[0], 10) if len(rbuf) >= 10 else (None, 0)
            if n is not None and len(rbuf) >= off + n:
                op, payload, rbuf = rbuf[0] & 0x0F, rbuf[off:off + n], rbuf[off + n:]
                if op == 0x9:  # ping -> pong
                    mask = os.urandom(4)
                    ws.sendall(bytes([0x8A, 0x80 | len(payload)]) + mask + bytes(b ^ mask[i % 4] for i, b in enumerate(payload)))
                    continue
                if op == 0x1:
                    return payload.decode()
                continue
        chunk = ws.recv(65536)
        if not chunk:
            raise ConnectionError("WebSocket closed")
        rbuf += chunk


def tok():
    return "%08x" % random.getrandbits(32)


def credential(extension, expiry):
    username = f"{expiry}:{extension}"
    return username, base64.b64encode(hmac.new(secret.encode(), username.encode(), hashlib.sha256).digest()).decode()


host = tok() + ".invalid"
contact = f"<sip:{tok()}@{host};transport=ws>"


def register(to_user, cred):
    """REGISTER, answering the digest challenge (RFC 2617, MD5, qop=auth) once; returns the final reply."""
    callid, ftag, cseq, auth = tok() + tok(), tok(), 1, ""
    while True:
        ws_send(f"REGISTER sip:127.0.0.1:{sip_port} SIP/2.0\r\nVia: SIP/2.0/WS {host};branch=z9hG4bK{tok()}\r\n"
                f"Max-Forwards: 70\r\nTo: <sip:{to_user}@127.0.0.1>\r\nFrom: <sip:{to_user}@127.0.0.1>;tag={ftag}\r\n"
                f"Call-ID: {callid}\r\nCSeq: {cseq} REGISTER\r\nContact: {contact};expires=300\r\n{auth}"
                f"Expires: 300\r\nUser-Agent: ws_check\r\nContent-Length: 0\r\n\r\n")
        reply = ws_recv(5)
        challenge = re.search(r'^WWW-Authenticate: Digest (.*)$', reply, re.M | re.I)
        if not reply.startswith("SIP/2.0 401") or auth or not challenge:
            return reply
        params = dict(re.findall(r'(\w+)="?([^",]*)"?', challenge.group(1)))
        username, password = cred
        uri, cnonce, nc = f"sip:127.0.0.1:{sip_port}", tok(), "00000001"
        ha1 = hashlib.md5(f"{username}:{params['realm']}:{password}".encode()).hexdigest()
        ha2 = hashlib.md5(f"REGISTER:{uri}".encode()).hexdigest()
        response = hashlib.md5(f"{ha1}:{params['nonce']}:{nc}:{cnonce}:auth:{ha2}".encode()).hexdigest()
        auth = (f'Authorization: Digest username="{username}", realm="{params["realm"]}", nonce="{params["nonce"]}", '
                f'uri="{uri}", response="{response}", algorithm=MD5, qop=auth, cnonce="{cnonce}", nc={nc}\r\n')
        cseq += 1


now = int(time.time())
reply = register(user, credential(user, now - 60))
check(reply.startswith("SIP/2.0 401"), f"an expired seat credential is refused: {reply.splitlines()[0]}")
reply = register(user, credential("someone-else", now + 600))
check(reply.startswith("SIP/2.0 403"), f"another seat's credential is refused: {reply.splitlines()[0]}")
reply = register(user, credential(user, now + 600))
check(reply.startswith("SIP/2.0 200"), f"REGISTER over WebSocket with the seat's credential: {reply.splitlines()[0]}")

# ----- the caller dials the WebSocket user -----
ctrl = socket.create_connection(("127.0.0.1", ctrl_port), timeout=5)
body = json.dumps({"command": "dial", "params": f"sip:{user}@127.0.0.1:{sip_port}", "token": "ws1"}).encode()
ctrl.sendall(str(len(body)).encode() + b":" + body + b",")

t0 = time.monotonic()
invite = None
while time.monotonic() - t0 < 10:
    msg = ws_recv(10)
    if msg.startswith("INVITE "):
        invite = msg
        break
check(invite is not None, "INVITE reached the WebSocket client")
if invite:
    head, _, sdp = invite.partition("\r\n\r\n")
    check(re.search(r"^m=audio \d+ (UDP/TLS/)?RTP/SAVPF ", sdp, re.M) is not None, "offer is RTP/SAVPF")
    check("a=candidate:" in sdp, "offer has ICE candidates")
    check("a=fingerprint:" in sdp, "offer has a DTLS fingerprint")
    check(re.search(r"a=rtpmap:\d+ opus/48000", sdp, re.I) is not None, "offer has Opus for the browser")
    check("a=rtcp-mux" in sdp, "offer has rtcp-mux")
    check("a=ssrc" not in sdp, "offer has no a=ssrc lines")
    check(re.search(r"^Record-Route:", head, re.M | re.I) is not None, "INVITE is record-routed")
    if failures:
        print("  the INVITE as received:\n    " + invite.replace("\r\n", "\n    "), flush=True)
    # 486 Busy Here: copy Via, From, To (with a tag), Call-ID, CSeq.
    keep = [l for l in head.split("\r\n")[1:] if re.match(r"(Via|v|From|f|To|t|Call-ID|i|CSeq):", l, re.I)]
    keep = [l + f";tag={tok()}" if re.match(r"(To|t):", l, re.I) else l for l in keep]
    ws_send("SIP/2.0 486 Busy Here\r\n" + "\r\n".join(keep) + "\r\nContent-Length: 0\r\n\r\n")

# The caller must see the call closed.
ctrl.settimeout(5)
buf, closed = b"", False
t1 = time.monotonic()
while time.monotonic() - t1 < 5 and not closed:
    try:
        buf += ctrl.recv(65536)
    except socket.timeout:
        break
    closed = b'"CALL_CLOSED"' in buf
check(closed, "caller saw the call closed after the 486")
print("ws_check: " + ("ok" if not failures else "FAILED: " + "; ".join(failures)), flush=True)
sys.exit(0 if not failures else 1)
