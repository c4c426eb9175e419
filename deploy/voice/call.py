#!/usr/bin/env python3
"""Drives two baresip instances over ctrl_tcp (JSON in netstrings): the caller dials, the callee accepts,
the call lasts a while, the caller hangs up. Python standard library only.

usage: call.py CALLER_CTRL_PORT CALLEE_CTRL_PORT TARGET_URI SECONDS
Prints one line per event and exits 0 when both sides saw the call established and closed."""
import json, selectors, socket, sys, time

caller_port, callee_port, target, seconds = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3], float(sys.argv[4])


class Ctrl:
    def __init__(self, name, port):
        self.name, self.buf, self.token = name, b"", 0
        self.sock = socket.create_connection(("127.0.0.1", port), timeout=5)
        self.sock.setblocking(False)

    def send(self, command, params=""):
        self.token += 1
        body = json.dumps({"command": command, "params": params, "token": f"{self.name}{self.token}"}).encode()
        self.sock.sendall(str(len(body)).encode() + b":" + body + b",")

    def messages(self):
        data = self.sock.recv(65536)
        if not data:
            raise ConnectionError(f"{self.name}: baresip closed the control connection")
        self.buf += data
        while True:
            colon = self.buf.find(b":")
            if colon < 0:
                return
            n = int(self.buf[:colon])
            if len(self.buf) < colon + 1 + n + 1:
                return
            msg, self.buf = self.buf[colon + 1:colon + 1 + n], self.buf[colon + 1 + n + 1:]
            yield json.loads(msg)


caller, callee = Ctrl("caller", caller_port), Ctrl("callee", callee_port)
sel = selectors.DefaultSelector()
for c in (caller, callee):
    sel.register(c.sock, selectors.EVENT_READ, c)

t0 = time.monotonic()
caller.send("dial", target)
established, closed, hangup_at = set(), set(), None
deadline = t0 + seconds + 20
while time.monotonic() < deadline and len(closed) < 2:
    if hangup_at and time.monotonic() >= hangup_at:
        caller.send("hangup")
        hangup_at = None
    for key, _ in sel.select(timeout=0.2):
        c = key.data
        for m in c.messages():
            if not m.get("event"):
                if m.get("ok") is False:
                    print(f"{c.name}: command failed: {m}", flush=True)
                continue
            kind = m.get("type")
            print(f"{time.monotonic() - t0:7.3f}s {c.name}: {kind} {m.get('peeruri', '')}", flush=True)
            if kind == "CALL_INCOMING" and c is callee:
                callee.send("accept")
            elif kind == "CALL_ESTABLISHED":
                established.add(c.name)
                if len(established) == 2:
                    hangup_at = time.monotonic() + seconds
            elif kind == "CALL_CLOSED":
                closed.add(c.name)

ok = len(established) == 2 and len(closed) == 2
print(f"call: established by {sorted(established)}, closed by {sorted(closed)}: {'ok' if ok else 'FAILED'}", flush=True)
sys.exit(0 if ok else 1)
