-- Automatic recording (自动录音): every connected call is recorded unless its queue has recording switched off.
-- A queue without a row here records (the default); queue id 'outbound' covers agent outbound calls.
CREATE TABLE queue_recording (
    queue_id text PRIMARY KEY,
    enabled  boolean NOT NULL
);

-- One row per recording the switch reported ready, written in the same transaction as the call's event.
CREATE TABLE call_recording (
    call_id    text NOT NULL,
    url        text NOT NULL,
    agent_id   text,
    queue_id   text,
    caller     text NOT NULL,
    started_at timestamptz,
    ready_at   timestamptz NOT NULL,
    duration   integer,
    PRIMARY KEY (call_id, url)
);
CREATE INDEX call_recording_ready ON call_recording (ready_at DESC);
CREATE INDEX call_recording_agent ON call_recording (agent_id, ready_at DESC);

-- Every playback request, granted or refused: who asked for which call's recording, when.
CREATE TABLE recording_access (
    id      bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    at      timestamptz NOT NULL,
    user_id text NOT NULL,
    call_id text NOT NULL,
    granted boolean NOT NULL
);
CREATE INDEX recording_access_call ON recording_access (call_id, at);
