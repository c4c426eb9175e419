-- Call center part 1: queue settings, hotline routing, and the read tables the consoles, wallboard and audits use.

ALTER TABLE call_queue
    ADD COLUMN ring_timeout_seconds   integer NOT NULL DEFAULT 20,
    ADD COLUMN max_no_answers         integer NOT NULL DEFAULT 3,
    ADD COLUMN max_wait_seconds       integer NOT NULL DEFAULT 300,
    ADD COLUMN overflow_queue_id      text REFERENCES call_queue (id),
    ADD COLUMN offer_callback         boolean NOT NULL DEFAULT true,
    ADD COLUMN announce_every_seconds integer NOT NULL DEFAULT 30,
    ADD COLUMN tiers                  jsonb NOT NULL DEFAULT '[]',
    ADD COLUMN top_down_order         text[] NOT NULL DEFAULT '{}';

-- Which queue a dialled number (and the caller's IVR choice, if any) leads to. ivr_choice '' means "no choice".
CREATE TABLE hotline_route (
    dialled    text NOT NULL,
    ivr_choice text NOT NULL DEFAULT '',
    queue_id   text NOT NULL REFERENCES call_queue (id),
    priority   integer NOT NULL DEFAULT 0,
    PRIMARY KEY (dialled, ivr_choice)
);

-- The live status of every agent (the wallboard's source after a reload).
CREATE TABLE agent_status (
    agent_id      text PRIMARY KEY REFERENCES agent (id),
    status        text NOT NULL,
    reason        text,
    call_id       text,
    since         timestamptz NOT NULL,
    calls_handled integer NOT NULL,
    talk_seconds  integer NOT NULL
);

-- One row per call: the history shown in screen pops, call lists and reports.
CREATE TABLE call_record (
    call_id     text PRIMARY KEY,
    caller      text NOT NULL,
    dialled     text NOT NULL,
    queue_id    text,
    agent_id    text,
    ivr_choice  text,
    status      text NOT NULL,
    offered_at  timestamptz NOT NULL,
    answered_at timestamptz,
    ended_at    timestamptz,
    end_cause   text,
    wait_ms     bigint,
    recording_url text
);
CREATE INDEX call_record_caller ON call_record (caller, offered_at DESC);
CREATE INDEX call_record_agent ON call_record (agent_id, offered_at DESC);

-- Every routing decision: the ranked candidates, who was chosen, and why the others were skipped.
CREATE TABLE routing_decision (
    id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    call_id    text NOT NULL,
    queue_id   text NOT NULL,
    decided_at timestamptz NOT NULL,
    strategy   text NOT NULL,
    waited_ms  bigint NOT NULL,
    candidates jsonb NOT NULL,
    chosen     text[] NOT NULL,
    skipped    jsonb NOT NULL
);
CREATE INDEX routing_decision_call ON routing_decision (call_id, decided_at);
