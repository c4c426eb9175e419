#!/usr/bin/env python3
"""One rtpengine ng request over UDP, for the scripts: `ng.py PORT ping` exits 0 on "pong";
`ng.py PORT calls` prints how many calls rtpengine holds. Standard library only."""
import os, re, socket, sys

def request(port, body, timeout):
    s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    s.settimeout(timeout)
    # rtpengine answers a cookie it has seen from its cache, without running the command again: a fresh cookie each time.
    s.sendto(os.urandom(6).hex().encode() + b" " + body, ("127.0.0.1", port))
    return s.recv(65536).split(b" ", 1)[1]

def call_count(reply):
    i = reply.find(b"5:callsl")
    if i < 0:
        sys.exit(1)
    i += len(b"5:callsl")
    n = 0
    while reply[i:i + 1] != b"e":  # a bencoded list of call-id strings
        m = re.match(rb"(\d+):", reply[i:])
        i += m.end() + int(m.group(1))
        n += 1
    return n

port, command = int(sys.argv[1]), sys.argv[2]
if command == "ping":
    sys.exit(0 if b"pong" in request(port, b"d7:command4:pinge", 0.5) else 1)
if command == "calls":
    print(call_count(request(port, b"d7:command4:liste", 1)))
    sys.exit(0)
sys.exit(f"unknown command {command}")
