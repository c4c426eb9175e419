-- Recordings the platform keeps itself (the sip gateway's voice edge uploads the file when the call ends), rather than
-- an address on the switch. call_recording.url is then 'stored:<call id>'; one file per call, the latest upload wins.
CREATE TABLE call_recording_audio (
    call_id      text PRIMARY KEY,
    content_type text NOT NULL,
    content      bytea NOT NULL,
    size_bytes   integer NOT NULL,
    stored_at    timestamptz NOT NULL
);
