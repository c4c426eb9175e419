#!/usr/bin/env python3
"""Prints an ephemeral SIP credential for a seat, as the platform issues it (auth_ephemeral, SHA-256):
    seat_credential.py SECRET EXTENSION [LIFETIME_SECONDS]  ->  "<expiry>:<extension> <password>"
For the voice scripts' own phones; agents get theirs from POST /api/console/phone."""
import base64, hashlib, hmac, sys, time

secret, extension = sys.argv[1], sys.argv[2]
lifetime = int(sys.argv[3]) if len(sys.argv) > 3 else 3600
username = f"{int(time.time()) + lifetime}:{extension}"
password = base64.b64encode(hmac.new(secret.encode(), username.encode(), hashlib.sha256).digest()).decode()
print(username, password)
